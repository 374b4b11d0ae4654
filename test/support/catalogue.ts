/** The real catalogue under definitions/, loaded and validated once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffContextOf, validateSources, type MatterDefinition, type SourceDocument } from '../../engine/index.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

/** Every file under definitions/, named relative to the project root. */
export const catalogueSources = (): SourceDocument[] =>
  walk(join(projectRoot, 'definitions')).map((f) => ({ file: relative(projectRoot, f), text: readFileSync(f, 'utf8') }));

export const realCatalogue = validateSources(catalogueSources());

/** Shared schemas by $id, for diffs that follow `$ref`s into them. */
export const sharedSchemas: ReadonlyMap<string, unknown> = diffContextOf(realCatalogue.catalogue).sharedSchemas;

/** Each matter's baseline and variants. */
export const matters = (): { id: string; baseline: MatterDefinition; variants: MatterDefinition[] }[] => {
  const ids = [...new Set(realCatalogue.catalogue.definitions.map((d) => d.value.id))];
  return ids.map((id) => {
    const defs = realCatalogue.catalogue.definitions.map((d) => d.value).filter((d) => d.id === id);
    return { id, baseline: defs.find((d) => d.kind === 'baseline')!, variants: defs.filter((d) => d.kind === 'variant') };
  });
};

/** Validates `definition` as if it were the file `file` of the real catalogue. */
export function problemsInCatalogue(file: string, definition: unknown) {
  const sources = catalogueSources().filter((s) => s.file !== file);
  sources.push({ file, text: JSON.stringify(definition) });
  return validateSources(sources).problems.filter((p) => p.file === file);
}
