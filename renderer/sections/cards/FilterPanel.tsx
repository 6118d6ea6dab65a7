import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../shared/domain/platforms';
import { PROGRESS_STATES, type TemplateSummary } from '../../../shared/schemas/cards';
import { DatePicker } from '../../components/DatePicker';
import { EMPTY_FILTER, type FilterForm } from './filter-model';

interface FilterPanelProps {
  value: FilterForm;
  templates: TemplateSummary[];
  onChange(next: FilterForm): void;
  onClose(): void;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Platform, stamp card and version, progress, created and last-stamp ranges. Changes apply at once. */
export function FilterPanel({ value, templates, onChange, onClose }: FilterPanelProps) {
  const { t } = useTranslation();
  const template = templates.find((tpl) => tpl.id === value.templateId);
  return (
    <section className="filter-panel card" aria-label={t('cards.filter.title')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <fieldset className="filter-panel__group">
        <legend>{t('cards.filter.platform')}</legend>
        {PLATFORMS.map((platform) => (
          <label key={platform} className="check">
            <input
              type="checkbox"
              checked={value.platforms.includes(platform)}
              onChange={() => onChange({ ...value, platforms: toggle(value.platforms, platform) })}
            />
            {t(`platforms.${platform}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-panel__group">
        <legend>{t('cards.filter.template')}</legend>
        <label className="field__label" htmlFor="filter-template">
          {t('cards.filter.stampCard')}
        </label>
        <select
          id="filter-template"
          className="input"
          value={value.templateId ?? ''}
          onChange={(e) => onChange({ ...value, templateId: e.target.value ? Number(e.target.value) : null, templateVersion: null })}
        >
          <option value="">{t('cards.filter.anyTemplate')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name} (#{tpl.id})
            </option>
          ))}
        </select>
        <label className="field__label" htmlFor="filter-version">
          {t('cards.filter.version')}
        </label>
        <select
          id="filter-version"
          className="input"
          disabled={!template}
          value={value.templateVersion ?? ''}
          onChange={(e) => onChange({ ...value, templateVersion: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('cards.filter.anyVersion')}</option>
          {template?.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {t('cards.filter.versionName', { version: v.version })}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset className="filter-panel__group">
        <legend>{t('cards.filter.progress')}</legend>
        {PROGRESS_STATES.map((state) => (
          <label key={state} className="check">
            <input type="checkbox" checked={value.progress.includes(state)} onChange={() => onChange({ ...value, progress: toggle(value.progress, state) })} />
            {t(`cards.progressStates.${state}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-panel__group">
        <legend>{t('cards.filter.dates')}</legend>
        {(['createdFrom', 'createdTo', 'lastStampFrom', 'lastStampTo'] as const).map((field) => (
          <label key={field} className="date-field">
            <span>{t(`cards.filter.${field}`)}</span>
            <DatePicker value={value[field]} onChange={(iso) => onChange({ ...value, [field]: iso })} />
          </label>
        ))}
      </fieldset>
      <div className="filter-panel__actions">
        <button type="button" className="button" onClick={() => onChange(EMPTY_FILTER)}>
          {t('cards.filter.clear')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('cards.filter.done')}
        </button>
      </div>
    </section>
  );
}
