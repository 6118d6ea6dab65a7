import { useEffect, useState } from 'react';
import type { OperationProgress } from '../../shared/schemas/operations';
import { call } from './api';

const POLL_MS = 300;

/** A fresh id naming one long call, for its `operationId` and for operations.progress. */
export function newOperationId(): string {
  return crypto.randomUUID();
}

/**
 * How far the long call named `operationId` is, asked every 300 ms while `operationId` is set (null before the
 * first answer, and once it is unset). The host answers between the call's steps, so these answers come while the
 * call runs.
 */
export function useOperationProgress(operationId: string | null): OperationProgress | null {
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!operationId) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      call('operations.progress', { id: operationId }).then(
        (seen) => {
          if (!current) return;
          if (seen) setProgress(seen);
          timer = setTimeout(ask, POLL_MS);
        },
        () => current && (timer = setTimeout(ask, POLL_MS)),
      );
    };
    timer = setTimeout(ask, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [operationId]);
  return progress;
}
