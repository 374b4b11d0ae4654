/**
 * A catalogue's bundles as definitions: each composed (members resolved in the catalogue), so the commands and the
 * server that review, score and list matters treat a bundle like any matter. A bundle with problems is left out
 * (validation reports them), and so is one whose composed definition the catalogue already holds.
 */
import type { MatterDefinition } from '../model/index.ts';
import type { Catalogue, Loaded } from '../validate/catalogue.ts';
import { compose } from './compose.ts';
import { resolveMembers } from './resolve.ts';
import { bundleSaving, type BundleSaving } from './saving.ts';

export interface ComposedBundle extends Loaded<MatterDefinition> {
  readonly members: readonly Loaded<MatterDefinition>[];
  readonly saving: BundleSaving;
}

export function composeBundles(catalogue: Catalogue): ComposedBundle[] {
  // a catalogue holding a bundle's composed definition already (an export of what a server published) keeps it
  const held = new Set(catalogue.definitions.map((d) => `${d.value.id}@${d.value.version}@${d.value.region.code}`));
  return catalogue.bundles.flatMap(({ file, value }) => {
    if (held.has(`${value.id}@${value.version}@${value.region.code}`)) return [];
    const resolved = resolveMembers(value, file, catalogue.definitions);
    if (resolved.problems.length > 0) return [];
    const members = resolved.members.map((m) => m!);
    let composed: ReturnType<typeof compose>;
    try {
      composed = compose(value, members, file);
    } catch {
      return []; // the validator reports it (bundle.not-composable)
    }
    if (!composed.definition || composed.problems.length > 0) return [];
    return [{ file, value: composed.definition, members, saving: bundleSaving(members.map((m) => m.value), composed.definition, composed.submissions) }];
  });
}

/** The catalogue with its bundles composed among its definitions. */
export function withComposedBundles(catalogue: Catalogue): Catalogue {
  return { ...catalogue, definitions: [...catalogue.definitions, ...composeBundles(catalogue).map(({ file, value }) => ({ file, value }))] };
}
