/**
 * A stand-in for one of rjsf's own fields, widgets or templates that no form of the catalogue uses (arrays, anyOf /
 * oneOf, layout grids, alternative date pickers, ratings, …): the real component is a chunk of its own, fetched the
 * first time a form renders it, so the applicant's form does not carry it (task E2, issue 12 "lighter applicant
 * pages"; vite.config.ts lists which, test/portal-bundle.test.ts checks). It renders nothing until the chunk is here,
 * then the component itself with the same props; a chunk that cannot be fetched is thrown to the nearest error
 * boundary (a retry fetches it again).
 */
import { createElement, useEffect, useState, type ComponentType } from 'react';

export function lazyRjsf<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, name: string): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () =>
    (pending ??= load().then(
      (m) => (loaded = m.default),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failure, setFailure] = useState<unknown>();
    useEffect(() => {
      if (Component) return;
      let live = true;
      get().then(
        (c) => live && setComponent(() => c),
        (error: unknown) => live && setFailure(error),
      );
      return () => void (live = false);
    }, [Component]);
    if (failure !== undefined) throw failure;
    return Component ? createElement(Component, props) : null;
  }
  Lazy.displayName = `Lazy(${name})`;
  return Lazy;
}
