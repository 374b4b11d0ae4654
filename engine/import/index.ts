/**
 * importForm: a JSON Schema form written elsewhere (draft-04 to 2020-12, e.g. a react-jsonschema-form form)
 * normalized into onematter's strict 2020-12 form, with every change reported and what cannot be converted as
 * problems. Pure: no I/O, nothing fetched.
 */
import { createFormAjv } from '../form/ajv.ts';
import { documentLimits, utf8Length } from '../json/parse.ts';
import { isObject } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';
import { checkFormSchema } from '../validate/form-check.ts';
import type { ImportChange } from './change.ts';
import { dialectOf } from './dialect.ts';
import { jsonProblems } from './json-check.ts';
import { rewriteRefs } from './refs.ts';
import { importRules } from './rules/index.ts';
import { mapPointer, nearestIn, walk, type WalkState } from './walk.ts';

export type { ImportChange } from './change.ts';

export interface ImportOptions {
  /** The name problems carry as their `file` (default `''`). */
  readonly file?: string;
  /** The project's shared schemas by `$id`, which the form may `$ref` (as in a catalogue). */
  readonly sharedSchemas?: ReadonlyMap<string, unknown>;
}

export interface ImportResult {
  /** The normalized form (best effort when there are problems). */
  readonly schema: Record<string, unknown>;
  /** rjsf ui options found in the schema, moved to where a uiSchema puts them (`{}` when there were none). */
  readonly uiSchema: Record<string, unknown>;
  /** Every change, in the order of the input, with pointers into the input and the output. */
  readonly changes: readonly ImportChange[];
  /** What keeps the form from being imported, with pointers into the input; none means `schema` passes onematter's form checks. */
  readonly problems: readonly Problem[];
}

// The base URI of an imported schema without its own `$id`: relative references resolve against it, and only
// those into the schema itself lead anywhere.
const importBase = 'https://import.invalid/form.json';

/** Normalizes a JSON Schema form (draft-04 to 2020-12) into a form onematter accepts, reporting every change. */
export function importForm(schema: unknown, options: ImportOptions = {}): ImportResult {
  const file = options.file ?? '';
  const notJson = jsonProblems(schema, file);
  if (notJson.length > 0) return { schema: {}, uiSchema: {}, changes: [], problems: notJson };
  if (!isObject(schema)) {
    return { schema: {}, uiSchema: {}, changes: [], problems: [problem('form.root-not-object', file, '')] };
  }
  const state: WalkState = {
    input: schema,
    file,
    dialect: dialectOf(schema.$schema) ?? 'draft-07',
    rules: importRules,
    changes: [],
    problems: [],
    inToOut: new Map(),
    outToIn: new Map(),
    resources: new Map([[importBase, '']]),
    anchors: new Map(),
    refs: [],
    uiSchema: {},
  };
  const output = walk(schema, { at: '', out: '', base: importBase, context: undefined, uiPath: [] }, state) as Record<string, unknown>;
  rewriteRefs(output, state);
  const problems = [...state.problems, ...formProblems(output, schema, state, options)];
  return { schema: output, uiSchema: state.uiSchema, changes: state.changes, problems };
}

// The validator's own form checks on the output, pointing into the input; compiled only when nothing else is wrong
// (ajv stops at its first refusal, and what the conversion could not do would be reported twice).
function formProblems(output: Record<string, unknown>, input: Record<string, unknown>, state: WalkState, options: ImportOptions): Problem[] {
  const shared = options.sharedSchemas ?? new Map<string, unknown>();
  const found = checkFormSchema(output, { file: state.file, base: '', sharedSchemas: shared, formAjv: formAjv(shared), compile: state.problems.length === 0 });
  const bytes = utf8Length(JSON.stringify(output));
  if (bytes > documentLimits.maxBytes) found.push(problem('json.too-large', state.file, '', { bytes, limit: documentLimits.maxBytes }));
  // a problem with a keyword the conversion added points at the nearest place in the input
  return found.map((p) => ({ ...p, pointer: nearestIn(input, mapPointer(p.pointer, state.outToIn)) }));
}

// An ajv holding the shared schemas; when they do not load, one without them (the form check then reports $refs to them).
function formAjv(shared: ReadonlyMap<string, unknown>) {
  const schemas = [...shared.values()].filter(isObject);
  try {
    return createFormAjv(schemas);
  } catch {
    return createFormAjv();
  }
}
