import { useEffect, useRef } from 'react';
import type { OperationProgress } from '../../shared/schemas/operations';

interface WorkProgressProps {
  progress: OperationProgress | null;
  /** What is happening, in the admin's language (one sentence per stage, chosen by the caller). */
  text: string;
  label: string;
  /** Scrolls it into the middle of the view when it appears (a long form whose button sits in a bar at the bottom). */
  reveal?: boolean;
}

/**
 * A long call's progress: a bar (indeterminate until the first answer, and while the stage has no total) and one
 * sentence. Announced politely to screen readers.
 */
export function WorkProgress({ progress, text, label, reveal = false }: WorkProgressProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal) box.current?.scrollIntoView({ block: 'center' });
  }, [reveal]);
  const measured = progress !== null && progress.total > 0;
  const share = measured ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="work-progress" aria-busy="true" data-testid="work-progress" ref={box}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(share !== null ? { 'aria-valuenow': share } : {})}
        aria-valuetext={text}
      >
        <div className={`progress__fill${share === null ? ' work-progress__fill--unknown' : ''}`} style={{ width: `${share ?? 100}%` }} />
      </div>
      <p className="work-progress__text" aria-live="polite" data-stage={progress?.stage ?? 'starting'}>
        {text}
      </p>
    </div>
  );
}
