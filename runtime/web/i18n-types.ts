/** Types both languages' tables share (runtime/web/i18n-zh.ts, i18n-en.ts), apart from i18n.ts so neither imports it back. */

/** What a time limit's days count. */
export type DayUnit = 'working-days' | 'days';

/** A server refusal in words, from the error's details (`limit`, `retryAfter`, `errors`, …). */
type ErrorText = (d: Readonly<Record<string, unknown>>) => string;

/** One language's words for the server's error codes. */
export interface ServerErrorTable {
  readonly codes: Readonly<Record<string, ErrorText>>;
  readonly generic: (code: string) => string;
}
