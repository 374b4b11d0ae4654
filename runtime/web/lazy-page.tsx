/**
 * A page loaded the first time it is shown, as a chunk of its own: the applicant's catalogue, guide and form pages
 * then do not carry the workbench's and other pages' code (issue 12, "lighter applicant pages"). Not React.lazy: a
 * Suspense boundary that has shown its fallback holds the content back for at least 300 ms (React 19's throttling),
 * which every first visit of such a page would pay. A chunk that fails to load shows the error with a retry.
 */
import type { ComponentType } from 'react';
import { Loaded, useLoad } from './components.tsx';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () =>
    (pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        pending = undefined; // a retry fetches again
        throw error;
      },
    ));
  return function LazyPage(props: P) {
    const state = useLoad(get, '');
    const Page = loaded ?? state.data;
    return Page ? <Page {...props} /> : <Loaded state={state}>{() => null}</Loaded>;
  };
}
