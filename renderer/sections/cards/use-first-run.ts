import { useCallback, useEffect, useState } from 'react';
import { useSettings } from '../../app/SettingsContext';
import { call } from '../../lib/api';

const SKIPPED = 'stampdesk.welcomeSkipped';

export type FirstRun = 'checking' | 'welcome' | 'done';

/**
 * Whether the shop opens on the welcome: a shop with no name, no card and no voucher has never been set up.
 * Once shown, the welcome stays until it is finished (demo data loaded, cards imported, or skipped), even if
 * saving the shop name on the way makes the shop no longer look new. A skip lasts for this session of the app.
 */
export function useFirstRun(): { state: FirstRun; finish(): void; skip(): void } {
  const { settings } = useSettings();
  const [state, setState] = useState<FirstRun>('checking');
  useEffect(() => {
    if (!settings || state !== 'checking') return;
    if (settings.shopName.trim() !== '' || sessionStorage.getItem(SKIPPED)) {
      setState('done');
      return;
    }
    let live = true;
    call('app.info', {}).then(
      (info) => live && setState(info.cards === 0 && info.vouchers === 0 ? 'welcome' : 'done'),
      () => live && setState('done'),
    );
    return () => {
      live = false;
    };
  }, [settings, state]);
  return {
    state,
    finish: useCallback(() => setState('done'), []),
    skip: useCallback(() => {
      sessionStorage.setItem(SKIPPED, '1');
      setState('done');
    }, []),
  };
}
