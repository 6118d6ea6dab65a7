import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import { getSettings, updateSettings } from './settings-service';

export function createSettingsHandlers(db: Db): HandlersFor<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => getSettings(db),
    'settings.set': (patch) => updateSettings(db, patch),
  };
}
