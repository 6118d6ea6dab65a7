import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, SUPPORTED_LOCALES, isRightToLeft, type Locale } from '../../../shared/domain/locales';
import type { Settings } from '../../../shared/schemas/settings';
import { FormField } from '../../components/FormField';
import { call } from '../../lib/api';
import { errorText } from '../../lib/error-text';

interface LanguageFieldProps {
  value: Locale;
  /** After the language was saved: the whole admin switches at once, open forms keep what was typed. */
  onSaved(next: Settings): void;
}

/** Settings → Language: the five languages by their own names; a choice is saved and applied at once. */
export function LanguageField({ value, onSaved }: LanguageFieldProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (locale: Locale) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call('settings.set', { locale }));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormField label={t('settings.language')} hint={t('settings.languageHint')} error={error}>
      <select className="input" name="locale" value={value} disabled={busy} onChange={(e) => void choose(e.target.value as Locale)}>
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale} dir={isRightToLeft(locale) ? 'rtl' : 'ltr'}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </FormField>
  );
}
