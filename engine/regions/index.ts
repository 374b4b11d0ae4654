/**
 * The administrative divisions of a region catalogue as a tree: look a code up, walk to its ancestors, list a
 * division's children (region pickers), and tell whether one division lies inside another.
 */
import type { RegionEntry } from '../model/index.ts';

export interface RegionIndex {
  /** The first entry listed for each code. */
  readonly byCode: ReadonlyMap<string, RegionEntry>;
  /** The entries listed under each parent code, in catalogue order. */
  readonly children: ReadonlyMap<string, readonly RegionEntry[]>;
}

/** Indexes region entries (several catalogues may be given; the first entry of a code wins). */
export function indexRegions(entries: Iterable<RegionEntry>): RegionIndex {
  const byCode = new Map<string, RegionEntry>();
  const children = new Map<string, RegionEntry[]>();
  for (const entry of entries) {
    if (byCode.has(entry.code)) continue;
    byCode.set(entry.code, entry);
    if (entry.parent !== undefined) children.set(entry.parent, [...(children.get(entry.parent) ?? []), entry]);
  }
  return { byCode, children };
}

/** The chain of divisions above `code`, nearest first (stops at a missing parent or a cycle). */
export function ancestorsOf(index: RegionIndex, code: string): RegionEntry[] {
  const chain: RegionEntry[] = [];
  const seen = new Set([code]);
  for (let parent = index.byCode.get(code)?.parent; parent !== undefined && !seen.has(parent); ) {
    const entry = index.byCode.get(parent);
    if (!entry) break;
    chain.push(entry);
    seen.add(parent);
    parent = entry.parent;
  }
  return chain;
}

/** Whether division `code` lies strictly inside division `ancestor`, by the catalogue's parent links. */
export const isInside = (index: RegionIndex, code: string, ancestor: string): boolean => ancestorsOf(index, code).some((r) => r.code === ancestor);
