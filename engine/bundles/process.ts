/**
 * One process for a bundle: each member's process as a region of one parallel state, joined when every region has
 * ended. Submitted once: the applicant fills one form and sends SUBMIT once, and every region starts at the step its
 * own submission led to (a member whose submission is guarded keeps its own draft step and takes the next SUBMIT).
 * Submitted separately: every region starts at its own draft and is submitted on its own (SUBMIT.key).
 *
 * Each region keeps its department's roles, named department-role (police-clerk), so each department's staff act
 * on their part in their own queue. A staff event is addressed to its region (ACCEPT.police): XState hands an event
 * to every region, and one department's acceptance must not accept another's part. The applicant's events are not
 * (submitted once, a SUBMIT answers every region waiting for a supplement, a WITHDRAW withdraws whatever waits on
 * the applicant).
 *
 * The documented rule for a member's rejection: it ends that member's region only. The other departments go on, each
 * approval issues that member's certificates, and the bundle is 办结 (outcome `completed`) when every member has
 * ended, each with its own outcome.
 */
import { isObject } from '../json/pointer.ts';
import type { BundleDefinition, LocalizedText, Process, ProcessState, Role, TransitionSpec } from '../model/index.ts';
import { wrapTransitions } from './conditions.ts';
import type { ComposeMember } from './form.ts';

export const applicantRole = 'applicant';

/** The composed process's id (a `#oneThing.members.key.state` target names a member's state). */
export const bundleProcessId = 'oneThing';

/** The parallel state whose regions are the members (`members.<key>` is a member's region). */
export const membersState = 'members';

/** The role a member's staff role becomes in the bundle: its department's (police-clerk); the applicant stays. */
export const bundleRole = (department: string, role: string): string => (role === applicantRole ? role : `${department}-${role}`);

/** A member's staff event as the bundle addresses it: ACCEPT.police. */
export const addressedEvent = (event: string, key: string): string => (event.includes('.') ? event : `${event}.${key}`);

export interface ComposedProcess {
  readonly process: Process;
  readonly roles: Role[];
  /** Times the applicant submits: once, plus each member whose own submission could not be folded into it. */
  readonly submissions: number;
}

const joinText = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ zh: `${a.zh}（${b.zh}）`, en: `${a.en} (${b.en})` });

// Every target of a transition list mapped by `to` (guards, actions and the rest unchanged).
function retarget(spec: TransitionSpec, to: (target: string) => string): TransitionSpec {
  const one = (t: unknown): unknown => (typeof t === 'string' ? to(t) : isObject(t) && typeof t.target === 'string' ? { ...t, target: to(t.target) } : t);
  return (Array.isArray(spec) ? spec.map(one) : one(spec)) as TransitionSpec;
}

// A simple submission: the initial state is an applicant's step whose SUBMIT goes to one state with no guard.
function simpleSubmit(process: Process): { target: string; actions: string[] } | undefined {
  const initial = process.states[process.initial];
  if (!initial || initial.type !== undefined || initial.states || initial.always || initial.after) return undefined;
  if (initial.meta?.role !== applicantRole) return undefined;
  const submit = initial.on?.SUBMIT;
  if (typeof submit === 'string') return { target: submit, actions: [] };
  if (isObject(submit) && !Array.isArray(submit) && submit.guard === undefined && typeof submit.target === 'string') return { target: submit.target, actions: submit.actions ?? [] };
  return undefined;
}

// The region's states a case can reach from its first one (the member's draft gone, a state only it led to goes too:
// e.g. withdrawn, when only the draft could withdraw). Targets here are sibling names, possibly with a child path.
function reachable(states: Record<string, ProcessState>, initial: string, rootOn: Process['on']): Record<string, ProcessState> {
  const seen = new Set<string>([initial]);
  const queue = [initial];
  const visit = (spec: unknown): void => {
    if (typeof spec === 'string') {
      const name = spec.split('.')[0]!;
      if (Object.hasOwn(states, name) && !seen.has(name)) {
        seen.add(name);
        queue.push(name);
      }
    } else if (Array.isArray(spec)) spec.forEach(visit);
    else if (isObject(spec)) visit(spec.target);
  };
  const walk = (state: ProcessState): void => {
    for (const spec of Object.values(state.on ?? {})) visit(spec);
    for (const spec of Object.values(state.after ?? {})) visit(spec);
    if (state.always) visit(state.always);
    if (state.onDone) visit(state.onDone);
    for (const child of Object.values(state.states ?? {})) walk(child as ProcessState);
  };
  for (const spec of Object.values(rootOn ?? {})) visit(spec);
  // (a member whose own process is unsound — its initial state missing, say — is reported on the member itself)
  while (queue.length > 0) {
    const next = states[queue.shift()!];
    if (next) walk(next);
  }
  return Object.fromEntries(Object.entries(states).filter(([name]) => seen.has(name)));
}

function region(member: ComposeMember, department: string, separate: boolean, folded: boolean, roleNames: Map<string, LocalizedText>): ProcessState {
  const { key, definition } = member;
  const roleName = new Map(definition.roles.map((r) => [r.id, r.name]));
  const departmentName = definition.department.name;
  // a target by the member process's id (#process.review) names the same state inside the region
  const byId = `#${definition.process.id}.`;
  const inRegion = (t: string) => (t.startsWith(byId) ? `#${bundleProcessId}.${membersState}.${key}.${t.slice(byId.length)}` : t);
  const moved = (spec: TransitionSpec) => retarget(wrapTransitions(key, spec), inRegion);
  const state = (s: ProcessState, inherited: string | undefined): ProcessState => {
    const own = s.meta?.role;
    const role = own ?? inherited;
    const out: ProcessState = { ...s };
    if (own !== undefined) {
      const qualified = bundleRole(department, own);
      out.meta = { ...s.meta, role: qualified };
      if (!roleNames.has(qualified)) roleNames.set(qualified, own === applicantRole ? (roleName.get(own) ?? { zh: '申请人', en: 'Applicant' }) : joinText(roleName.get(own) ?? { zh: own, en: own }, departmentName));
    }
    const addressed = separate || role !== applicantRole;
    if (s.on) out.on = Object.fromEntries(Object.entries(s.on).map(([event, spec]) => [addressed ? addressedEvent(event, key) : event, moved(spec as TransitionSpec)]));
    if (s.after) out.after = Object.fromEntries(Object.entries(s.after).map(([delay, spec]) => [delay, moved(spec as TransitionSpec)]));
    if (s.always) out.always = moved(s.always);
    if (s.onDone) out.onDone = moved(s.onDone);
    if (s.states) out.states = Object.fromEntries(Object.entries(s.states).map(([n, c]) => [n, state(c as ProcessState, role)]));
    return out;
  };
  const simple = folded ? simpleSubmit(definition.process) : undefined;
  // (the member's draft, folded into the bundle's, stays only if a later step leads back to it: reachable() decides)
  const states = Object.fromEntries(Object.entries(definition.process.states).map(([name, s]) => [name, state(s as ProcessState, undefined)]));
  const initial = simple ? simple.target : definition.process.initial;
  const out: ProcessState = { initial, states: reachable(states, initial, definition.process.on), meta: { step: definition.title } };
  // events the member accepts in every state (WITHDRAW) are the region's: a state's own transition still wins
  // (a root-level target names a state of the process's top level: a child of the region now, `.name`)
  if (definition.process.on) {
    const child = (t: string) => (t.startsWith('#') || t.startsWith('.') ? inRegion(t) : `.${t}`);
    out.on = Object.fromEntries(Object.entries(definition.process.on).map(([event, spec]) => [separate ? addressedEvent(event, key) : event, retarget(wrapTransitions(key, spec as TransitionSpec), child)]));
  }
  return out;
}

export function composeProcess(bundle: BundleDefinition, members: readonly ComposeMember[]): ComposedProcess {
  const separate = bundle.submission === 'separate';
  const roleNames = new Map<string, LocalizedText>();
  roleNames.set(applicantRole, members[0]?.definition.roles.find((r) => r.id === applicantRole)?.name ?? { zh: '申请人', en: 'Applicant' });
  const regions: Record<string, ProcessState> = {};
  const submitActions = new Set<string>();
  let submissions = separate ? members.length : 1;
  members.forEach((m, i) => {
    const simple = separate ? undefined : simpleSubmit(m.definition.process);
    if (!separate && !simple) submissions++;
    for (const a of simple?.actions ?? []) submitActions.add(a);
    regions[m.key] = region(m, bundle.members[i]!.department, separate, !separate, roleNames);
  });
  const joined: Record<string, ProcessState> = {
    [membersState]: { type: 'parallel', states: regions, onDone: 'completed', meta: { step: { zh: '并联办理', en: 'Departments in parallel' } } },
    completed: { type: 'final', meta: { outcome: 'completed', step: { zh: '办结', en: 'Completed' } } },
  };
  const process: Process = separate
    ? { id: bundleProcessId, initial: membersState, states: joined }
    : {
        id: bundleProcessId,
        initial: 'draft',
        states: {
          draft: {
            meta: { role: applicantRole, step: { zh: '一表申请', en: 'One application' } },
            on: { SUBMIT: submitActions.size > 0 ? { target: membersState, actions: [...submitActions] } : membersState, WITHDRAW: 'withdrawn' },
          },
          ...joined,
          withdrawn: { type: 'final', meta: { outcome: 'withdrawn', step: { zh: '已撤回', en: 'Withdrawn' } } },
        },
      };
  const roles: Role[] = [...roleNames].map(([id, name]) => ({ id, name }));
  return { process, roles, submissions };
}
