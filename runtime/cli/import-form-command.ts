/**
 * `onematter import-form <schema.json> --into <definition.json> [--json] [--dry-run]`: a JSON Schema form written
 * elsewhere (draft-04 to 2020-12, an rjsf form) normalized by the engine's importForm and put in place of the
 * definition's `form.schema`, everything else kept. Nothing is written unless the form imports without a problem
 * and the definition stays as valid in its catalogue as it was.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diffContextOf, importForm, messages, parseDocument, renderMessage, validateSources, type ImportChange, type Problem, type ProblemCode } from '../../engine/index.ts';
import { isObject } from '../../engine/json/pointer.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { findCatalogueRoot, listJsonFiles, readSources } from './sources.ts';
import { plural } from './table.ts';

export const importFormUsage = 'onematter import-form <schema.json> --into <definition.json> [--json] [--dry-run]';

export async function importFormCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { into: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length !== 1 || !values.into) throw new UsageError(`usage: ${importFormUsage}`);
  const schemaFile = name(positionals[0]!, io.cwd);
  const definitionFile = name(values.into, io.cwd);
  const definitionPath = resolve(io.cwd, values.into);
  const schemaText = await readText(resolve(io.cwd, positionals[0]!), positionals[0]!);
  const definitionText = await readText(definitionPath, values.into);
  const definition = parseDocument(definitionFile, definitionText);
  if (!definition.ok || (definition.value.kind !== 'baseline' && definition.value.kind !== 'variant')) {
    const why = definition.ok ? `its "kind" is ${JSON.stringify(definition.value.kind ?? null)}, not "baseline" or "variant"` : definition.problems[0]!.message;
    throw new UsageError(`${values.into} is not a matter definition (${why}): a form is imported into a baseline or variant`);
  }

  // the rest of the catalogue: its shared schemas for the form's $refs, and the context the result is validated in
  const root = await findCatalogueRoot(definitionPath);
  const files = await listJsonFiles(root ? [root] : [definitionPath], io.cwd);
  const sources = (await readSources(files, io.cwd)).filter((s) => s.file !== definitionFile);
  const before = validateSources([...sources, { file: definitionFile, text: definitionText }]);

  const parsed = parseDocument(schemaFile, schemaText);
  const imported = parsed.ok
    ? importForm(parsed.value, { file: schemaFile, sharedSchemas: diffContextOf(before.catalogue).sharedSchemas })
    : { schema: {}, uiSchema: {}, changes: [], problems: parsed.problems };
  const problems: Problem[] = [...imported.problems];
  let text: string | undefined;
  if (problems.length === 0) {
    const value = definition.value;
    const form = isObject(value.form) ? value.form : {};
    const uiSchema = merge(isObject(form.uiSchema) ? form.uiSchema : {}, imported.uiSchema);
    value.form = { ...form, schema: imported.schema, ...(Object.keys(uiSchema).length > 0 ? { uiSchema } : {}) };
    text = `${JSON.stringify(value, null, 2)}\n`;
    // the definition must stay valid: a prefill or legal basis naming a field the new form lacks stops the import
    const known = new Set(before.problems.filter((p) => p.file === definitionFile).map(key));
    const after = validateSources([...sources, { file: definitionFile, text }]).problems;
    problems.push(...after.filter((p) => p.file === definitionFile && !known.has(key(p))));
  }
  const written = problems.length === 0 && !values['dry-run'];
  if (written) await writeFile(definitionPath, text!);

  if (values.json) {
    const out = { changes: imported.changes, problems: problems.map(({ file, pointer, code, message, params }) => ({ file, pointer, code, message, params })), written };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout.write(report(imported.changes, problems, schemaFile));
    if (problems.some((p) => p.file === definitionFile)) io.stdout.write(`the form converts, but ${definitionFile} would not stay valid with it: fix the definition first (e.g. drop the prefill of fields the new form lacks)\n`);
    io.stdout.write(
      problems.length > 0
        ? `✖ ${plural(problems.length, 'problem')}: nothing written to ${definitionFile}\n`
        : `${written ? '✔ imported' : 'dry run: would import'} ${schemaFile} into ${definitionFile} (form.schema${Object.keys(imported.uiSchema).length > 0 ? ' and form.uiSchema' : ''}) with ${plural(imported.changes.length, 'change')}${written ? '' : '; nothing written'}\n`,
    );
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}

const name = (path: string, cwd: string) => relative(cwd, resolve(cwd, path)) || path;
const key = (p: Problem) => `${p.code} ${p.pointer}`;

async function readText(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`no such file: ${shown}`);
  return readFile(path, 'utf8');
}

// The definition's uiSchema with the ui options moved out of the imported schema laid over it.
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

// Changes, then problems, each in English with the Chinese below, as `diff` prints them.
function report(changes: readonly ImportChange[], problems: readonly Problem[], schemaFile: string): string {
  let out = '';
  if (changes.length > 0) out += `changes to ${schemaFile} (${changes.length})\n`;
  for (const c of changes) out += `  ~ ${c.pointer || '(root)'}: ${c.message.en}\n    ${c.message.zh}\n`;
  if (problems.length > 0) out += `${changes.length > 0 ? '\n' : ''}problems (${problems.length})\n`;
  for (const p of problems) {
    out += `  ${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`;
    if (Object.hasOwn(messages, p.code)) out += `    ${renderMessage(p.code as ProblemCode, p.params as Record<string, unknown>, 'zh')}\n`;
  }
  return out;
}

