/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { burdenMetrics, diff, weights, type Change, type MatterDefinition } from '../engine/index.ts';
import { realCatalogue, sharedSchemas } from './support/catalogue.ts';

const byFile = (f: string) => realCatalogue.catalogue.definitions.find((d) => d.file === `definitions/matters/residence-permit/${f}.json`)!.value;
const baseline = byFile('baseline');
const hangzhou = byFile('hangzhou');
const older = { type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P6M', verified: true } };
const approve = ['recordDecision', 'issueCertificate', 'notifyApplicant'];
const variant = (change: (d: any) => void): MatterDefinition => {
  const d = structuredClone(baseline) as any;
  change(d);
  return d;
};
const byCode = (changes: readonly Change[], code: string) => changes.filter((c) => c.code === code);

// Review decided by rules: approve when the registration is old enough, reject otherwise; nobody acts.
const reviewAutomatic = (d: any) => {
  d.process.states.review = { meta: { step: d.process.states.review.meta.step }, always: [{ target: 'approved', guard: older, actions: approve }, 'rejected'] };
};
// Review decided by rules when the registration is old enough; otherwise the approver decides.
const reviewPartly = (d: any) => {
  d.process.states.review.always = { target: 'approved', guard: older, actions: approve };
};

describe('burden metrics: automatic decisions (秒批)', () => {
  it('does not count a state that decides itself as a human step', () => {
    expect(burdenMetrics(variant(reviewAutomatic)).humanSteps).toBe(burdenMetrics(baseline).humanSteps - 1);
  });

  it('counts a state that may wait for a person, and Hangzhou\'s automatic check adds none', () => {
    expect(burdenMetrics(variant(reviewPartly)).humanSteps).toBe(burdenMetrics(baseline).humanSteps);
    expect(Object.keys(hangzhou.process.states)).toContain('autoCheck');
    expect(burdenMetrics(hangzhou).humanSteps).toBe(burdenMetrics(baseline).humanSteps);
  });
});

describe('diff(): automatic decisions (秒批)', () => {
  it('classifies replacing a human step with an automatic one as less burden, weighing a human step', () => {
    const changes = diff(variant(reviewAutomatic), baseline, { sharedSchemas });
    const [c, ...rest] = byCode(changes, 'process.automatic');
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ area: 'process', kind: 'changed', burden: 'less', path: '/process/states/review', weight: weights.humanStep, params: { state: 'review', from: 'human', to: 'automatic' } });
    expect(c!.message.en).toBe('“Review” is now decided automatically (秒批) (was decided by a person)');
    expect(c!.message.zh).toBe('环节“审核”改为自动判定（秒批）（原为人工办理）');
    expect(byCode(changes, 'process.step')).toEqual([]); // the step is still there, decided otherwise
  });

  it('classifies the way back, an automatic step made human, as more burden', () => {
    const [c] = byCode(diff(baseline, variant(reviewAutomatic), { sharedSchemas }), 'process.automatic');
    expect(c).toMatchObject({ kind: 'changed', burden: 'more', weight: weights.humanStep, params: { from: 'automatic', to: 'human' } });
  });

  it('weighs a step decided automatically only when its guards hold by the conditional factor', () => {
    const [c] = byCode(diff(variant(reviewPartly), baseline, { sharedSchemas }), 'process.automatic');
    expect(c).toMatchObject({ kind: 'changed', burden: 'less', weight: weights.humanStep * weights.conditional, params: { from: 'human', to: 'partly' } });
    expect(c!.message.zh).toContain('符合条件时自动判定（秒批）');
  });

  it('classifies Hangzhou\'s added automatic check as less burden, not as an added step, and lists its transitions', () => {
    const changes = diff(hangzhou, baseline, { sharedSchemas });
    expect(byCode(changes, 'process.automatic').map((c) => [c.kind, c.burden, c.path, c.weight, c.message.en, c.message.zh])).toEqual([
      ['added', 'less', '/process/states/autoCheck/always', weights.humanStep * weights.conditional, 'adds an automatic decision (秒批) at “Automatic check”', '增加自动判定环节“自动核验”（秒批）'],
    ]);
    expect(byCode(changes, 'process.step')).toEqual([]);
    expect(byCode(changes, 'process.transition').map((c) => c.message.en)).toEqual([
      'adds the transition submitted —ACCEPT→ autoCheck',
      'removes the transition submitted —ACCEPT→ review',
      'adds the transition autoCheck —always→ approved',
      'adds the transition autoCheck —always→ review',
    ]);
    // dropping it again is more burden
    expect(byCode(diff(baseline, hangzhou, { sharedSchemas }), 'process.automatic')).toMatchObject([{ kind: 'removed', burden: 'more' }]);
  });

  it('lists root-level transitions (process.on) from every state, neutral', () => {
    const withdrawAnywhere = variant((d) => (d.process.on = { WITHDRAW: 'withdrawn' }));
    const changes = byCode(diff(withdrawAnywhere, baseline, { sharedSchemas }), 'process.transition');
    expect(changes.map((c) => [c.kind, c.burden, c.path, c.message.en])).toEqual([['added', 'neutral', '/process/on/WITHDRAW', 'adds the transition * —WITHDRAW→ withdrawn']]);
  });
});
