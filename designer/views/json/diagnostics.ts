/**
 * Problems as CodeMirror diagnostics: the engine's problems of the definition at the value their pointer names, a
 * parse problem at its line and column. Pure (a test runs it on text); the view passes them to @codemirror/lint.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Problem } from '../../../engine/problems/problem.ts';
import { renderMessage, type Locale, type ProblemCode } from '../../../engine/problems/index.ts';
import { locatePointers, type Location } from '../../model/json-positions.ts';

/** A problem's message in the page's language, with its code (problems carry their English text; codes render either). */
export function messageOf(problem: Problem, locale: Locale): string {
  let text = problem.message;
  try {
    text = renderMessage(problem.code as ProblemCode, problem.params, locale);
  } catch {
    // an unknown code keeps the English message it came with
  }
  return `${text} [${problem.code}]`;
}

/** The engine's problems at the values they point at in `text` (a missing member: its parent). */
export function problemDiagnostics(text: string, problems: readonly Problem[], locale: Locale): Diagnostic[] {
  const found = locatePointers(text, problems.map((p) => p.pointer));
  const out: Diagnostic[] = [];
  for (const problem of problems) {
    const at = found.get(problem.pointer);
    if (!at) continue;
    out.push({ ...markOf(text, at), severity: 'error', message: messageOf(problem, locale), source: problem.pointer || '/' });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Why a text does not parse, where it says: a syntax error at its line and column, a key or depth at its pointer. */
export function parseDiagnostics(text: string, problems: readonly Problem[], locale: Locale): Diagnostic[] {
  return problems.map((problem): Diagnostic => {
    const { line, column } = problem.params as { line?: unknown; column?: unknown };
    const message = messageOf(problem, locale);
    if (typeof line === 'number' && typeof column === 'number') {
      const from = offsetOf(text, line, column);
      // the character the scanner stopped at (none at the end of the text)
      return { from, to: Math.min(text.length, from + 1), severity: 'error', message };
    }
    const at = problem.code === 'json.too-large' ? undefined : locatePointers(text, [problem.pointer]).get(problem.pointer);
    return { ...(at ? markOf(text, at) : { from: 0, to: Math.min(text.length, lineEnd(text, 0)) }), severity: 'error', message };
  });
}

/** The offset of a 1-based line and column in `text` (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(start + Math.max(0, column - 1), lineEnd(text, start));
}

const lineEnd = (text: string, from: number): number => {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
};

// What to underline: a value on one line, the value; an object or array spanning lines, its key and the rest of its
// first line (a problem of the whole form should not underline a hundred lines).
function markOf(text: string, at: Location): { from: number; to: number } {
  const end = lineEnd(text, at.from);
  return at.to <= end ? { from: at.from, to: at.to } : { from: at.keyFrom ?? at.from, to: end };
}
