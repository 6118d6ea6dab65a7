import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { parseLocaleInteger, toLocaleDigits } from '../../shared/domain/digits';
import { useLocale } from '../lib/use-locale';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'>;

interface NumberFieldProps extends InputProps {
  /** The whole number shown, or null while the field is empty or not a number. */
  value: number | null;
  onValueChange(value: number | null): void;
}

/**
 * A whole-number field that takes the digits of any script a shop types in (Persian ۱۲, Thai ๑๒,
 * Gujarati ૧૨, ASCII) and shows the locale's own digits. `<input type="number">` refuses all but ASCII.
 * FormField's id and aria attributes pass through to the input.
 */
export function NumberField({ value, onValueChange, className, ...rest }: NumberFieldProps) {
  const locale = useLocale();
  const [text, setText] = useState(() => (value === null ? '' : String(value)));
  // a new value from outside (a reset, a discard) replaces what is typed
  useEffect(() => {
    if (parseLocaleInteger(text) !== value) setText(value === null ? '' : String(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- only outside changes matter
  return (
    <input
      {...rest}
      className={className ?? 'input input--short'}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={toLocaleDigits(text, locale)}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(parseLocaleInteger(event.target.value));
      }}
    />
  );
}
