/**
 * What `onematter export` reads from disk besides the store: the definitions already in the export folder (so names
 * are reused and unpublished edits are never overwritten) and the catalogue's context documents (shared data,
 * shared schemas, regions, bundles), which the store does not hold.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseDocument, type MatterDefinition } from '../../engine/index.ts';
import type { ExistingFile } from './export-names.ts';
import { listJsonFiles } from './sources.ts';

/** A file under `<dir>/matters/<folder>/`; `owner` is set when it parses as a definition (valid or not). */
export interface ExistingDefinitionFile extends ExistingFile {
  readonly path: string;
  readonly owner: { readonly id: string; readonly region: string; readonly version: string; readonly hash: string } | undefined;
}

/** A context document of the catalogue: its path relative to the catalogue folder, and its bytes. */
export interface ContextFile {
  readonly path: string;
  readonly bytes: Buffer;
  /** The matters a bundle lists (`{ id, version }`); none for other documents. */
  readonly refers: readonly { readonly id: string; readonly version: string }[];
}

/** Every `.json` file directly inside `<dir>/matters/<folder>/`, with the matter and region it holds. */
export async function existingDefinitions(dir: string, hash: (definition: MatterDefinition) => string): Promise<ExistingDefinitionFile[]> {
  const matters = join(dir, 'matters');
  const folders = await readdir(matters, { withFileTypes: true }).catch(() => []);
  const found: ExistingDefinitionFile[] = [];
  for (const folder of folders.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort()) {
    const files = (await readdir(join(matters, folder), { withFileTypes: true })).filter((f) => f.isFile() && f.name.endsWith('.json')).map((f) => f.name).sort();
    for (const file of files) {
      const path = `matters/${folder}/${file}`;
      const parsed = parseDocument(path, await readFile(join(matters, folder, file), 'utf8'));
      const v = parsed.ok ? (parsed.value as { kind?: unknown; id?: unknown; version?: unknown; region?: { code?: unknown } }) : undefined;
      const isDefinition = (v?.kind === 'baseline' || v?.kind === 'variant') && typeof v.id === 'string' && typeof v.version === 'string' && typeof v.region?.code === 'string';
      const owner = isDefinition ? { id: v.id as string, region: v.region!.code as string, version: v.version as string, hash: hash(v as MatterDefinition) } : undefined;
      found.push({ folder, file, path, owner });
    }
  }
  return found;
}

/** The catalogue folder's JSON files that are not matter definitions, as they are (bytes), with paths using `/`. */
export async function contextFiles(catalogueDir: string): Promise<ContextFile[]> {
  const out: ContextFile[] = [];
  for (const abs of await listJsonFiles([catalogueDir], catalogueDir)) {
    const path = relative(catalogueDir, abs).split(sep).join('/');
    const bytes = await readFile(abs);
    const parsed = parseDocument(path, bytes.toString('utf8'));
    const kind = parsed.ok ? parsed.value.kind : undefined;
    if (kind === 'baseline' || kind === 'variant') continue;
    // a bundle refers to its members' pinned versions (an unpinned member takes the newest, which is exported anyway)
    const members = parsed.ok && kind === 'bundle' && Array.isArray(parsed.value.members) ? (parsed.value.members as { matter?: unknown }[]) : [];
    const matters = members.map((m) => m?.matter);
    const refers = matters.filter((m): m is { id: string; version: string } => typeof (m as { id?: unknown })?.id === 'string' && typeof (m as { version?: unknown })?.version === 'string');
    out.push({ path, bytes, refers: refers.map(({ id, version }) => ({ id, version })) });
  }
  return out;
}
