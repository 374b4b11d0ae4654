/**
 * Proofs that a form keyword the diff rules call stricter still accepts every value a shared-data field can yield:
 * lengths a `pattern` or format implies, inclusive against exclusive bounds (and integers between them), multiples.
 */
import { bound, type Bound, type SharedView } from './shared-view.ts';

type Node = Readonly<Record<string, unknown>>;

const lengthKeywords = new Set(['minLength', 'maxLength']);
const lowerKeywords = new Set(['minimum', 'exclusiveMinimum']);
const upperKeywords = new Set(['maximum', 'exclusiveMaximum']);
const countKeywords: Readonly<Record<string, 1 | -1>> = { minItems: 1, minProperties: 1, minContains: 1, maxItems: -1, maxProperties: -1, maxContains: -1 };

/** Whether the form part's `keyword` is shown to accept every value of the view. */
export function proven(keyword: string, form: Node, view: SharedView): boolean {
  if (lengthKeywords.has(keyword)) {
    const limit = form[keyword];
    if (typeof limit !== 'number') return true;
    return keyword === 'minLength' ? view.length.min >= limit : view.length.max <= limit;
  }
  if (lowerKeywords.has(keyword)) return within(bound(form, 'minimum', 'exclusiveMinimum', 1), view.lower, 1, integersOnly(view));
  if (upperKeywords.has(keyword)) return within(bound(form, 'maximum', 'exclusiveMaximum', -1), view.upper, -1, integersOnly(view));
  if (Object.hasOwn(countKeywords, keyword)) {
    const f = form[keyword];
    const s = view.node[keyword];
    return typeof f !== 'number' || (typeof s === 'number' && (s - f) * countKeywords[keyword]! >= 0);
  }
  if (keyword === 'multipleOf') {
    const f = form.multipleOf;
    if (typeof f !== 'number' || f <= 0) return false;
    return view.multipleOf.some((s) => isMultiple(s, f)) || (integersOnly(view) && isMultiple(1, f));
  }
  if (keyword === 'pattern') return view.patterns.includes(form.pattern as string);
  if (keyword === 'format') return view.formats.includes(form.format as string);
  return false;
}

/** Keywords whose failed proof means some value is refused, when the view is exact; for the others it is only not shown. */
export function decidable(keyword: string, view: SharedView): boolean {
  if (!view.exact || keyword === 'pattern' || keyword === 'format') return false;
  // bounds the shared strings or numbers may never reach are left to an example (witness.ts)
  if (lengthKeywords.has(keyword) && !view.lengthExact) return false;
  if ((lowerKeywords.has(keyword) || upperKeywords.has(keyword)) && !view.boundsExact) return false;
  // a pattern or format narrows the shared values in ways an enum or a type cannot be compared with
  if ((keyword === 'enum' || keyword === 'const') && (view.patterns.length > 0 || view.formats.length > 0)) return false;
  return ['type', 'enum', 'const', 'multipleOf', 'additionalProperties', 'required', ...lengthKeywords, ...lowerKeywords, ...upperKeywords, ...Object.keys(countKeywords)].includes(keyword);
}

// Only integers: typed so, or multiples of a whole number (`multipleOf: 1` is how some schemas say integer).
const integersOnly = (view: SharedView): boolean =>
  (view.types !== undefined && view.types.size > 0 && [...view.types].every((t) => t === 'integer')) || view.multipleOf.some((m) => Number.isInteger(m) && m >= 1);

// `sign` 1: the shared lower bound `shared` lies at or above the form's `form`; -1: the upper bound below.
function within(form: Bound | undefined, shared: Bound | undefined, sign: 1 | -1, integers: boolean): boolean {
  if (!form) return true;
  if (!shared) return false;
  let s = shared;
  if (integers) {
    // the first integer inside the shared bound, as an inclusive bound
    const v = sign === 1 ? (s.exclusive ? Math.floor(s.value) + 1 : Math.ceil(s.value)) : s.exclusive ? Math.ceil(s.value) - 1 : Math.floor(s.value);
    s = { value: v, exclusive: false };
  }
  const d = (s.value - form.value) * sign;
  return d > 0 || (d === 0 && (s.exclusive || !form.exclusive));
}

// As ajv's multipleOfPrecision 8: the quotient is within 1e-8 of an integer.
const isMultiple = (x: number, f: number): boolean => {
  const q = x / f;
  return Number.isFinite(q) && Math.abs(Math.round(q) - q) <= 1e-8;
};
