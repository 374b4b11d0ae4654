/**
 * A witness: a value every part of the shared-data field accepts and the form's part refuses, found by trying
 * examples (strings built from the shared patterns, plain strings of the allowed lengths, numbers at and around the
 * bounds). Both sides are checked with ajv, so a witness proves the form refuses something the shared data allows.
 */
import { patternExamples } from '../regex/examples.ts';
import type { Part } from './parts.ts';
import type { SharedView } from './shared-view.ts';
import { firstRefused } from './values.ts';

/** A value the shared parts all accept and `part` refuses, or undefined when none of the examples is one. */
export function findWitness(part: Readonly<Record<string, unknown>>, shared: readonly Part[], view: SharedView): { value: unknown } | undefined {
  for (const candidate of candidates(view)) {
    const refused = firstRefused(part, [candidate]);
    if (!refused) return undefined; // the part cannot be tried on its own
    if (!('refused' in refused)) continue;
    if (shared.every((s) => acceptsAll(s.node, candidate))) return { value: candidate };
  }
  return undefined;
}

const acceptsAll = (node: Readonly<Record<string, unknown>>, value: unknown): boolean => {
  const tried = firstRefused(node, [value]);
  return tried !== undefined && !('refused' in tried);
};

const may = (view: SharedView, type: string) => view.types === undefined || view.types.has(type) || (type === 'integer' && view.types.has('number'));

function candidates(view: SharedView): unknown[] {
  const out: unknown[] = [];
  if (may(view, 'string')) {
    for (const pattern of view.patterns) out.push(...patternExamples(pattern, 8));
    const { min, max } = view.length;
    const lengths = [min, min + 1, Number.isFinite(max) ? max : min + 8].filter((n) => n >= min && n <= max && n <= 256);
    for (const n of lengths) for (const c of ['a', '0', '中', ' ']) out.push(c.repeat(n));
  }
  if (may(view, 'integer') || may(view, 'number')) {
    const edges = [view.lower?.value, view.upper?.value].filter((v): v is number => v !== undefined);
    out.push(0, 1, -1, 10, 100, 1e6, -1e6, ...edges.flatMap((v) => [v, v - 1, v + 1, Math.floor(v), Math.ceil(v)]));
    // the multiples nearest each bound (multipleOf 5 up to 2023: 2020), where a stricter bound shows first
    for (const m of view.multipleOf) if (m > 0) out.push(...edges.flatMap((v) => [Math.floor(v / m) * m, Math.ceil(v / m) * m]));
    if (may(view, 'number')) out.push(0.5, -0.5, 0.01, ...edges.flatMap((v) => [v - 0.5, v + 0.5]));
  }
  if (may(view, 'boolean')) out.push(true, false);
  if (may(view, 'null')) out.push(null);
  return out;
}
