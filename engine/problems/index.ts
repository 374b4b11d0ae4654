import type { Problem } from './problem.ts';
import { renderMessage, type ProblemCode } from './messages.ts';

export type { Problem } from './problem.ts';
export { messages, renderMessage, type ProblemCode, type Locale } from './messages.ts';

/** Builds a problem, rendering its English message from the code's table entry. */
export function problem(code: ProblemCode, file: string, pointer: string, params: object = {}): Problem {
  const p = { ...params } as Record<string, unknown>;
  return { code, file, pointer, params: p, message: renderMessage(code, p) };
}
