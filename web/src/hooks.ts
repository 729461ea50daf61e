import { useEffect, useRef, useState, type DependencyList } from 'react';

export type Resource<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

/** Loads once per change of `deps`; a stale answer never overwrites a newer one. */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): [Resource<T>, (data: T) => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'ok', data }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return [state, (data: T) => setState({ status: 'ok', data })];
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Knotwork`;
  }, [title]);
}

export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The latest loaded data, kept on screen while a reload runs (so a page does not blank after each action). */
export function useLastLoaded<T>(resource: Resource<T>): T | null {
  const last = useRef<T | null>(null);
  if (resource.status === 'ok') last.current = resource.data;
  return resource.status === 'ok' ? resource.data : last.current;
}
