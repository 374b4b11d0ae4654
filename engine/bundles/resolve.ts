/**
 * Which definition each member of a bundle stands for: a pinned version exactly, otherwise the newest version in
 * the bundle's own region (that region's variant of the matter) and, when the region has none, the newest baseline.
 */
import { join } from '../json/pointer.ts';
import type { BundleDefinition, MatterDefinition } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';
import type { Loaded } from '../validate/catalogue.ts';

/** Orders semantic versions by their numbers: `1.2.0` < `1.10.0`; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [ca, pa] = a.split('-', 2) as [string, string | undefined];
  const [cb, pb] = b.split('-', 2) as [string, string | undefined];
  const na = ca.split('.').map(Number);
  const nb = cb.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((na[i] ?? 0) !== (nb[i] ?? 0)) return (na[i] ?? 0) - (nb[i] ?? 0);
  if (pa === pb) return 0;
  if (pa === undefined) return 1;
  if (pb === undefined) return -1;
  return pa < pb ? -1 : 1;
}

const newest = <T extends { value: MatterDefinition }>(list: readonly T[]): T | undefined =>
  [...list].sort((x, y) => compareVersions(y.value.version, x.value.version))[0];

/** The members' definitions in the bundle's order, and a problem (pointing into the bundle) for each not found. */
export function resolveMembers(bundle: BundleDefinition, bundleFile: string, definitions: readonly Loaded<MatterDefinition>[]): { members: (Loaded<MatterDefinition> | undefined)[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const members = bundle.members.map((member, i) => {
    const same = definitions.filter((d) => d.value.id === member.matter.id);
    const pinned = member.matter.version;
    let found: Loaded<MatterDefinition> | undefined;
    if (pinned !== undefined) {
      const exact = same.filter((d) => d.value.version === pinned);
      found = exact.find((d) => d.value.region.code === bundle.region.code) ?? exact.find((d) => d.value.kind === 'baseline') ?? exact[0];
    } else {
      found = newest(same.filter((d) => d.value.region.code === bundle.region.code)) ?? newest(same.filter((d) => d.value.kind === 'baseline'));
    }
    if (!found) problems.push(problem('ref.bundle-matter-missing', bundleFile, join('/members', i, 'matter'), { id: member.matter.id, version: pinned ?? 'newest' }));
    return found;
  });
  return { members, problems };
}
