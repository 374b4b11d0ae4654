/**
 * Checks of the shape the diff reads, as small composable functions. A check returns nothing for a value the diff
 * can compare and a Flaw otherwise; it allocates only on failure (it runs on both sides of every diff).
 */
import { isObject } from '../../json/pointer.ts';
import { escapeToken } from '../../json/pointer.ts';

/** Why a value cannot be compared: where (relative to the checked value), what is there, what belongs there. */
export interface Flaw {
  /** JSON Pointer of the malformed value, relative to the checked value ('' = the value itself). */
  readonly at: string;
  /** What is there: `missing`, `null`, `a boolean`, `a number`, `a string`, `an array`, `an object`, or a short value (strings quoted). */
  readonly found: string;
  /** What belongs there, in words (`a string`, `one of paper, electronic`, …). */
  readonly expected: string;
}

export type Check = (value: unknown) => Flaw | undefined;

/** Words for a value that is not what belongs there; with `showValue`, a string (quoted, cut at 40) or number itself. */
export function describeValue(value: unknown, showValue = false): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return showValue ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : 'a string';
  if (typeof value === 'number') return showValue ? String(value) : 'a number';
  return typeof value === 'object' ? 'an object' : 'a boolean';
}

const flaw = (value: unknown, expected: string, showValue = false): Flaw => ({ at: '', found: describeValue(value, showValue), expected });
// A member's flaw seen from its container.
const inside = (token: string | number, f: Flaw): Flaw => ({ ...f, at: `/${escapeToken(token)}${f.at}` });

export const string: Check = (v) => (typeof v === 'string' ? undefined : flaw(v, 'a string'));
export const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : flaw(v, 'a boolean'));
/**
 * A number within the meta-schema's bounds (an integer when `integer`): a day count of 1e308 would weigh Infinity
 * and a negative fee would weigh as a saving.
 */
export function range(min: number, max: number, integer: boolean): Check {
  const expected = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  return (v) => (typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)) ? undefined : flaw(v, expected, true));
}
/** A text in both languages: `{ zh, en }`. */
export const text: Check = (v) => {
  if (!isObject(v)) return flaw(v, 'a text in zh and en');
  if (typeof v.zh !== 'string') return inside('zh', flaw(v.zh, 'a string'));
  return typeof v.en === 'string' ? undefined : inside('en', flaw(v.en, 'a string'));
};

/** One of a few strings (an enumeration of the meta-schema). */
export function oneOf(values: readonly string[]): Check {
  const expected = `one of ${values.join(', ')}`;
  return (v) => (typeof v === 'string' && values.includes(v) ? undefined : flaw(v, expected, true));
}

/** Absent, or passing `check`. */
export const optional = (check: Check): Check => (v) => (v === undefined ? undefined : check(v));

/** An array whose every element passes `check`. */
export function arrayOf(check: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return flaw(v, 'an array');
    for (let i = 0; i < v.length; i++) {
      const f = check(v[i]);
      if (f) return inside(i, f);
    }
    return undefined;
  };
}

/** An object whose listed members pass their checks (other members are not read by the diff). */
export function object(members: Readonly<Record<string, Check>>): Check {
  const entries = Object.entries(members);
  return (v) => {
    if (!isObject(v)) return flaw(v, 'an object');
    for (const [name, check] of entries) {
      const f = check(Object.hasOwn(v, name) ? v[name] : undefined);
      if (f) return inside(name, f);
    }
    return undefined;
  };
}

/** Any object (its members are checked elsewhere, or not read). */
export const anyObject: Check = (v) => (isObject(v) ? undefined : flaw(v, 'an object'));
