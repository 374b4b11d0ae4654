/**
 * Diffing drafts: a definition an official is still editing is invalid most of the time, and the designer's diff
 * panel still shows its classified diff against the baseline. diff, score, scoreChanges, burdenMetrics and levelUp
 * are total: any JSON on either side, never a throw; what cannot be compared is reported, the rest is classified
 * as for a valid definition — and a valid definition gets exactly the diff it always got.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyPlan, burdenMetrics, diff, documentLimits, levelUp, score, scoreChanges, type Change, type MatterDefinition } from '../engine/index.ts';
import { sanitize } from '../engine/diff/shape/sanitize.ts';
import { wellFormed } from '../engine/diff/shape/well-formed.ts';
import { isObject, resolvePointer } from '../engine/json/pointer.ts';
import { matters, realCatalogue, sharedSchemas } from './support/catalogue.ts';
import { mutate, rng } from './support/mutate.ts';

const ctx = { sharedSchemas };
const all = matters();
const permit = all.find((m) => m.id === '330000-GA-0101')!;
const ningbo = permit.variants.find((v) => v.region.name.en === 'Ningbo')!;
const copy = (d: MatterDefinition): any => structuredClone(d);
const incomparable = (changes: readonly Change[]) => changes.filter((c) => c.code.endsWith('.incomparable'));
const classified = (changes: readonly Change[]) => changes.filter((c) => !c.code.endsWith('.incomparable'));
const line = (c: Change) => `${c.burden} ${c.code} ${c.kind} ${c.path} ${c.weight}`;

describe('diff() of a draft: what cannot be compared is reported, the rest is classified', () => {
  it('compares a field with no type yet: the type is simply absent (any value), not a malformed part', () => {
    const draft = copy(ningbo);
    delete draft.form.schema.properties.residence.properties.landlordName.type;
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes)).toEqual([]);
    expect(changes.map(line)).toContain('more form.field added /form/schema/properties/residence/properties/landlordName 1');
  });

  it('reports a material missing its name once, and neither it nor its counterpart as added or removed', () => {
    const draft = copy(ningbo);
    delete draft.materials[4].name; // the lease contract, which Ningbo asks from the applicant
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes)).toEqual([
      expect.objectContaining({ area: 'materials', code: 'materials.incomparable', kind: 'changed', path: '/materials/4', burden: 'neutral', weight: 0, fix: [] }),
    ]);
    expect(incomparable(changes)[0]!.params).toMatchObject({ side: 'a', part: 'material #5', at: '/name', found: 'missing', expected: 'a text in zh and en' });
    expect(incomparable(changes)[0]!.message).toEqual({
      en: 'could not compare material #5 (a: /name is missing, expected a text in zh and en)',
      zh: '无法比较第 5 项材料（a 方 /name 缺失，应为中英文文本 { zh, en }）',
    });
    // the material's own changes are gone, everything else is as for the valid variant (the count of alternatives
    // of a one-of group is compared without the material on both sides)
    const valid = diff(ningbo, permit.baseline, ctx).map(line).filter((l) => !l.includes('/materials/4') && !l.includes('materials.alternatives'));
    expect(classified(changes).map(line)).toEqual(valid);
  });

  it('compares a process state with no role yet: a step is a step, whoever acts in it', () => {
    const draft = copy(ningbo);
    delete draft.process.states.onsiteCheck.meta.role;
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes)).toEqual([]);
    expect(changes.find((c) => c.code === 'process.step')!.message.en).toBe('adds the step “On-site check” ()');
  });

  it('reports arbitrary JSON where an object belongs at its pointer, and compares the parts around it', () => {
    const draft = copy(ningbo);
    draft.timeLimit = '5 working days';
    draft.materials = { lease: draft.materials[4] };
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes).map((c) => [c.code, c.path, c.params.found, c.params.expected])).toEqual([
      ['materials.incomparable', '/materials', 'an object', 'an array'],
      ['service.incomparable', '/timeLimit', 'a string', 'an object'],
    ]);
    expect(incomparable(changes)[1]!.message).toEqual({
      en: 'could not compare the time limit (a: a string, expected an object)',
      zh: '无法比较办理时限（a 方为字符串，应为对象）',
    });
    // neither the baseline's materials nor its days are reported as dropped: they were not compared
    expect(classified(changes).filter((c) => c.area === 'materials' || c.path.startsWith('/timeLimit'))).toEqual([]);
    expect(classified(changes).map(line)).toContain('more process.step added /process/states/onsiteCheck 4');
  });

  it('reports a number out of the meta-schema’s bounds, which would otherwise weigh Infinity', () => {
    const draft = copy(permit.baseline);
    draft.visits = 1e308;
    const [change, ...rest] = diff(draft, permit.baseline, ctx);
    expect(rest).toEqual([]);
    expect(change!.message).toEqual({
      en: 'could not compare the on-site visits (a: 1e+308, expected an integer from 0 to 20)',
      zh: '无法比较到现场次数（a 方为 1e+308，应为 0 到 20 的整数）',
    });
  });

  it('reports a malformed keyword instead of reading it as absent (a string maxLength is not a dropped bound)', () => {
    const draft = copy(permit.baseline);
    draft.form.schema.properties.applicant.properties.name.maxLength = '20';
    const [change, ...rest] = diff(draft, permit.baseline, ctx);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ code: 'form.incomparable', path: '/form/schema/properties/applicant/properties/name/maxLength', kind: 'changed' });
    expect(change!.message.en).toBe('could not compare the maxLength of applicant.name (a: "20", expected a non-negative integer)');
  });

  it('reports a transition without a target, and still compares the other events of its state', () => {
    const draft = copy(ningbo);
    draft.process.states.onsiteCheck.on.CONFIRM = { guard: 'isComplete' };
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes).map((c) => c.path)).toEqual(['/process/states/onsiteCheck/on/CONFIRM']);
    const transitions = changes.filter((c) => c.code === 'process.transition').map((c) => c.path);
    expect(transitions).toEqual(['/process/states/submitted/on/ACCEPT/0', '/process/states/onsiteCheck/on/REJECT']);
  });

  it('points into b (kind removed) when only b is malformed: a draft baseline against a valid variant', () => {
    const baseline = copy(permit.baseline);
    baseline.fees = [{ id: 'fee' }];
    const change = incomparable(diff(ningbo, baseline, ctx))[0]!;
    expect(change).toMatchObject({ code: 'service.incomparable', kind: 'removed', path: '/fees/0' });
    expect(change.params).toMatchObject({ side: 'b', at: '/name' });
  });

  it('keeps pointers into the draft when malformed elements before them are left out', () => {
    const draft = copy(ningbo);
    draft.materials.splice(1, 0, 'a material still being typed');
    const changes = diff(draft, permit.baseline, ctx);
    expect(incomparable(changes).map((c) => c.path)).toEqual(['/materials/1']);
    // the lease contract moved from 4 to 5 in the draft, and so did its changes and their fixes
    const lease = changes.filter((c) => c.area === 'materials' && c.kind === 'changed' && c.params.id === 'housingProof');
    expect(lease.map((c) => c.path)).toEqual(['/materials/5', '/materials/5', '/materials/5']);
    expect(lease.flatMap((c) => c.fix.map((op) => op.path))).toEqual(['/materials/5', '/materials/5', '/materials/5']);
  });

  it('says nothing about malformed parts both sides share: equal is no difference', () => {
    const draft = copy(ningbo);
    draft.visits = 'two';
    draft.materials.push(null);
    draft.form.schema.properties.applicant.properties.name.minLength = -1;
    expect(diff(draft, structuredClone(draft), ctx)).toEqual([]);
  });

  it('reports a side that is not an object at all as one change at the root', () => {
    for (const junk of [null, [], 'draft', 42, true]) {
      const [change, ...rest] = diff(junk, permit.baseline, ctx);
      expect(rest).toEqual([]);
      expect(change).toMatchObject({ code: 'service.incomparable', path: '', kind: 'changed', params: { side: 'a', expected: 'an object' } });
    }
    expect(diff(null, null)).toEqual([]);
    expect(diff([], [])).toEqual([]);
  });

  it('compares values nested up to the document depth limit', () => {
    const draft = copy(permit.baseline);
    let deep: unknown = 'bottom';
    for (let i = 0; i < documentLimits.maxDepth - 3; i++) deep = [deep];
    draft.form.schema.properties.applicant.properties.name.default = deep;
    draft.title = { zh: deep, en: 'x' };
    const changes = diff(draft, permit.baseline, ctx);
    expect(changes.map((c) => c.code)).toEqual(['form.annotation', 'service.description']);
  });

  it('reports values nested far beyond the document limits as too deep, instead of exhausting the stack', () => {
    const deep = (bottom: unknown) => {
      let v = bottom;
      for (let i = 0; i < 200_000; i++) v = [v];
      return v;
    };
    const draft = copy(permit.baseline);
    draft.form.schema.properties.applicant.properties.name.enum = [deep('x')];
    draft.title = deep('a');
    const other = copy(permit.baseline);
    other.title = deep('b');
    for (const [a, b, side] of [[draft, permit.baseline, 'a'], [permit.baseline, draft, 'b'], [draft, other, 'both']] as const) {
      const changes = diff(a, b, ctx);
      expect(changes.map((c) => [c.code, c.path, c.params.side, c.params.found, c.params.expected])).toEqual([
        ['service.incomparable', '', side, 'nested too deeply', `at most ${documentLimits.maxDepth} levels`],
      ]);
      expect(score(a, b, ctx)).toBe(100);
    }
  });

  it('diffs huge drafts (lists as long as the document size limit allows, on both sides) without quadratic work', () => {
    // a quadratic look-up over these lists would take minutes; every list here is compared through sets
    const a = copy(permit.baseline);
    const b = copy(permit.baseline);
    a.form.schema.properties.applicant.properties.name.anyOf = Array.from({ length: 150_000 }, () => true);
    b.form.schema.properties.applicant.properties.name.anyOf = Array.from({ length: 150_000 }, () => ({}));
    a.channels = Array.from({ length: 100_000 }, () => 'mail');
    b.channels = Array.from({ length: 100_000 }, () => 'online');
    a.form.prefill = Array.from({ length: 8_000 }, (_, i) => ({ field: `/a${i}`, item: 'identity', value: 'name' }));
    b.form.prefill = Array.from({ length: 8_000 }, (_, i) => ({ field: `/b${i}`, item: 'identity', value: 'name' }));
    a.materials = Array.from({ length: 12_000 }, (_, i) => ({ id: `m${i}` }));
    for (const doc of [a, b]) expect(JSON.stringify(doc).length).toBeLessThanOrEqual(documentLimits.maxBytes);
    for (const [x, y] of [[a, b], [b, a]]) {
      const changes = diff(x, y, ctx);
      expect(changes.filter((c) => c.code === 'service.channel')).toHaveLength(200_000);
      expect(changes.filter((c) => c.code === 'form.alternatives')).toHaveLength(300_000);
      expect(incomparable(changes).filter((c) => c.area === 'materials')).toHaveLength(12_000);
    }
  }, 60_000);
});

describe('the other review functions on drafts', () => {
  it('counts the burden of what is well-formed, and nothing for a value that is not an object', () => {
    const draft = copy(ningbo);
    draft.materials.push({ id: 'half-typed' });
    draft.visits = 'two';
    draft.fees = [{ id: 'fee', name: { zh: '费', en: 'Fee' }, amount: 10 }, { amount: 'lots' }];
    expect(burdenMetrics(draft)).toEqual({ ...burdenMetrics(ningbo), visits: 0, fees: 10 });
    const zero = { materials: 0, waivedMaterials: 0, fieldsTyped: 0, fieldsPrefilled: 0, humanSteps: 0, promisedDays: 0, visits: 0, fees: 0 };
    for (const junk of [null, [], 'x', 0, {}]) expect(burdenMetrics(junk)).toEqual(zero);
  });

  it('scores and plans a draft on what could be compared: a malformed part weighs nothing', () => {
    const draft = copy(ningbo);
    draft.timeLimit.promisedDays = 'five';
    const withoutDays = diff(ningbo, permit.baseline, ctx).filter((c) => c.code !== 'service.promised-days');
    expect(score(draft, permit.baseline, ctx)).toBe(scoreChanges(withoutDays));
    expect(score(draft, permit.baseline, ctx)).toBeGreaterThan(score(ningbo, permit.baseline, ctx));
    expect(levelUp(draft, permit.baseline, ctx).map((c) => c.code)).not.toContain('service.promised-days');
    expect(levelUp(draft, permit.baseline, ctx)).toHaveLength(levelUp(ningbo, permit.baseline, ctx).length - 1);
  });

  it('scores any list: entries that are not changes with a finite weight are skipped', () => {
    const more = { burden: 'more', weight: 8 } as Change;
    expect(scoreChanges([more])).toBeCloseTo(92.31, 2);
    expect(scoreChanges([more, null, 5, { burden: 'more', weight: Number.NaN }, { burden: 'more', weight: -3 }, { burden: 'less', weight: Infinity }] as unknown as Change[])).toBeCloseTo(92.31, 2);
    expect(scoreChanges(null as unknown as Change[])).toBe(100);
  });
});

describe('fuzz: seeded mutations of every real definition against its baseline, both directions', () => {
  const definitions = realCatalogue.catalogue.definitions.map((d) => ({ file: d.file, value: d.value }));
  const baselineOf = (d: MatterDefinition) => all.find((m) => m.id === d.id)!.baseline;
  const drafts = Number(process.env.ONEMATTER_FUZZ_DRAFTS ?? 100); // per definition (more for a deeper run)

  it('never throws, reports well-formed changes, and says nothing of a draft against its own copy', () => {
    const failures: string[] = [];
    const codes = new Set<string>();
    let cases = 0;
    let withClassified = 0;
    let wellShaped = 0; // drafts whose mutations left every part the rules read well-formed
    const fail = (seed: string, what: string) => failures.length < 20 && failures.push(`${seed}: ${what}`);
    for (const [n, { file, value }] of definitions.entries()) {
      const baseline = baselineOf(value);
      for (let k = 0; k < drafts; k++) {
        const seed = n * 1_000 + k;
        const r = rng(seed);
        const { doc: draft, mutations } = mutate(value, r, r.int(1, 4));
        // sometimes the baseline is a draft too
        const other = r.next() < 0.2 ? mutate(baseline, r, r.int(1, 2)).doc : baseline;
        const label = `${file} #${seed} ${mutations.map((m) => `${m.kind} ${m.pointer}`).join(', ')}`;
        for (const [a, b] of [[draft, other], [other, draft]] as const) {
          cases++;
          try {
            const changes = diff(a, b, ctx);
            for (const problem of changeProblems(changes, a, b)) fail(label, problem);
            for (const c of changes) codes.add(c.code);
            if (classified(changes).length > 0) withClassified++;
            if (a !== draft) continue; // score, plan and metrics are diffs too: once per draft is enough
            const s = score(a, b, ctx);
            if (!(s > 0 && s <= 100)) fail(label, `score ${s}`);
            const plan = levelUp(a, b, ctx);
            if (plan.some((c, i) => c.burden !== 'more' || (i > 0 && c.weight > plan[i - 1]!.weight))) fail(label, 'plan not heaviest-first more-burden changes');
            applyPlan(a as MatterDefinition, plan);
            const metrics = Object.values(burdenMetrics(a));
            if (!metrics.every(Number.isFinite)) fail(label, `metrics ${metrics}`);
          } catch (error) {
            fail(label, `threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
          }
        }
        cases++;
        const self = diff(draft, structuredClone(draft), ctx);
        if (self.length > 0) fail(label, `differs from its own copy: ${self.map(line).join('; ')}`);
        // the fast predicate and the checks that say what is wrong agree on every draft
        if (isObject(draft)) {
          const flawed = sanitize(draft, baseline as never).notes.some((n) => n.side !== 'b');
          if (wellFormed(draft) === flawed) fail(label, `wellFormed ${wellFormed(draft)}, but the checks found ${flawed ? 'a flaw' : 'none'}`);
          if (!flawed) wellShaped++;
        }
      }
    }
    expect(failures).toEqual([]);
    // every real definition: 300 cases each by default
    expect(definitions.length).toBeGreaterThanOrEqual(34);
    expect(cases).toBe(definitions.length * drafts * 3);
    // the fuzz reached every area's malformed parts, and most drafts still had classified changes
    expect([...codes].filter((c) => c.endsWith('.incomparable')).sort()).toEqual(['form.incomparable', 'materials.incomparable', 'process.incomparable', 'service.incomparable']);
    expect(withClassified / (definitions.length * drafts * 2)).toBeGreaterThan(0.8);
    expect(wellShaped).toBeGreaterThan(0); // both answers of the predicate were checked
    expect(wellShaped).toBeLessThan(definitions.length * drafts);
  }, Math.max(120_000, drafts * 2_000));
});

/** What is wrong with a diff's changes of `a` against `b`: shapes, weights, messages, and pointers that lead to their element. */
function changeProblems(changes: readonly Change[], a: unknown, b: unknown): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const plain = JSON.parse(JSON.stringify(c)); // renders the message and the fix
    const id = `${c.code} ${c.kind} ${c.path}`;
    if (!['form', 'materials', 'process', 'service'].includes(c.area) || !c.code.startsWith(`${c.area}.`)) out.push(`${id}: area`);
    if (!['added', 'removed', 'changed'].includes(c.kind) || !['more', 'less', 'neutral'].includes(c.burden)) out.push(`${id}: kind or burden`);
    if (!(Number.isFinite(c.weight) && c.weight >= 0) || (c.burden === 'neutral') !== (c.weight === 0)) out.push(`${id}: weight ${c.weight}`);
    if (typeof plain.message.en !== 'string' || !plain.message.en.trim() || typeof plain.message.zh !== 'string' || !plain.message.zh.trim()) out.push(`${id}: message`);
    if (/undefined|\[object Object\]|NaN/.test(`${plain.message.en} ${plain.message.zh}`)) out.push(`${id}: message ${plain.message.en}`);
    if (!Array.isArray(plain.fix)) out.push(`${id}: fix`);
    if (c.path !== '' && !c.path.startsWith('/')) out.push(`${id}: path`);
    if (c.code.endsWith('.incomparable') && c.burden !== 'neutral') out.push(`${id}: not neutral`);
    // a list element's change names the element its pointer leads to (pointers into the draft survive left-out elements)
    const doc = c.kind === 'removed' ? b : a;
    const element = (depth: number) => resolvePointer(doc, c.path.split('/').slice(0, depth + 1).join('/')) as any;
    if (c.code.startsWith('materials.') && !c.code.endsWith('.incomparable') && element(2)?.id !== c.params.id) out.push(`${id}: not material ${c.params.id}`);
    if (c.code === 'service.fee' && element(2)?.name?.en !== c.params.name) out.push(`${id}: not fee ${c.params.name}`);
    if (c.code === 'form.prefill' && element(3)?.field !== c.params.field) out.push(`${id}: not the prefill of ${c.params.field}`);
  }
  return out;
}

/**
 * The pins below are inline snapshots: after a meant change to a rule or to the catalogue in definitions/, review
 * the failure's diff, then re-pin with `npx vitest run test/diff-drafts.test.ts -u`.
 */
describe('valid definitions: exactly the diff they always had', () => {
  it('pins the Ningbo residence permit against its baseline, both ways', () => {
    expect(diff(ningbo, permit.baseline, ctx).map(line)).toMatchInlineSnapshot(`
      [
        "more form.field added /form/schema/properties/residence/properties/landlordName 1",
        "more form.field added /form/schema/properties/residence/properties/landlordMobile 1",
        "neutral materials.group removed /materials/4/oneOfGroup 0",
        "neutral materials.alternatives changed /materials/3/oneOfGroup 0",
        "less materials.necessity changed /materials/4 3",
        "more materials.source changed /materials/4 8",
        "more materials.copies changed /materials/4 0.5",
        "more process.step added /process/states/onsiteCheck 4",
        "neutral process.transition added /process/states/submitted/on/ACCEPT/0 0",
        "neutral process.transition added /process/states/onsiteCheck/on/CONFIRM 0",
        "neutral process.transition added /process/states/onsiteCheck/on/REJECT 0",
        "more service.promised-days changed /timeLimit/promisedDays 1.43",
        "neutral service.description changed /summary 0",
        "neutral service.description changed /department 0",
      ]
    `);
    expect(diff(permit.baseline, ningbo, ctx).map(line)).toMatchInlineSnapshot(`
      [
        "less form.field removed /form/schema/properties/residence/properties/landlordName 1",
        "less form.field removed /form/schema/properties/residence/properties/landlordMobile 1",
        "neutral materials.group added /materials/4/oneOfGroup 0",
        "neutral materials.alternatives changed /materials/3/oneOfGroup 0",
        "more materials.necessity changed /materials/4 3",
        "less materials.source changed /materials/4 8",
        "less materials.copies changed /materials/4 0.5",
        "less process.step removed /process/states/onsiteCheck 4",
        "neutral process.transition removed /process/states/submitted/on/ACCEPT/0 0",
        "neutral process.transition removed /process/states/onsiteCheck/on/CONFIRM 0",
        "neutral process.transition removed /process/states/onsiteCheck/on/REJECT 0",
        "less service.promised-days changed /timeLimit/promisedDays 1.43",
        "neutral service.description changed /summary 0",
        "neutral service.description changed /department 0",
      ]
    `);
    expect(Math.round(score(ningbo, permit.baseline, ctx) * 1e4) / 1e4).toMatchInlineSnapshot(`86.5628`);
  });

  it('pins the Hangzhou medical insurance transfer and the Taizhou travel endorsement against their baselines', () => {
    const variant = (id: string, region: string) => {
      const m = all.find((x) => x.id === id)!;
      return [m.variants.find((v) => v.region.name.en === region)!, m.baseline] as const;
    };
    expect(diff(...variant('330000-YB-0101', 'Hangzhou'), ctx).map(line)).toMatchInlineSnapshot(`
      [
        "more form.required changed /form/schema/properties/transferIn/required 1.5",
        "more service.promised-days changed /timeLimit/promisedDays 2",
        "neutral service.description changed /summary 0",
        "neutral service.description changed /department 0",
      ]
    `);
    expect(diff(...variant('330000-GA-0301', 'Taizhou'), ctx).map(line)).toMatchInlineSnapshot(`
      [
        "more form.field added /form/schema/properties/endorsement/properties/travelDate 2",
        "more materials.material added /materials/2 8",
        "more process.step added /process/states/review 4",
        "neutral process.transition added /process/states/submitted/on/ACCEPT 0",
        "neutral process.transition removed /process/states/submitted/on/ACCEPT 0",
        "neutral process.transition added /process/states/review/on/APPROVE 0",
        "neutral process.transition added /process/states/review/on/REJECT 0",
        "more service.promised-days changed /timeLimit/promisedDays 5",
        "more service.visits changed /visits 10",
        "more service.fee added /fees/3 3",
        "more service.handling-type changed /handlingType 3",
        "more service.channel removed /channels/1 2",
        "more service.online-depth changed /onlineDepth 2",
        "neutral service.description changed /summary 0",
        "neutral service.description changed /department 0",
      ]
    `);
  });

  it('pins every real variant against its baseline, both ways, messages and fixes included (a digest)', () => {
    const hash = createHash('sha256');
    for (const m of all) {
      for (const v of m.variants) {
        hash.update(JSON.stringify(diff(v, m.baseline, ctx)));
        hash.update(JSON.stringify(diff(m.baseline, v, ctx)));
      }
    }
    // a rule change or a catalogue correction that is meant updates it: `npx vitest run test/diff-drafts.test.ts -u`
    expect(hash.digest('hex')).toMatchInlineSnapshot(`"49947cd782720ace00476fa3be4eb6fb1a2fcdf8b33b029eb5a82e6506fca381"`);
  });
});
