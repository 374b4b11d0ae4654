/** Reading catalogue files from disk: the only place the CLI touches definition files. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { documentLimits, type SourceDocument } from '../../engine/index.ts';
import { UsageError } from './io.ts';

/** The file that marks a catalogue's root folder. */
export const catalogueMarker = 'shared-data.json';

/** Every `.json` file under the given files or folders (sorted, recursive), as absolute paths. */
export async function listJsonFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new UsageError(`no such file or folder: ${p}`);
    if (info.isDirectory()) for (const f of await walk(abs)) files.add(f);
    else files.add(abs);
  }
  return [...files].sort();
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/** The nearest folder at or above `path` that holds the catalogue marker, if any. */
export async function findCatalogueRoot(path: string): Promise<string | undefined> {
  let dir = (await stat(path).catch(() => undefined))?.isDirectory() ? path : dirname(path);
  for (;;) {
    if (await stat(join(dir, catalogueMarker)).catch(() => undefined)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads files as source documents named relative to `cwd`; oversized files are not read, only sized. */
export async function readSources(files: readonly string[], cwd: string): Promise<SourceDocument[]> {
  return Promise.all(
    files.map(async (abs) => {
      const file = relative(cwd, abs) || abs;
      const { size } = await stat(abs);
      if (size > documentLimits.maxBytes) return { file, text: '', size };
      return { file, text: await readFile(abs, 'utf8') };
    }),
  );
}
