/** Import rules as data: one small object per file (rules/), applied in order to every subschema of the input. */
import type { ProblemCode } from '../problems/index.ts';
import type { Dialect } from './dialect.ts';

/** A change's message, in English and Chinese, rendered from its params. */
export interface Describe {
  readonly en: (p: Record<string, unknown>) => string;
  readonly zh: (p: Record<string, unknown>) => string;
}

/** What a rule sees of the subschema it converts, and how it reports. Relative pointers start with `/` or are `''`. */
export interface NodeContext<C extends string = string> {
  /** Pointer of this subschema in the input. */
  readonly at: string;
  /** Pointer of this subschema in the output. */
  readonly out: string;
  readonly dialect: Dialect;
  readonly isRoot: boolean;
  /** The whole imported schema, as given. */
  readonly input: unknown;
  /** Types an enclosing in-place subschema (allOf, if, …) already holds the value to, as ajv's strictTypes sees them. */
  readonly context: readonly string[] | undefined;
  /** The uiSchema path addressing this subschema's field, or undefined where no uiSchema entry can (inside $defs, a tuple, …). */
  readonly uiPath: readonly string[] | undefined;
  /** Reports a change: `from` relative to `at`, `to` relative to `out` (undefined when something was removed). */
  change(code: C, from: string, params: Record<string, unknown>, to?: string): void;
  /** Reports what cannot be converted, at `from` relative to `at`. */
  problem(code: ProblemCode, from: string, params: Record<string, unknown>): void;
  /** Says where a moved part of this subschema came from (`to` relative to `out`, `from` relative to `at`). */
  moved(to: string, from: string): void;
  /** Puts an rjsf ui option into the uiSchema at this subschema's field; false when no field addresses it. */
  ui(key: string, value: unknown): boolean;
}

/** One conversion: the messages of the changes it reports, by code, and the conversion itself (pure). */
export interface ImportRule<C extends string = string> {
  readonly name: string;
  readonly changes: Readonly<Record<C, Describe>>;
  /** Converts one subschema, a shallow copy the walk owns (copy nested values before changing them). */
  apply(node: Record<string, unknown>, ctx: NodeContext<C>): void;
}

/** Declares a rule with its change codes checked by the compiler. */
export const importRule = <C extends string>(rule: ImportRule<C>): ImportRule<C> => rule;
