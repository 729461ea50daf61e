import { lazy, type FunctionComponent, type LazyExoticComponent } from 'react';

/** A page component loaded on first render from its own chunk. */
export function lazyPage<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
): LazyExoticComponent<FunctionComponent<P>> {
  return lazy(async () => ({ default: await load() }));
}
