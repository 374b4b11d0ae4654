import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fromStately, toStately } from '../engine/stately/index.ts';
import type { MatterDefinition } from '../engine/index.ts';
import { matters } from './support/catalogue.ts';

const definitions: MatterDefinition[] = matters().flatMap((m) => [m.baseline, ...m.variants]);

describe('Stately machine JSON', () => {
  it('exports guards and actions as { type } objects and imports them back unchanged, for every process in the catalogue', () => {
    expect(definitions.length).toBeGreaterThan(10);
    for (const d of definitions) {
      const machine = toStately(d.process);
      const text = JSON.stringify(machine);
      expect(text).not.toMatch(/"actions":\["/);
      expect(text).not.toMatch(/"guard":"/);
      expect(fromStately(JSON.parse(text)).process).toEqual(d.process);
      // and XState itself reads the export
      expect(() => createMachine(machine as never)).not.toThrow();
    }
  });

  it('normalizes what Stately Studio writes, naming each change by its pointer', () => {
    const machine = {
      id: 'permit',
      version: '1.0',
      context: { count: 0 },
      types: {},
      initial: 'draft',
      on: { WITHDRAW: { target: '.withdrawn' } },
      states: {
        draft: { on: { SUBMIT: { target: '#permit.review', actions: { type: 'notifyApplicant' } } }, entry: 'notifyApplicant' },
        review: { on: { APPROVE: [{ target: ['approved'], guard: { type: 'feesPaid' } }, { target: '.child' }] } },
        approved: { type: 'final' },
        withdrawn: { type: 'final' },
      },
    };
    const { process, changes } = fromStately(machine);
    expect(process).toEqual({
      id: 'permit',
      initial: 'draft',
      on: { WITHDRAW: { target: 'withdrawn' } },
      states: {
        draft: { on: { SUBMIT: { target: 'review', actions: ['notifyApplicant'] } }, entry: ['notifyApplicant'] },
        review: { on: { APPROVE: [{ target: 'approved', guard: 'feesPaid' }, { target: '.child' }] } },
        approved: { type: 'final' },
        withdrawn: { type: 'final' },
      },
    });
    expect(changes.map((c) => c.pointer)).toEqual([
      '/context', '/types', '/version',
      '/on/WITHDRAW/target',
      '/states/draft/entry', '/states/draft/on/SUBMIT/target', '/states/draft/on/SUBMIT/actions/0',
      '/states/review/on/APPROVE/0/target', '/states/review/on/APPROVE/0/guard',
    ]);
    expect(changes.every((c) => c.message.en.length > 0 && c.message.zh.length > 0)).toBe(true);
  });

  it('keeps what onematter cannot run where it is, so the validator can name it', () => {
    const machine = { id: 'm', initial: 'a', states: { a: { invoke: { src: 'x' }, states: { b: {} }, on: { GO: { target: 'a', actions: [{ type: 'log', params: { x: 1 } }] } } } } };
    const { process } = fromStately(machine);
    expect(process).toEqual(machine);
    expect(fromStately([1, 2]).process).toEqual({});
    expect(fromStately(null).changes[0]!.pointer).toBe('');
  });
});
