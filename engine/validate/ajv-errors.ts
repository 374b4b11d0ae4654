import type { ErrorObject } from 'ajv';
import { join } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';
import { refusedXStateKeys, restrictedNames, stateTypeAt } from './meta-refusals.ts';

/**
 * Turns ajv errors into problems with pointers into the file. Noise is dropped: the summary errors of
 * if/then, the branch errors of a failed anyOf (one `schema.shape` problem stands for them) and the inner errors
 * of propertyNames (one problem per refused name stands for them). What the meta-schema refuses on purpose gets
 * a problem that says why (./meta-refusals.ts).
 */
export function ajvErrorsToProblems(errors: readonly ErrorObject[], file: string, base = ''): Problem[] {
  // A failed anyOf reports every branch's errors too (through $refs, under unrelated schema paths): keep one,
  // unless a branch says why on purpose (a transition with XState v4's `cond`): then that one instead.
  const shapes = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  const under = (path: string, p: string) => path === p || path.startsWith(`${p}/`);
  const explained = errors.filter((e) => refusedKey(e) !== undefined).map((e) => e.instancePath);
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if' || (e as { propertyName?: string }).propertyName !== undefined) continue;
    const isShape = e.keyword === 'anyOf' || e.keyword === 'oneOf';
    if (isShape ? explained.some((p) => under(p, e.instancePath)) : refusedKey(e) === undefined && shapes.some((p) => under(e.instancePath, p))) continue;
    const p = toProblem(e, file, base);
    const key = `${p.code}${p.pointer}${JSON.stringify(p.params)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

// The refused XState key an additionalProperties error is about, if it is one.
const refusedKey = (e: ErrorObject) =>
  e.keyword === 'additionalProperties'
    ? refusedXStateKeys.find((r) => r.key === e.params.additionalProperty && r.at.test(e.instancePath))
    : undefined;

function toProblem(e: ErrorObject, file: string, base: string): Problem {
  const at = base + e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return problem('schema.required', file, at, { property: params.missingProperty });
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const refused = refusedKey(e);
      if (refused) return problem('process.xstate-unsupported', file, join(at, property), { key: property, feature: refused.feature });
      return problem('schema.additional-property', file, join(at, property), { property });
    }
    case 'type':
      return problem('schema.type', file, at, { expected: params.type });
    case 'enum':
      if (stateTypeAt.test(e.instancePath)) return problem('process.xstate-unsupported', file, at, { key: 'type', feature: 'history-states' });
      return problem('schema.enum', file, at, { allowed: params.allowedValues });
    case 'const':
      return problem('schema.const', file, at, { allowed: params.allowedValue });
    case 'pattern':
      return problem('schema.pattern', file, at, { pattern: params.pattern });
    case 'format':
      return problem('schema.format', file, at, { format: params.format });
    case 'uniqueItems':
      return problem('schema.unique-items', file, at, { i: params.j, j: params.i });
    case 'anyOf':
    case 'oneOf':
      return problem('schema.shape', file, at);
    case 'propertyNames': {
      const name = String(params.propertyName);
      const restricted = restrictedNames.find((r) => r.at.test(e.instancePath));
      if (restricted) return problem(restricted.code, file, join(at, name), { name });
      return problem('schema.other', file, join(at, String(params.propertyName)), {
        keyword: 'propertyNames',
        detail: `property name ${JSON.stringify(params.propertyName)} is not allowed`,
      });
    }
    default:
      if ('limit' in params) return problem('schema.limit', file, at, { keyword: e.keyword, limit: params.limit, detail: e.message });
      return problem('schema.other', file, at, { keyword: e.keyword, detail: e.message });
  }
}
