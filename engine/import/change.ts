/** What importForm reports for each conversion: a change is data, with pointers and a bilingual message. */
import type { LocalizedText } from '../model/index.ts';

/** One change importForm made to the imported schema. */
export interface ImportChange {
  /** The conversion, e.g. `import.definitions-renamed`. */
  readonly code: string;
  /** JSON Pointer into the imported schema of what was changed (`''` = its root). */
  readonly pointer: string;
  /** Where the result is in the normalized schema; absent when something was removed. */
  readonly to?: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What changed and why, in both languages. */
  readonly message: LocalizedText;
}
