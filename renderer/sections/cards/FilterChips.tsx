import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/schemas/cards';
import { activeChips, type FilterForm } from './filter-model';

interface FilterChipsProps {
  value: FilterForm;
  templates: TemplateSummary[];
  onChange(next: FilterForm): void;
}

/** Active filters, each visible and removable with its ×. */
export function FilterChips({ value, templates, onChange }: FilterChipsProps) {
  const { t } = useTranslation();
  const chips = activeChips(value);
  if (chips.length === 0) return null;
  const label = (key: string): string => {
    const [kind, item] = key.split(':');
    if (kind === 'platform') return t(`platforms.${item}`);
    if (kind === 'progress') return t(`cards.progressStates.${item}`);
    if (kind === 'template') {
      const tpl = templates.find((x) => x.id === value.templateId);
      const name = tpl ? tpl.name : `#${value.templateId}`;
      return value.templateVersion ? `${name} v${value.templateVersion}` : name;
    }
    return `${t(`cards.filter.${kind}`)} ${value[kind as keyof FilterForm] as string}`;
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
