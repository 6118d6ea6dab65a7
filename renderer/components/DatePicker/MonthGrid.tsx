import { useEffect, useRef, type KeyboardEvent } from 'react';
import { toLocaleDigits } from '../../../shared/domain/digits';
import type { Locale } from '../../../shared/domain/locales';
import { addDays, addMonths, addYears, endOfWeek, fromIso, monthWeeks, startOfWeek, weekdayNames } from '../../../shared/i18n/calendars';
import { formatIsoDate } from '../../../shared/i18n/format';

interface MonthGridProps {
  locale: Locale;
  rtl: boolean;
  /** The day with the keyboard focus; its month is the one shown. */
  focused: string;
  /** Moves the focus (keyboard); the caller keeps it within min/max. */
  onFocusChange(iso: string): void;
  selected: string;
  today: string;
  isDisabled(iso: string): boolean;
  onPick(iso: string): void;
  labelledBy: string;
  /** Put the browser focus on the focused day after it changes (false while the month buttons are used). */
  takeFocus: boolean;
}

/** Where a key moves the focus, or null when the key is not the grid's. Left and Right swap in right-to-left. */
function target(event: KeyboardEvent, iso: string, locale: Locale, rtl: boolean): string | null {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (event.key) {
    case forward:
      return addDays(iso, 1);
    case back:
      return addDays(iso, -1);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'PageDown':
      return event.shiftKey ? addYears(iso, 1, locale) : addMonths(iso, 1, locale);
    case 'PageUp':
      return event.shiftKey ? addYears(iso, -1, locale) : addMonths(iso, -1, locale);
    case 'Home':
      return startOfWeek(iso, locale);
    case 'End':
      return endOfWeek(iso, locale);
    default:
      return null;
  }
}

/**
 * One month of the locale's calendar as an ARIA grid (a table): the locale's weekday names from its first
 * day of the week, one roving tab stop, today marked with aria-current, the chosen day with aria-selected.
 * In right-to-left the table's columns run from the right, so the week reads the way the locale reads.
 */
export function MonthGrid({ locale, rtl, focused, onFocusChange, selected, today, isDisabled, onPick, labelledBy, takeFocus }: MonthGridProps) {
  const table = useRef<HTMLTableElement>(null);
  const view = fromIso(focused, locale)!;
  const weeks = monthWeeks(view.year, view.month, locale);

  useEffect(() => {
    if (takeFocus) table.current?.querySelector<HTMLElement>(`[data-iso="${focused}"]`)?.focus({ preventScroll: true });
  }, [focused, takeFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (!isDisabled(focused)) onPick(focused);
      return;
    }
    const next = target(event, focused, locale, rtl);
    if (next === null) return;
    event.preventDefault();
    onFocusChange(next);
  };

  return (
    <table ref={table} role="grid" className="date-picker__grid" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          {weekdayNames(locale).map((name, i) => (
            <th key={i} scope="col" className="date-picker__weekday">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((iso, d) =>
              iso === null ? (
                <td key={d} className="date-picker__blank" />
              ) : (
                <td
                  key={iso}
                  data-iso={iso}
                  tabIndex={iso === focused ? 0 : -1}
                  className="date-picker__day"
                  aria-label={formatIsoDate(iso, locale)}
                  aria-selected={iso === selected}
                  aria-current={iso === today ? 'date' : undefined}
                  aria-disabled={isDisabled(iso) || undefined}
                  onClick={() => {
                    if (isDisabled(iso)) return;
                    onPick(iso);
                  }}
                >
                  {toLocaleDigits(String(fromIso(iso, locale)!.day), locale)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
