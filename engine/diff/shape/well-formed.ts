/**
 * Whether a definition has, in every part the rules read, the shape parts.ts and process.ts describe — as one
 * plain predicate. The diff asks it of both sides of every pair; the composed checks, which also say what is
 * wrong, cost a fifth of a diff there (every call goes through another closure). A test keeps the two in step.
 */
import { readDepth } from './process.ts';
import { acceptanceScopes, channels, deliveryMethods, sources as sourceList, timeUnits, validityKinds } from './parts.ts';

type Json = Record<string, unknown>;

// A plain object; every member read below is an own member or absent (JSON objects have no others, and none of
// these names is on Object.prototype).
const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const text = (v: unknown) => obj(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const necessities = ['required', 'optional', 'tolerated-missing', 'exempted'];
const sources: readonly string[] = sourceList;
const optionalInt = (v: unknown, max: number) => v === undefined || int(v, max);
const optionalObject = (v: unknown) => v === undefined || obj(v);
const among = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

function material(m: unknown): boolean {
  if (!obj(m) || typeof m.id !== 'string' || !text(m.name)) return false;
  if (typeof m.necessity !== 'string' || !necessities.includes(m.necessity) || typeof m.source !== 'string' || !sources.includes(m.source)) return false;
  const { format, copies } = m;
  if (!Array.isArray(format) || !obj(copies) || !int(copies.originals, 20) || !int(copies.photocopies, 20)) return false;
  for (const f of format) if (f !== 'paper' && f !== 'electronic') return false;
  return optionalObject(m.when) && (m.oneOfGroup === undefined || typeof m.oneOfGroup === 'string');
}
const fee = (f: unknown) =>
  obj(f) && typeof f.id === 'string' && text(f.name) && typeof f.amount === 'number' && f.amount >= 0 && f.amount <= 1_000_000 && optionalObject(f.when) && optionalObject(f.waivedWhen);
function output(o: unknown): boolean {
  if (!obj(o) || typeof o.id !== 'string' || !text(o.name) || typeof o.electronic !== 'boolean') return false;
  const { validity, delivery } = o;
  if (validity !== undefined && (!obj(validity) || !among(validityKinds, validity.kind) || (validity.years !== undefined && !(int(validity.years, 100) && (validity.years as number) >= 1)))) return false;
  return delivery === undefined || list(delivery, (d) => among(deliveryMethods, d), false);
}
const prefill = (p: unknown) => obj(p) && typeof p.field === 'string' && typeof p.item === 'string' && (p.locked === undefined || typeof p.locked === 'boolean');
const channel = (c: unknown) => typeof c === 'string' && (channels as readonly string[]).includes(c);

function list(v: unknown, element: (e: unknown) => boolean, optional: boolean): boolean {
  if (v === undefined) return optional;
  if (!Array.isArray(v)) return false;
  for (const e of v) if (!element(e)) return false;
  return true;
}

// A state and, as deep as the rules read (process.ts's readDepth), its child states.
function state(s: unknown, depth: number): boolean {
  if (!obj(s) || (s.type !== undefined && typeof s.type !== 'string')) return false;
  const { meta, on, always, onDone, states } = s;
  if (meta !== undefined && (!obj(meta) || (meta.role !== undefined && typeof meta.role !== 'string') || (meta.step !== undefined && !text(meta.step)))) return false;
  if ((always !== undefined && !transitions(always)) || (onDone !== undefined && !transitions(onDone)) || !events(on)) return false;
  if (states === undefined) return true;
  if (!obj(states)) return false;
  if (depth >= readDepth) return true;
  for (const name in states) if (!state(states[name], depth + 1)) return false;
  return true;
}
function events(on: unknown): boolean {
  if (on === undefined) return true;
  if (!obj(on)) return false;
  for (const event in on) if (!transitions(on[event])) return false;
  return true;
}
const transition = (t: unknown) => typeof t === 'string' || (obj(t) && typeof t.target === 'string');
function transitions(spec: unknown): boolean {
  if (!Array.isArray(spec)) return transition(spec);
  for (const t of spec) if (!transition(t)) return false;
  return true;
}

/** True when every part of `d` the diff rules read is well-formed (every valid definition is). */
export function wellFormed(d: Json): boolean {
  const { form, process, timeLimit } = d;
  if (!obj(form) || !(obj(form.schema) || typeof form.schema === 'boolean') || !list(form.prefill, prefill, true)) return false;
  if (!obj(process) || !obj(process.states) || !events(process.on)) return false;
  if (d.handlingType !== 'immediate' && d.handlingType !== 'promised') return false;
  if (!obj(timeLimit) || !int(timeLimit.promisedDays, 365) || !optionalInt(timeLimit.statutoryDays, 365) || !optionalInt(timeLimit.extendableTo, 365)) return false;
  if (!optionalInt(timeLimit.onSiteMinutes, 1440) || (timeLimit.unit !== undefined && !among(timeUnits, timeLimit.unit))) return false;
  if (!int(d.visits, 20) || (d.onlineDepth !== undefined && !int(d.onlineDepth, 4))) return false;
  if (d.acceptanceScope !== undefined && !among(acceptanceScopes, d.acceptanceScope)) return false;
  if (!list(d.materials, material, false) || !list(d.fees, fee, false) || !list(d.outputs, output, false)) return false;
  if (!list(d.channels, channel, false) || !list(d.acceptanceConditions, text, true) || !list(d.requires, (r) => typeof r === 'string', true)) return false;
  const states = process.states as Json;
  for (const name in states) if (!state(states[name], 1)) return false;
  return true;
}
