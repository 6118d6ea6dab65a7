import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

interface FormFieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** The input; it receives id, aria-describedby and aria-invalid. */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled form control with its hint and its error, wired up for screen readers. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field__error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
