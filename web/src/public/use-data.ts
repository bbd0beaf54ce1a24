import { startTransition, useCallback, useEffect, useState } from 'react';
import { PublicApiError } from './api';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; notFound: boolean; retry: () => void }
  | { state: 'ready'; data: T };

/** Fetches once per key; no query library, since a public page makes one request. */
export function useData<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    load().then(
      // A transition lets React render a long page in slices, so a slow phone's main thread is never blocked for
      // long (Lighthouse's total blocking time).
      (data) => live && startTransition(() => setResult({ state: 'ready', data })),
      (error: unknown) =>
        live &&
        setResult({
          state: 'error',
          notFound: error instanceof PublicApiError && (error.status === 404 || error.status === 400),
          retry,
        }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the key says when the data to load changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, retry]);
  return result;
}
