/**
 * Two form changes the diff does not report, found for versioning: array `items` given a schema where any item
 * was accepted (or the reverse, or `false`), and a field whose schema becomes `false` (no value accepted). The
 * diff compares `items` only when both sides have an object there, and skips `false` subschemas; either change
 * can make earlier data fail, so a version must not miss it.
 */
import type { Change } from '../diff/index.ts';
import { fieldLabel } from '../diff/form/fixes.ts';
import { isObject, join } from '../json/pointer.ts';
import type { MatterDefinition } from '../model/index.ts';
import { weights } from '../diff/weights.ts';
import { resolve } from './fields.ts';

// How much an `items` keyword lets through: anything (absent or true), what a schema says, nothing (false).
const openness = (items: unknown): number => (items === undefined || items === true ? 2 : items === false ? 0 : 1);

/** Changes of `next`'s form against `previous`'s that only a version needs: `items` openness and `false` fields. */
export function formShapeChanges(previous: MatterDefinition, next: MatterDefinition, shared: ReadonlyMap<string, unknown>): Change[] {
  const out: Change[] = [];
  const walk = (p: unknown, pDoc: unknown, n: unknown, nDoc: unknown, field: string, ptr: string, depth: number) => {
    const rp = resolve(p, pDoc, shared);
    const rn = resolve(n, nDoc, shared);
    if (!rp || !rn || depth > 40) return;
    // below a $ref the keywords are not written at `ptr`: a fix replaces the node whole
    const inline = isObject(n) && n.$ref === undefined;
    const at = (...tokens: string[]) => (inline ? tokens.reduce((x, t) => join(x, t), ptr) : ptr);
    const [ip, inext] = [rp.node.items, rn.node.items];
    if (isObject(ip) && isObject(inext)) walk(ip, rp.doc, inext, rn.doc, `${field}/[]`, at('items'), depth + 1);
    else if (openness(ip) !== openness(inext)) {
      out.push(change(at('items'), field, 'items', openness(inext) < openness(ip), ip, inext));
    }
    const [pp, np] = [rp.node.properties, rn.node.properties];
    if (!isObject(pp) || !isObject(np)) return;
    for (const name of Object.keys(np)) {
      if (!Object.hasOwn(pp, name)) continue;
      const child = join(field, name);
      if ((pp[name] === false) !== (np[name] === false)) out.push(change(at('properties', name), child, 'value', np[name] === false, pp[name], np[name]));
      else walk(pp[name], rp.doc, np[name], rn.doc, child, at('properties', name), depth + 1);
    }
  };
  walk(previous.form.schema, previous.form.schema, next.form.schema, next.form.schema, '', '/form/schema', 0);
  return out;
}

function change(path: string, field: string, what: 'items' | 'value', stricter: boolean, before: unknown, after: unknown): Change {
  const label = fieldLabel(field);
  const message =
    what === 'items'
      ? { en: `${stricter ? 'narrows' : 'widens'} what the items of ${label} may be`, zh: `字段 ${label} 的数组元素限制${stricter ? '收窄' : '放宽'}` }
      : stricter
        ? { en: `no longer accepts any value for ${label}`, zh: `字段 ${label} 不再接受任何取值` }
        : { en: `accepts values for ${label} again`, zh: `字段 ${label} 重新接受取值` };
  return {
    area: 'form',
    kind: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    path,
    burden: stricter ? 'more' : 'less',
    code: 'version.form-shape',
    message,
    params: { field, label, keyword: what === 'items' ? 'items' : 'false' },
    weight: weights.constraint,
    fix: [before === undefined ? { op: 'remove', path } : { op: 'set', path, value: before }],
  };
}
