/** Small pieces the pages share: loading data, showing errors and notices. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useApp } from './context.ts';
import { serverErrors, type Locale } from './i18n.ts';

/** Loads data with `load` whenever `key` changes; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the inputs of `load`
  }, [key, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload, setData: (data: T) => setState({ data, loading: false }) };
}

/** The locale the page is shown in (main.tsx keeps `<html lang>` in step with the language toggle). */
const pageLocale = (): Locale => (typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/**
 * What to tell the user about anything thrown, in `locale` (default: the page's): the server's refusals by their
 * `code` and details, never the server's English `message`; anything else as a generic message with its kind.
 */
export function messageOf(error: unknown, locale: Locale = pageLocale()): string {
  const table = serverErrors[locale];
  if (error instanceof ApiError) return table.codes[error.code]?.(error.details) ?? table.generic(error.code);
  return table.generic(error instanceof Error ? error.name : 'error');
}

/**
 * A notice: `alert` for errors, `status` for news. With `focus` it is brought into view and takes the keyboard focus
 * when it appears (the button that led to it may be gone, or far away on a long page).
 */
export function Notice({ kind, children, testId, focus = false }: { kind: 'error' | 'info' | 'success'; children: ReactNode; testId?: string; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <div ref={ref} className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId} tabIndex={focus ? -1 : undefined}>
      {children}
    </div>
  );
}

/** The outcome of a step; when someone else moved the case first (a conflict) it offers to reload. */
export interface StepOutcome {
  kind: 'error' | 'success' | 'info';
  text: string;
  conflict?: boolean;
}

/** Shows a step's outcome, with a reload button on a conflict. */
export function StepNotice({ notice, testId, reloadLabel, focus }: { notice: StepOutcome | undefined; testId: string; reloadLabel: string; focus?: boolean }) {
  if (!notice) return null;
  return (
    <Notice kind={notice.kind} testId={testId} focus={focus}>
      {notice.text}{' '}
      {notice.conflict && (
        <button type="button" className="btn-link" onClick={() => window.location.reload()} data-testid="reload">
          {reloadLabel}
        </button>
      )}
    </Notice>
  );
}

/** Loading, error, or the content. */
export function Loaded<T>({ state, children }: { state: { data?: T; error?: unknown; loading: boolean; reload: () => void }; children: (data: T) => ReactNode }) {
  const { t, locale } = useApp();
  if (state.error !== undefined) {
    return (
      <Notice kind="error" testId="load-error">
        {messageOf(state.error, locale)}{' '}
        <button type="button" className="btn-link" onClick={state.reload}>
          {t.retry}
        </button>
      </Notice>
    );
  }
  if (state.data === undefined) return <p aria-busy="true">{t.loading}</p>;
  return <>{children(state.data)}</>;
}

/** Sets the browser tab's title to the page's name and the site's, in the language shown. */
export function useTitle(page: string | undefined): void {
  // undefined: a page part that leaves the title to its page
  const { t } = useApp();
  useEffect(() => {
    if (page !== undefined) document.title = page ? t.pageTitle(page) : t.siteName;
  }, [page, t]);
}
