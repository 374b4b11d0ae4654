/**
 * Proposing a top runner from a matter's regional variants: the least burdensome choice per element. A material,
 * fee or field that a variant's legal basis requires is kept and flagged, never silently dropped.
 */
import { necessityRank, sourceRank } from '../diff/materials/weigh.ts';
import { fieldWeight } from '../diff/form/leaves.ts';
import { inWorkingDays, unitOf } from '../diff/time.ts';
import { feeShare } from '../diff/fees.ts';
import { isObject, parsePointer } from '../json/pointer.ts';
import type { Fee, LegalResource, Material, MatterDefinition, Region } from '../model/index.ts';
import { sequentialStepCount } from '../diff/rules/process/parallel.ts';
import { humanStepCount } from '../diff/rules/process/steps.ts';

export interface TopRunnerFlag {
  /** Which element: `materials/<id>`, `fees/<id>` or `form<field>`. */
  readonly element: string;
  readonly reason: 'required-by-law';
  readonly legalBasis: readonly string[];
  /** Regions (codes) whose variant does not have it. */
  readonly missingIn: readonly string[];
}

export interface TopRunnerProposal {
  readonly definition: MatterDefinition;
  readonly flags: readonly TopRunnerFlag[];
  /** Element → the region code it was taken from. */
  readonly sources: Readonly<Record<string, string>>;
}

export interface TopRunnerOptions {
  readonly region?: Region;
  readonly version?: string;
}

// An alternative of a one-of group is lighter than the same material asked on its own (even tolerated missing): the
// applicant may bring another; one asked only in some situations is lighter than one asked always.
const materialCost = (m: Material) => [sourceRank[m.source], m.oneOfGroup === undefined ? 1 : 0, necessityRank[m.necessity], m.when === undefined ? 1 : 0, m.format.includes('electronic') ? 0 : 1, m.copies.originals + m.copies.photocopies];

// The item with the lexicographically smallest cost; ties keep the first.
function lightest<T>(items: readonly T[], cost: (t: T) => number[]): T {
  let best = items[0] as T;
  let bestCost = cost(best);
  for (const item of items.slice(1)) {
    const c = cost(item);
    const i = c.findIndex((v, k) => v !== bestCost[k]);
    if (i !== -1 && c[i]! < bestCost[i]!) [best, bestCost] = [item, c];
  }
  return best;
}

const formCost = (d: MatterDefinition) => {
  const locked = new Set((d.form.prefill ?? []).filter((p) => p.locked !== false).map((p) => p.field));
  return [fieldWeight(d.form.schema, '', true, locked)];
};
// Days compared in one measure: calendar days count 5/7 of a working day.
const days = (d: MatterDefinition, n: number) => inWorkingDays(n, unitOf(d.timeLimit));
// the fewest steps waited for one after another (parallel regions count as their longest), then the fewest steps
const processCost = (d: MatterDefinition) => [sequentialStepCount(d.process), humanStepCount(d.process)];

/** Proposes a baseline from the variants of one matter (they must share an `id`). */
export function deriveTopRunner(variants: readonly MatterDefinition[], options: TopRunnerOptions = {}): TopRunnerProposal {
  const first = variants[0];
  if (!first) throw new RangeError('deriveTopRunner needs at least one variant');
  if (variants.some((v) => v.id !== first.id)) throw new RangeError('deriveTopRunner: the variants belong to different matters');
  const flags: TopRunnerFlag[] = [];
  const sources: Record<string, string> = {};
  const from = <T extends MatterDefinition>(element: string, v: T) => ((sources[element] = v.region.code), v);

  const formOwner = from('form', lightest(variants, formCost));
  const processOwner = from('process', lightest(variants, processCost));
  const timeOwner = from('timeLimit', lightest(variants, (v) => [days(v, v.timeLimit.promisedDays), days(v, v.timeLimit.statutoryDays ?? Number.POSITIVE_INFINITY)]));
  const visitOwner = from('visits', lightest(variants, (v) => [v.visits]));
  const legalBasis = unionById(variants.flatMap((v) => v.legalBasis));

  const materials = pickElements(
    variants,
    (v) => v.materials,
    (m) => [m.id, m.name.zh],
    (group) => lightest(group, (x) => materialCost(x.item)),
    (item) => item.legalBasis ?? [],
    'materials',
    flags,
    sources,
  );
  const fees = pickElements(variants, (v) => v.fees, (f) => [f.id], (group) => lightest(group, (x) => [x.item.amount * feeShare(x.item)]), (f) => f.legalBasis ?? [], 'fees', flags, sources);

  const form = structuredClone(formOwner.form);
  keepLawfulFields(form, formOwner, variants, flags, sources);

  const electronicOutputs = new Set(variants.flatMap((v) => v.outputs.filter((o) => o.electronic).map((o) => o.id)));
  const conditions = (formOwner.acceptanceConditions ?? []).filter((c) => variants.every((v) => (v.acceptanceConditions ?? []).some((x) => x.zh === c.zh)));
  const channels = (['online', 'mobile', 'onsite', 'self-service', 'mail'] as const).filter((c) => variants.some((v) => v.channels.includes(c)));
  const depths = variants.map((v) => v.onlineDepth).filter((d): d is number => d !== undefined);

  const { baseline: _baseline, ...skeleton } = structuredClone(formOwner);
  const definition: MatterDefinition = {
    ...skeleton,
    version: options.version ?? '1.0.0',
    kind: 'baseline',
    region: options.region ?? { code: `${first.region.code.slice(0, 2)}0000`, name: { zh: '省级', en: 'Province' }, level: 'province' },
    legalBasis: legalBasis as MatterDefinition['legalBasis'],
    handlingType: timeOwner.handlingType,
    channels: channels as unknown as MatterDefinition['channels'],
    roles: structuredClone(processOwner.roles),
    materials,
    form,
    process: structuredClone(processOwner.process),
    timeLimit: { ...timeOwner.timeLimit },
    fees,
    visits: visitOwner.visits,
    outputs: formOwner.outputs.map((o) => ({ ...o, electronic: o.electronic || electronicOutputs.has(o.id) })),
  };
  if (conditions.length > 0) definition.acceptanceConditions = conditions;
  else delete definition.acceptanceConditions;
  if (depths.length > 0) definition.onlineDepth = Math.max(...depths);
  if (visitOwner.visits > 0 && visitOwner.visitReason) definition.visitReason = visitOwner.visitReason;
  else delete definition.visitReason;
  return { definition, flags, sources };
}

function unionById(list: readonly LegalResource[]): LegalResource[] {
  const seen = new Map<string, LegalResource>();
  for (const l of list) if (!seen.has(l.id)) seen.set(l.id, l);
  return [...seen.values()];
}

// Groups same elements across variants (by any of their keys), keeps those every variant has (the lightest
// version), and keeps-and-flags those only some have when one of them cites a legal basis.
function pickElements<T extends Material | Fee>(
  variants: readonly MatterDefinition[],
  list: (v: MatterDefinition) => readonly T[],
  keys: (t: T) => string[],
  choose: (group: { item: T; v: MatterDefinition }[]) => { item: T; v: MatterDefinition },
  basis: (t: T) => readonly string[],
  area: string,
  flags: TopRunnerFlag[],
  sources: Record<string, string>,
): T[] {
  const groups: { item: T; v: MatterDefinition }[][] = [];
  const index = new Map<string, number>();
  for (const v of variants) {
    for (const item of list(v)) {
      const found = keys(item).map((k) => index.get(k)).find((g) => g !== undefined && !groups[g]!.some((x) => x.v === v));
      const g = found ?? groups.push([]) - 1;
      groups[g]!.push({ item, v });
      for (const k of keys(item)) if (!index.has(k)) index.set(k, g);
    }
  }
  const out: T[] = [];
  for (const group of groups) {
    const everywhere = group.length === variants.length;
    const lawful = group.filter((x) => basis(x.item).length > 0);
    if (!everywhere && lawful.length === 0) continue; // only some regions ask for it, and no law requires it
    const picked = choose(everywhere ? group : lawful);
    out.push(structuredClone(picked.item));
    sources[`${area}/${picked.item.id}`] = picked.v.region.code;
    if (!everywhere) {
      const missingIn = variants.filter((v) => !group.some((x) => x.v === v)).map((v) => v.region.code);
      flags.push({ element: `${area}/${picked.item.id}`, reason: 'required-by-law', legalBasis: [...basis(picked.item)], missingIn });
    }
  }
  return out;
}

// Fields another variant's law requires (form.fieldBasis) that the chosen form lacks are copied in and flagged.
function keepLawfulFields(form: MatterDefinition['form'], owner: MatterDefinition, variants: readonly MatterDefinition[], flags: TopRunnerFlag[], sources: Record<string, string>): void {
  for (const v of variants) {
    if (v === owner) continue;
    for (const basis of v.form.fieldBasis ?? []) {
      const tokens = parsePointer(basis.field);
      if (!tokens || tokens.length === 0 || form.fieldBasis?.some((b) => b.field === basis.field)) continue;
      const target = objectAt(form.schema, tokens.slice(0, -1));
      const source = objectAt(v.form.schema, tokens.slice(0, -1));
      const name = tokens[tokens.length - 1]!;
      if (!target || !source || !isObject(source.properties) || !Object.hasOwn(source.properties, name)) continue;
      const props = (isObject(target.properties) ? target.properties : (target.properties = {})) as Record<string, unknown>;
      if (!Object.hasOwn(props, name)) {
        props[name] = structuredClone(source.properties[name]);
        if (Array.isArray(source.required) && source.required.includes(name)) target.required = [...(Array.isArray(target.required) ? target.required : []), name];
      }
      form.fieldBasis = [...(form.fieldBasis ?? []), structuredClone(basis)];
      sources[`form${basis.field}`] = v.region.code;
      flags.push({ element: `form${basis.field}`, reason: 'required-by-law', legalBasis: [...basis.legalBasis], missingIn: variants.filter((x) => !(x.form.fieldBasis ?? []).some((b) => b.field === basis.field)).map((x) => x.region.code) });
    }
  }
}

function objectAt(schema: unknown, tokens: readonly string[]): Record<string, unknown> | undefined {
  let node = schema;
  for (const t of tokens) node = isObject(node) && isObject(node.properties) ? node.properties[t] : undefined;
  return isObject(node) ? node : undefined;
}

