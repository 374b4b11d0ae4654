/**
 * `onematter export --files <dir> [--data <folder>] [--all-versions] [--catalogue <dir>]`: the server's published
 * catalogue back as files shaped like definitions/, so a province keeps it in version control. The store is opened
 * read only (a running server keeps serving and writing); definitions are written as published (2-space JSON, key
 * order kept, a trailing newline), names as ./export-names.ts says, and only files whose bytes change are rewritten,
 * so exporting twice writes the same bytes. The context documents the store does not hold (shared data, shared
 * schemas, regions, bundles) are copied from the catalogue folder the server starts from.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDefinitionsDir } from '../definitions-folder.ts';
import { dataFolderOf, openDataStore } from './data-store.ts';
import { contextFiles, existingDefinitions } from './export-folder.ts';
import { planExport } from './export-plan.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { plural } from './table.ts';

export const exportUsage = 'onematter export --files <dir> [--data <folder>] [--all-versions] [--catalogue <dir>]';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { files: { type: 'string' }, data: { type: 'string' }, 'all-versions': { type: 'boolean' }, catalogue: { type: 'string' } },
  });
  if (!values.files) throw new UsageError(`usage: ${exportUsage}`);
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

// Writes only when the bytes differ, through a temporary file renamed into place (never a half-written definition).
async function writeIfChanged(path: string, bytes: Buffer): Promise<boolean> {
  const now = await readFile(path).catch(() => undefined);
  if (now?.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return true;
}
