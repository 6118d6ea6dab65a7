import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/schemas/cards';
import { activeChips, type FilterForm } from './filter-model';
import { formatIsoDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';

interface FilterChipsProps {
  value: FilterForm;
  templates: TemplateSummary[];
  onChange(next: FilterForm): void;
}

/** Active filters, each visible and removable with its ×. */
export function FilterChips({ value, templates, onChange }: FilterChipsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const chips = activeChips(value);
  if (chips.length === 0) return null;
  const label = (key: string): string => {
    const [kind, item] = key.split(':');
    if (kind === 'platform') return t(`platforms.${item}`);
    if (kind === 'progress') return t(`cards.progressStates.${item}`);
    if (kind === 'template') {
      const tpl = templates.find((x) => x.id === value.templateId);
      const name = tpl ? tpl.name : t('cards.filter.templateNumber', { id: value.templateId });
      return value.templateVersion ? t('cards.filter.templateChip', { name, version: value.templateVersion }) : name;
    }
    return t(`cards.filter.chips.${kind}`, { date: formatIsoDate(value[kind as keyof FilterForm] as string, locale) });
  };
  return (
    <ul className="chips" aria-label={t('cards.filter.active')}>
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span>{label(chip.key)}</span>
          <button type="button" className="chip__remove" aria-label={t('cards.filter.remove', { name: label(chip.key) })} onClick={() => onChange(chip.remove(value))}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
