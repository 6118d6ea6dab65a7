import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocaleDigits } from '../../../shared/domain/digits';
import { DEFAULT_LOCALE, isRightToLeft, isSupportedLocale, type Locale } from '../../../shared/domain/locales';
import { localDate } from '../../../shared/domain/validity';
import { formatDateInput, parseDateInput } from '../../../shared/i18n/calendars';
import { useSettings } from '../../app/SettingsContext';
import { CalendarDialog } from './CalendarDialog';
import { CalendarIcon } from './CalendarIcon';
import './date-picker.css';

export interface DatePickerProps {
  /** The chosen day as ISO `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** An ISO day, or '' when the field is emptied or holds something that is not a day. */
  onChange(iso: string): void;
  /** The first day that can be chosen (ISO); days before it are disabled in the grid. */
  min?: string;
  /** The last day that can be chosen (ISO). */
  max?: string;
  /** Today is marked in the grid; it is today in this zone (default: the shop's time zone). */
  timeZone?: string;
  /** Classes for the field's box, such as `input--short`. */
  className?: string;
  disabled?: boolean;
  // FormField passes these to its child: they go to the text input
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * A day in the admin's language and calendar: a text field that shows and reads the day as the locale writes
 * it (th `25/5/2569`, azb `۱۴۰۵/۰۳/۲۱`, ko `2026. 5. 25.`; any digit script, the common separators) and a
 * button that opens the month grid. The browser's `<input type="date">` knows only the Gregorian calendar.
 * What goes in and out is always the ISO day. Text that is not a day marks the field invalid (aria-invalid and a
 * message with an example) once the field is left; a day before `min` is passed on, and marked, as a native
 * date input does, so the form's own check can say why.
 */
export function DatePicker({ value, onChange, min, max, timeZone, className, disabled, ...aria }: DatePickerProps) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const locale: Locale = isSupportedLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const rtl = isRightToLeft(locale);
  const ownId = useId();
  const inputId = aria.id ?? `${ownId}-input`;
  const errorId = `${inputId}-format`;
  const dialogId = `${ownId}-dialog`;
  const control = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const [left, setLeft] = useState(false);
  const [open, setOpen] = useState(false);
  const today = localDate(Date.now(), timeZone ?? settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

  // a value from outside (a reset, a pick) or another language replaces the text; our own typing does not
  const shown = useRef({ value, locale, text });
  shown.current.text = text;
  useEffect(() => {
    const before = shown.current;
    shown.current = { value, locale, text: before.text };
    const typed = parseDateInput(before.text, before.locale) ?? '';
    if (before.locale !== locale ? value !== '' : typed !== value) {
      setText(formatDateInput(value, locale));
      setLeft(false);
    }
  }, [value, locale]);

  // typed digits are shown in the locale's digits at once (azb 1 -> ۱); one code unit each, so the caret stays put
  useLayoutEffect(() => {
    const field = input.current;
    if (caret.current !== null && field && field === document.activeElement) field.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const parsed = text.trim() === '' ? '' : parseDateInput(text, locale);
  const unreadable = parsed === null;
  const outOfRange = parsed !== null && parsed !== '' && Boolean((min && parsed < min) || (max && parsed > max));
  const showError = unreadable && left;
  const invalid = aria['aria-invalid'] === true || aria['aria-invalid'] === 'true' || showError || outOfRange;
  const describedBy = [aria['aria-describedby'], showError ? errorId : null].filter(Boolean).join(' ') || undefined;

  const emit = (iso: string) => {
    if (iso !== value) onChange(iso);
  };
  const tidy = () => {
    setLeft(true);
    if (parsed) setText(formatDateInput(parsed, locale));
  };
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);
  const pick = (iso: string) => {
    setText(formatDateInput(iso, locale));
    setLeft(false);
    emit(iso);
    close(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'Enter') {
      tidy(); // the form still submits: the value was passed on while typing
    }
  };

  return (
    <span className={`date-picker${className ? ` ${className}` : ''}`}>
      <span ref={control} className="date-picker__control">
        <input
          ref={input}
          id={inputId}
          className="input date-picker__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          dir={rtl ? 'rtl' : 'ltr'}
          value={toLocaleDigits(text, locale)}
          placeholder={t('datePicker.placeholder')}
          disabled={disabled}
          aria-label={aria['aria-label']}
          aria-labelledby={aria['aria-labelledby']}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            const next = event.target.value;
            caret.current = event.target.selectionStart;
            setText(next);
            emit(next.trim() === '' ? '' : (parseDateInput(next, locale) ?? ''));
          }}
          onBlur={tidy}
          onKeyDown={onKeyDown}
        />
        <button
          ref={button}
          type="button"
          className="date-picker__open"
          aria-label={t('datePicker.choose')}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? dialogId : undefined}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          <CalendarIcon />
        </button>
      </span>
      {showError && (
        <span id={errorId} className="date-picker__error" role="alert">
          {t('datePicker.invalid', { example: formatDateInput(today, locale) })}
        </span>
      )}
      {open && control.current && (
        <CalendarDialog
          id={dialogId}
          anchor={control.current}
          locale={locale}
          rtl={rtl}
          value={parsed || value}
          today={today}
          min={min}
          max={max}
          onPick={pick}
          onClose={close}
        />
      )}
    </span>
  );
}
