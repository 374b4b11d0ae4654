/**
 * The process designer's model for events every step accepts (the process's own `on`, XState's root `on`), without
 * a browser: adding one (`from: "*"`), changing its target, guard and actions, renaming its event and removing it —
 * each undone to the identical definition, redone and replayed from its log — which top-level states override it
 * (their own transition on the event wins), and the edits each refuses, with the reason. The scenario: the residence
 * permit's baseline lets the applicant withdraw in every step, not only while filling in or supplementing.
 */
import { describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { CommandError, type Command } from '../designer/model/commands/index.ts';
import { execute, initialState } from '../designer/model/editor.ts';
import { anyState, overriding, readProcess, selectedOf, targetFrom, processOf } from '../designer/model/process.ts';
import { matters, problemsInCatalogue } from './support/catalogue.ts';
import { runCommands as run, text } from './support/commands.ts';

const baseline = matters().find((m) => m.id === '330000-GA-0101')!.baseline;
const file = 'definitions/matters/residence-permit/baseline.json';
const problems = (d: MatterDefinition) => problemsInCatalogue(file, d).map((p) => `${p.code} ${p.pointer}`);
const rootOn = (d: MatterDefinition) => (d.process as { on?: Record<string, unknown> }).on;
const refused = (definition: MatterDefinition, command: Command, reason: RegExp) => {
  expect(() => execute(initialState(definition), command)).toThrow(CommandError);
  expect(() => execute(initialState(definition), command)).toThrow(reason);
};

const withdraw: Command = { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'withdrawn' } } };
const withdrawing = run(baseline, withdraw);

describe('adding a transition every step accepts', () => {
  it('writes it in the process\'s own on, after its states, read back from "*" with its pointer', () => {
    expect(rootOn(baseline)).toBeUndefined();
    expect(Object.keys(withdrawing.process)).toEqual([...Object.keys(baseline.process), 'on']);
    expect(rootOn(withdrawing)).toEqual({ WITHDRAW: 'withdrawn' });
    expect(readProcess(withdrawing).edges.filter((e) => e.from === anyState)).toMatchObject([{ id: '/process/on/WITHDRAW', kind: 'on', event: 'WITHDRAW', target: 'withdrawn', written: 'withdrawn' }]);
    expect(execute(initialState(baseline), withdraw).selection).toBe('/process/on/WITHDRAW');
    expect(problems(withdrawing)).toEqual([]);
  });

  it('names the top-level states that handle the event themselves: they override it', () => {
    expect(overriding(readProcess(withdrawing), 'WITHDRAW').map((n) => n.id)).toEqual(['draft', 'supplement']);
    // the final states accept nothing; a state without its own WITHDRAW takes the root's
    expect(overriding(readProcess(withdrawing), 'CANCEL')).toEqual([]);
    const own = run(withdrawing, { name: 'remove-transition', args: { at: { from: 'draft', event: 'WITHDRAW' } } });
    expect(overriding(readProcess(own), 'WITHDRAW').map((n) => n.id)).toEqual(['supplement']);
  });

  it('writes a guard and actions as an object; a second event joins the map, a second transition on one event is an alternative', () => {
    const d = run(withdrawing,
      { name: 'add-transition', args: { from: anyState, event: 'REVOKE', transition: { target: 'rejected', guard: 'feesPaid', actions: ['recordDecision', 'notifyApplicant'] } } },
      { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'rejected', guard: { type: 'olderThan', params: { field: '/residence/since', duration: 'P6M' } } } } });
    expect(rootOn(d)).toEqual({
      WITHDRAW: ['withdrawn', { target: 'rejected', guard: { type: 'olderThan', params: { field: '/residence/since', duration: 'P6M' } } }],
      REVOKE: { target: 'rejected', guard: 'feesPaid', actions: ['recordDecision', 'notifyApplicant'] },
    });
    expect(readProcess(d).edges.filter((e) => e.from === anyState).map((e) => e.id)).toEqual(['/process/on/WITHDRAW/0', '/process/on/WITHDRAW/1', '/process/on/REVOKE']);
  });

  it('writes a nested target as its path from the root; renaming or removing that state follows', () => {
    const nested = run(baseline,
      { name: 'add-state', args: { path: 'review.second', role: 'approver', step: { zh: '复核', en: 'Second review' } } },
      { name: 'add-transition', args: { from: anyState, event: 'ESCALATE', transition: { target: 'review.second' } } });
    expect(rootOn(nested)).toEqual({ ESCALATE: 'review.second' });
    expect(targetFrom(processOf(nested), anyState, 'review.second')).toBe('review.second');
    expect(rootOn(run(nested, { name: 'rename-state', args: { path: 'review.second', to: 'again' } }))).toEqual({ ESCALATE: 'review.again' });
    const gone = run(nested, { name: 'remove-state', args: { path: 'review.second' } });
    expect(rootOn(gone)).toBeUndefined();
    expect(text(gone)).toBe(text(baseline));
  });
});

describe('changing a transition every step accepts', () => {
  it('changes its target, guard (a named one, one over the case data, none) and actions', () => {
    const at = { from: anyState, event: 'WITHDRAW' };
    const d = run(withdrawing,
      { name: 'set-transition', args: { at, target: 'rejected' } },
      { name: 'set-transition', args: { at, guard: 'feesPaid' } },
      { name: 'set-transition', args: { at, actions: ['notifyApplicant'] } });
    expect(rootOn(d)).toEqual({ WITHDRAW: { target: 'rejected', guard: 'feesPaid', actions: ['notifyApplicant'] } });
    const when = { required: ['applicant'] };
    const data = run(d, { name: 'set-transition', args: { at, guard: { type: 'dataMatches', params: { when } } } });
    expect(rootOn(data)!.WITHDRAW).toEqual({ target: 'rejected', guard: { type: 'dataMatches', params: { when } }, actions: ['notifyApplicant'] });
    const plain = run(data, { name: 'set-transition', args: { at, guard: null, actions: [], target: 'withdrawn' } });
    expect(rootOn(plain)).toEqual({ WITHDRAW: { target: 'withdrawn' } });
    expect(execute(initialState(withdrawing), { name: 'set-transition', args: { at, target: 'rejected' } }).done.at(-1)?.label.en).toBe('change transition WITHDRAW of every step');
  });

  it('renames its event in place; renaming in every state renames it at the root too', () => {
    const two = run(withdrawing, { name: 'add-transition', args: { from: anyState, event: 'REVOKE', transition: { target: 'rejected' } } });
    const d = run(two, { name: 'rename-event', args: { from: anyState, event: 'WITHDRAW', to: 'CANCEL' } });
    expect(Object.keys(rootOn(d)!)).toEqual(['CANCEL', 'REVOKE']);
    // the states' own WITHDRAW stays: it no longer overrides anything
    expect(overriding(readProcess(d), 'CANCEL')).toEqual([]);
    expect(execute(initialState(two), { name: 'rename-event', args: { from: anyState, event: 'WITHDRAW', to: 'CANCEL' } }).selection).toBe('/process/on/CANCEL');
    const all = run(withdrawing, { name: 'rename-event', args: { event: 'WITHDRAW', to: 'CANCEL' } });
    expect(readProcess(all).edges.filter((e) => e.event === 'CANCEL').map((e) => e.from)).toEqual(['draft', 'supplement', anyState]);
    expect(problems(all)).toEqual([]);
  });

  it('removes it: the emptied on goes, the definition is the one before; one alternative left is written alone', () => {
    const removed = run(withdrawing, { name: 'remove-transition', args: { at: { from: anyState, event: 'WITHDRAW' } } });
    expect(text(removed)).toBe(text(baseline));
    expect(execute(initialState(withdrawing), { name: 'remove-transition', args: { at: { from: anyState, event: 'WITHDRAW' } } }).selection).toBe('/process');
    const two = run(withdrawing, { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'rejected', guard: 'feesPaid' } } });
    expect(rootOn(run(two, { name: 'remove-transition', args: { at: { from: anyState, event: 'WITHDRAW', index: 0 } } }))).toEqual({ WITHDRAW: { target: 'rejected', guard: 'feesPaid' } });
  });

  it('is what a pointer into the process\'s own on selects', () => {
    const graph = readProcess(withdrawing);
    expect(selectedOf(graph, '/process/on/WITHDRAW').edge?.from).toBe(anyState);
    expect(selectedOf(graph, '/process/on/WITHDRAW/target').edge?.id).toBe('/process/on/WITHDRAW');
    expect(selectedOf(graph, '/process')).toEqual({});
  });
});

describe('what is refused, with the reason', () => {
  it('refuses a delay, an eventless or a when-done transition in every step, a malformed event, an unknown target or guard', () => {
    refused(baseline, { name: 'add-transition', args: { from: anyState, kind: 'after', event: 'P30D', transition: { target: 'withdrawn' } } }, /in every step is taken on an event/);
    refused(baseline, { name: 'add-transition', args: { from: anyState, kind: 'always', event: '', transition: { target: 'withdrawn' } } }, /in every step is taken on an event/);
    refused(baseline, { name: 'add-transition', args: { from: anyState, event: 'withdraw', transition: { target: 'withdrawn' } } }, /"withdraw" is not an event name/);
    refused(baseline, { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'nowhere' } } }, /there is no state "nowhere"/);
    refused(baseline, { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'withdrawn', guard: 'luck' } } }, /"luck" is not a guard the runtime knows/);
    refused(baseline, { name: 'add-transition', args: { from: anyState, event: 'WITHDRAW', transition: { target: 'withdrawn', actions: ['party'] } } }, /"party" is not an action the runtime knows/);
    const none = { ...baseline } as Record<string, unknown>;
    delete none.process;
    refused(none as unknown as MatterDefinition, withdraw, /the definition has no process/);
  });

  it('refuses changing, renaming or removing a root transition that is not there, and a rename onto a root event', () => {
    refused(baseline, { name: 'remove-transition', args: { at: { from: anyState, event: 'WITHDRAW' } } }, /the process \(every step\) has no transition WITHDRAW/);
    refused(withdrawing, { name: 'set-transition', args: { at: { from: anyState, event: 'CANCEL' }, target: 'rejected' } }, /has no transition CANCEL/);
    refused(withdrawing, { name: 'set-transition', args: { at: { from: anyState, event: 'WITHDRAW' }, target: 'nowhere' } }, /there is no state "nowhere"/);
    refused(withdrawing, { name: 'rename-event', args: { from: anyState, event: 'CANCEL', to: 'STOP' } }, /the process \(every step\) has no event CANCEL/);
    refused(withdrawing, { name: 'rename-event', args: { from: anyState, event: 'WITHDRAW', to: 'withdraw' } }, /not an event name/);
    const two = run(withdrawing, { name: 'add-transition', args: { from: anyState, event: 'REVOKE', transition: { target: 'rejected' } } });
    refused(two, { name: 'rename-event', args: { from: anyState, event: 'WITHDRAW', to: 'REVOKE' } }, /the process \(every step\) has an event REVOKE already/);
    // a top-level state's own event of that name is no clash: the state overrides the root's
    expect(rootOn(run(two, { name: 'rename-event', args: { from: anyState, event: 'REVOKE', to: 'SUBMIT' } }))).toEqual({ WITHDRAW: 'withdrawn', SUBMIT: 'rejected' });
  });
});
