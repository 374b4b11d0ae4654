/**
 * `onematter export --cpsv <dir> [<definitions-dir>]`: the catalogue as CPSV-AP 3.2 JSON-LD (runtime/cpsv), one
 * document per definition plus the index `catalogue.jsonld`, read from a definitions folder when one is named and
 * from the server's store otherwise. Only files whose bytes change are written, so exporting twice writes nothing.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultDefinitionsDir } from '../definitions-folder.ts';
import { cpsvBytes, cpsvDocuments, selectDefinitions } from '../cpsv/index.ts';
import { formatProblems } from './definitions-arg.ts';
import { cpsvFromFolder, cpsvFromStore } from './export-cpsv-sources.ts';
import { exitCodes, UsageError, type CliIo } from './io.ts';
import { plural } from './table.ts';
import { writeIfChanged } from './write-if-changed.ts';

/** The options of `export` that the CPSV-AP export reads. */
export interface CpsvOptions {
  readonly cpsv: string;
  readonly data?: string;
  readonly catalogue?: string;
  readonly 'all-versions'?: boolean;
}

/** Runs the CPSV-AP export; `positionals` are the definitions folder or files (none: the store). */
export async function exportCpsv(options: CpsvOptions, positionals: readonly string[], io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, options.cpsv);
  if ((await stat(outDir).catch(() => undefined))?.isDirectory() === false) throw new UsageError(`--cpsv ${options.cpsv} is a file, not a folder`);
  if (positionals.length > 0 && options.data !== undefined) throw new UsageError('give a definitions folder or --data (the server’s database), not both');
  const catalogueDir = options.catalogue === undefined ? undefined : resolve(io.cwd, options.catalogue);
  if (catalogueDir !== undefined && !(await stat(catalogueDir).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`no catalogue folder at ${options.catalogue} (--catalogue: where the bundles and the rest of the catalogue come from)`);
  }
  const allVersions = options['all-versions'] ?? false;
  const source = positionals.length > 0 ? positionals.join(' ') : 'the store';
  const input = positionals.length > 0
    ? await cpsvFromFolder(positionals, io.cwd, catalogueDir)
    : await cpsvFromStore(options.data, io.cwd, catalogueDir ?? defaultDefinitionsDir, allVersions);
  if (input.problems.length > 0) {
    io.stderr.write(`${formatProblems(input.problems)}✖ ${plural(input.problems.length, 'problem')} in ${source}: nothing exported\n`);
    return exitCodes.problems;
  }
  const definitions = selectDefinitions(input.definitions, allVersions);
  if (definitions.length === 0) throw new UsageError(`${source} holds no matter definition to export`);
  const documents = cpsvDocuments({ definitions, bundles: input.bundles });
  let written = 0;
  for (const d of documents) if (await writeIfChanged(join(outDir, d.path), Buffer.from(cpsvBytes(d)))) written++;
  const matters = new Set(definitions.map((d) => d.id)).size;
  io.stdout.write(
    `✔ exported ${plural(definitions.length, 'definition')} of ${plural(matters, 'matter')} as CPSV-AP 3.2 JSON-LD to ${options.cpsv}: ${written} written, ${documents.length - written} unchanged\n`,
  );
  return exitCodes.ok;
}
