import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/locales';
import { addMonths, addYears, FIRST_DAY, fromIso, LAST_DAY, monthHeading } from '../../../shared/i18n/calendars';
import { ChevronIcon } from './ChevronIcon';
import { MonthGrid } from './MonthGrid';

interface CalendarDialogProps {
  id: string;
  /** The field the dialog opens from: it is placed below it (above when there is no room). */
  anchor: HTMLElement;
  locale: Locale;
  rtl: boolean;
  value: string;
  today: string;
  min?: string;
  max?: string;
  onPick(iso: string): void;
  /** Escape returns the focus to the field's button; a click elsewhere leaves it where it went. */
  onClose(returnFocus: boolean): void;
}

const GAP = 4;
const MARGIN = 8;

/** Within min/max and the days the calendars support. */
function clamp(iso: string, min?: string, max?: string): string {
  const low = min && min > FIRST_DAY ? min : FIRST_DAY;
  const high = max && max < LAST_DAY ? max : LAST_DAY;
  return iso < low ? low : iso > high ? high : iso;
}

/**
 * The month grid in a small modal dialog. It is rendered at the end of the body (or of the open <dialog>
 * it sits in), so no label, overflow or stacking of the page around the field gets in its way, and placed
 * with fixed coordinates next to the field. Focus stays inside while it is open (Tab cycles).
 */
export function CalendarDialog({ id, anchor, locale, rtl, value, today, min, max, onPick, onClose }: CalendarDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(() => clamp(value || today, min, max));
  const [takeFocus, setTakeFocus] = useState(true);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const view = fromIso(focused, locale)!;

  useLayoutEffect(() => {
    const measure = () => {
      const field = anchor.getBoundingClientRect();
      const own = box.current!.getBoundingClientRect();
      const below = field.bottom + GAP;
      const top = below + own.height > window.innerHeight - MARGIN && field.top - GAP - own.height >= MARGIN ? field.top - GAP - own.height : below;
      const start = rtl ? field.right - own.width : field.left;
      const left = Math.max(MARGIN, Math.min(start, window.innerWidth - own.width - MARGIN));
      setPlace((p) => (p && p.top === top && p.left === left ? p : { top, left }));
    };
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, true);
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure, true);
    };
  }, [anchor, rtl, view.year, view.month]);

  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const node = event.target as Node;
      if (!box.current?.contains(node) && !anchor.contains(node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [anchor, onClose]);

  // a month button that turns disabled (the last month before min) would drop the focus out of the dialog
  useEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    if (box.current && (!active || !box.current.contains(active) || (active as HTMLButtonElement).disabled)) {
      box.current.querySelector<HTMLElement>('[tabindex="0"]')?.focus({ preventScroll: true });
    }
  }, [focused]);

  const go = (iso: string, withFocus: boolean) => {
    setTakeFocus(withFocus);
    setFocused(clamp(iso, min, max));
  };
  const step = (next: string) => clamp(next, min, max) !== focused;
  const previousMonth = addMonths(focused, -1, locale);
  const nextMonth = addMonths(focused, 1, locale);
  const previousYear = addYears(focused, -1, locale);
  const nextYear = addYears(focused, 1, locale);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // a panel or dialog around the field stays open
      onClose(true);
    } else if (event.key === 'Tab') {
      const stops = [...box.current!.querySelectorAll<HTMLElement>('button:not(:disabled), [tabindex="0"]')];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === stops.length - 1 ? 0 : at + 1;
      event.preventDefault();
      stops[next]?.focus();
    }
  };

  const container = (anchor.closest('dialog[open]') as HTMLElement | null) ?? document.body;
  return createPortal(
    <div
      ref={box}
      id={id}
      role="dialog"
      aria-modal="true"
      aria-label={t('datePicker.choose')}
      dir={rtl ? 'rtl' : 'ltr'}
      lang={locale}
      className="date-picker-dialog"
      style={{ top: place?.top ?? 0, left: place?.left ?? 0 }}
      onKeyDown={onKeyDown}
    >
      <div className="date-picker__header">
        <button type="button" className="date-picker__nav" aria-label={t('datePicker.previousYear')} disabled={!step(previousYear)} onClick={() => go(previousYear, false)}>
          <ChevronIcon towards="earlier" double />
        </button>
        <button type="button" className="date-picker__nav" aria-label={t('datePicker.previousMonth')} disabled={!step(previousMonth)} onClick={() => go(previousMonth, false)}>
          <ChevronIcon towards="earlier" />
        </button>
        <h2 id={headingId} className="date-picker__heading" aria-live="polite">
          {monthHeading(view.year, view.month, locale)}
        </h2>
        <button type="button" className="date-picker__nav" aria-label={t('datePicker.nextMonth')} disabled={!step(nextMonth)} onClick={() => go(nextMonth, false)}>
          <ChevronIcon towards="later" />
        </button>
        <button type="button" className="date-picker__nav" aria-label={t('datePicker.nextYear')} disabled={!step(nextYear)} onClick={() => go(nextYear, false)}>
          <ChevronIcon towards="later" double />
        </button>
      </div>
      <MonthGrid
        locale={locale}
        rtl={rtl}
        focused={focused}
        onFocusChange={(iso) => go(iso, true)}
        selected={value}
        today={today}
        isDisabled={(iso) => Boolean((min && iso < min) || (max && iso > max))}
        onPick={onPick}
        labelledBy={headingId}
        takeFocus={takeFocus}
      />
    </div>,
    container,
  );
}
