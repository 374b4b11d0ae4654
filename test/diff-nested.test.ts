/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The diff, the burden metrics, the top runner and the version's wording on processes with compound and parallel
 * states: steps at any depth, matched by path (a moved step by its name and role), steps run side by side.
 */
import { describe, expect, it } from 'vitest';
import { planAction } from '../engine/review/plan-actions.ts';
import { applyPlan, burdenMetrics, deriveTopRunner, diff, levelUp, score, scoreChanges, weights, type Change, type MatterDefinition } from '../engine/index.ts';
import { sanitize } from '../engine/diff/shape/sanitize.ts';
import { isAutomatic } from '../engine/process/automatic.ts';
import { wellFormed } from '../engine/diff/shape/well-formed.ts';
import { withoutWording } from '../engine/versioning/wording.ts';
import { problemsInCatalogue, realCatalogue, sharedSchemas } from './support/catalogue.ts';
import { mutate, rng } from './support/mutate.ts';

const file = 'definitions/matters/residence-permit/baseline.json';
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === file)!.value;
const ctx = { sharedSchemas };
const variant = (change: (d: any) => void): MatterDefinition => {
  const d = structuredClone(baseline) as any;
  change(d);
  return d;
};
const byCode = (changes: readonly Change[], code: string) => changes.filter((c) => c.code === code);
const line = (c: Change) => `${c.burden} ${c.code} ${c.kind} ${c.path} ${c.weight}`;
const step = (en: string, zh: string) => ({ en, zh });
const approve = { target: '#residence-permit.approved', actions: ['recordDecision', 'issueCertificate', 'notifyApplicant'] };

// Review in two steps inside a compound state: a first review, then a second one, both by the approver.
const twoStageReview = (d: any) => {
  d.process.states.review = {
    meta: { role: 'approver' },
    initial: 'first',
    on: { REJECT: { target: 'rejected', actions: ['recordDecision', 'notifyApplicant'] } },
    states: {
      first: { meta: { step: step('First review', '初审') }, on: { PASS: 'second' } },
      second: { meta: { step: step('Second review', '复审') }, on: { APPROVE: approve } },
    },
  };
};
const checkStep = (en: string, zh: string) => ({ meta: { role: 'clerk', step: step(en, zh) } });
// Two checks after acceptance, one after the other.
const sequentialChecks = (d: any) => {
  d.process.states.submitted.on.ACCEPT.target = 'identityCheck';
  d.process.states.identityCheck = { ...checkStep('Identity check', '身份核验'), on: { IDENTITY_OK: 'addressCheck' } };
  d.process.states.addressCheck = { ...checkStep('Address check', '居住地核验'), on: { ADDRESS_OK: 'review' } };
};
// The same two checks as regions of a parallel state, joined before review.
const parallelChecks = (d: any) => {
  d.process.states.submitted.on.ACCEPT.target = 'checks';
  const region = (en: string, zh: string, event: string) => ({
    initial: 'checking',
    states: { checking: { ...checkStep(en, zh), on: { [event]: 'done' } }, done: { type: 'final' } },
  });
  d.process.states.checks = {
    type: 'parallel',
    meta: { step: step('Checks', '核验') },
    onDone: 'review',
    states: { identity: region('Identity check', '身份核验', 'IDENTITY_OK'), address: region('Address check', '居住地核验', 'ADDRESS_OK') },
  };
};

describe('the nested fixtures are valid definitions', () => {
  it('validates the two-stage review, the sequential and the parallel checks in the real catalogue', () => {
    for (const change of [twoStageReview, sequentialChecks, parallelChecks]) {
      expect(problemsInCatalogue(file, variant(change)).map((p) => `${p.code} ${p.pointer}`)).toEqual([]);
    }
  });
});

describe('diff(): states at any depth', () => {
  it('reports a step added inside a compound state with its path and pointer, acted on in its ancestor\'s role', () => {
    const changes = diff(variant(twoStageReview), baseline, ctx);
    expect(byCode(changes, 'process.step').map((c) => [line(c), c.params.state, c.params.role, c.message.en, c.message.zh])).toEqual([
      ['more process.step added /process/states/review/states/first 4', 'review.first', 'approver', 'adds the step “First review” (approver)', '增加办理环节“初审”（approver）'],
      ['more process.step added /process/states/review/states/second 4', 'review.second', 'approver', 'adds the step “Second review” (approver)', '增加办理环节“复审”（approver）'],
      ['less process.step removed /process/states/review 4', 'review', 'approver', 'drops the step “Review” (approver)', '减少办理环节“审核”（approver）'],
    ]);
    // the way back: the nested steps are dropped, pointing into the other side
    expect(byCode(diff(baseline, variant(twoStageReview), ctx), 'process.step').map(line)).toEqual([
      'more process.step added /process/states/review 4',
      'less process.step removed /process/states/review/states/first 4',
      'less process.step removed /process/states/review/states/second 4',
    ]);
  });

  it('reports a nested step added, removed or decided automatically against a nested process', () => {
    const nested = variant(twoStageReview);
    const third = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.second.on.APPROVE = 'third';
      d.process.states.review.states.third = { meta: { step: step('Third review', '三审') }, on: { APPROVE: approve } };
    });
    expect(byCode(diff(third, nested, ctx), 'process.step').map(line)).toEqual(['more process.step added /process/states/review/states/third 4']);
    expect(byCode(diff(nested, third, ctx), 'process.step').map(line)).toEqual(['less process.step removed /process/states/review/states/third 4']);
    // the second review decided by rules: less burden, the step is still there
    const automatic = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.second = { meta: { step: step('Second review', '复审') }, always: approve };
    });
    const changes = diff(automatic, nested, ctx);
    expect(byCode(changes, 'process.step')).toEqual([]);
    expect(byCode(changes, 'process.automatic').map((c) => [line(c), c.params.state, c.message.en])).toEqual([
      [`less process.automatic changed /process/states/review/states/second ${weights.humanStep}`, 'review.second', '“Second review” is now decided automatically (秒批) (was decided by a person)'],
    ]);
    expect(burdenMetrics(automatic).humanSteps).toBe(burdenMetrics(nested).humanSteps - 1);
  });

  it('lists nested transitions from their paths to the states they resolve to, and onDone as "done"; a role changed on a compound state once', () => {
    const nested = variant(twoStageReview);
    const rerouted = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.first.on.PASS = '#residence-permit.approved';
      d.process.states.review.meta.role = 'clerk';
    });
    const changes = diff(rerouted, nested, ctx);
    expect(byCode(changes, 'process.transition').map((c) => `${c.kind} ${c.path} ${c.message.en}`)).toEqual([
      'added /process/states/review/states/first/on/PASS adds the transition review.first —PASS→ approved',
      'removed /process/states/review/states/first/on/PASS removes the transition review.first —PASS→ review.second',
    ]);
    expect(byCode(changes, 'process.role').map((c) => `${c.path} ${c.message.en}`)).toEqual(['/process/states/review/meta/role “review” is acted on by clerk instead of approver']);
    // a target written another way that names the same state is no change
    const samePlace = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.first.on.PASS = '#residence-permit.review.second';
    });
    expect(byCode(diff(samePlace, nested, ctx), 'process.transition')).toEqual([]);
    const joined = byCode(diff(variant(parallelChecks), baseline, ctx), 'process.transition').map((c) => c.message.en);
    expect(joined).toContain('adds the transition checks —done→ review');
    expect(joined).toContain('adds the transition checks.identity.checking —IDENTITY_OK→ checks.identity.done');
  });
});

describe('diff(): steps side by side (parallel states)', () => {
  const sequential = variant(sequentialChecks);
  const parallel = variant(parallelChecks);

  it('classifies turning sequential steps into parallel regions as less burden: the steps moved, the applicant waits for one fewer', () => {
    const changes = diff(parallel, sequential, ctx);
    expect(byCode(changes, 'process.step').map((c) => [line(c), c.message.en, c.message.zh])).toEqual([
      ['neutral process.step changed /process/states/checks/states/identity/states/checking 0', 'moves the step “Identity check” from identityCheck to checks.identity.checking', '办理环节“身份核验”由 identityCheck 移至 checks.identity.checking'],
      ['neutral process.step changed /process/states/checks/states/address/states/checking 0', 'moves the step “Address check” from addressCheck to checks.address.checking', '办理环节“居住地核验”由 addressCheck 移至 checks.address.checking'],
    ]);
    const [c, ...rest] = byCode(changes, 'process.parallel');
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ area: 'process', kind: 'added', burden: 'less', path: '/process/states/checks', weight: weights.humanStep, params: { state: 'checks', regions: ['identity', 'address'], saved: 1 } });
    expect(c!.message.en).toBe('runs the regions of “Checks” (identity, address) side by side: the applicant waits for 1 step fewer one after another');
    expect(c!.message.zh).toBe('“核验”的各分支（identity, address）并行办理：申请人依次等待的环节减少 1 个');
    expect(changes.filter((x) => x.burden === 'more')).toEqual([]);
    expect(score(parallel, sequential, ctx)).toBe(100);
    expect(scoreChanges(changes.filter((x) => x.burden !== 'less'))).toBe(100);
  });

  it('classifies the way back, parallel regions made sequential, as more burden, with a plan that restores them', () => {
    const changes = diff(sequential, parallel, ctx);
    expect(classifiedLines(changes)).toEqual([`more process.parallel removed /process/states/checks ${weights.humanStep}`]);
    const [c] = byCode(changes, 'process.parallel');
    expect(c!.message.en).toBe('no longer runs the regions of “Checks” (identity, address) side by side: the applicant waits for 1 step more one after another');
    expect(c!.message.zh).toBe('“核验”的各分支（identity, address）不再并行办理：申请人依次等待的环节增加 1 个');
    expect(score(sequential, parallel, ctx)).toBeLessThan(100);
    const levelled = applyPlan(sequential, levelUp(sequential, parallel, ctx));
    expect(levelled.process).toEqual(parallel.process);
    expect(planAction(c!)).toEqual({ zh: '让“核验”的各分支（identity、address）并行办理，与标杆一致', en: 'Run the parts of “Checks” (identity, address) side by side, as the top runner does' });
  });

  it('weighs a third region by the steps it saves, and the metrics count every region\'s step', () => {
    const three = variant((d) => {
      parallelChecks(d);
      d.process.states.checks.states.income = structuredClone(d.process.states.checks.states.address);
      const checking = d.process.states.checks.states.income.states.checking;
      checking.meta.step = step('Income check', '收入核验');
      checking.on = { INCOME_OK: 'done' };
    });
    expect(problemsInCatalogue(file, three)).toEqual([]);
    expect(classifiedLines(diff(three, parallel, ctx))).toEqual([
      'more process.step added /process/states/checks/states/income/states/checking 4',
      `less process.parallel changed /process/states/checks ${weights.humanStep}`,
    ]);
    const [c] = byCode(diff(three, parallel, ctx), 'process.parallel');
    expect(c!.message.en).toBe('“Checks” runs more of its steps side by side: the applicant waits for 1 step fewer one after another');
    expect(c!.message.zh).toBe('“核验”并行办理的环节增加：申请人依次等待的环节减少 1 个');
    expect(burdenMetrics(three).humanSteps).toBe(burdenMetrics(baseline).humanSteps + 3);
    expect(burdenMetrics(parallel).humanSteps).toBe(burdenMetrics(sequential).humanSteps);
  });

  it('proposes as top runner the variant whose applicant waits for fewer steps one after another', () => {
    const [seq, par] = [sequential, parallel].map((d, i) => ({ ...structuredClone(d), kind: 'variant', region: { ...baseline.region, code: `33010${i}` } }) as MatterDefinition);
    expect(deriveTopRunner([seq!, par!]).definition.process).toEqual(parallel.process);
    expect(deriveTopRunner([par!, seq!]).definition.process).toEqual(parallel.process);
  });
});

describe('nested states in the other readers', () => {
  it('treats nested step names and transition descriptions as wording', () => {
    const nested = variant(twoStageReview);
    const renamed = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.second.meta.step = step('Final review', '终审');
      d.process.states.review.states.first.on.PASS = { target: 'second', description: 'passes to the second review' };
      d.process.states.review.description = 'two reviews';
    });
    const plain = (x: unknown) => JSON.stringify(withoutWording(x)).replace('{"target":"second"}', '"second"');
    expect(plain(renamed)).toBe(plain(nested));
    expect(JSON.stringify(withoutWording(renamed))).not.toContain('Final review');
  });
});

describe('nested drafts: the diff stays total and compares what is well-formed', () => {
  it('leaves out a malformed nested state (its counterpart with it) and compares the rest', () => {
    const draft = variant((d) => {
      twoStageReview(d);
      d.process.states.review.states.second.meta = 'approver';
    });
    const nested = variant(twoStageReview);
    expect(wellFormed(draft as any)).toBe(false);
    const changes = diff(draft, nested, ctx);
    expect(changes.filter((c) => c.code.endsWith('.incomparable')).map((c) => c.path)).toEqual(['/process/states/review/states/second']);
    expect(classifiedLines(changes)).toEqual([]);
    // a malformed onDone or child states that are not an object
    const onDone = variant((d) => {
      parallelChecks(d);
      d.process.states.checks.onDone = [{ guard: 'feesPaid' }];
    });
    expect(diff(onDone, variant(parallelChecks), ctx).filter((c) => c.code.endsWith('.incomparable')).map((c) => c.path)).toEqual(['/process/states/checks/onDone']);
    const notStates = variant((d) => {
      parallelChecks(d);
      d.process.states.checks.states.identity.states = ['checking'];
    });
    expect(diff(notStates, variant(parallelChecks), ctx).filter((c) => c.code.endsWith('.incomparable')).map((c) => c.path)).toEqual(['/process/states/checks/states/identity']);
  });

  it('never throws on hostile nesting: states that are not objects, a cycle, 50 levels, an always loop of nothing', () => {
    const cyclic: any = { meta: { role: 'approver', step: step('Loop', '循环') } };
    cyclic.states = { again: cyclic };
    let deep: any = { meta: { role: 'clerk', step: step('Deep', '深') } };
    for (let i = 0; i < 50; i++) deep = { initial: 'x', states: { x: deep } };
    const drafts: [string, (d: any) => void][] = [
      ['states a string', (d) => (d.process.states.review.states = 'first')],
      ['states null', (d) => (d.process.states.review.states = null)],
      ['child null', (d) => (d.process.states.review.states = { first: null, second: 5, third: [] })],
      ['type a number', (d) => (d.process.states.review.type = 7)],
      ['parallel without regions', (d) => (d.process.states.review = { type: 'parallel', states: {} })],
      ['a cycle', (d) => (d.process.states.review = cyclic)],
      ['50 levels', (d) => (d.process.states.review = deep)],
      ['an always loop of nothing', (d) => {
        d.process.states.review = { initial: 'a', states: { a: { always: 'b' }, b: { always: 'a' } }, onDone: 'approved' };
      }],
      ['onDone on a final state, a number', (d) => (d.process.states.approved.onDone = 12)],
      ['a region with a proto key', (d) => (d.process.states.review = JSON.parse('{"type":"parallel","states":{"__proto__":{"meta":{"role":"x"}},"constructor":{}}}'))],
    ];
    const failures: string[] = [];
    for (const [label, change] of drafts) {
      const draft = variant(change);
      for (const [a, b] of [[draft, baseline], [baseline, draft], [draft, variant(parallelChecks)], [variant(parallelChecks), draft]] as const) {
        try {
          const changes = diff(a, b, ctx);
          for (const c of changes) {
            if (/undefined|\[object Object\]|NaN/.test(`${c.message.en} ${c.message.zh}`)) failures.push(`${label}: message ${c.message.en}`);
            if (!(Number.isFinite(c.weight) && c.weight >= 0) || (c.burden === 'neutral') !== (c.weight === 0)) failures.push(`${label}: weight ${line(c)}`);
          }
          const s = score(a, b, ctx);
          if (!(s > 0 && s <= 100)) failures.push(`${label}: score ${s}`);
          applyPlan(a as MatterDefinition, levelUp(a, b, ctx));
          if (!Object.values(burdenMetrics(a)).every(Number.isFinite)) failures.push(`${label}: metrics`);
        } catch (error) {
          failures.push(`${label}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        }
      }
      if (label !== 'a cycle') expect(diff(draft, structuredClone(draft), ctx), label).toEqual([]);
      // the fast predicate and the checks that say what is wrong agree
      const flawed = sanitize(draft as any, baseline as any).notes.some((n) => n.side !== 'b');
      if (wellFormed(draft as any) === flawed) failures.push(`${label}: wellFormed ${wellFormed(draft as any)}, flawed ${flawed}`);
    }
    expect(failures).toEqual([]);
    expect(burdenMetrics(variant((d) => (d.process.states.review = deep))).humanSteps).toBe(burdenMetrics(baseline).humanSteps - 1);
  });
});

describe('fuzz: seeded mutations of nested and parallel processes', () => {
  it('never throws, words every change, says nothing of a draft against its own copy, and the shape checks agree', () => {
    const bases = [variant(twoStageReview), variant(parallelChecks), variant(sequentialChecks)];
    const failures: string[] = [];
    let flawedDrafts = 0;
    for (let seed = 0; seed < 600; seed++) {
      const r = rng(seed);
      const base = bases[seed % bases.length]!;
      const { doc, mutations } = mutate(base.process, r, r.int(1, 3));
      const draft = { ...structuredClone(base), process: doc } as any;
      const label = `#${seed} ${mutations.map((m) => `${m.kind} /process${m.pointer}`).join(', ')}`;
      try {
        for (const other of bases) {
          for (const [a, b] of [[draft, other], [other, draft]]) {
            for (const c of diff(a, b, ctx)) {
              const plain = JSON.parse(JSON.stringify(c));
              if (/undefined|\[object Object\]|NaN/.test(`${plain.message.en} ${plain.message.zh}`) || !plain.message.zh) failures.push(`${label}: message ${plain.message.en}`);
              if (!(Number.isFinite(c.weight) && c.weight >= 0) || (c.burden === 'neutral') !== (c.weight === 0)) failures.push(`${label}: weight ${line(c)}`);
              if (c.path !== '' && !c.path.startsWith('/')) failures.push(`${label}: path ${c.path}`);
            }
          }
        }
        if (!Object.values(burdenMetrics(draft)).every(Number.isFinite)) failures.push(`${label}: metrics`);
        const self = diff(draft, structuredClone(draft), ctx);
        if (self.length > 0) failures.push(`${label}: differs from its copy: ${self.map(line).join('; ')}`);
        const flawed = sanitize(draft, base as any).notes.some((n) => n.side !== 'b');
        if (flawed) flawedDrafts++;
        if (wellFormed(draft) === flawed) failures.push(`${label}: wellFormed ${wellFormed(draft)}, but the checks found ${flawed ? 'a flaw' : 'none'}`);
      } catch (error) {
        failures.push(`${label}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
      }
      if (failures.length > 20) break;
    }
    expect(failures).toEqual([]);
    expect(flawedDrafts).toBeGreaterThan(50); // both answers of the predicate were checked
    expect(flawedDrafts).toBeLessThan(600);
  }, 60_000);
});

const classifiedLines = (changes: readonly Change[]) => changes.filter((c) => c.burden !== 'neutral').map(line);

describe('flat processes read as before', () => {
  const flat = realCatalogue.catalogue.definitions.map((d) => d);

  it('counts the human steps of every catalogue definition as the top-level, non-final, non-automatic states', () => {
    for (const { file: f, value } of flat) {
      const old = Object.values(value.process.states).filter((s) => s !== undefined && s.type !== 'final' && !isAutomatic(s)).length;
      expect({ f, steps: burdenMetrics(value).humanSteps }).toEqual({ f, steps: old });
    }
  });

  it('scores every catalogue variant against its baseline as before nested states (numbers and process changes pinned)', () => {
    const baselines = new Map(flat.filter((d) => d.value.kind === 'baseline').map((d) => [d.value.id, d.value]));
    const rows = flat
      .filter((d) => d.value.kind === 'variant')
      .map(({ file: f, value }) => {
        const changes = diff(value, baselines.get(value.id)!, ctx);
        const process = changes.filter((c) => c.area === 'process').map((c) => `${c.burden[0]}${c.weight} ${c.code} ${c.kind} ${c.path}`);
        return `${f.replace('definitions/matters/', '')} ${score(value, baselines.get(value.id)!, ctx).toFixed(3)} steps=${burdenMetrics(value).humanSteps}${process.length > 0 ? `\n  ${process.join('\n  ')}` : ''}`;
      });
    expect(rows.join('\n')).toMatchInlineSnapshot(`
      "driving-licence-renewal/jiande.json 28.224 steps=6
        m4 process.step added /process/states/review
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      driving-licence-renewal/ningbo.json 90.484 steps=4
      driving-licence-renewal/shaoxing.json 58.567 steps=5
        m4 process.step added /process/states/review
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
      hk-macao-taiwan-endorsement/jiaxing.json 97.045 steps=4
      hk-macao-taiwan-endorsement/quzhou.json 31.270 steps=6
        m4 process.step added /process/states/review
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      hk-macao-taiwan-endorsement/taizhou.json 67.706 steps=5
        m4 process.step added /process/states/review
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
      medical-insurance-transfer/hangzhou.json 96.561 steps=4
      medical-insurance-transfer/huzhou.json 62.500 steps=5
        m4 process.step added /process/states/transferOutConfirm
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/transferOutConfirm/on/CONFIRM
        n0 process.transition added /process/states/transferOutConfirm/on/REJECT
      medical-insurance-transfer/lishui.json 28.794 steps=6
        m4 process.step added /process/states/transferOutConfirm
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/transferOutConfirm/on/CONFIRM
        n0 process.transition added /process/states/transferOutConfirm/on/REJECT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition removed /process/states/review/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      newborn-registration/linping.json 95.839 steps=4
      newborn-registration/tongxiang.json 73.712 steps=4
      newborn-registration/zhoushan.json 27.253 steps=6
        m4 process.step added /process/states/onsiteCheck
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT/0
        n0 process.transition added /process/states/onsiteCheck/on/CONFIRM
        n0 process.transition added /process/states/onsiteCheck/on/REJECT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition removed /process/states/review/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      provident-fund-withdrawal/hangzhou.json 96.079 steps=4
        m4 process.step added /process/states/review
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
      provident-fund-withdrawal/jinhua.json 26.610 steps=5
        m4 process.step added /process/states/review
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      provident-fund-withdrawal/wenzhou.json 65.449 steps=5
        m4 process.step added /process/states/review
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition added /process/states/review/on/REJECT
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      residence-permit/hangzhou.json 91.457 steps=4
        l2 process.automatic added /process/states/autoCheck/always
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/autoCheck/always/0
        n0 process.transition added /process/states/autoCheck/always/1
      residence-permit/ningbo.json 86.563 steps=5
        m4 process.step added /process/states/onsiteCheck
        n0 process.transition added /process/states/submitted/on/ACCEPT/0
        n0 process.transition added /process/states/onsiteCheck/on/CONFIRM
        n0 process.transition added /process/states/onsiteCheck/on/REJECT
      residence-permit/pujiang.json 17.894 steps=6
        m4 process.step added /process/states/onsiteCheck
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/submitted/on/ACCEPT
        n0 process.transition removed /process/states/submitted/on/ACCEPT
        n0 process.transition added /process/states/onsiteCheck/on/CONFIRM
        n0 process.transition added /process/states/onsiteCheck/on/REJECT
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition removed /process/states/review/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT
      residence-permit/wenzhou.json 41.066 steps=5
        m4 process.step added /process/states/chiefReview
        n0 process.transition added /process/states/review/on/APPROVE
        n0 process.transition removed /process/states/review/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/APPROVE
        n0 process.transition added /process/states/chiefReview/on/REJECT"
    `);
  });
});
