import { createMachine, initialTransition, transition } from 'xstate';
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
    const machine = { id: 'm', initial: 'a', states: { a: { invoke: { src: 'x' }, initial: 'h', states: { b: {}, h: { type: 'history' } }, on: { GO: { target: 'a', actions: [{ type: 'log', params: { x: 1 } }] } } } } };
    const { process } = fromStately(machine);
    expect(process).toEqual(machine);
    expect(fromStately([1, 2]).process).toEqual({});
    expect(fromStately(null).changes[0]!.pointer).toBe('');
  });

  // A one-thing bundle: acceptance, then the birth registration and the insurance enrolment side by side, joined.
  const bundle = {
    id: 'newborn-bundle',
    initial: 'submitted',
    states: {
      submitted: { meta: { role: 'clerk' }, on: { ACCEPT: { target: 'parts', actions: ['notifyApplicant'] } } },
      parts: {
        type: 'parallel',
        onDone: { target: 'approved', actions: ['issueCertificate'] },
        states: {
          birth: { initial: 'review', states: { review: { meta: { role: 'clerk' }, on: { BIRTH_APPROVE: 'done' } }, done: { type: 'final' } } },
          insurance: {
            initial: 'review',
            states: {
              review: { meta: { role: 'approver' }, on: { INSURANCE_APPROVE: { target: 'done', guard: 'feesPaid' }, INSURANCE_REJECT: '#newborn-bundle.rejected' } },
              done: { type: 'final' },
            },
          },
        },
      },
      approved: { type: 'final' },
      rejected: { type: 'final' },
    },
  };

  it('exports nested and parallel states as they are, which XState runs, and imports them back unchanged', () => {
    const machine = toStately(bundle as never);
    expect((machine.states as any).parts.type).toBe('parallel');
    expect((machine.states as any).parts.states.insurance.states.review.on.INSURANCE_APPROVE.guard).toEqual({ type: 'feesPaid' });
    expect((machine.states as any).parts.onDone.actions).toEqual([{ type: 'issueCertificate' }]);
    const logic = createMachine(machine as never);
    let [state] = initialTransition(logic);
    for (const type of ['ACCEPT', 'BIRTH_APPROVE']) [state] = transition(logic, state, { type });
    expect(state.value).toEqual({ parts: { birth: 'done', insurance: 'review' } });
    const imported = fromStately(JSON.parse(JSON.stringify(machine)));
    expect(imported.process).toEqual(bundle);
    // only the long forms export wrote are undone
    expect(imported.changes.map((c) => `${c.pointer} ${c.message.en}`)).toEqual([
      '/states/submitted/on/ACCEPT/actions/0 the action object became its name',
      '/states/parts/onDone/actions/0 the action object became its name',
      '/states/parts/states/insurance/states/review/on/INSURANCE_APPROVE/guard the guard object became its name',
    ]);
    // the machine's own events: a plain target is written `.name`, as XState reads it, and read back
    const withdraw = { ...bundle, on: { WITHDRAW: 'rejected' } };
    const exported = toStately(withdraw as never);
    expect(exported.on).toEqual({ WITHDRAW: '.rejected' });
    [state] = initialTransition(createMachine(exported as never));
    expect(transition(createMachine(exported as never), state, { type: 'WITHDRAW' })[0].value).toBe('rejected');
    expect(fromStately(exported).process).toEqual(withdraw);
  });

  it('gives a machine Stately renamed the process id, rewriting root targets to the shortest that names the same state', () => {
    const machine = {
      ...bundle,
      id: 'Untitled',
      on: { WITHDRAW: '#Untitled.rejected' },
      states: {
        ...bundle.states,
        submitted: { meta: { role: 'clerk' }, on: { ACCEPT: { target: '#Untitled.parts' }, SKIP: '#Untitled.parts.birth.done' } },
        parts: {
          ...bundle.states.parts,
          states: {
            birth: { initial: 'review', states: { review: { meta: { role: 'clerk' }, on: { BIRTH_APPROVE: '#Untitled.parts.birth.done' } }, done: { type: 'final' } } },
            insurance: {
              initial: 'review',
              states: {
                review: { meta: { role: 'approver' }, on: { INSURANCE_APPROVE: [{ target: '#Untitled.parts.insurance.done', guard: { type: 'feesPaid' } }], INSURANCE_REJECT: '#Untitled.rejected', BACK: '.inner' } },
                done: { type: 'final' },
              },
            },
          },
        },
      },
    };
    const { process, changes } = fromStately(machine, { processId: 'newborn-bundle' });
    const p = process as any;
    expect(p.id).toBe('newborn-bundle');
    expect(p.on.WITHDRAW).toBe('rejected');
    expect(p.states.submitted.on).toEqual({ ACCEPT: { target: 'parts' }, SKIP: 'parts.birth.done' });
    expect(p.states.parts.states.birth.states.review.on.BIRTH_APPROVE).toBe('done');
    expect(p.states.parts.states.insurance.states.review.on).toEqual({ INSURANCE_APPROVE: [{ target: 'done', guard: 'feesPaid' }], INSURANCE_REJECT: '#newborn-bundle.rejected', BACK: '.inner' });
    expect(changes.map((c) => `${c.pointer} ${c.message.en}`)).toEqual([
      '/id the machine\'s id ("Untitled") became the process\'s, "newborn-bundle"',
      '/on/WITHDRAW target "#Untitled.rejected" became "rejected"',
      '/states/submitted/on/ACCEPT/target target "#Untitled.parts" became "parts"',
      '/states/submitted/on/SKIP target "#Untitled.parts.birth.done" became "parts.birth.done"',
      '/states/parts/states/birth/states/review/on/BIRTH_APPROVE target "#Untitled.parts.birth.done" became "done"',
      '/states/parts/states/insurance/states/review/on/INSURANCE_APPROVE/0/target target "#Untitled.parts.insurance.done" became "done"',
      '/states/parts/states/insurance/states/review/on/INSURANCE_APPROVE/0/guard the guard object became its name',
      '/states/parts/states/insurance/states/review/on/INSURANCE_REJECT target "#Untitled.rejected" became "#newborn-bundle.rejected"',
    ]);
    expect(changes.find((c) => c.pointer === '/id')!.message.zh).toBe('状态机的 id（"Untitled"）改为流程的 id "newborn-bundle"');
    expect(changes.every((c) => c.message.zh.length > 0)).toBe(true);
    // XState reads the result as it read the machine: the same states, the same way through
    const run = (config: unknown, events: string[]) => {
      const logic = createMachine(config as never);
      let [state] = initialTransition(logic);
      for (const type of events) [state] = transition(logic, state, { type });
      return state.value;
    };
    const { BACK: _back, ...runnable } = p.states.parts.states.insurance.states.review.on;
    p.states.parts.states.insurance.states.review.on = runnable;
    delete (machine.states.parts.states.insurance.states.review.on as any).BACK;
    for (const events of [['ACCEPT', 'BIRTH_APPROVE'], ['SKIP'], ['ACCEPT', 'INSURANCE_REJECT'], ['WITHDRAW']]) {
      expect(run(toStately(p), events)).toEqual(run(machine, events));
    }
  });
});
