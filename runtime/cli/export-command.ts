/**
 * `onematter export --files <dir> [--data <folder>] [--all-versions] [--catalogue <dir>]`: the server's published
 * catalogue back as files shaped like definitions/, so a province keeps it in version control. The store is opened
 * read only (a running server keeps serving and writing); definitions are written as published (2-space JSON, key
 * order kept, a trailing newline), names as ./export-names.ts says, and only files whose bytes change are rewritten,
 * so exporting twice writes the same bytes. The context documents the store does not hold (shared data, shared
 * schemas, regions, bundles) are copied from the catalogue folder the server starts from.
 *
 * `--cpsv <dir>` writes the catalogue as CPSV-AP 3.2 JSON-LD instead (./export-cpsv-command.ts).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDefinitionsDir } from '../definitions-folder.ts';
import { dataFolderOf, openDataStore } from './data-store.ts';
import { exportCpsv } from './export-cpsv-command.ts';
import { contextFiles, existingDefinitions } from './export-folder.ts';
import { planExport } from './export-plan.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { plural } from './table.ts';
import { writeIfChanged } from './write-if-changed.ts';

export const exportUsage = 'onematter export (--files <dir> | --cpsv <dir> [<definitions-dir>]) [--data <folder>] [--all-versions] [--catalogue <dir>]';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { files: { type: 'string' }, cpsv: { type: 'string' }, data: { type: 'string' }, 'all-versions': { type: 'boolean' }, catalogue: { type: 'string' } },
  });
  if (values.files !== undefined && values.cpsv !== undefined) throw new UsageError('--files and --cpsv are two exports: give one');
  if (values.cpsv !== undefined) return exportCpsv({ ...values, cpsv: values.cpsv }, positionals, io);
  if (!values.files) throw new UsageError(`usage: ${exportUsage}`);
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}: --files exports the server's database (only --cpsv reads a definitions folder)`);
  const outDir = resolve(io.cwd, values.files);
  if ((await stat(outDir).catch(() => undefined))?.isDirectory() === false) throw new UsageError(`--files ${values.files} is a file, not a folder`);
  const catalogueDir = values.catalogue === undefined ? defaultDefinitionsDir : resolve(io.cwd, values.catalogue);
  if (!(await stat(catalogueDir).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`no catalogue folder at ${values.catalogue ?? catalogueDir} (--catalogue: where the shared data, shared schemas, regions and bundles come from)`);
  }
  const context = await contextFiles(catalogueDir);
  const { store, definitionHash } = await openDataStore(dataFolderOf(values.data, io.cwd), 'read');
  try {
    const plan = await planExport(store, await existingDefinitions(outDir, definitionHash), context, values['all-versions'] ?? false);
    if (plan.refused.length > 0) {
      for (const r of plan.refused) io.stderr.write(`${join(values.files, r.path)}: ${r.reason}\n`);
      io.stderr.write(`✖ ${plural(plan.refused.length, 'file')} in ${values.files} would be lost: nothing exported\n`);
      return exitCodes.problems;
    }
    let written = 0;
    for (const c of context) if (await writeIfChanged(join(outDir, c.path), c.bytes)) written++;
    for (const d of plan.definitions) {
      const published = await store.getDefinition(d.id, d.version, d.region);
      if (!published) throw new Error(`${d.id}@${d.version} (${d.region}) was listed by the store but cannot be read`);
      if (await writeIfChanged(join(outDir, d.path), Buffer.from(`${JSON.stringify(published.definition, null, 2)}\n`))) written++;
    }
    const total = context.length + plan.definitions.length;
    io.stdout.write(
      `✔ exported ${plural(plan.definitions.length, 'definition')} of ${plural(plan.matters, 'matter')} and ${plural(context.length, 'catalogue file')} to ${values.files}: ${written} written, ${total - written} unchanged\n`,
    );
    return exitCodes.ok;
  } finally {
    await store.close();
  }
}
