/**
 * `onematter typegen <file-or-dir>... --out <dir>`: one TypeScript type per matter form, for code that embeds a form's
 * data (a front end, a back office, a data exchange). Each valid definition's `form.schema` becomes `<out>/<name>.ts`
 * (names: ./typegen-names.ts) and `<out>/index.ts` re-exports them all. `$ref`s into the shared schemas are resolved
 * from the loaded catalogue, never fetched: json-schema-to-typescript runs with its file and http resolvers off.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JSONSchema } from 'json-schema-to-typescript';
import type { Loaded, MatterDefinition, Problem } from '../../engine/index.ts';
import { isObject } from '../../engine/json/pointer.ts';
import { formatProblems } from './definitions-arg.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { loadAndValidate } from './load.ts';
import { plural } from './table.ts';
import { formTypeNames } from './typegen-names.ts';
import { prepareForm } from './typegen-schema.ts';

export const typegenUsage = 'onematter typegen <file-or-dir>... --out <dir>';

/** One generated module: the form type of one definition. */
export interface GeneratedFormType {
  readonly file: string;
  readonly typeName: string;
  /** The output file's name inside `--out`. */
  readonly fileName: string;
  /** sha256 (hex) of the form schema and the shared schemas it references, as canonical JSON. */
  readonly hash: string;
  readonly source: string;
}

export async function typegenCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length === 0 || !values.out) throw new UsageError(`usage: ${typegenUsage}`);
  const outDir = resolve(io.cwd, values.out);
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a folder`);
  const loaded = await loadAndValidate(positionals, io.cwd);
  const problems: Problem[] = loaded.problems.filter((p) => loaded.targets.has(p.file));
  const invalid = new Set(problems.map((p) => p.file));
  const definitions = loaded.catalogue.definitions.filter((d) => loaded.targets.has(d.file) && !invalid.has(d.file));
  if (definitions.length === 0 && problems.length === 0) throw new UsageError(`no matter definitions in ${positionals.join(' ')}`);

  const sharedSchemas = new Map(loaded.catalogue.schemas.map((s) => [s.value.$id as string, s.value as unknown]));
  const generated: GeneratedFormType[] = [];
  for (const def of await generateFormTypes(definitions, sharedSchemas)) {
    if ('problem' in def) problems.push(def.problem);
    else generated.push(def);
  }
  if (generated.length > 0) {
    await mkdir(outDir, { recursive: true });
    for (const g of generated) await writeFile(join(outDir, g.fileName), g.source);
    await writeFile(join(outDir, 'index.ts'), renderIndex(generated));
    io.stdout.write(`wrote ${plural(generated.length, 'form type')} and index.ts to ${values.out}\n`);
  }
  if (problems.length > 0) io.stderr.write(`${formatProblems(problems)}${plural(problems.length, 'problem')}: no type is generated for an invalid definition\n`);
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}

/**
 * Renders the form type of each definition (assumed valid), resolving `$ref`s into `sharedSchemas` (by `$id`) only.
 * A form json-schema-to-typescript cannot handle yields a `typegen.failed` problem instead of a module.
 */
export async function generateFormTypes(
  definitions: readonly Loaded<MatterDefinition>[],
  sharedSchemas: ReadonlyMap<string, unknown>,
): Promise<(GeneratedFormType | { problem: Problem })[]> {
  // Loaded here, not at startup: the other commands need neither it nor prettier (and it is a devDependency).
  const { compile } = await import('json-schema-to-typescript').catch((error: unknown) => {
    throw new UsageError(`typegen needs the package json-schema-to-typescript (a devDependency of onematter): ${error instanceof Error ? error.message : String(error)}`);
  });
  const names = formTypeNames(definitions.map((d) => ({ file: d.file, titleEn: d.value.title.en, regionEn: d.value.region.name.en })));
  const fileOf = (d: Loaded<MatterDefinition>) => names.get(d.file)!.fileName;
  const sorted = [...definitions].sort((a, b) => (fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0));
  const out: (GeneratedFormType | { problem: Problem })[] = [];
  for (const def of sorted) {
    const { typeName, fileName } = names.get(def.file)!;
    const prepared = prepareForm(def.value.form.schema, sharedSchemas);
    const hash = createHash('sha256').update(canonicalJson({ schema: def.value.form.schema, shared: Object.fromEntries(prepared.used) })).digest('hex');
    try {
      const body = await compile(prepared.schema as JSONSchema, typeName, {
        bannerComment: '',
        cwd: '/',
        // as in JSON Schema: an object that does not close itself takes other keys (./typegen-schema.ts spells the rest)
        additionalProperties: true,
        unreachableDefinitions: false,
        strictIndexSignatures: true,
        unknownAny: true,
        ignoreMinAndMaxItems: true,
        format: true,
        style: { singleQuote: true, printWidth: 120 },
        $refOptions: {
          resolve: {
            file: false,
            http: false,
            // `read` hands back a copy of the prepared shared schema; no other URL can be read.
            onematter: { order: 1, canRead: (f: { url: string }) => prepared.shared.has(f.url), read: (f: { url: string }) => structuredClone(prepared.shared.get(f.url)) as object },
          },
        } as never,
      });
      if (!new RegExp(`^export (?:interface|type) ${typeName}\\b`, 'm').test(body)) throw new Error(`no declaration of ${typeName} was generated`);
      out.push({ file: def.file, typeName, fileName, hash, source: `${banner(def, hash)}\n${body}` });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      out.push({ problem: { file: def.file, pointer: '/form/schema', code: 'typegen.failed', message: `cannot generate a TypeScript type for this form: ${message}`, params: { reason: message } } });
    }
  }
  return out;
}

function banner(def: Loaded<MatterDefinition>, hash: string): string {
  const d = def.value;
  const file = def.file.split('\\').join('/');
  return `/* eslint-disable */
/**
 * GENERATED by \`onematter typegen\` from ${comment(file)}
 * (matter ${comment(d.id)} version ${comment(d.version)}, ${d.kind} for ${comment(d.region.name.en)} ${comment(d.region.code)}): its form data.
 * Content hash: sha256:${hash}
 * (of the form schema and the shared schemas it references, as canonical JSON).
 * Do not edit by hand: change the definition and run \`onematter typegen\` again.
 */
`;
}

/** Text safe inside a block comment on one line. */
const comment = (s: string) => s.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');

function renderIndex(generated: readonly GeneratedFormType[]): string {
  const lines = generated.map((g) => `export type { ${g.typeName} } from './${g.fileName.replace(/\.ts$/, '.js')}';`);
  return `/* eslint-disable */
/** GENERATED by \`onematter typegen\`: the form type of every definition generated together. Do not edit by hand. */
${lines.join('\n')}
`;
}

/** JSON with object keys sorted, so the hash ignores formatting and key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}
