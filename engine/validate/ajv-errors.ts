import type { ErrorObject } from 'ajv';
import { join } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';

/**
 * Turns ajv errors into problems with pointers into the file. Noise is dropped: the summary errors of
 * if/then, and the branch errors of a failed anyOf (one `schema.shape` problem stands for them).
 */
export function ajvErrorsToProblems(errors: readonly ErrorObject[], file: string, base = ''): Problem[] {
  // A failed anyOf reports every branch's errors too (through $refs, under unrelated schema paths): keep one.
  const shapes = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  const insideShape = (e: ErrorObject) => shapes.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && insideShape(e)) continue;
    const p = toProblem(e, file, base);
    const key = `${p.code}${p.pointer}${JSON.stringify(p.params)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function toProblem(e: ErrorObject, file: string, base: string): Problem {
  const at = base + e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return problem('schema.required', file, at, { property: params.missingProperty });
    case 'additionalProperties':
      return problem('schema.additional-property', file, join(at, String(params.additionalProperty)), {
        property: params.additionalProperty,
      });
    case 'type':
      return problem('schema.type', file, at, { expected: params.type });
    case 'enum':
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
    case 'propertyNames':
      return problem('schema.other', file, join(at, String(params.propertyName)), {
        keyword: 'propertyNames',
        detail: `property name ${JSON.stringify(params.propertyName)} is not allowed`,
      });
    default:
      if ('limit' in params) return problem('schema.limit', file, at, { keyword: e.keyword, limit: params.limit, detail: e.message });
      return problem('schema.other', file, at, { keyword: e.keyword, detail: e.message });
  }
}
