/**
 * A seeded, deterministic synthetic catalogue shaped like the real definitions: baselines with 20–60 fields,
 * 3–12 materials and 4–10 process states, and regional variants that differ the way real ones do.
 */
import type { Material, MatterDefinition, ProcessState } from '../../engine/index.ts';

/** mulberry32: a small seeded PRNG, so every run builds the same catalogue. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof rng>;

const text = (zh: string, en: string) => ({ zh, en });
const fieldKinds = [
  () => ({ type: 'string', maxLength: 50 }),
  () => ({ type: 'string', maxLength: 200 }),
  () => ({ type: 'string', format: 'date' }),
  () => ({ type: 'string', pattern: '^[0-9]{6}$' }),
  () => ({ type: 'integer', minimum: 0, maximum: 100 }),
  () => ({ type: 'boolean' }),
  () => ({ type: 'string', enum: ['甲', '乙', '丙', '丁'] }),
] as const;

/** The i-th synthetic baseline (its own seed, so any one can be rebuilt alone). */
export function syntheticBaseline(i: number): MatterDefinition {
  const r = rng(1000 + i);
  const fieldCount = r.int(20, 60);
  const groups = r.int(2, 5);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const prefill: { field: string; item: string; value: string; locked: boolean }[] = [];
  for (let g = 0; g < groups; g++) {
    const props: Record<string, unknown> = {};
    const req: string[] = [];
    const n = Math.ceil(fieldCount / groups);
    for (let f = 0; f < n; f++) {
      const name = `f${g}_${f}`;
      props[name] = { ...r.pick(fieldKinds)(), title: `字段${g}-${f}` };
      if (r.next() < 0.6) req.push(name);
      if (r.next() < 0.25) prefill.push({ field: `/g${g}/${name}`, item: 'identity', value: 'name', locked: true });
    }
    properties[`g${g}`] = { type: 'object', title: `分组${g}`, required: req, properties: props };
    required.push(`g${g}`);
  }
  const materials: Material[] = Array.from({ length: r.int(3, 12) }, (_, m) => ({
    id: `m${m}`,
    name: text(`材料${m}`, `Material ${m}`),
    necessity: r.pick(['required', 'required', 'optional', 'tolerated-missing'] as const),
    source: r.pick(['shared-data', 'shared-data', 'government-issued', 'applicant'] as const),
    format: ['electronic'],
    copies: { originals: 0, photocopies: 0 },
    sharedData: { item: 'identity' },
  }));
  const stepCount = r.int(1, 7);
  const states: Record<string, ProcessState> = {
    draft: { meta: { role: 'applicant', step: text('申请', 'Application') }, on: { SUBMIT: 'step0', WITHDRAW: 'withdrawn' } },
  };
  for (let s = 0; s < stepCount; s++) {
    states[`step${s}`] = { meta: { role: s % 2 ? 'approver' : 'clerk', step: text(`环节${s}`, `Step ${s}`) }, on: { APPROVE: s + 1 < stepCount ? `step${s + 1}` : 'approved', REJECT: 'rejected' } };
  }
  Object.assign(states, { approved: { type: 'final' }, rejected: { type: 'final' }, withdrawn: { type: 'final' } });
  return {
    id: `330000-SYN-${String(i).padStart(5, '0')}`,
    version: '1.0.0',
    kind: 'baseline',
    region: { code: '330000', name: text('浙江省', 'Zhejiang'), level: 'province' },
    title: text(`合成事项${i}`, `Synthetic matter ${i}`),
    summary: text(`合成事项${i}的说明`, `Synthetic matter ${i}, for the benches`),
    matterType: 'public-service',
    department: { name: text('省级部门', 'Provincial department') },
    legalBasis: [{ id: 'law', title: text('条例', 'Regulation') }],
    handlingType: 'promised',
    channels: ['online', 'mobile', 'onsite'],
    onlineDepth: 4,
    roles: [{ id: 'applicant', name: text('申请人', 'Applicant') }, { id: 'clerk', name: text('窗口', 'Clerk') }, { id: 'approver', name: text('审批人', 'Approver') }],
    materials,
    form: { schema: { type: 'object', required, properties }, prefill },
    process: { id: `p${i}`, initial: 'draft', states },
    timeLimit: { statutoryDays: 20, promisedDays: r.int(0, 10) },
    fees: [],
    visits: 0,
    outputs: [{ id: 'out', name: text('证照', 'Certificate'), type: 'certificate', electronic: true }],
  };
}

/** A deep copy of a JSON value: a fresh object tree, as if parsed from its own file (faster than re-parsing). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = cloneJson((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * The j-th regional variant of a baseline: a fresh object tree (no object shared with the baseline, as when both
 * are read from files) with a few to a few dozen realistic deviations.
 */
export function syntheticVariant(source: MatterDefinition, j: number, seed: number): MatterDefinition {
  const r = rng(seed);
  const v = cloneJson(source);
  const baseline = { id: v.id, version: v.version };
  v.kind = 'variant';
  v.baseline = { id: baseline.id, version: baseline.version };
  v.region = { code: String(330100 + j * 100).slice(0, 6), name: text(`地区${j}`, `Region ${j}`), level: 'city' };
  const severity = r.next();
  const edits = Math.floor(severity * severity * 30);
  const groups = Object.values(v.form.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>>; required: string[] }>);
  for (let e = 0; e < edits; e++) {
    const g = r.pick(groups);
    const names = Object.keys(g.properties);
    const name = r.pick(names);
    const field = g.properties[name]!;
    switch (r.int(0, 11)) {
      case 0: g.properties[`x${e}`] = { type: 'string', maxLength: 100, title: `新增${e}` }; g.required.push(`x${e}`); break;
      case 1: if (!g.required.includes(name)) g.required.push(name); break;
      case 2: if (typeof field.maxLength === 'number') field.maxLength = Math.max(1, (field.maxLength as number) - 10); else field.title = `改${e}`; break;
      case 3: if (Array.isArray(field.enum)) field.enum = (field.enum as string[]).slice(0, 2); else field.description = '说明'; break;
      case 4: v.form.prefill = (v.form.prefill ?? []).filter((p) => !p.field.endsWith(`/${name}`)); break;
      case 5: { const m = r.pick(v.materials); m.source = 'applicant'; m.format = ['paper']; m.copies = { originals: 1, photocopies: 1 }; break; }
      case 6: v.materials.push({ id: `extra${e}`, name: text(`额外材料${e}`, `Extra ${e}`), necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } }); break;
      case 7: v.timeLimit.promisedDays = Math.min(20, v.timeLimit.promisedDays + r.int(1, 5)); break;
      case 8: v.visits = Math.min(3, v.visits + 1); v.visitReason = text('核验', 'Check'); break;
      case 9: v.fees.push({ id: `fee${e}`, name: text('工本费', 'Fee'), amount: r.int(5, 50) }); break;
      case 10: {
        const s = `extraStep${e}`;
        v.process.states[s] = { meta: { role: 'clerk', step: text('复核', 'Recheck') }, on: { APPROVE: 'approved', REJECT: 'rejected' } };
        (v.process.states.draft!.on as Record<string, unknown>).RECHECK = s;
        break;
      }
      default: field.pattern = '^[0-9A-Z]+$'; if (field.type !== 'string') delete field.pattern; break;
    }
  }
  return v;
}
