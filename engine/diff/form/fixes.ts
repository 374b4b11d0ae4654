/** Fix ops for form changes: edit one keyword where it is written, else replace the subschema whole. */
import { join } from '../../json/pointer.ts';
import type { FixOp } from '../fix.ts';
import type { SchemaPair } from './pair.ts';

/** Makes `a`'s keyword equal `b`'s (removing it when `b` has none). */
export function keywordFix({ a, b }: SchemaPair, keyword: string): FixOp[] {
  if (!a.own) return [{ op: 'set', path: a.ptr, value: b.raw }];
  return Object.hasOwn(b.node, keyword)
    ? [{ op: 'set', path: join(a.ptr, keyword), value: b.node[keyword] }]
    : [{ op: 'remove', path: join(a.ptr, keyword) }];
}

/** `/applicant/name` → `applicant.name` for messages; the form itself is `(form)`. */
export function fieldLabel(field: string): string {
  if (field === '') return '(form)';
  const dotted = field.slice(1).replaceAll('/', '.');
  return dotted.includes('~') ? dotted.replaceAll('~1', '/').replaceAll('~0', '~') : dotted;
}

/** The names an object subschema lists in `required`. */
export const requiredNames = (node: Readonly<Record<string, unknown>>): Set<string> =>
  new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
