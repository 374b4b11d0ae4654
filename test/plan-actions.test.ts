import { describe, expect, it } from 'vitest';
import { levelUp, planAction } from '../engine/index.ts';
import { matters, sharedSchemas } from './support/catalogue.ts';

const steps = matters().flatMap(({ baseline, variants }) => variants.flatMap((v) => levelUp(v, baseline, { sharedSchemas })));

describe('planAction()', () => {
  it('words every step of every real level-up plan as an action, in Chinese and English', () => {
    expect(steps.length).toBeGreaterThan(30);
    for (const step of steps) {
      const action = planAction(step);
      expect(action.zh, step.code).toMatch(/\p{Script=Han}/u);
      expect(`${action.zh} ${action.en}`, step.code).not.toMatch(/undefined|\[object/);
      expect(action.en).not.toBe(step.message.en); // not the difference, what to do about it
    }
  });

  it('says what to do for the common steps instead of repeating the difference', () => {
    const generic = steps.filter((s) => planAction(s).en.startsWith('Match the top runner'));
    expect(generic.length / steps.length).toBeLessThan(0.2);
    const source = steps.find((s) => s.code === 'materials.source')!;
    expect(planAction(source).en).toMatch(/^Fetch it through shared data \(“.+”\), as the top runner does$/);
    expect(planAction(source).zh).toMatch(/通过数据共享获取，与标杆一致$/);
  });

  it('falls back to the difference itself for a change it has no words for, or params of an odd shape', () => {
    const odd = { ...steps[0]!, message: steps[0]!.message, code: 'materials.source', kind: 'changed' as const, params: {} };
    expect(() => planAction(odd)).not.toThrow();
    expect(planAction(odd).en).toBe(`Match the top runner: ${steps[0]!.message.en}`);
    expect(planAction({ ...steps[0]!, message: steps[0]!.message, code: 'x.unknown' }).en).toBe(`Match the top runner: ${steps[0]!.message.en}`);
  });
});
