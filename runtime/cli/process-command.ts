/**
 * `onematter process export <definition.json> [--out <machine.json>]` and
 * `onematter process import <machine.json> --into <definition.json> [--json] [--dry-run]`: a definition's process as
 * Stately-compatible XState machine JSON (to draw or edit in Stately Studio), and such a machine back into a
 * definition. Import writes only when the definition stays as valid in its catalogue as it was.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { messages, parseDocument, renderMessage, validateSources, type Problem, type ProblemCode } from '../../engine/index.ts';
import { fromStately, toStately, type StatelyChange } from '../../engine/stately/index.ts';
import type { Process } from '../../engine/model/index.ts';
import { isObject } from '../../engine/json/pointer.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { findCatalogueRoot, listJsonFiles, readSources } from './sources.ts';
import { plural } from './table.ts';

export const processUsage = 'onematter process export <definition.json> [--out <machine.json>] | process import <machine.json> --into <definition.json> [--json] [--dry-run]';

export async function processCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { into: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  });
  const [action, file, ...rest] = positionals;
  if (rest.length > 0 || file === undefined) throw new UsageError(`usage: ${processUsage}`);
  if (action === 'export') {
    if (values.into) throw new UsageError('--into is for import; export writes to --out or standard output');
    return exportProcess(file, values.out, io);
  }
  if (action === 'import') {
    if (!values.into) throw new UsageError(`usage: ${processUsage} (import needs --into)`);
    if (values.out) throw new UsageError('--out is for export; import writes the --into definition');
    return importProcess(file, values.into, Boolean(values.json), Boolean(values['dry-run']), io);
  }
  throw new UsageError(`unknown action ${JSON.stringify(action)}: process export or process import`);
}

async function exportProcess(file: string, out: string | undefined, io: CliIo): Promise<number> {
  const definition = await readDefinition(file, io);
  const text = `${JSON.stringify(toStately(definition.process as unknown as Process), null, 2)}\n`;
  if (out === undefined) io.stdout.write(text);
  else {
    await writeFile(resolve(io.cwd, out), text);
    io.stdout.write(`✔ wrote the process of ${file} to ${out} (Stately-compatible XState machine JSON)\n`);
  }
  return exitCodes.ok;
}

async function importProcess(machineFile: string, into: string, json: boolean, dryRun: boolean, io: CliIo): Promise<number> {
  const definitionPath = resolve(io.cwd, into);
  const definitionFile = name(into, io.cwd);
  const definition = await readDefinition(into, io);
  const parsed = parseDocument(name(machineFile, io.cwd), await readText(resolve(io.cwd, machineFile), machineFile));
  const problems: Problem[] = parsed.ok ? [] : [...parsed.problems];
  let changes: readonly StatelyChange[] = [];
  let text: string | undefined;
  if (parsed.ok) {
    // the definition keeps its process id: a machine Stately renamed has its `#<id>.…` targets rewritten to it
    const id = (definition.process as Record<string, unknown>).id;
    const imported = fromStately(parsed.value, typeof id === 'string' ? { processId: id } : {});
    changes = imported.changes;
    // the rest of the catalogue: the definition is judged in it, before and after
    const root = await findCatalogueRoot(definitionPath);
    const files = await listJsonFiles(root ? [root] : [definitionPath], io.cwd);
    const sources = (await readSources(files, io.cwd)).filter((s) => s.file !== definitionFile);
    const before = validateSources([...sources, { file: definitionFile, text: await readFile(definitionPath, 'utf8') }]);
    text = `${JSON.stringify({ ...definition, process: imported.process }, null, 2)}\n`;
    const known = new Set(before.problems.filter((p) => p.file === definitionFile).map(key));
    problems.push(...validateSources([...sources, { file: definitionFile, text }]).problems.filter((p) => p.file === definitionFile && !known.has(key(p))));
  }
  const written = problems.length === 0 && !dryRun;
  if (written) await writeFile(definitionPath, text!);
  if (json) {
    io.stdout.write(`${JSON.stringify({ changes, problems: problems.map(({ file, pointer, code, message, params }) => ({ file, pointer, code, message, params })), written }, null, 2)}\n`);
  } else {
    let report = changes.length > 0 ? `changes to ${machineFile} (${changes.length})\n` : '';
    for (const c of changes) report += `  ~ ${c.pointer || '(root)'}: ${c.message.en}\n    ${c.message.zh}\n`;
    if (problems.length > 0) report += `${changes.length > 0 ? '\n' : ''}problems (${problems.length})\n`;
    for (const p of problems) {
      report += `  ${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`;
      if (Object.hasOwn(messages, p.code)) report += `    ${renderMessage(p.code as ProblemCode, p.params as Record<string, unknown>, 'zh')}\n`;
    }
    report +=
      problems.length > 0
        ? `✖ ${plural(problems.length, 'problem')}: nothing written to ${definitionFile}\n`
        : `${written ? '✔ imported' : 'dry run: would import'} ${machineFile} as the process of ${definitionFile} with ${plural(changes.length, 'change')}${written ? '' : '; nothing written'}\n`;
    io.stdout.write(report);
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.problems;
}

// A matter definition (baseline or variant), or a usage error saying why the file is not one.
async function readDefinition(file: string, io: CliIo): Promise<Record<string, unknown>> {
  const parsed = parseDocument(name(file, io.cwd), await readText(resolve(io.cwd, file), file));
  if (!parsed.ok || (parsed.value.kind !== 'baseline' && parsed.value.kind !== 'variant') || !isObject(parsed.value.process)) {
    const why = !parsed.ok ? parsed.problems[0]!.message : !isObject(parsed.value.process) && (parsed.value.kind === 'baseline' || parsed.value.kind === 'variant') ? 'it has no process' : `its "kind" is ${JSON.stringify(parsed.value.kind ?? null)}, not "baseline" or "variant"`;
    throw new UsageError(`${file} is not a matter definition (${why})`);
  }
  return parsed.value;
}

const name = (path: string, cwd: string) => relative(cwd, resolve(cwd, path)) || path;
const key = (p: Problem) => `${p.code} ${p.pointer}`;

async function readText(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`no such file: ${shown}`);
  return readFile(path, 'utf8');
}
