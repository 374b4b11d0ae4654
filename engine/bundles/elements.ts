/**
 * The service elements of a bundle: one set of materials (the members' union, each material once), and the members'
 * legal bases, fees and outputs side by side. A material is the same in two members when it comes from one
 * shared-data item, is one e-licence type, or has one name; the merged one asks the most any member asked
 * (necessity, copies, formats) unless shared data supplies it in any member: then nobody brings it.
 */
import { canonical } from '../json/equal.ts';
import type { Fee, LegalResource, Material, Output } from '../model/index.ts';
import { wrapCondition } from './conditions.ts';
import type { ComposeMember } from './form.ts';

type Json = Record<string, unknown>;

const necessityOrder: readonly Material['necessity'][] = ['required', 'tolerated-missing', 'optional', 'exempted'];
const stronger = (a: Material['necessity'], b: Material['necessity']) => (necessityOrder.indexOf(a) <= necessityOrder.indexOf(b) ? a : b);

/** Ids unique across members: a member's own id while it is free, `key-id` once another member took it. */
class Ids {
  private readonly used = new Set<string>();
  take(key: string, id: string): string {
    const free = this.used.has(id) ? `${key}-${id}` : id;
    this.used.add(free);
    return free;
  }
}

/** The members' legal bases, each text once: its id in each member mapped to its id in the bundle. */
export function composeLegalBasis(members: readonly ComposeMember[]): { legalBasis: LegalResource[]; idOf: (key: string, id: string) => string } {
  const ids = new Ids();
  const legalBasis: LegalResource[] = [];
  const byText = new Map<string, string>();
  const map = new Map<string, string>();
  for (const { key, definition } of members) {
    for (const resource of definition.legalBasis) {
      // one law's one article is one entry, however each member worded its issuer or level
      const { id } = resource;
      const text = { title: resource.title.zh, article: resource.article ?? '' };
      const same = byText.get(canonical(text));
      if (same !== undefined) {
        map.set(`${key}\u0000${id}`, same);
        continue;
      }
      const taken = ids.take(key, id);
      byText.set(canonical(text), taken);
      map.set(`${key}\u0000${id}`, taken);
      legalBasis.push({ ...resource, id: taken });
    }
  }
  return { legalBasis, idOf: (key, id) => map.get(`${key}\u0000${id}`) ?? id };
}

const identity = (m: Material): string => (m.sharedData ? `shared:${m.sharedData.item}` : m.licence ? `licence:${m.licence.type}` : `name:${m.name.zh}`);

export function composeMaterials(members: readonly ComposeMember[], basisOf: (key: string, id: string) => string): Material[] {
  const ids = new Ids();
  const merged = new Map<string, { material: Material; conditions: Json[] | undefined }>();
  for (const { key, definition } of members) {
    for (const m of definition.materials) {
      const basis = m.legalBasis?.map((id) => basisOf(key, id));
      const when = m.when === undefined ? undefined : wrapCondition(key, m.when as Json);
      const group = m.oneOfGroup === undefined ? undefined : `${key}-${m.oneOfGroup}`;
      const same = [...merged.entries()].find(([, v]) => identity(v.material) === identity(m) || v.material.name.zh === m.name.zh)?.[1];
      if (!same) {
        const { when: _w, oneOfGroup: _g, legalBasis: _b, ...rest } = m;
        merged.set(`${merged.size}`, {
          material: { ...rest, id: ids.take(key, m.id), ...(basis?.length ? { legalBasis: basis } : {}), ...(group ? { oneOfGroup: group } : {}) },
          conditions: when ? [when] : undefined,
        });
        continue;
      }
      const a = same.material;
      const shared = a.source === 'shared-data' ? a : m.source === 'shared-data' ? m : undefined;
      same.material = {
        ...a,
        necessity: stronger(a.necessity, m.necessity),
        ...(shared ? { source: 'shared-data' as const, ...(shared.sharedData ? { sharedData: shared.sharedData } : {}) } : {}),
        format: [...new Set([...a.format, ...m.format])],
        copies: { originals: Math.max(a.copies.originals, m.copies.originals), photocopies: Math.max(a.copies.photocopies, m.copies.photocopies) },
        ...(a.legalBasis || basis ? { legalBasis: [...new Set([...(a.legalBasis ?? []), ...(basis ?? [])])] } : {}),
      };
      if (!group && same.material.oneOfGroup !== undefined) {
        const { oneOfGroup: _g, ...ungrouped } = same.material;
        same.material = ungrouped;
      }
      // asked whenever any member asks it
      same.conditions = same.conditions && when ? [...same.conditions, when] : undefined;
    }
  }
  return [...merged.values()].map(({ material, conditions }) =>
    conditions === undefined ? material : { ...material, when: conditions.length === 1 ? conditions[0]! : { anyOf: conditions } },
  );
}

export function composeFees(members: readonly ComposeMember[], basisOf: (key: string, id: string) => string): Fee[] {
  const ids = new Ids();
  return members.flatMap(({ key, definition }) =>
    definition.fees.map((f) => ({
      ...f,
      id: ids.take(key, f.id),
      ...(f.legalBasis ? { legalBasis: f.legalBasis.map((id) => basisOf(key, id)) } : {}),
      ...(f.when ? { when: wrapCondition(key, f.when as Json) } : {}),
      ...(f.waivedWhen ? { waivedWhen: wrapCondition(key, f.waivedWhen as Json) } : {}),
    })),
  );
}

/** Each member's outputs, marked with the member whose approval issues them. */
export function composeOutputs(members: readonly ComposeMember[]): Output[] {
  const ids = new Ids();
  return members.flatMap(({ key, definition }) => definition.outputs.map((o) => ({ ...o, id: ids.take(key, o.id), member: key })));
}
