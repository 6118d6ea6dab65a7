import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getAllCountries, getCountryForTimezone } from 'countries-and-timezones';
import { INTL_LOCALES } from '../../../shared/domain/locales';
import { FormField } from '../../components/FormField';
import { useLocale } from '../../lib/use-locale';

interface PhoneCountryFieldProps {
  value: string;
  timeZone: string;
  error: string | null;
  onChange(country: string): void;
}

/** The country of phone numbers written without a country code: from the time zone, or chosen. */
export function PhoneCountryField({ value, timeZone, error, onChange }: PhoneCountryFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useMemo(() => new Intl.DisplayNames([INTL_LOCALES[locale]], { type: 'region' }), [locale]);
  const countries = useMemo(
    () =>
      Object.keys(getAllCountries())
        .map((code) => ({ code, name: names.of(code) ?? code }))
        .sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALES[locale])),
    [names, locale],
  );
  const fromZone = getCountryForTimezone(timeZone)?.id;
  return (
    <FormField label={t('settings.phoneCountry')} hint={t('settings.phoneCountryHint')} error={error}>
      <select className="input" name="phoneCountry" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {fromZone ? t('settings.phoneCountryFromZone', { country: names.of(fromZone) ?? fromZone }) : t('settings.phoneCountryNone')}
        </option>
        {countries.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </FormField>
  );
}
