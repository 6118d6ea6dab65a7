import type { CardFilter } from '../../../shared/schemas/cards';
import { zonedTimeToInstant } from '../../../shared/domain/zoned-time';

/** The filter as the form holds it: dates as YYYY-MM-DD in the shop's zone. */
export interface FilterForm {
  platforms: Array<'web' | 'apple' | 'google'>;
  templateId: number | null;
  templateVersion: number | null;
  progress: Array<'notStarted' | 'collecting' | 'goalReached'>;
  createdFrom: string;
  createdTo: string;
  lastStampFrom: string;
  lastStampTo: string;
}

export const EMPTY_FILTER: FilterForm = {
  platforms: [],
  templateId: null,
  templateVersion: null,
  progress: [],
  createdFrom: '',
  createdTo: '',
  lastStampFrom: '',
  lastStampTo: '',
};

/** Midnight starting `date` in `zone`; with `nextDay`, midnight after it (so "to" includes that day). */
function dayStart(date: string, zone: string, nextDay = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (nextDay ? 1 : 0)));
  return zonedTimeToInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0, second: 0 },
    zone,
  );
}

/** The API filter for a form: date ranges become instants in the shop's time zone. */
export function toApiFilter(form: FilterForm, zone: string): CardFilter {
  return {
    platforms: form.platforms.length ? form.platforms : undefined,
    templateId: form.templateId ?? undefined,
    templateVersion: form.templateId !== null ? (form.templateVersion ?? undefined) : undefined,
    progress: form.progress.length ? form.progress : undefined,
    createdFrom: dayStart(form.createdFrom, zone),
    createdTo: dayStart(form.createdTo, zone, true),
    lastStampFrom: dayStart(form.lastStampFrom, zone),
    lastStampTo: dayStart(form.lastStampTo, zone, true),
  };
}

export type FilterChip = { key: string; remove(form: FilterForm): FilterForm };

/** One removable chip per active criterion. */
export function activeChips(form: FilterForm): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const platform of form.platforms) {
    chips.push({ key: `platform:${platform}`, remove: (f) => ({ ...f, platforms: f.platforms.filter((p) => p !== platform) }) });
  }
  if (form.templateId !== null) chips.push({ key: 'template', remove: (f) => ({ ...f, templateId: null, templateVersion: null }) });
  for (const state of form.progress) {
    chips.push({ key: `progress:${state}`, remove: (f) => ({ ...f, progress: f.progress.filter((p) => p !== state) }) });
  }
  for (const field of ['createdFrom', 'createdTo', 'lastStampFrom', 'lastStampTo'] as const) {
    if (form[field]) chips.push({ key: field, remove: (f) => ({ ...f, [field]: '' }) });
  }
  return chips;
}
