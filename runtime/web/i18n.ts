/**
 * The UI's words in Chinese and English (the form component has its own, runtime/form/messages.ts). The tables are
 * in i18n-zh.ts and i18n-en.ts (task E2): Chinese comes with the page, English is loaded when first chosen
 * (`loadLocale`); add a key to both, next to each other — `Messages` is the Chinese table's type and the English one
 * must match it.
 */
import type { Locale } from '../form/messages.ts';
import { chinaDateTime } from './china-time.ts';
import { zh, zhServerErrors, type Messages } from './i18n-zh.ts';
import type { ServerErrorTable } from './i18n-types.ts';
// in the portal's build a stand-in that loads the real module on demand (vite.config.ts → i18n-en-lazy.ts)
import { en, enLoaded, enServerErrors, loadEn } from './i18n-en.ts';
import type { Localized } from './types.ts';

export type { Locale };

export type { DayUnit, ServerErrorTable } from './i18n-types.ts';
export type { Messages } from './i18n-zh.ts';

/**
 * The tables of a language, complete only once `loadLocale(locale)` has resolved (at once for Chinese; English in the
 * portal is fetched on first use — main.tsx waits for it before showing English).
 */
export const texts: Readonly<Record<Locale, Messages>> = { zh, en };

/** Loads `locale`'s tables (English: its own chunk in the portal, fetched once); resolves when `texts[locale]` is complete. */
export const loadLocale = (locale: Locale): Promise<void> => (locale === 'en' ? loadEn() : Promise.resolve());

/** Whether `texts[locale]` is complete already. */
export const localeLoaded = (locale: Locale): boolean => locale === 'zh' || enLoaded();

// Task D (issue 12): what the server refuses, by its error `code` (never its English `message`), in both languages.
// Every code the server can send the portal is here (test/web-error-codes.test.ts reads the server for them); an
// unknown one gets `generic`.
export const serverErrors: Readonly<Record<Locale, ServerErrorTable>> = { zh: zhServerErrors, en: enServerErrors };

/** The `lang` attribute of a locale. */
export const langOf = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en');

/** A localized value in `locale` (falls back to the other language). */
export const pick = (text: Localized | null | undefined, locale: Locale): string => (text ? text[locale] || text.zh || text.en : '');

/** A date-time in the locale, in China Standard Time (written as Intl would, without Intl's slow first call: task E). */
export const formatTime = (value: string | number, locale: Locale): string => chinaDateTime(value, locale);
