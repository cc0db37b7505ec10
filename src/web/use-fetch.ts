import { useEffect, useState } from 'react';
import { ApiError, api } from './api.ts';

/** Loads `path` from the API whenever it changes; `error` holds the ApiError of a failed load. */
export function useFetch<T>(path: string | null): {
  data: T | undefined;
  error: ApiError | undefined;
  reload(): void;
} {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how reload() asks for a new load.
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => (s.data === undefined ? {} : { data: s.data }));
    api<T>('GET', path).then(
      (data) => live && setState({ data }),
      (error: unknown) =>
        live &&
        setState({
          error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error), []),
        }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  return { data: state.data, error: state.error, reload: () => setVersion((v) => v + 1) };
}
