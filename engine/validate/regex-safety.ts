/**
 * Static safety check for the regexes of a definition's JSON Schemas (`pattern`, `patternProperties`). ajv
 * runs them as `new RegExp(source, 'u')` on applicants' input, so a regex that can backtrack exponentially
 * (ReDoS) would let one request hang the server: such patterns are refused before they are ever run.
 *
 * Pure and bounded: no I/O, never throws, and time roughly linear in the (capped) pattern length. The
 * parser lives in regex/parse.ts, the character-set sampling in regex/charset.ts, the rules in
 * regex/analyze.ts (which also lists what is deliberately out of scope).
 */
import { findExponentialBacktracking } from './regex/analyze.ts';
import { Alphabet } from './regex/charset.ts';
import { MAX_DEPTH, TooDeepError, parseRegex } from './regex/parse.ts';

/** Outcome of checkPattern: safe, not a valid 'u'-flag regex, or refused with the offending fragment. */
export type PatternVerdict =
  | { ok: true }
  | { ok: false; code: 'pattern-invalid'; reason: string }
  | { ok: false; code: 'pattern-unsafe'; reason: string; fragment: string };

// Longer patterns are refused outright: they are never needed for form fields and keep analysis cheap.
const MAX_LENGTH = 1000;

/** Decides, without running it, whether `source` compiles with the 'u' flag and is free of exponential backtracking. */
export function checkPattern(source: string): PatternVerdict {
  if (typeof source !== 'string') return { ok: false, code: 'pattern-invalid', reason: 'pattern must be a string' };
  if (source.length > MAX_LENGTH) {
    return unsafe(`pattern is too long (${source.length} characters, at most ${MAX_LENGTH})`, excerpt(source));
  }
  try {
    new RegExp(source, 'u'); // compiling is linear; only matching can backtrack
  } catch (error) {
    return { ok: false, code: 'pattern-invalid', reason: messageOf(error) };
  }
  try {
    const finding = findExponentialBacktracking(parseRegex(source, new Alphabet(source)));
    return finding ? unsafe(finding.reason, source.slice(finding.loop.start, finding.loop.end)) : { ok: true };
  } catch (error) {
    if (error instanceof TooDeepError) {
      return unsafe(`groups are nested too deeply (more than ${MAX_DEPTH} levels)`, excerpt(source.slice(error.at)));
    }
    // Fail closed: a pattern the analyzer cannot follow is not known to be safe.
    return unsafe(`pattern could not be analysed (${messageOf(error)})`, excerpt(source));
  }
}

function unsafe(reason: string, fragment: string): PatternVerdict {
  return { ok: false, code: 'pattern-unsafe', reason, fragment };
}

const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
