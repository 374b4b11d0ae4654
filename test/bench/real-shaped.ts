/**
 * A seeded synthetic catalogue shaped like the real one: each baseline grows from one of the catalogue's own
 * baselines (definitions/matters/*), so it has their nested groups, fields pointing into the shared schemas
 * (`$ref`), prefilled and locked fields, conditional sections (`if`/`then`), uiSchema, field basis, bilingual texts,
 * materials with shared data and legal basis, and a process with supplement and withdrawal; renamed and grown by
 * copies of its own groups and materials to 12–22 KB. Variants differ from their baseline the way the real regional
 * variants do (definitions/matters/*\/<region>.json): fields added, dropped, required or loosened, prefill
 * unlocked, materials and copies asked for, a step or a visit added, promised days and fees changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Material, MatterDefinition } from '../../engine/index.ts';
import { projectRoot } from '../support/catalogue.ts';
import { cloneJson, rng } from './synthetic.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

const matters = join(projectRoot, 'definitions/matters');
let templates: MatterDefinition[] | undefined;
/** The real baselines the synthetic ones grow from (read once per process). */
function realBaselines(): MatterDefinition[] {
  return (templates ??= readdirSync(matters, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(matters, e.name, 'baseline.json'))
    .flatMap((f) => {
      try {
        return [JSON.parse(readFileSync(f, 'utf8')) as MatterDefinition];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id)));
}

let divisions: { code: string; name: { zh: string; en: string }; level: 'city' | 'county' }[] | undefined;
/** The province's cities and counties (definitions/regions.json, GB/T 2260): a variant's region is a real one. */
function regionsBelowProvince() {
  return (divisions ??= (JSON.parse(readFileSync(join(projectRoot, 'definitions/regions.json'), 'utf8')).regions as { code: string; name: { zh: string; en: string }; level: string }[])
    .filter((r) => r.level === 'city' || r.level === 'county')
    .map((r) => ({ code: r.code, name: r.name, level: r.level as 'city' | 'county' })));
}

const groupsOf = (d: MatterDefinition) => (d.form.schema as Schema).properties ?? {};

/** The i-th real-shaped baseline (its own seed, so any one can be rebuilt alone). */
export function realShapedBaseline(i: number): MatterDefinition {
  const all = realBaselines();
  const r = rng(7_000 + i);
  const d = cloneJson(all[i % all.length]!);
  const suffix = String(i).padStart(5, '0');
  d.id = `330000-RSH-${suffix}`;
  d.title = { zh: `${d.title.zh}（${suffix}）`, en: `${d.title.en} (${suffix})` };
  d.process.id = `rsh${suffix}`;
  // grown by copies of its own groups (their prefills, uiSchema and field basis with them) and materials
  const schema = d.form.schema as Schema;
  const groups = Object.entries(groupsOf(d)).filter(([, g]) => g.type === 'object' && g.properties);
  for (let c = r.int(2, 4); c > 0 && groups.length > 0; c--) {
    const [name, group] = r.pick(groups);
    const copy = `${name}${c}`;
    schema.properties![copy] = { ...cloneJson(group), title: `${String(group.title ?? name)}（${c}）` };
    if (r.next() < 0.5) schema.required = [...(schema.required ?? []), copy];
    const ui = d.form.uiSchema as Record<string, unknown> | undefined;
    if (ui?.[name]) ui[copy] = cloneJson(ui[name]);
    const moved = (field: string) => field.replace(`/${name}/`, `/${copy}/`);
    d.form.prefill = [...(d.form.prefill ?? []), ...(d.form.prefill ?? []).filter((p) => p.field.startsWith(`/${name}/`)).map((p) => ({ ...p, field: moved(p.field) }))];
    if (d.form.fieldBasis) d.form.fieldBasis = [...d.form.fieldBasis, ...d.form.fieldBasis.filter((b) => b.field.startsWith(`/${name}/`)).map((b) => ({ ...b, field: moved(b.field) }))];
  }
  const materials = [...d.materials];
  for (let c = r.int(1, 4); c > 0; c--) {
    const m = r.pick(materials);
    d.materials.push({ ...cloneJson(m), id: `${m.id}${c}`, name: { zh: `${m.name.zh}（${c}）`, en: `${m.name.en} (${c})` } });
  }
  if (d.handlingType !== 'immediate') d.timeLimit = { ...d.timeLimit, promisedDays: Math.min(d.timeLimit.statutoryDays ?? 20, r.int(1, 10)) };
  return d;
}

// Every leaf field of a form, as [group, name] pairs under their parent object.
function leaves(schema: Schema, out: { parent: Schema; name: string }[] = [], depth = 0): { parent: Schema; name: string }[] {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (child.properties && depth < 4) leaves(child, out, depth + 1);
    else out.push({ parent: schema, name });
  }
  return out;
}

/** The j-th regional variant of a real-shaped baseline (built from `source`, a copy it may share nothing with). */
export function realShapedVariant(source: MatterDefinition, j: number, seed: number): MatterDefinition {
  const r = rng(seed);
  const v = cloneJson(source);
  v.kind = 'variant';
  v.baseline = { id: source.id, version: source.version };
  const regions = regionsBelowProvince();
  v.region = { ...regions[j % regions.length]! };
  const severity = r.next();
  const fields = leaves(v.form.schema as Schema);
  const prefilled = (name: string) => (v.form.prefill ?? []).some((p) => p.field.endsWith(`/${name}`));
  // what conditions read: the situations (materials', fees', waivers' `when`) and the form's if/then sections
  const conditional = (schema: Schema): unknown[] => [schema.if, ...Object.values(schema.properties ?? {}).flatMap(conditional), ...((schema.allOf as Schema[] | undefined) ?? []).flatMap((s) => [s.if, ...conditional(s)])];
  const read = JSON.stringify([v.materials, v.fees, conditional(v.form.schema as Schema)]);
  for (let e = Math.floor(severity * severity * 12); e > 0; e--) {
    const { parent, name } = r.pick(fields);
    const field = parent.properties![name];
    if (!field) continue; // dropped by an earlier edit
    switch (r.int(0, 10)) {
      case 0: parent.properties![`local${e}`] = { type: 'string', title: `地方字段${e}`, description: `Local field ${e}`, maxLength: 100 }; parent.required = [...(parent.required ?? []), `local${e}`]; break;
      case 1: if (!parent.required?.includes(name)) parent.required = [...(parent.required ?? []), name]; break;
      case 2: if (typeof field.maxLength === 'number' && !prefilled(name)) field.maxLength = Math.max(1, field.maxLength - 10); else field.description = `${String(field.description ?? '')} (local)`; break;
      case 3: v.form.prefill = (v.form.prefill ?? []).map((p) => (p.field.endsWith(`/${name}`) ? { ...p, locked: false } : p)); break;
      case 4: { const m = r.pick(v.materials); m.source = 'applicant'; m.format = ['paper']; m.copies = { originals: 1, photocopies: 1 }; delete m.sharedData; break; }
      case 5: v.materials.push({ id: `local${e}`, name: { zh: `地方材料${e}`, en: `Local material ${e}` }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } } as Material); break;
      case 6: if (v.handlingType !== 'immediate') v.timeLimit.promisedDays = Math.min(v.timeLimit.statutoryDays ?? 20, v.timeLimit.promisedDays + r.int(1, 5)); break;
      case 7: v.visits = Math.min(3, v.visits + 1); v.visitReason = { zh: '现场核验', en: 'On-site check' }; break;
      case 8: v.fees = [...v.fees, { id: `fee${e}`, name: { zh: '工本费', en: 'Fee' }, amount: r.int(5, 50) }]; break;
      case 9: {
        // a second review after the acceptance, before the step it led to
        const states = v.process.states as Record<string, { meta?: Record<string, unknown>; on?: Record<string, unknown> }>;
        const accepting = Object.values(states).find((s) => typeof s.on?.ACCEPT === 'string' || (typeof s.on?.ACCEPT === 'object' && s.on?.ACCEPT !== null));
        const next = accepting && (typeof accepting.on!.ACCEPT === 'string' ? accepting.on!.ACCEPT : (accepting.on!.ACCEPT as { target?: string }).target);
        if (accepting && typeof next === 'string' && !states[`recheck${e}`] && !next.startsWith('recheck')) {
          states[`recheck${e}`] = { meta: { role: 'clerk', step: { zh: '复核', en: 'Second review' } }, on: { ACCEPT: next } };
          accepting.on!.ACCEPT = `recheck${e}`;
        }
        break;
      }
      default:
        // a field the region does not ask for (and no longer prefills), unless a condition reads it
        if (read.includes(`"${name}"`)) break;
        delete parent.properties![name];
        if (v.form.fieldBasis) v.form.fieldBasis = v.form.fieldBasis.filter((b) => !b.field.endsWith(`/${name}`));
        parent.required = parent.required?.filter((n) => n !== name);
        v.form.prefill = (v.form.prefill ?? []).filter((p) => !p.field.endsWith(`/${name}`));
        break;
    }
  }
  return v;
}
