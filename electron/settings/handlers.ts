import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import { getSettings, updateSettings } from './settings-service';
import { syncPhoneSearch } from '../cards/phone-search';

export function createSettingsHandlers(db: Db): HandlersFor<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => getSettings(db),
    'settings.set': (patch, ctx) => {
      const settings = updateSettings(db, patch, ctx.now());
      // a new phone country or time zone changes how numbers without a country code read
      syncPhoneSearch(db, settings);
      return settings;
    },
  };
}
