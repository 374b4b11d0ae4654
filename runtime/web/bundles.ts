/**
 * One-thing bundles (一件事, issue 13) in the portal: the national life-event vocabulary in its order, the catalogue's
 * bundles grouped by life event, staff events addressed to a member in words ("受理 · 出生登记"), bundle roles
 * (police-clerk) in words. Pure: test/web-bundles.test.ts. A bundle's guide and its members' progress on a case are a
 * chunk of their own (bundle-parts.tsx): only bundles need them.
 */
import { pick, type Locale } from './i18n.ts';
import type { Messages } from './i18n-zh.ts';
import type { Localized, MatterSummary } from './types.ts';

/** The national life-cycle vocabulary (国办发〔2025〕24号), in its order: individuals' life events, then enterprises'. */
export const lifeEvents: Readonly<Record<'life' | 'business', readonly string[]>> = {
  life: ['birth', 'education', 'employment', 'living', 'housing', 'travel', 'medical-care', 'assistance', 'elderly-care', 'after-death'],
  business: ['market-entry', 'recruitment', 'tax-payment', 'operation', 'construction', 'exit'],
};

const eventOrder = [...lifeEvents.life, ...lifeEvents.business];

/** The bundle of a catalogue entry (null or absent: a single matter). */
export const bundleOf = (m: Pick<MatterSummary, 'bundle'>) => m.bundle ?? null;

export interface BundleGroup {
  readonly eventType: string;
  readonly event: string;
  readonly bundles: MatterSummary[];
}

/**
 * The catalogue split: bundles grouped by life event (in the vocabulary's order, individuals first; an event outside
 * it last, by name), each group in the catalogue's order, and the single matters as they came.
 */
export function groupByLifeEvent(matters: readonly MatterSummary[]): { groups: BundleGroup[]; singles: MatterSummary[] } {
  const byEvent = new Map<string, { eventType: string; event: string; bundles: MatterSummary[] }>();
  const singles: MatterSummary[] = [];
  for (const m of matters) {
    const bundle = bundleOf(m);
    if (!bundle) {
      singles.push(m);
      continue;
    }
    const key = `${bundle.eventType}\u0000${bundle.event}`;
    const group = byEvent.get(key) ?? { eventType: bundle.eventType, event: bundle.event, bundles: [] };
    group.bundles.push(m);
    byEvent.set(key, group);
  }
  const rank = (g: BundleGroup) => {
    const i = eventOrder.indexOf(g.event);
    return i < 0 ? eventOrder.length : i;
  };
  const groups = [...byEvent.values()].sort((a, b) => rank(a) - rank(b) || (a.eventType === 'life' ? 0 : 1) - (b.eventType === 'life' ? 0 : 1) || (a.event < b.event ? -1 : a.event > b.event ? 1 : 0));
  return { groups, singles };
}

/** A life event in words (its code when the vocabulary does not know it). */
export const lifeEventName = (event: string, t: Pick<Messages, 'lifeEventNames'>): string => t.lifeEventNames[event] ?? event;

/** An event's base event and the member it is addressed to: ACCEPT.birthRegistration → ACCEPT, birthRegistration. */
export function splitEvent(event: string): { base: string; member: string | undefined } {
  const dot = event.indexOf('.');
  return dot < 0 ? { base: event, member: undefined } : { base: event.slice(0, dot), member: event.slice(dot + 1) };
}

/** The base event before the dot (the one the rules for notes, confirmations and materials are keyed by). */
export const baseEvent = (event: string): string => splitEvent(event).base;

/** A case's bundle members as the page knows them: the API's progress, else the definition's bundle. */
export function membersOf(c: { members?: readonly { key: string; title: Localized }[]; definition?: { bundle?: { members: readonly { key: string; title?: Localized }[] } } }): { key: string; title?: Localized }[] {
  return [...(c.members ?? c.definition?.bundle?.members ?? [])];
}

/**
 * An event in words: its base event's label, and for an addressed event the member's title ("受理 · 出生登记" /
 * "Accept · Birth registration"); the member's key when the case does not name it.
 */
export function eventLabel(event: string, members: readonly { key: string; title?: Localized }[], t: Pick<Messages, 'eventNames' | 'memberEvent'>, locale: Locale): string {
  const { base, member } = splitEvent(event);
  const label = t.eventNames[base] ?? base;
  if (member === undefined) return label;
  const title = members.find((m) => m.key === member)?.title;
  return t.memberEvent(label, (title && pick(title, locale)) || member);
}

/**
 * A role in words: the table's name, or for a bundle's department role (police-clerk) the role with its department
 * (受理 · 公安); the role itself when neither is known.
 */
export function roleLabel(role: string, t: Pick<Messages, 'roleNames' | 'departmentNames' | 'memberEvent'>): string {
  const known = t.roleNames[role];
  if (known !== undefined) return known;
  const dash = role.lastIndexOf('-');
  if (dash <= 0) return role;
  const own = t.roleNames[role.slice(dash + 1)];
  if (own === undefined) return role;
  const department = role.slice(0, dash);
  return t.memberEvent(own, t.departmentNames[department] ?? department);
}
