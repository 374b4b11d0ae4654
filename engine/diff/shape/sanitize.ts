/**
 * Comparable copies of two definitions of which at least one is not well-formed: part by part, a part malformed
 * on either side is left out of both copies (its counterpart with it) and noted. Parts equal on both sides are
 * left out silently. The definitions themselves are never touched: members are copied before they are edited.
 */
import { join, isObject } from '../../json/pointer.ts';
import { canonical, jsonEqual } from '../../json/equal.ts';
import type { LocalizedText, MatterDefinition } from '../../model/index.ts';
import type { Area } from '../change.ts';
import { anyObject, type Check, type Flaw } from './check.ts';
import { formShape, listParts, memberParts, readPart, type ListPart } from './parts.ts';
import { alwaysShape, processShape, readDepth, stateShape, transitionShape } from './process.ts';

/** A part left out of the comparison: where (into `a`, or into `b` when only `b`'s is malformed) and why. */
export interface Note {
  readonly area: Area;
  /** Whose value is malformed. */
  readonly side: 'a' | 'b' | 'both';
  readonly path: string;
  readonly label: LocalizedText;
  /** The flaw of `a`'s value, or of `b`'s when `a`'s is fine. */
  readonly flaw: Flaw;
}

export interface ComparablePair {
  /** The sides to compare: the definitions themselves when both are well-formed, else copies without the malformed parts. */
  readonly a: MatterDefinition;
  readonly b: MatterDefinition;
  readonly notes: readonly Note[];
  /** Maps a pointer into the copy of one side back into its definition (list elements left out shift indices). */
  readonly relocate: ((path: string, side: 'a' | 'b') => string) | undefined;
}

/** Whose value is malformed, from the flaws of both sides. */
export const sideOf = (fa: Flaw | undefined, fb: Flaw | undefined): 'a' | 'b' | 'both' => (fa ? (fb ? 'both' : 'a') : 'b');
/** A note on a part left out. */
export const note = (area: Area, side: 'a' | 'b' | 'both', path: string, label: LocalizedText, flaw: Flaw): Note => ({ area, side, path, label, flaw });

// Sets a member without ever invoking a setter (a draft may hold a key named `__proto__`).
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The comparable copies of `a` and `b` and the notes on what was left out. */
export const sanitize = (a: Record<string, unknown>, b: Record<string, unknown>): ComparablePair => new Sanitizer(a, b).run();

// Builds the copies part by part.
class Sanitizer {
  readonly a: Record<string, unknown>;
  readonly b: Record<string, unknown>;
  readonly notes: Note[] = [];
  // list pointer → kept indices per side (sanitized index → index in the definition)
  readonly moved = new Map<string, { a?: readonly number[]; b?: readonly number[] }>();

  constructor(a: Record<string, unknown>, b: Record<string, unknown>) {
    this.a = { ...a };
    this.b = { ...b };
  }

  run(): ComparablePair {
    const formsCompared = this.form();
    for (const part of listParts) if (formsCompared || !part.pointer.startsWith('/form/')) this.list(part);
    for (const part of memberParts) this.member(part.pointer, part.check, part.area, part.label);
    this.process();
    const moved = this.moved;
    const relocate = moved.size === 0 ? undefined : (path: string, side: 'a' | 'b') => relocatePath(moved, path, side);
    return { a: this.a as unknown as MatterDefinition, b: this.b as unknown as MatterDefinition, notes: this.notes, relocate };
  }

  // Notes a part malformed on either side, unless both sides hold the same value (then it is no difference).
  private leaveOut(area: Area, path: string, label: LocalizedText, va: unknown, vb: unknown, fa: Flaw | undefined, fb: Flaw | undefined) {
    if (!jsonEqual(va, vb)) this.notes.push(note(area, sideOf(fa, fb), path, label, (fa ?? fb)!));
  }

  // The form is compared whole or not at all: without a schema, neither its fields nor its prefills can be placed.
  private form(): boolean {
    const fa = formShape(this.a.form);
    const fb = formShape(this.b.form);
    if (!fa && !fb) {
      this.a.form = { ...(this.a.form as object) };
      this.b.form = { ...(this.b.form as object) };
      return true;
    }
    const path = (fa ?? fb)!.at === '/schema' ? '/form/schema' : '/form';
    const flaw = (f: Flaw | undefined) => f && { ...f, at: path === '/form/schema' ? f.at.slice('/schema'.length) : f.at };
    this.leaveOut('form', path, path === '/form' ? { en: 'the form', zh: '表单' } : { en: 'the form schema', zh: '表单结构' }, this.a.form, this.b.form, flaw(fa), flaw(fb));
    this.a.form = this.b.form = { schema: {} };
    return false;
  }

  private list(part: ListPart) {
    const [parentPtr, key] = splitLast(part.pointer);
    const pa = readPart(this.a, parentPtr) as Record<string, unknown>;
    const pb = readPart(this.b, parentPtr) as Record<string, unknown>;
    const la = Object.hasOwn(pa, key) ? pa[key] : undefined;
    const lb = Object.hasOwn(pb, key) ? pb[key] : undefined;
    const listFlaw = (l: unknown): Flaw | undefined => (Array.isArray(l) || (l === undefined && part.optional) ? undefined : { at: '', found: l === undefined ? 'missing' : anyObject(l)?.found ?? 'an object', expected: 'an array' });
    const fa = listFlaw(la);
    const fb = listFlaw(lb);
    if (fa || fb) {
      this.leaveOut(part.area, part.pointer, part.title, la, lb, fa, fb);
      put(pa, key, []);
      put(pb, key, []);
      return;
    }
    const xa = (la ?? []) as unknown[];
    const xb = (lb ?? []) as unknown[];
    const badA = malformed(xa, part);
    const badB = malformed(xb, part);
    if (badA.length === 0 && badB.length === 0) return;
    // a malformed element equal on both sides is no difference: left out silently
    const pending = new Map<string, number[]>();
    for (const i of badB) {
      const k = canonical(xb[i]);
      const same = pending.get(k);
      if (same) same.push(i);
      else pending.set(k, [i]);
    }
    const quiet = new Set<number>(); // b's elements paired with an equal one of a
    const reportA: number[] = [];
    for (const i of badA) {
      const j = pending.get(canonical(xa[i]))?.pop();
      if (j === undefined) reportA.push(i);
      else quiet.add(j);
    }
    const reportB = badB.filter((j) => !quiet.has(j));
    const keysOf = (list: unknown[], indices: number[]) => new Set(indices.flatMap((i) => part.keys(list[i]).filter((k) => typeof k === 'string')));
    const keysA = keysOf(xa, reportA);
    const keysB = keysOf(xb, reportB);
    for (const i of reportA) this.notes.push(note(part.area, 'a', join(part.pointer, i), part.label(xa[i], i), part.element(xa[i])!));
    for (const j of reportB) this.notes.push(note(part.area, 'b', join(part.pointer, j), part.label(xb[j], j), part.element(xb[j])!));
    // the counterparts of a malformed element (same key on the other side) are left out too
    const keep = (list: unknown[], bad: number[], counterKeys: Set<unknown>) => {
      const skip = new Set(bad);
      return list.flatMap((e, i) => (skip.has(i) || part.keys(e).some((k) => counterKeys.has(k)) ? [] : [i]));
    };
    const keptA = keep(xa, badA, keysB);
    const keptB = keep(xb, badB, keysA);
    put(pa, key, keptA.map((i) => xa[i]));
    put(pb, key, keptB.map((i) => xb[i]));
    this.moved.set(part.pointer, { a: keptA, b: keptB });
  }

  private member(pointer: string, check: Check, area: Area, label: LocalizedText) {
    const va = readPart(this.a, pointer);
    const vb = readPart(this.b, pointer);
    const fa = check(va);
    const fb = check(vb);
    if (!fa && !fb) return;
    this.leaveOut(area, pointer, label, va, vb, fa, fb);
    const same = fa ? (fb ? (check === anyObject ? {} : undefined) : vb) : va;
    for (const side of [this.a, this.b]) {
      const [parentPtr, key] = splitLast(pointer);
      // parents are copied before they are edited (the definitions themselves are never touched)
      const parent = parentPtr === '' ? side : copyMember(side, parentPtr.slice(1));
      put(parent, key, same);
    }
  }

  // States are matched by path and transitions by event: left out by path, no indices move.
  private process() {
    const fa = processShape(this.a.process);
    const fb = processShape(this.b.process);
    if (fa || fb) {
      this.leaveOut('process', '/process', { en: 'the process', zh: '办理流程' }, this.a.process, this.b.process, fa, fb);
      this.a.process = this.b.process = { id: '', initial: '', states: {} };
      return;
    }
    const pa = copyMember(this.a, 'process');
    const pb = copyMember(this.b, 'process');
    const sa = (pa.states = { ...(pa.states as object) }) as Record<string, unknown>;
    const sb = (pb.states = { ...(pb.states as object) }) as Record<string, unknown>;
    this.states(sa, sb, '/process', '', 1);
    this.rootEvents(pa, pb);
  }

  // The states of one level (copies of both sides' `states`), then their children's, as deep as the process is
  // read (nodes.ts walks no deeper: what lies below is never compared). A state's own members are edited on copies.
  private states(sa: Record<string, unknown>, sb: Record<string, unknown>, base: string, parent: string, depth: number) {
    for (const name of unionKeys(sa, sb)) {
      const va = own(sa, name);
      const vb = own(sb, name);
      const fsa = va === undefined ? undefined : stateShape(va);
      const fsb = vb === undefined ? undefined : stateShape(vb);
      const at = join(base, 'states', name);
      const state = parent === '' ? name : `${parent}.${name}`;
      if (fsa || fsb) {
        this.leaveOut('process', at, { en: `the state “${state}”`, zh: `环节“${state}”` }, va, vb, fsa, fsb);
        delete sa[name];
        delete sb[name];
        continue;
      }
      // both are objects or absent now: copies to edit
      const ca = va === undefined ? undefined : { ...(va as object) } as Record<string, unknown>;
      const cb = vb === undefined ? undefined : { ...(vb as object) } as Record<string, unknown>;
      if (ca) put(sa, name, ca);
      if (cb) put(sb, name, cb);
      const copies = [ca, cb].filter((c): c is Record<string, unknown> => c !== undefined);
      this.events(ca, cb, join(at, 'on'), (event) => ({ en: `the transitions of “${state}” on ${event}`, zh: `环节“${state}”的 ${event} 流转` }), (event) => {
        for (const c of copies) {
          const on = own(c, 'on');
          if (!isObject(on) || !Object.hasOwn(on, event)) continue;
          const copy = { ...on };
          delete copy[event];
          c.on = copy;
        }
      });
      const lists = { always: { en: `the automatic decisions of “${state}”`, zh: `环节“${state}”的自动判定` }, onDone: { en: `the transition of “${state}” when it is done`, zh: `环节“${state}”完成后的流转` } };
      for (const [key, label] of Object.entries(lists)) {
        const la = own(ca, key);
        const lb = own(cb, key);
        const fla = la === undefined ? undefined : alwaysShape(la);
        const flb = lb === undefined ? undefined : alwaysShape(lb);
        if (!fla && !flb) continue;
        this.leaveOut('process', join(at, key), label, la, lb, fla, flb);
        for (const c of copies) delete c[key];
      }
      if (depth >= readDepth) continue;
      const ka = childStates(ca);
      const kb = childStates(cb);
      if (Object.keys(ka).length > 0 || Object.keys(kb).length > 0) this.states(ka, kb, at, state, depth + 1);
    }
  }

  // The events every state accepts (process.on), matched by event like a state's.
  private rootEvents(pa: Record<string, unknown>, pb: Record<string, unknown>) {
    this.events(pa, pb, '/process/on', (event) => ({ en: `the transitions on ${event} in every state`, zh: `所有环节的 ${event} 流转` }), (event) => {
      for (const p of [pa, pb]) {
        const on = own(p, 'on');
        if (!isObject(on) || !Object.hasOwn(on, event)) continue;
        const copy = { ...on };
        delete copy[event];
        put(p, 'on', copy);
      }
    });
  }

  // Leaves out, event by event, the malformed transitions of two event maps (`on` of a state or of the machine);
  // `strip(event)` removes the event from both drafts.
  private events(a: unknown, b: unknown, at: string, label: (event: string) => { en: string; zh: string }, strip: (event: string) => void) {
    const onA = own(a, 'on') as Record<string, unknown> | undefined;
    const onB = own(b, 'on') as Record<string, unknown> | undefined;
    for (const event of unionKeys(onA ?? {}, onB ?? {})) {
      const ta = own(onA, event);
      const tb = own(onB, event);
      const fta = ta === undefined ? undefined : transitionShape(ta);
      const ftb = tb === undefined ? undefined : transitionShape(tb);
      if (!fta && !ftb) continue;
      this.leaveOut('process', join(at, event), label(event), ta, tb, fta, ftb);
      strip(event);
    }
  }
}

// A state copy's child states, copied in place to be edited ({} when it has none).
function childStates(state: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!state || !isObject(state.states)) return {};
  const copy = { ...state.states };
  state.states = copy;
  return copy;
}

function malformed(list: readonly unknown[], part: ListPart): number[] {
  const bad: number[] = [];
  for (let i = 0; i < list.length; i++) if (part.element(list[i])) bad.push(i);
  return bad;
}

const own = (v: unknown, key: string): unknown => (isObject(v) && Object.hasOwn(v, key) ? v[key] : undefined);
const unionKeys = (x: Record<string, unknown>, y: Record<string, unknown>): string[] => [...new Set([...Object.keys(x), ...Object.keys(y)])];
const splitLast = (pointer: string): [string, string] => {
  const at = pointer.lastIndexOf('/');
  return [pointer.slice(0, at), pointer.slice(at + 1)];
};
// Replaces `doc[key]` (an object) by a shallow copy and returns it; a member that is not an object becomes `{}`.
function copyMember(doc: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...(isObject(doc[key]) ? (doc[key] as object) : {}) } as Record<string, unknown>;
  put(doc, key, copy);
  return copy;
}

function relocatePath(moved: ReadonlyMap<string, { a?: readonly number[]; b?: readonly number[] }>, path: string, side: 'a' | 'b'): string {
  for (const [list, kept] of moved) {
    if (!path.startsWith(`${list}/`)) continue;
    const rest = path.slice(list.length + 1);
    const end = rest.indexOf('/');
    const index = Number(end === -1 ? rest : rest.slice(0, end));
    const original = kept[side]?.[index];
    return original === undefined ? path : `${list}/${original}${end === -1 ? '' : rest.slice(end)}`;
  }
  return path;
}
