/**
 * The process designer's model with nested and parallel states, without a browser: nested states read by path, the
 * commands that make a state compound or parallel, add, rename and remove child states, set where a compound state
 * starts and where a state goes when it is done — each undone, redone and replayed from its log — and the edits each
 * refuses, with the reason. The scenario: Wenzhou's residence permit gets parallel checks by the police and the
 * housing office after acceptance, joined before the review.
 */
import { describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { CommandError, type Command } from '../designer/model/commands/index.ts';
import { execute, initialState } from '../designer/model/editor.ts';
import { readProcess, selectedOf, targetFrom } from '../designer/model/process.ts';
import { matters, problemsInCatalogue } from './support/catalogue.ts';
import { runCommands as run } from './support/commands.ts';

const wenzhou = matters().find((m) => m.id === '330000-GA-0101')!.variants.find((v) => v.region?.code === '330300')!;
const file = 'definitions/matters/residence-permit/wenzhou.json';
const states = (d: MatterDefinition) => d.process.states as Record<string, any>;
const problems = (d: MatterDefinition) => problemsInCatalogue(file, d).map((p) => `${p.code} ${p.pointer}`);
const refused = (definition: MatterDefinition, command: Command, reason: RegExp) => {
  expect(() => execute(initialState(definition), command)).toThrow(CommandError);
  expect(() => execute(initialState(definition), command)).toThrow(reason);
};

const add = (path: string, zh: string, en: string, role?: string): Command => ({ name: 'add-state', args: { path, step: { zh, en }, ...(role ? { role } : {}) } });
/** The official's edits: a parallel state with two regions, each with a final child, and the join to the review. */
const parallelChecks: Command[] = [
  add('checks', '并行核查', 'Parallel checks', 'approver'),
  add('checks.police', '公安核查', 'Police check'),
  add('checks.housing', '住房核查', 'Housing check'),
  { name: 'set-state-type', args: { path: 'checks', type: 'parallel' } },
  add('checks.police.checking', '核查中', 'Checking', 'clerk'),
  add('checks.police.done', '已核查', 'Checked'),
  { name: 'set-state-final', args: { path: 'checks.police.done', final: true } },
  { name: 'add-transition', args: { from: 'checks.police.checking', event: 'POLICE_OK', transition: { target: 'checks.police.done' } } },
  add('checks.housing.checking', '核查中', 'Checking', 'clerk'),
  add('checks.housing.done', '已核查', 'Checked'),
  { name: 'set-state-final', args: { path: 'checks.housing.done', final: true } },
  { name: 'add-transition', args: { from: 'checks.housing.checking', event: 'HOUSING_OK', transition: { target: 'checks.housing.done' } } },
  { name: 'set-on-done', args: { path: 'checks', transition: { target: 'review' } } },
  { name: 'set-transition', args: { at: { from: 'submitted', event: 'ACCEPT' }, target: 'checks' } },
];
const checked = run(wenzhou, ...parallelChecks);

describe('a parallel state built with the commands', () => {
  it('writes XState config: regions with an initial and a final child each, the join on onDone, targets by sibling name', () => {
    expect(states(checked).checks).toEqual({
      type: 'parallel',
      meta: { role: 'approver', step: { zh: '并行核查', en: 'Parallel checks' } },
      states: {
        police: {
          meta: { step: { zh: '公安核查', en: 'Police check' } },
          initial: 'checking',
          states: {
            checking: { meta: { role: 'clerk', step: { zh: '核查中', en: 'Checking' } }, on: { POLICE_OK: 'done' } },
            done: { type: 'final', meta: { step: { zh: '已核查', en: 'Checked' } } },
          },
        },
        housing: {
          meta: { step: { zh: '住房核查', en: 'Housing check' } },
          initial: 'checking',
          states: {
            checking: { meta: { role: 'clerk', step: { zh: '核查中', en: 'Checking' } }, on: { HOUSING_OK: 'done' } },
            done: { type: 'final', meta: { step: { zh: '已核查', en: 'Checked' } } },
          },
        },
      },
      onDone: 'review',
    });
    expect(states(checked).submitted.on.ACCEPT).toEqual({ target: 'checks', actions: ['notifyApplicant'] });
  });

  it('is sound: the validator finds no problem (and one per missing region final while it is being built)', () => {
    expect(problems(checked)).toEqual([]);
    const halfway = run(wenzhou, ...parallelChecks.slice(0, 8), parallelChecks[12]!, parallelChecks[13]!);
    expect(problems(halfway)).toContain('process.region-never-done /process/states/checks/states/housing');
  });

  it('reads nested states by path with their kind, parent and where their parent starts; onDone as a "done" edge', () => {
    const graph = readProcess(checked);
    expect(graph.nodes.map((n) => n.id).slice(8)).toEqual(['checks', 'checks.police', 'checks.police.checking', 'checks.police.done', 'checks.housing', 'checks.housing.checking', 'checks.housing.done']);
    const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
    expect(node('checks')).toMatchObject({ kind: 'parallel', compound: true, depth: 1, children: ['checks.police', 'checks.housing'] });
    expect(node('checks.police')).toMatchObject({ kind: 'compound', region: true, parent: 'checks', initial: false, pointer: '/process/states/checks/states/police' });
    expect(node('checks.police.checking')).toMatchObject({ kind: 'atomic', initial: true, key: 'checking', depth: 3 });
    expect(node('checks.police.done')).toMatchObject({ kind: 'final', final: true, initial: false });
    expect(graph.edges.find((e) => e.kind === 'onDone')).toMatchObject({ from: 'checks', target: 'review', written: 'review', id: '/process/states/checks/onDone' });
    expect(graph.edges.find((e) => e.event === 'POLICE_OK')).toMatchObject({ from: 'checks.police.checking', target: 'checks.police.done', written: 'done' });
  });

  it('selects the innermost state or transition a problem pointer is in', () => {
    const graph = readProcess(checked);
    expect(selectedOf(graph, '/process/states/checks/states/housing/states/checking/meta/role').node?.id).toBe('checks.housing.checking');
    expect(selectedOf(graph, '/process/states/checks/states/housing').node?.id).toBe('checks.housing');
    expect(selectedOf(graph, '/process/states/checks/states/police/states/checking/on/POLICE_OK').edge?.from).toBe('checks.police.checking');
    expect(selectedOf(graph, '/process/states/checks/onDone/target').edge?.kind).toBe('onDone');
    expect(selectedOf(graph, '/process/states/checks/type').node?.id).toBe('checks');
  });
});

describe('child states', () => {
  it('turns an atomic state compound with its first child, which it starts at; the second does not change that', () => {
    const d = run(wenzhou, add('review.first', '初审', 'First review', 'approver'), add('review.second', '复审', 'Second review', 'sectionChief'));
    expect(states(d).review.initial).toBe('first');
    expect(Object.keys(states(d).review)).toEqual(['meta', 'on', 'initial', 'states']);
    expect(Object.keys(states(d).review.states)).toEqual(['first', 'second']);
    expect(execute(initialState(wenzhou), add('review.first', '初审', 'First review')).selection).toBe('/process/states/review/states/first');
  });

  it('refuses a child of a final or missing state, a taken name, and nesting deeper than four levels', () => {
    refused(wenzhou, add('approved.x', '甲', 'X'), /"approved" is final: a final state has no child states/);
    refused(wenzhou, add('nowhere.x', '甲', 'X'), /there is no state "nowhere"/);
    refused(checked, add('checks.police', '甲', 'X'), /a state "checks.police" exists already/);
    const deep = run(checked, add('checks.police.checking.a', '甲', 'A', 'clerk'));
    refused(deep, add('checks.police.checking.a.b', '乙', 'B'), /nest at most 4 levels/);
    refused(wenzhou, add('review.first review', '甲', 'X'), /not a state name/);
  });

  it('sets where a compound state starts; refuses it inside a parallel state and at a final child', () => {
    const d = run(wenzhou, add('review.first', '初审', 'First review', 'approver'), add('review.second', '复审', 'Second review', 'sectionChief'), { name: 'set-initial', args: { path: 'review.second' } });
    expect(states(d).review.initial).toBe('second');
    expect(d.process.initial).toBe('draft');
    refused(checked, { name: 'set-initial', args: { path: 'checks.housing' } }, /"checks" is parallel: its regions all start at once/);
    refused(checked, { name: 'set-initial', args: { path: 'checks.police.done' } }, /"checks.police.done" is final/);
  });

  it('makes a state compound again (starting at its first child), and refuses parallel where regions would be final or lead into one another', () => {
    const back = run(checked, { name: 'set-state-type', args: { path: 'checks', type: 'compound' } });
    expect(states(back).checks.type).toBeUndefined();
    expect(states(back).checks.initial).toBe('police');
    expect(Object.keys(states(back).checks)).toEqual(['meta', 'initial', 'states', 'onDone']);
    refused(wenzhou, { name: 'set-state-type', args: { path: 'review', type: 'parallel' } }, /"review" has no child states: add one first/);
    refused(checked, { name: 'set-state-type', args: { path: 'checks.police', type: 'parallel' } }, /"checks.police.done" is final: a region of a parallel state is not final itself/);
    const across = run(wenzhou, add('review.first', '初审', 'First review', 'approver'), add('review.second', '复审', 'Second review', 'sectionChief'),
      { name: 'add-transition', args: { from: 'review.first', event: 'PASS', transition: { target: 'review.second' } } });
    refused(across, { name: 'set-state-type', args: { path: 'review', type: 'parallel' } }, /"review.first" leads to "review.second": the regions of a parallel state run side by side/);
  });

  it('makes a nested state final without an outcome, but not a region itself nor where its parent starts', () => {
    refused(checked, { name: 'set-state-final', args: { path: 'checks.police.checking', final: true } }, /has 1 transition\(s\) leaving it/);
    refused(checked, { name: 'set-state-final', args: { path: 'checks.police', final: true } }, /has child states/);
    const d = run(wenzhou, add('review.first', '初审', 'First review', 'approver'), add('review.second', '复审', 'Second review', 'sectionChief'));
    refused(d, { name: 'set-state-final', args: { path: 'review.first', final: true } }, /"review.first" starts "review": a final state cannot/);
    refused(wenzhou, { name: 'set-state-final', args: { path: 'review', final: true } }, /says how the case ends/);
  });
});

describe('transitions of nested states', () => {
  it('writes the shortest target XState resolves: a sibling by name, anything else as #<process id>.<path>', () => {
    const d = run(checked,
      { name: 'add-transition', args: { from: 'checks.police.checking', event: 'POLICE_REFUSE', transition: { target: 'rejected' } } },
      { name: 'add-transition', args: { from: 'draft', event: 'FAST_TRACK', transition: { target: 'checks.housing' } } },
    );
    expect(states(d).checks.states.police.states.checking.on.POLICE_REFUSE).toBe('#residence-permit.rejected');
    expect(states(d).draft.on.FAST_TRACK).toBe('#residence-permit.checks.housing');
    const process = checked.process;
    expect(targetFrom(process, 'checks.police', 'checks.housing')).toBe('housing');
    expect(targetFrom(process, 'checks', 'review')).toBe('review');
    expect(targetFrom(process, 'checks.police.checking', 'checks.police')).toBe('#residence-permit.checks.police');
    const edges = readProcess(d).edges;
    expect(edges.find((e) => e.event === 'POLICE_REFUSE')).toMatchObject({ target: 'rejected', unresolved: false });
    expect(edges.find((e) => e.event === 'FAST_TRACK')).toMatchObject({ target: 'checks.housing', unresolved: false });
  });

  it('changes a nested transition and the join; removes the join, and refuses onDone on a state without children', () => {
    const d = run(checked,
      { name: 'set-transition', args: { at: { from: 'checks.police.checking', event: 'POLICE_OK' }, actions: ['notifyApplicant'] } },
      { name: 'set-on-done', args: { path: 'checks', transition: { target: 'chiefReview', actions: ['notifyApplicant'] } } },
    );
    expect(states(d).checks.states.police.states.checking.on.POLICE_OK).toEqual({ target: 'done', actions: ['notifyApplicant'] });
    expect(states(d).checks.onDone).toEqual({ target: 'chiefReview', actions: ['notifyApplicant'] });
    const none = run(checked, { name: 'remove-transition', args: { at: { from: 'checks', kind: 'onDone', event: '' } } });
    expect(states(none).checks.onDone).toBeUndefined();
    expect(problems(none)).toContain('process.no-way-to-finish /process/states/checks');
    refused(none, { name: 'set-on-done', args: { path: 'checks', transition: null } }, /"checks" has no onDone/);
    refused(wenzhou, { name: 'set-on-done', args: { path: 'review', transition: { target: 'approved' } } }, /only a compound or parallel state is done when its children are/);
  });

  it('renames an event of a nested state', () => {
    const d = run(checked, { name: 'rename-event', args: { from: 'checks.housing.checking', event: 'HOUSING_OK', to: 'HOUSING_CHECKED' } });
    expect(Object.keys(states(d).checks.states.housing.states.checking.on)).toEqual(['HOUSING_CHECKED']);
  });
});

describe('renaming and removing nested states', () => {
  // targets of every form into the housing region: by sibling name, by #id path, and `.child` from the region itself
  const wired = run(checked,
    { name: 'add-transition', args: { from: 'draft', event: 'FAST_TRACK', transition: { target: 'checks.housing.checking' } } },
    { name: 'add-transition', args: { from: 'checks.police.checking', event: 'HOUSING_FIRST', transition: { target: 'checks.housing' } } },
  );
  const withChild = (() => {
    const d = structuredClone(wired) as any;
    d.process.states.checks.states.housing.on = { RECHECK: '.checking' };
    return d as MatterDefinition;
  })();

  it('renames a region: sibling-relative, #id and .child targets into it follow; targets read from inside it stay', () => {
    const d = run(withChild, { name: 'rename-state', args: { path: 'checks.housing', to: 'homes' } });
    expect(Object.keys(states(d).checks.states)).toEqual(['police', 'homes']);
    expect(states(d).draft.on.FAST_TRACK).toBe('#residence-permit.checks.homes.checking');
    expect(states(d).checks.states.police.states.checking.on.HOUSING_FIRST).toBe('#residence-permit.checks.homes');
    expect(states(d).checks.states.homes.on.RECHECK).toBe('.checking');
    expect(states(d).checks.states.homes.states.checking.on.HOUSING_OK).toBe('done');
    expect(readProcess(d).edges.filter((e) => e.unresolved)).toEqual([]);
  });

  it('renames a nested initial child (its parent starts there still) and a parent (the #id paths through it follow)', () => {
    const d = run(withChild, { name: 'rename-state', args: { path: 'checks.housing.checking', to: 'inspecting' } });
    expect(states(d).checks.states.housing.initial).toBe('inspecting');
    expect(states(d).checks.states.housing.on.RECHECK).toBe('.inspecting');
    expect(states(d).draft.on.FAST_TRACK).toBe('#residence-permit.checks.housing.inspecting');
    const top = run(withChild, { name: 'rename-state', args: { path: 'checks', to: 'verification' } });
    expect(states(top).submitted.on.ACCEPT.target).toBe('verification');
    expect(states(top).draft.on.FAST_TRACK).toBe('#residence-permit.verification.housing.checking');
    expect(states(top).verification.states.police.states.checking.on.HOUSING_FIRST).toBe('#residence-permit.verification.housing');
    expect(problems(top).filter((p) => p.startsWith('process.target'))).toEqual([]);
    refused(checked, { name: 'rename-state', args: { path: 'checks.housing', to: 'police' } }, /a state "checks.police" exists already/);
  });

  it('removes a region with every transition into it from outside; the initial child goes only with another to start at', () => {
    const d = run(wired, { name: 'remove-state', args: { path: 'checks.housing' } });
    expect(Object.keys(states(d).checks.states)).toEqual(['police']);
    expect(states(d).draft.on.FAST_TRACK).toBeUndefined();
    expect(states(d).checks.states.police.states.checking.on).toEqual({ POLICE_OK: 'done' });
    refused(checked, { name: 'remove-state', args: { path: 'checks.police.checking' } }, /"checks.police.checking" is the initial state of "checks.police"/);
    refused(checked, { name: 'remove-state', args: { path: 'checks.police.checking', initial: 'checks.police.done' } }, /cannot start "checks.police" instead/);
    refused(checked, { name: 'remove-state', args: { path: 'checks.police.done', initial: 'checks.police.checking' } }, /is not the initial state/);
  });

  it('removes the events every state accepts that lead into a removed state (the emptied `on` of the process too)', () => {
    const d = structuredClone(checked) as any;
    d.process.on = { WITHDRAW: 'withdrawn', ABANDON: '#residence-permit.checks.police.done' };
    const after = run(d, { name: 'remove-state', args: { path: 'checks.police.done' } }, { name: 'remove-state', args: { path: 'withdrawn' } });
    expect(after.process.on).toBeUndefined();
    expect(Object.keys(states(after).checks.states.police.states)).toEqual(['checking']);
  });

  it("removes a state's last child: it is an atomic state again (no states, initial, type or onDone)", () => {
    const one = run(wenzhou, add('review.first', '初审', 'First review', 'approver'));
    const back = run(one, { name: 'remove-state', args: { path: 'review.first' } });
    expect(JSON.stringify(back)).toBe(JSON.stringify(wenzhou));
    const region = run(checked, { name: 'remove-state', args: { path: 'checks.housing' } }, { name: 'remove-state', args: { path: 'checks.police' } });
    expect(states(region).checks).toEqual({ meta: { role: 'approver', step: { zh: '并行核查', en: 'Parallel checks' } } });
  });
});
