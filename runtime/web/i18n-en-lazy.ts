/**
 * What the portal's build puts in place of i18n-en.ts for i18n.ts (vite.config.ts; task E2, issue 12 "lighter
 * applicant pages"): the English tables are most of the words' weight and most applicants read Chinese, so they are a
 * chunk of their own, fetched the first time English is wanted (the language toggle preloads it on hover or focus).
 * Until `loadEn` resolves, `en` and `enServerErrors` are empty: main.tsx shows English only after `loadLocale('en')`.
 */
import type { ServerErrorTable } from './i18n-types.ts';
import type { Messages } from './i18n-zh.ts';

// filled in place when the chunk arrives, so `texts.en` and `serverErrors.en` (taken at import) see the words
export const en = {} as Messages;
export const enServerErrors: ServerErrorTable = { codes: {}, generic: (code) => code };

let loading: Promise<void> | undefined;
let loaded = false;

/** Fetches the English tables once (again after a failure) and fills `en` and `enServerErrors` with them. */
export function loadEn(): Promise<void> {
  return (loading ??= import('./i18n-en.ts').then(
    (m) => {
      Object.assign(en, m.en);
      Object.assign(enServerErrors, m.enServerErrors);
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

export const enLoaded = (): boolean => loaded;
