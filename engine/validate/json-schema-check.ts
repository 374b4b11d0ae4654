/**
 * Static checks of a JSON Schema written by an official (a form, a shared schema, a shared-data field): every
 * problem is reported with a pointer into the file before ajv ever compiles it. ajv then has the last word.
 */
import { isObject, join, resolvePointer } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';
import { checkPattern } from './regex-safety.ts';
import { knownFormats } from '../form/ajv.ts';

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
  const anchors = collectAnchors(root);
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
    for (const [keyword, value] of Object.entries(node)) {
      const here = join(at, keyword);
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
      } else if ((keyword === '$ref' || keyword === '$dynamicRef') && typeof value === 'string') {
        checkRef(value, here, root, anchors, ctx, problems);
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

function checkRef(
  ref: string,
  at: string,
  root: unknown,
  anchors: ReadonlySet<string>,
  ctx: SchemaCheckContext,
  problems: Problem[],
): void {
  const hash = ref.indexOf('#');
  const resource = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let target: unknown = root;
  if (resource !== '') {
    if (!ctx.sharedSchemas.has(resource)) {
      const external = /^[a-z][a-z0-9+.-]*:/i.test(resource) || resource.startsWith('//');
      problems.push(problem(external ? 'form.ref-external' : 'form.ref-unresolved', ctx.file, at, { ref }));
      return;
    }
    target = ctx.sharedSchemas.get(resource);
  }
  if (fragment === '') return;
  let resolved: unknown;
  try {
    const decoded = decodeURIComponent(fragment);
    resolved = decoded.startsWith('/') ? resolvePointer(target, decoded) : resource === '' && anchors.has(decoded) ? true : undefined;
  } catch {
    resolved = undefined;
  }
  if (resolved === undefined) problems.push(problem('form.ref-unresolved', ctx.file, at, { ref }));
}

// $anchor names defined anywhere in the schema (plain-name fragments resolve to them).
function collectAnchors(root: unknown): Set<string> {
  const anchors = new Set<string>();
  const stack: unknown[] = [root];
  let budget = maxSubschemas * 4;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.$anchor === 'string') anchors.add(node.$anchor);
      for (const [k, v] of Object.entries(node)) if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') stack.push(v);
    }
  }
  return anchors;
}
