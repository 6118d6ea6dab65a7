import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/schemas/settings';
import { call } from '../lib/api';
import { changeLanguage } from '../lib/i18n';

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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call('settings.get', {}).then(
      (value) => {
        if (!live) return;
        setSettings(value);
        setError(null);
        void changeLanguage(value.locale);
      },
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const value = useMemo<SettingsState>(
    () => ({
      settings,
      error,
      update: (next) => {
        setSettings(next);
        void changeLanguage(next.locale);
      },
      reload: () => setAttempt((n) => n + 1),
    }),
    [settings, error],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings needs a SettingsProvider');
  return state;
}
