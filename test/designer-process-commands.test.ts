/**
 * The process designer's model without a browser: the process read as nodes and edges, and the commands that edit it
 * — each with an exact inverse (undo gives back the identical definition, key order included), redoable and
 * replayable from its log as JSON — and the edits each refuses, with the reason. Drawn from the residence permit's
 * Wenzhou variant, whose roles include the section chief.
 */
import { describe, expect, it } from 'vitest';
import { knownActions, knownGuards, type MatterDefinition } from '../engine/index.ts';
import { resolvePointer } from '../engine/json/pointer.ts';
import { CommandError, type Command } from '../designer/model/commands/index.ts';
import { execute, initialState } from '../designer/model/editor.ts';
import { anyState, edgeLabel, freshStateName, readProcess, selectedOf } from '../designer/model/process.ts';
import { sectionOf } from '../designer/views/selection.ts';
import { matters, problemsInCatalogue } from './support/catalogue.ts';
import { runCommands, text } from './support/commands.ts';

const permit = matters().find((m) => m.id === '330000-GA-0101')!;
const wenzhou = permit.variants.find((v) => v.region?.code === '330300')!;
const at = (d: MatterDefinition, pointer: string) => resolvePointer(d, pointer) as any;
const states = (d: MatterDefinition) => d.process.states as Record<string, any>;

const run = runCommands;
const refused = (definition: MatterDefinition, command: Command, reason: RegExp) => {
  expect(() => execute(initialState(definition), command)).toThrow(CommandError);
  expect(() => execute(initialState(definition), command)).toThrow(reason);
};

const secondReview: Command = { name: 'add-state', args: { path: 'secondReview', role: 'sectionChief', step: { zh: '复核', en: 'Second review' } } };
const problemCodes = (d: MatterDefinition) => problemsInCatalogue('definitions/matters/residence-permit/wenzhou.json', d).map((p) => `${p.code} ${p.pointer}`);

describe('the process as a graph', () => {
  it('reads states as nodes (step, role, final and outcome, initial) and transitions as edges', () => {
    const graph = readProcess(wenzhou);
    expect(graph.initial).toBe('draft');
    expect(graph.nodes.map((n) => n.id)).toEqual(['draft', 'submitted', 'supplement', 'review', 'chiefReview', 'approved', 'rejected', 'withdrawn']);
    expect(graph.nodes.find((n) => n.id === 'chiefReview')).toMatchObject({ role: 'sectionChief', step: { zh: '科室负责人审批', en: 'Section-chief approval' }, final: false, initial: false, pointer: '/process/states/chiefReview' });
    expect(graph.nodes.find((n) => n.id === 'approved')).toMatchObject({ final: true, outcome: 'approved', role: undefined });
    expect(graph.nodes.find((n) => n.id === 'draft')!.initial).toBe(true);
    expect(graph.edges.filter((e) => e.from === 'draft').map((e) => [e.event, e.target, e.shorthand, e.id])).toEqual([
      ['SUBMIT', 'submitted', true, '/process/states/draft/on/SUBMIT'],
      ['WITHDRAW', 'withdrawn', true, '/process/states/draft/on/WITHDRAW'],
    ]);
    expect(graph.edges.find((e) => e.from === 'review' && e.event === 'APPROVE')).toMatchObject({ target: 'chiefReview', actions: ['recordDecision', 'notifyApplicant'], guard: undefined, index: undefined, shorthand: false });
  });

  it('reads alternatives by index, delays, eventless transitions, parameterised guards and events every state accepts', () => {
    const d = structuredClone(wenzhou) as any;
    d.process.states.submitted.on.ACCEPT = [{ target: 'review', guard: 'materialsComplete' }, 'supplement'];
    d.process.states.supplement.after = { P30D: { target: 'withdrawn', actions: ['notifyApplicant'] } };
    d.process.states.review.always = [{ target: 'approved', guard: { type: 'olderThan', params: { field: '/residence/since', duration: 'P6M' } } }];
    d.process.on = { WITHDRAW: 'withdrawn' };
    const edges = readProcess(d).edges;
    expect(edges.filter((e) => e.from === 'submitted' && e.event === 'ACCEPT').map((e) => [e.id, e.index, edgeLabel(e)])).toEqual([
      ['/process/states/submitted/on/ACCEPT/0', 0, 'ACCEPT [materialsComplete]'],
      ['/process/states/submitted/on/ACCEPT/1', 1, 'ACCEPT'],
    ]);
    expect(edges.find((e) => e.kind === 'after')).toMatchObject({ id: '/process/states/supplement/after/P30D', event: 'P30D', target: 'withdrawn' });
    expect(edgeLabel(edges.find((e) => e.kind === 'after')!)).toBe('after P30D');
    expect(edgeLabel(edges.find((e) => e.kind === 'always')!)).toBe('always [olderThan(/residence/since, P6M)]');
    expect(edges.at(-1)).toMatchObject({ from: anyState, id: '/process/on/WITHDRAW', target: 'withdrawn' });
  });

  it('selects the transition or state a pointer is inside, and the editor shows /process pointers in the process section', () => {
    const graph = readProcess(wenzhou);
    expect(selectedOf(graph, '/process/states/review/on/APPROVE/actions/0').edge?.id).toBe('/process/states/review/on/APPROVE');
    expect(selectedOf(graph, '/process/states/review/meta/role').node?.id).toBe('review');
    expect(selectedOf(graph, '/materials/0')).toEqual({});
    expect(sectionOf('/process/states/review/meta/role')).toBe('process');
    expect(sectionOf('/process')).toBe('process');
    expect(freshStateName(wenzhou, 'review')).toBe('review2');
  });
});

describe('state commands', () => {
  it('adds a state with its role and step name; the validator then finds it unreachable and stuck', () => {
    const d = run(wenzhou, secondReview);
    expect(states(d).secondReview).toEqual({ meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' } } });
    expect(Object.keys(states(d)).at(-1)).toBe('secondReview');
    expect(problemCodes(wenzhou)).toEqual([]);
    expect(problemCodes(d)).toEqual(['process.unreachable /process/states/secondReview']);
    const state = execute(initialState(wenzhou), secondReview);
    expect(state.selection).toBe('/process/states/secondReview');
    expect(state.done.at(-1)!.label).toEqual({ zh: '添加环节「复核」', en: 'add step Second review' });
  });

  it('refuses a taken or malformed name, an undeclared role and an empty step name', () => {
    refused(wenzhou, { name: 'add-state', args: { path: 'review', step: { zh: '审核', en: 'Review' } } }, /a state "review" exists already/);
    refused(wenzhou, { name: 'add-state', args: { path: 'second review', step: { zh: '复核', en: 'Second review' } } }, /not a state name/);
    refused(wenzhou, { name: 'add-state', args: { path: 'x', role: 'mayor', step: { zh: '复核', en: 'Second review' } } }, /"mayor" is not one of the definition's roles \(applicant, clerk, approver, sectionChief\)/);
    refused(wenzhou, { name: 'add-state', args: { path: 'x', step: { zh: ' ', en: 'Second review' } } }, /step name is needed/);
  });

  it('removes a state with every transition into it (an emptied event map goes too)', () => {
    const d = run(wenzhou, { name: 'remove-state', args: { path: 'chiefReview' } });
    expect(states(d).chiefReview).toBeUndefined();
    expect(states(d).review.on).toEqual({ REJECT: { target: 'rejected', actions: ['recordDecision', 'notifyApplicant'] } });
    // withdrawn: the draft's and the supplement's WITHDRAW go, each state keeping its SUBMIT
    const w = run(wenzhou, { name: 'remove-state', args: { path: 'withdrawn' } });
    expect(states(w).draft.on).toEqual({ SUBMIT: 'submitted' });
    expect(states(w).supplement.on).toEqual({ SUBMIT: 'submitted' });
    // a state whose only transitions went into it loses its `on`
    const only = run(run(wenzhou, secondReview, { name: 'add-transition', args: { from: 'secondReview', event: 'PASS', transition: { target: 'approved' } } }), { name: 'remove-state', args: { path: 'approved' } });
    expect(states(only).secondReview).toEqual({ meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' } } });
  });

  it('removes the alternatives into it and keeps the rest (one left is written alone)', () => {
    const d = structuredClone(wenzhou) as any;
    d.process.states.submitted.on.ACCEPT = [{ target: 'review', guard: 'materialsComplete' }, 'supplement'];
    const after = run(d, { name: 'remove-state', args: { path: 'supplement' } });
    expect(states(after).submitted.on.ACCEPT).toEqual({ target: 'review', guard: 'materialsComplete' });
    expect(states(after).submitted.on.REQUEST_SUPPLEMENT).toBeUndefined();
  });

  it('refuses removing the initial state unless another is chosen to start the process', () => {
    refused(wenzhou, { name: 'remove-state', args: { path: 'draft' } }, /"draft" is the initial state: choose the state that starts the process instead/);
    refused(wenzhou, { name: 'remove-state', args: { path: 'draft', initial: 'draft' } }, /cannot start the process instead/);
    refused(wenzhou, { name: 'remove-state', args: { path: 'review', initial: 'submitted' } }, /"review" is not the initial state/);
    refused(wenzhou, { name: 'remove-state', args: { path: 'nowhere' } }, /there is no state "nowhere"/);
    const d = run(wenzhou, { name: 'remove-state', args: { path: 'draft', initial: 'submitted' } });
    expect(d.process.initial).toBe('submitted');
  });

  it('renames a state: every target and the initial state follow, its position stays', () => {
    const d = run(wenzhou, { name: 'rename-state', args: { path: 'submitted', to: 'accepting' } });
    expect(Object.keys(states(d))).toEqual(['draft', 'accepting', 'supplement', 'review', 'chiefReview', 'approved', 'rejected', 'withdrawn']);
    expect(states(d).draft.on.SUBMIT).toBe('accepting');
    expect(states(d).supplement.on.SUBMIT).toBe('accepting');
    const r = run(wenzhou, { name: 'rename-state', args: { path: 'draft', to: 'application' } }, { name: 'rename-state', args: { path: 'chiefReview', to: 'chief' } });
    expect(r.process.initial).toBe('application');
    expect(states(r).review.on.APPROVE.target).toBe('chief');
    expect(problemCodes(r)).toEqual([]);
    refused(wenzhou, { name: 'rename-state', args: { path: 'draft', to: 'review' } }, /a state "review" exists already/);
    refused(wenzhou, { name: 'rename-state', args: { path: 'draft', to: 'a.b' } }, /not a state name/);
  });

  it('sets the role and the step name; refuses a role the definition does not declare', () => {
    const d = run(wenzhou, { name: 'set-state-role', args: { path: 'review', role: 'sectionChief' } }, { name: 'set-state-step', args: { path: 'review', step: { zh: '初审', en: 'First review' } } });
    expect(states(d).review.meta).toEqual({ role: 'sectionChief', step: { zh: '初审', en: 'First review' } });
    const none = run(wenzhou, { name: 'set-state-role', args: { path: 'review', role: undefined } });
    expect(states(none).review.meta).toEqual({ step: { zh: '审核', en: 'Review' } });
    expect(problemCodes(none)).toEqual(['process.role-missing /process/states/review/meta']);
    const back = run(none, { name: 'set-state-role', args: { path: 'review', role: 'approver' } });
    expect(states(back).review.meta).toEqual({ role: 'approver', step: { zh: '审核', en: 'Review' } });
    refused(wenzhou, { name: 'set-state-role', args: { path: 'review', role: 'inspector' } }, /"inspector" is not one of the definition's roles/);
    refused(wenzhou, { name: 'set-state-step', args: { path: 'review', step: { zh: '初审', en: '' } } }, /step name is needed/);
  });

  it('makes a state final with its outcome, and a step again; refuses one with transitions, or the initial one', () => {
    const d = run(wenzhou, secondReview, { name: 'set-state-final', args: { path: 'secondReview', final: true, outcome: 'rejected' } });
    expect(states(d).secondReview).toEqual({ type: 'final', meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' }, outcome: 'rejected' } });
    const again = run(d, { name: 'set-state-final', args: { path: 'secondReview', final: false } });
    expect(states(again).secondReview).toEqual({ meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' } } });
    refused(wenzhou, { name: 'set-state-final', args: { path: 'review', final: true, outcome: 'approved' } }, /has 2 transition\(s\) leaving it/);
    refused(wenzhou, { name: 'set-state-final', args: { path: 'review', final: true } }, /says how the case ends/);
    const start = run(wenzhou, secondReview, { name: 'set-initial', args: { path: 'secondReview' } });
    refused(start, { name: 'set-state-final', args: { path: 'secondReview', final: true, outcome: 'approved' } }, /starts the process/);
  });

  it('sets the initial state; refuses a final one', () => {
    const d = run(wenzhou, { name: 'set-initial', args: { path: 'submitted' } });
    expect(d.process.initial).toBe('submitted');
    expect(problemCodes(d)).toEqual(['process.unreachable /process/states/draft']);
    refused(wenzhou, { name: 'set-initial', args: { path: 'approved' } }, /"approved" is final/);
  });
});

describe('transition commands', () => {
  it("adds a second review: the section chief's step, the acceptance re-routed through it, sound again", () => {
    const d = run(wenzhou,
      secondReview,
      { name: 'add-transition', args: { from: 'secondReview', event: 'APPROVE', transition: { target: 'review', actions: ['notifyApplicant'] } } },
      { name: 'add-transition', args: { from: 'secondReview', event: 'REJECT', transition: { target: 'rejected', actions: ['recordDecision', 'notifyApplicant'] } } },
      { name: 'set-transition', args: { at: { from: 'submitted', event: 'ACCEPT' }, target: 'secondReview' } },
    );
    expect(states(d).submitted.on.ACCEPT).toEqual({ target: 'secondReview', actions: ['notifyApplicant'] });
    expect(states(d).secondReview.on).toEqual({ APPROVE: { target: 'review', actions: ['notifyApplicant'] }, REJECT: { target: 'rejected', actions: ['recordDecision', 'notifyApplicant'] } });
    expect(problemCodes(d)).toEqual([]);
  });

  it('adds alternatives to an event as a list, a shorthand when there is no guard or action, and delays', () => {
    const d = run(wenzhou,
      { name: 'add-transition', args: { from: 'submitted', event: 'ACCEPT', transition: { target: 'chiefReview', guard: 'needsOnsiteCheck' } } },
      { name: 'add-transition', args: { from: 'review', event: 'ESCALATE', transition: { target: 'chiefReview' } } },
      { name: 'add-transition', args: { from: 'supplement', kind: 'after', event: 'P30D', transition: { target: 'withdrawn', actions: ['notifyApplicant'] } } },
    );
    expect(states(d).submitted.on.ACCEPT).toEqual([{ target: 'review', actions: ['notifyApplicant'] }, { target: 'chiefReview', guard: 'needsOnsiteCheck' }]);
    expect(states(d).review.on.ESCALATE).toBe('chiefReview');
    expect(states(d).supplement.after).toEqual({ P30D: { target: 'withdrawn', actions: ['notifyApplicant'] } });
    expect(execute(initialState(wenzhou), { name: 'add-transition', args: { from: 'submitted', event: 'ACCEPT', transition: { target: 'review' } } }).selection).toBe('/process/states/submitted/on/ACCEPT/1');
  });

  it('refuses a malformed event or delay, a missing target, unknown guards and actions, and leaving a final state', () => {
    const add = (args: any): Command => ({ name: 'add-transition', args });
    refused(wenzhou, add({ from: 'review', event: 'approve', transition: { target: 'approved' } }), /"approve" is not an event name/);
    refused(wenzhou, add({ from: 'review', event: 'xstate.init', transition: { target: 'approved' } }), /not an event name/);
    refused(wenzhou, add({ from: 'review', kind: 'after', event: '30 days', transition: { target: 'approved' } }), /"30 days" is not a delay/);
    refused(wenzhou, add({ from: 'review', event: 'GO', transition: { target: 'nowhere' } }), /there is no state "nowhere"/);
    refused(wenzhou, add({ from: 'review', event: 'GO', transition: { target: 'approved', guard: 'isMonday' } }), /"isMonday" is not a guard the runtime knows/);
    refused(wenzhou, add({ from: 'review', event: 'GO', transition: { target: 'approved', actions: ['sendFax'] } }), /"sendFax" is not an action the runtime knows/);
    refused(wenzhou, add({ from: 'approved', event: 'GO', transition: { target: 'review' } }), /"approved" is final/);
    expect(knownGuards.map((g) => g.name)).toContain('needsOnsiteCheck'); // what the form offers
    expect(knownActions.map((a) => a.name)).toContain('notifyApplicant');
  });

  it('changes target, guard and actions; an emptied shorthand-able transition keeps its object form', () => {
    const d = run(wenzhou,
      { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, guard: 'materialsComplete' } },
      { name: 'set-transition', args: { at: { from: 'review', event: 'APPROVE' }, actions: ['recordDecision'], target: 'approved' } },
    );
    expect(states(d).draft.on.SUBMIT).toEqual({ target: 'submitted', guard: 'materialsComplete' });
    expect(states(d).review.on.APPROVE).toEqual({ target: 'approved', actions: ['recordDecision'] });
    const cleared = run(d, { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, guard: null } });
    expect(states(cleared).draft.on.SUBMIT).toEqual({ target: 'submitted' });
    refused(wenzhou, { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, guard: 'isMonday' } }, /not a guard the runtime knows/);
    refused(wenzhou, { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, target: 'nowhere' } }, /there is no state "nowhere"/);
    refused(wenzhou, { name: 'set-transition', args: { at: { from: 'draft', event: 'APPROVE' }, target: 'review' } }, /state "draft" has no transition APPROVE/);
  });

  it('sets a guard over the case data (a condition, a verified date older than a duration) that validates, and refuses other shapes', () => {
    const older = { type: 'olderThan' as const, params: { field: '/residence/registrationDate', duration: 'P6M', verified: true } };
    const matches = { type: 'dataMatches' as const, params: { when: { properties: { residence: { properties: { reason: { const: '就业' } } } } } } };
    const d = run(wenzhou,
      { name: 'set-transition', args: { at: { from: 'submitted', event: 'ACCEPT' }, guard: older } },
      { name: 'set-transition', args: { at: { from: 'submitted', event: 'REJECT' }, guard: matches } },
    );
    expect(states(d).submitted.on.ACCEPT.guard).toEqual(older);
    expect(states(d).submitted.on.REJECT.guard).toEqual(matches);
    expect(problemsInCatalogue('definitions/matters/residence-permit/wenzhou.json', d).filter((p) => p.pointer.startsWith('/process/states/submitted'))).toEqual([]);
    refused(wenzhou, { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, guard: { type: 'isMonday', params: {} } as never } }, /guard with parameters/);
    refused(wenzhou, { name: 'set-transition', args: { at: { from: 'draft', event: 'SUBMIT' }, guard: { type: 'olderThan' } as never } }, /guard with parameters/);
  });

  it('keeps a parameterised guard when only the target changes', () => {
    const d = structuredClone(wenzhou) as any;
    const older = { type: 'olderThan', params: { field: '/residence/since', duration: 'P6M' } };
    d.process.states.submitted.on.ACCEPT = { target: 'review', guard: older, actions: ['notifyApplicant'] };
    const after = run(d, { name: 'set-transition', args: { at: { from: 'submitted', event: 'ACCEPT' }, target: 'chiefReview' } });
    expect(states(after).submitted.on.ACCEPT).toEqual({ target: 'chiefReview', guard: older, actions: ['notifyApplicant'] });
  });

  it('removes a transition (the emptied map goes; one alternative left is written alone); refuses one that is not there', () => {
    const d = run(wenzhou, { name: 'remove-transition', args: { at: { from: 'draft', event: 'WITHDRAW' } } }, { name: 'remove-transition', args: { at: { from: 'draft', event: 'SUBMIT' } } });
    expect(states(d).draft).toEqual({ meta: { role: 'applicant', step: { zh: '填写申请', en: 'Application' } } });
    const two = structuredClone(wenzhou) as any;
    two.process.states.submitted.on.ACCEPT = [{ target: 'review', guard: 'materialsComplete' }, 'supplement'];
    const one = run(two, { name: 'remove-transition', args: { at: { from: 'submitted', event: 'ACCEPT', index: 0 } } });
    expect(states(one).submitted.on.ACCEPT).toBe('supplement');
    refused(two, { name: 'remove-transition', args: { at: { from: 'submitted', event: 'ACCEPT' } } }, /has 2 alternatives: give an index/);
    refused(wenzhou, { name: 'remove-transition', args: { at: { from: 'draft', event: 'SUBMIT', index: 3 } } }, /no transition SUBMIT #3/);
    const delayed = run(wenzhou, { name: 'add-transition', args: { from: 'supplement', kind: 'after', event: 'P30D', transition: { target: 'withdrawn' } } });
    expect(states(run(delayed, { name: 'remove-transition', args: { at: { from: 'supplement', kind: 'after', event: 'P30D' } } })).supplement.after).toBeUndefined();
  });

  it('renames an event in one state or in all, keeping its position; refuses a clash and a malformed name', () => {
    const one = run(wenzhou, { name: 'rename-event', args: { from: 'review', event: 'APPROVE', to: 'PASS' } });
    expect(Object.keys(states(one).review.on)).toEqual(['PASS', 'REJECT']);
    expect(Object.keys(states(one).chiefReview.on)).toEqual(['APPROVE', 'REJECT']);
    const all = run(wenzhou, { name: 'rename-event', args: { event: 'REJECT', to: 'REFUSE' } });
    expect(readProcess(all).edges.filter((e) => e.event === 'REFUSE').map((e) => e.from)).toEqual(['submitted', 'review', 'chiefReview']);
    refused(wenzhou, { name: 'rename-event', args: { from: 'review', event: 'APPROVE', to: 'REJECT' } }, /state "review" has an event REJECT already/);
    refused(wenzhou, { name: 'rename-event', args: { from: 'review', event: 'APPROVE', to: 'pass' } }, /not an event name/);
    refused(wenzhou, { name: 'rename-event', args: { from: 'review', event: 'SUBMIT', to: 'SEND' } }, /state "review" has no event SUBMIT/);
    expect(at(all, '/process/states/submitted/on/REFUSE/target')).toBe('rejected');
  });
});
