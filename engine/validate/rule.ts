import type { ProblemCode, Problem } from '../problems/index.ts';
import type { Loaded } from './catalogue.ts';
import type { RuleContext } from './context.ts';

/** One check, as data: its name, the problem codes it can report, and the check itself (pure). */
export interface Rule<T> {
  readonly name: string;
  readonly codes: readonly ProblemCode[];
  check(doc: Loaded<T>, ctx: RuleContext): Problem[];
}
