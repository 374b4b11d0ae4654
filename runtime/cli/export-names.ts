/**
 * Where `onematter export` writes each matter and region: `matters/<folder>/<name>.json`, older versions beside as
 * `<name>@<version>.json`. Names are stable across exports into the same folder (what is there is reused) and
 * readable in a fresh one (slugs of English names):
 * - folder: the existing folder whose definitions all belong to the matter, else a slug of its baseline's English
 *   title (of the id when that is empty); when two matters would share one, or the folder holds other matters,
 *   `-<id>` is added;
 * - file: the existing file holding the matter in that region, else `baseline` for the baseline and a slug of the
 *   region's English name for a variant; when two regions would share one, or another region's file has it, or a
 *   variant's slug is `baseline`, `-<region code>` is added.
 */

/** The newest version of one matter in one region, as far as naming needs it. */
export interface NamedEntry {
  readonly id: string;
  readonly region: string;
  readonly kind: 'baseline' | 'variant';
  /** The English title and region name. */
  readonly title: string;
  readonly regionName: string;
}

/** A file already under `<dir>/matters/<folder>/`, and the matter and region it holds (none when not a definition). */
export interface ExistingFile {
  readonly folder: string;
  readonly file: string;
  readonly owner: { readonly id: string; readonly region: string } | undefined;
}

export interface Placement {
  readonly folder: string;
  readonly name: string;
}

/** The key of one matter in one region. */
export const placementKey = (id: string, region: string): string => `${id}\u0000${region}`;

/** The path, relative to the export folder, of a placement's newest version (or of `version` beside it). */
export const placementPath = (p: Placement, version?: string): string => `matters/${p.folder}/${p.name}${version === undefined ? '' : `@${version}`}.json`;

const maxSlug = 60;

/** Lower-case ASCII letters and digits joined by single dashes, at most 60 characters (cut at a dash). */
export function slug(text: string): string {
  const s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length <= maxSlug) return s;
  const cut = s.slice(0, maxSlug + 1).lastIndexOf('-');
  return s.slice(0, cut > 0 ? cut : maxSlug).replace(/-+$/, '');
}

// `hangzhou@1.1.0.json` → `hangzhou`
const baseName = (file: string): string => file.replace(/\.json$/, '').replace(/@.*$/, '');

/** Places every entry (see the module comment for the rules); `reserved` paths (context files) are never used. */
export function placeEntries(entries: readonly NamedEntry[], existing: readonly ExistingFile[], reserved: ReadonlySet<string> = new Set()): Map<string, Placement> {
  const byId = groupBy(entries, (e) => e.id);
  const byFolder = groupBy(existing, (f) => f.folder);
  const folders = placeFolders(byId, existing);
  const placements = new Map<string, Placement>();
  for (const [id, folder] of folders) {
    const mine = [...byId.get(id)!].sort((a, b) => a.region.localeCompare(b.region));
    const here = byFolder.get(folder) ?? [];
    const names = new Map<string, string>();
    for (const e of mine) {
      // a file named `<name>.json` wins over `<name>@<version>.json`, then the first by name
      const held = here.filter((f) => f.owner?.id === id && f.owner.region === e.region).map((f) => f.file).sort((a, b) => Number(a.includes('@')) - Number(b.includes('@')) || a.localeCompare(b));
      if (held[0]) names.set(e.region, baseName(held[0]));
    }
    const taken = new Set([...names.values()]);
    for (const f of here) if (f.owner && !(f.owner.id === id && names.has(f.owner.region))) taken.add(baseName(f.file));
    for (const path of reserved) if (path.startsWith(`matters/${folder}/`) && !path.slice(`matters/${folder}/`.length).includes('/')) taken.add(baseName(path.slice(`matters/${folder}/`.length)));
    const fresh = mine.filter((e) => !names.has(e.region)).map((e) => ({ e, base: e.kind === 'baseline' ? 'baseline' : slug(e.regionName) || e.region }));
    const likeBaseline = (f: (typeof fresh)[number]) => f.e.kind === 'variant' && f.base === 'baseline'; // always suffixed: the name is the baseline's
    const count = countOf(fresh.filter((f) => !likeBaseline(f)).map((f) => f.base));
    for (const f of fresh) {
      const clash = likeBaseline(f) || count.get(f.base)! > 1 || taken.has(f.base);
      names.set(f.e.region, clash ? `${f.base}-${f.e.region}` : f.base);
    }
    for (const e of mine) placements.set(placementKey(id, e.region), { folder, name: names.get(e.region)! });
  }
  return placements;
}

// Each matter's folder: the one it already has, else a slug of its title.
function placeFolders(byId: ReadonlyMap<string, readonly NamedEntry[]>, existing: readonly ExistingFile[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const f of existing) if (f.owner) owners.set(f.folder, (owners.get(f.folder) ?? new Set()).add(f.owner.id));
  const owned = new Map<string, string>(); // a matter's own folder: the first (by name) holding only its files
  for (const [folder, set] of [...owners].sort(([a], [b]) => a.localeCompare(b))) if (set.size === 1 && !owned.has([...set][0]!)) owned.set([...set][0]!, folder);
  const folders = new Map<string, string>();
  const fresh: { id: string; base: string }[] = [];
  for (const id of [...byId.keys()].sort()) {
    const own = owned.get(id);
    if (own !== undefined) folders.set(id, own);
    else fresh.push({ id, base: slug(titleOf(byId.get(id)!)) || slug(id) || 'matter' });
  }
  const count = countOf(fresh.map((f) => f.base));
  for (const { id, base } of fresh) {
    const clash = count.get(base)! > 1 || (owners.get(base)?.size ?? 0) > 0;
    folders.set(id, clash ? `${base}-${slug(id) || 'matter'}` : base);
  }
  return folders;
}

// The matter's baseline title (the first baseline region's), else its first entry's.
function titleOf(mine: readonly NamedEntry[]): string {
  const sorted = [...mine].sort((a, b) => Number(a.kind !== 'baseline') - Number(b.kind !== 'baseline') || a.region.localeCompare(b.region));
  return sorted[0]?.title ?? '';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function countOf(values: readonly string[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return count;
}
