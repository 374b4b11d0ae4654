/**
 * Static checks of a JSON Schema written by an official (a form, a shared schema, a shared-data field): every
 * problem is reported with a pointer into the file before ajv ever compiles it. ajv then has the last word.
 */
import { isObject, join } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';
import { checkPattern } from './regex-safety.ts';
import { knownFormats } from '../form/ajv.ts';
import { refTarget } from '../form/refs.ts';
import { ajvDeviations } from './ajv-deviations.ts';
import { closesRefCycle } from './ref-cycles.ts';

const subschemaKeywords = new Set([
  'not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);
const subschemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const subschemaMapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const valueKeywords = new Set([
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples',
  'format', 'contentEncoding', 'contentMediaType',
]);
const formatSet = new Set(knownFormats);
/** Every keyword a form schema may use (anything else is `form.unknown-keyword`). */
export const formKeywords: ReadonlySet<string> = new Set([...subschemaKeywords, ...subschemaListKeywords, ...subschemaMapKeywords, ...valueKeywords]);
/** Keywords that do nothing without one of their partners; ajv's strict mode refuses them, here with a pointer. */
export const keywordPartners: Readonly<Record<string, readonly string[]>> = {
  if: ['then', 'else'],
  then: ['if'],
  else: ['if'],
  minContains: ['contains'],
  maxContains: ['contains'],
};

/** How many subschemas one schema may hold; beyond this a form is split into pages or shared schemas. */
export const maxSubschemas = 5000;

export interface SchemaCheckContext {
  readonly file: string;
  /** Pointer of the schema's root inside the file. */
  readonly base: string;
  /** Shared schemas by $id. */
  readonly sharedSchemas: ReadonlyMap<string, unknown>;
  /** Whether the root may carry `$id` (shared schemas only). */
  readonly rootIdAllowed?: boolean;
}

/** Walks a schema and returns every problem found, each with a pointer into the file. */
export function checkJsonSchema(root: unknown, ctx: SchemaCheckContext): Problem[] {
  const problems: Problem[] = [];
  const anchors = new Map<string, string>();
  let count = 0;
  const visit = (node: unknown, at: string, isRoot: boolean): void => {
    if (++count > maxSubschemas) {
      if (count === maxSubschemas + 1) problems.push(problem('form.too-complex', ctx.file, ctx.base, { limit: maxSubschemas }));
      return;
    }
    if (typeof node === 'boolean') return;
    if (!isObject(node)) {
      problems.push(problem('form.not-schema', ctx.file, at, { found: Array.isArray(node) ? 'an array' : JSON.stringify(node) }));
      return;
    }
    problems.push(...ajvDeviations(node, at, ctx.file));
    for (const [keyword, value] of Object.entries(node)) {
      const here = join(at, keyword);
      if (Object.hasOwn(keywordPartners, keyword) && !keywordPartners[keyword]!.some((p) => Object.hasOwn(node, p))) {
        problems.push(problem('form.keyword-ignored', ctx.file, here, { keyword, partners: keywordPartners[keyword] }));
      }
      if (subschemaKeywords.has(keyword)) visit(value, here, false);
      else if (subschemaListKeywords.has(keyword)) {
        if (Array.isArray(value)) value.forEach((s, i) => visit(s, join(here, i), false));
      } else if (subschemaMapKeywords.has(keyword)) {
        if (isObject(value)) {
          for (const [name, s] of Object.entries(value)) {
            if (keyword === 'patternProperties') checkRegex(name, join(here, name), ctx, problems);
            visit(s, join(here, name), false);
          }
        }
      } else if (!valueKeywords.has(keyword)) {
        problems.push(problem('form.unknown-keyword', ctx.file, here, { keyword }));
      } else if (keyword === '$id' && !(isRoot && ctx.rootIdAllowed)) {
        problems.push(problem('form.id-not-allowed', ctx.file, here));
      } else if (keyword === '$dynamicRef') {
        problems.push(problem('form.dynamic-ref', ctx.file, here, { ref: value }));
      } else if (keyword === '$ref' && typeof value === 'string') {
        if (checkRef(value, here, root, ctx, problems) && closesRefCycle(node, root, ctx.sharedSchemas)) {
          problems.push(problem('form.ref-cycle', ctx.file, here, { ref: value }));
        }
      } else if ((keyword === '$anchor' || keyword === '$dynamicAnchor') && typeof value === 'string') {
        const first = anchors.get(value);
        if (first === undefined) anchors.set(value, here);
        else problems.push(problem('form.anchor-duplicate', ctx.file, here, { anchor: value, first }));
      } else if (keyword === 'enum' && Array.isArray(value) && value.length === 0) {
        problems.push(problem('form.enum-empty', ctx.file, here));
      } else if (keyword === 'pattern' && typeof value === 'string') {
        checkRegex(value, here, ctx, problems);
      } else if (keyword === 'format' && typeof value === 'string' && !formatSet.has(value)) {
        problems.push(problem('form.unknown-format', ctx.file, here, { format: value, known: knownFormats }));
      }
    }
  };
  visit(root, ctx.base, true);
  return problems;
}

function checkRegex(source: string, at: string, ctx: SchemaCheckContext, problems: Problem[]): void {
  const verdict = checkPattern(source);
  if (verdict.ok) return;
  if (verdict.code === 'pattern-invalid') {
    problems.push(problem('form.pattern-invalid', ctx.file, at, { pattern: source, reason: verdict.reason }));
  } else {
    problems.push(problem('form.pattern-unsafe', ctx.file, at, { pattern: source, reason: verdict.reason, fragment: verdict.fragment }));
  }
}

/** Reports a `$ref` outside the definition and the shared schemas, or one that does not resolve; true when it resolves. */
function checkRef(ref: string, at: string, root: unknown, ctx: SchemaCheckContext, problems: Problem[]): boolean {
  const hash = ref.indexOf('#');
  const resource = hash === -1 ? ref : ref.slice(0, hash);
  if (resource !== '' && !ctx.sharedSchemas.has(resource)) {
    const external = /^[a-z][a-z0-9+.-]*:/i.test(resource) || resource.startsWith('//');
    problems.push(problem(external ? 'form.ref-external' : 'form.ref-unresolved', ctx.file, at, { ref }));
    return false;
  }
  if (refTarget(ref, root, ctx.sharedSchemas)) return true;
  problems.push(problem('form.ref-unresolved', ctx.file, at, { ref }));
  return false;
}
