import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/schemas/settings';
import { changeLanguage } from '../lib/i18n';
import { useApiQuery } from '../lib/use-api-query';

interface SettingsState {
  settings: Settings | null;
  error: unknown;
  /** Replace the settings after a successful settings.set. */
  update(next: Settings): void;
  reload(): void;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads the shop settings once; sections read the shop name, time zone and locale from here. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const loaded = useApiQuery('settings.get', {});
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setSettings(loaded.data);
    void changeLanguage(loaded.data.locale);
  }, [loaded.data]);

  const value = useMemo<SettingsState>(
    () => ({
      settings,
      error: loaded.error,
      update: (next) => {
        setSettings(next);
        void changeLanguage(next.locale);
      },
      reload: loaded.reload,
    }),
    [settings, loaded.error, loaded.reload],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings needs a SettingsProvider');
  return state;
}
