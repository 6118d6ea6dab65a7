import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { call } from './api';

export interface ApiQuery<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Asks again (after an error, or when something changed). */
  reload(): void;
}

/**
 * Calls a read method when the component mounts and whenever `key` changes. An answer that
 * arrives after a newer request was made is dropped, so a slow old answer never replaces a new one.
 */
export function useApiQuery<K extends MethodName>(method: K, input: MethodInput<K>, key = ''): ApiQuery<MethodOutput<K>> {
  const [state, setState] = useState<{ data: MethodOutput<K> | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    call(method, input).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
    // `input` is described by `key`: callers pass a key that changes when the input does
  }, [method, key, attempt]);
  return { ...state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
