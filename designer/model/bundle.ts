/**
 * The bundle editor's model (一件事): a bundle definition being edited, its history, and what it composes into. As in
 * the matter editor (editor.ts), a command is data — `{ name, args }` — planned as ops against the bundle and recorded
 * as a transaction with its inverse, so undo and redo are the ops again. `composeBundle` is the live view every
 * edit recomputes: the members resolved among the definitions loaded so far, the engine's compose() (one form, one
 * process, one material list), its problems pointed into the bundle, and the saving. Nothing here knows React.
 */
import { bundleSaving, compose, resolveMembers, type BundleDefinition, type BundleSaving, type Composition, type LocalizedText, type Loaded, type MatterDefinition, type Problem } from '../../engine/index.ts';
import { jsonEqual } from '../../engine/json/equal.ts';
import { escapeToken, isObject, join, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import { applyOps, type Op } from './patch.ts';
import type { Transaction } from './transaction.ts';

type Event = BundleDefinition['event'];
type Submission = BundleDefinition['submission'];

/** The national life-cycle vocabulary (国办发〔2025〕24号), by event type. */
export const eventsOf: Readonly<Record<BundleDefinition['eventType'], readonly Event[]>> = {
  life: ['birth', 'education', 'employment', 'living', 'housing', 'travel', 'medical-care', 'assistance', 'elderly-care', 'after-death'],
  business: ['market-entry', 'recruitment', 'tax-payment', 'operation', 'construction', 'exit'],
};

const identifier = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const catalogueCode = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** Every command of the bundle editor, as data. */
export type BundleCommand =
  | { readonly name: 'set-bundle-value'; readonly args: { readonly pointer: string; readonly value: unknown } }
  | { readonly name: 'set-event'; readonly args: { readonly eventType: BundleDefinition['eventType']; readonly event?: Event } }
  | { readonly name: 'add-member'; readonly args: { readonly key: string; readonly matter: { readonly id: string; readonly version?: string }; readonly department: string; readonly index?: number } }
  | { readonly name: 'remove-member'; readonly args: { readonly index: number } }
  | { readonly name: 'move-member'; readonly args: { readonly from: number; readonly to: number } }
  | { readonly name: 'set-member-key'; readonly args: { readonly index: number; readonly key: string } }
  | { readonly name: 'set-member-department'; readonly args: { readonly index: number; readonly department: string } }
  | { readonly name: 'add-fact'; readonly args: { readonly fields: readonly { readonly member: string; readonly field: string }[]; readonly id?: string } }
  | { readonly name: 'remove-fact'; readonly args: { readonly index: number } }
  | { readonly name: 'set-submission'; readonly args: { readonly submission: Submission } }
  | { readonly name: 'set-promised-days'; readonly args: { readonly days: number } }
  | { readonly name: 'set-visits'; readonly args: { readonly visits: number } };

/** A command that does not apply to the current bundle (a key taken, a member that is gone…). */
export class BundleCommandError extends Error {
  constructor(readonly command: string, message: string) {
    super(`${command}: ${message}`);
    this.name = 'BundleCommandError';
  }
}

interface Plan {
  readonly ops: readonly Op[];
  readonly label: LocalizedText;
  readonly select?: string;
}

const fail = (command: string, message: string): never => {
  throw new BundleCommandError(command, message);
};
const facts = (b: BundleDefinition) => b.facts ?? [];
const memberAt = (b: BundleDefinition, index: number, command: string) => b.members[index] ?? fail(command, `no member ${index}`);
const checkKey = (b: BundleDefinition, key: string, command: string, except?: number) => {
  if (!identifier.test(key)) fail(command, `"${key}" is not a key: a letter, then letters, digits, _ or -`);
  if (b.members.some((m, i) => i !== except && m.key === key)) fail(command, `the key "${key}" is taken`);
};
const checkDepartment = (department: string, command: string) => {
  if (!identifier.test(department)) fail(command, `"${department}" is not a department id: a letter, then letters, digits, _ or -`);
};
// where a new top-level member goes: after `after` when the bundle has it, else last
const topIndex = (b: BundleDefinition, after: string) => {
  const keys = Object.keys(b);
  const i = keys.indexOf(after);
  return i < 0 ? keys.length : i + 1;
};

const plans: { [K in BundleCommand['name']]: (b: BundleDefinition, args: Extract<BundleCommand, { name: K }>['args']) => Plan } = {
  'set-bundle-value'(b, { pointer, value }) {
    const tokens = parsePointer(pointer);
    if (!tokens || tokens.length === 0) fail('set-bundle-value', `"${pointer}" does not point into the bundle`);
    const label = { zh: `修改 ${pointer}`, en: `change ${pointer}` };
    const current = resolvePointer(b, pointer);
    if (value === undefined) return { ops: current === undefined ? [] : [{ op: 'delete', path: pointer }], label };
    if (current !== undefined && jsonEqual(current, value)) return { ops: [], label };
    // the first missing object on the way is set whole (a summary's English beside a missing Chinese one)
    let path = '';
    for (let i = 0; i < tokens!.length; i++) {
      const next = `${path}/${escapeToken(tokens![i]!)}`;
      if (i === tokens!.length - 1 || resolvePointer(b, next) === undefined) {
        if (!isObject(resolvePointer(b, path))) fail('set-bundle-value', `${path || '/'} cannot hold ${tokens![i]}`);
        const rest = tokens!.slice(i + 1).reduceRight<unknown>((inner, token) => ({ [token]: inner }), value);
        return { ops: [{ op: 'set', path: next, value: rest }], label, select: pointer };
      }
      path = next;
    }
    return fail('set-bundle-value', 'unreachable');
  },

  'set-event'(b, { eventType, event }) {
    const allowed = eventsOf[eventType] ?? fail('set-event', `no event type "${eventType}"`);
    // a change of type keeps the event when it belongs to the new type, else takes the type's first
    const next = event ?? (allowed.includes(b.event) ? b.event : allowed[0]!);
    if (!allowed.includes(next)) fail('set-event', `"${next}" is not an event of type ${eventType}`);
    const ops: Op[] = [];
    if (b.eventType !== eventType) ops.push({ op: 'set', path: '/eventType', value: eventType });
    if (b.event !== next) ops.push({ op: 'set', path: '/event', value: next });
    return { ops, label: { zh: `事件：${next}`, en: `event: ${next}` }, select: '/event' };
  },

  'add-member'(b, { key, matter, department, index }) {
    checkKey(b, key, 'add-member');
    checkDepartment(department, 'add-member');
    if (!catalogueCode.test(matter.id)) fail('add-member', `"${matter.id}" is not a matter id`);
    if (b.members.some((m) => m.matter.id === matter.id)) fail('add-member', `matter ${matter.id} is a member already`);
    if (b.members.length >= 20) fail('add-member', 'a bundle has at most 20 members');
    const at = index ?? b.members.length;
    if (!Number.isInteger(at) || at < 0 || at > b.members.length) fail('add-member', `no place ${at}`);
    const value = { key, matter: { id: matter.id, ...(matter.version ? { version: matter.version } : {}) }, department };
    return { ops: [{ op: 'insert', path: '/members', index: at, value }], label: { zh: `添加成员事项 ${key}`, en: `add member ${key}` }, select: join('/members', at) };
  },

  'remove-member'(b, { index }) {
    const { key } = memberAt(b, index, 'remove-member');
    // its fields leave the facts; a fact left with one field is no fact
    const ops: Op[] = [];
    const list = facts(b);
    const left = list.filter((f) => f.fields.filter((x) => x.member !== key).length >= 2);
    if (list.length > 0 && left.length === 0) ops.push({ op: 'delete', path: '/facts' });
    else {
      for (let i = list.length - 1; i >= 0; i--) {
        const fields = list[i]!.fields.filter((f) => f.member !== key);
        if (fields.length === list[i]!.fields.length) continue;
        ops.push(fields.length < 2 ? { op: 'remove', path: '/facts', index: i } : { op: 'set', path: join('/facts', i, 'fields'), value: fields });
      }
    }
    ops.push({ op: 'remove', path: '/members', index });
    return { ops, label: { zh: `移除成员事项 ${key}`, en: `remove member ${key}` } };
  },

  'move-member'(b, { from, to }) {
    const { key } = memberAt(b, from, 'move-member');
    memberAt(b, to, 'move-member');
    return { ops: from === to ? [] : [{ op: 'move', path: '/members', from, to }], label: { zh: `移动成员事项 ${key}`, en: `move member ${key}` }, select: join('/members', to) };
  },

  'set-member-key'(b, { index, key }) {
    const member = memberAt(b, index, 'set-member-key');
    const label = { zh: `成员标识 ${member.key} → ${key}`, en: `member key ${member.key} → ${key}` };
    if (member.key === key) return { ops: [], label };
    checkKey(b, key, 'set-member-key', index);
    // the facts follow the key
    const ops: Op[] = [{ op: 'set', path: join('/members', index, 'key'), value: key }];
    facts(b).forEach((f, i) => f.fields.forEach((x, j) => x.member === member.key && ops.push({ op: 'set', path: join('/facts', i, 'fields', j, 'member'), value: key })));
    return { ops, label, select: join('/members', index, 'key') };
  },

  'set-member-department'(b, { index, department }) {
    const member = memberAt(b, index, 'set-member-department');
    checkDepartment(department, 'set-member-department');
    const ops: Op[] = member.department === department ? [] : [{ op: 'set', path: join('/members', index, 'department'), value: department }];
    return { ops, label: { zh: `成员 ${member.key} 的部门：${department}`, en: `department of ${member.key}: ${department}` }, select: join('/members', index, 'department') };
  },

  'add-fact'(b, { fields, id }) {
    if (fields.length < 2) fail('add-fact', 'a fact needs fields of at least two members');
    const keys = new Set(b.members.map((m) => m.key));
    for (const f of fields) {
      if (!keys.has(f.member)) fail('add-fact', `no member has the key "${f.member}"`);
      if (!parsePointer(f.field)?.length) fail('add-fact', `"${f.field}" is not a field's pointer`);
    }
    if (new Set(fields.map((f) => f.member)).size !== fields.length) fail('add-fact', 'each field of a fact is of another member');
    const same = (a: readonly { member: string; field: string }[]) => a.length === fields.length && fields.every((f) => a.some((x) => x.member === f.member && x.field === f.field));
    if (facts(b).some((f) => same(f.fields))) fail('add-fact', 'the bundle lists this fact already');
    const taken = new Set(facts(b).map((f) => f.id));
    const base = id ?? factIdOf(fields[0]!.field);
    if (!identifier.test(base)) fail('add-fact', `"${base}" is not a fact id`);
    if (id !== undefined && taken.has(id)) fail('add-fact', `the fact id "${id}" is taken`);
    let factId = base;
    for (let n = 2; taken.has(factId); n++) factId = `${base}${n}`;
    const fact = { id: factId, fields: fields.map((f) => ({ member: f.member, field: f.field })) };
    const label = { zh: `添加同一信息 ${factId}`, en: `add fact ${factId}` };
    const at = facts(b).length;
    const op: Op = b.facts ? { op: 'insert', path: '/facts', index: at, value: fact } : { op: 'set', path: '/facts', value: [fact], index: topIndex(b, 'members') };
    return { ops: [op], label, select: join('/facts', at) };
  },

  'remove-fact'(b, { index }) {
    const fact = facts(b)[index] ?? fail('remove-fact', `no fact ${index}`);
    const op: Op = facts(b).length === 1 ? { op: 'delete', path: '/facts' } : { op: 'remove', path: '/facts', index };
    return { ops: [op], label: { zh: `移除同一信息 ${fact.id}`, en: `remove fact ${fact.id}` } };
  },

  'set-submission'(b, { submission }) {
    if (submission !== 'once' && submission !== 'separate') fail('set-submission', `"${submission}" is neither once nor separate`);
    return { ops: b.submission === submission ? [] : [{ op: 'set', path: '/submission', value: submission }], label: { zh: `提交方式：${submission}`, en: `submission: ${submission}` }, select: '/submission' };
  },

  'set-promised-days'(b, { days }) {
    if (!Number.isInteger(days) || days < 0 || days > 365) fail('set-promised-days', 'promised days are a whole number from 0 to 365');
    return { ops: b.timeLimit.promisedDays === days ? [] : [{ op: 'set', path: '/timeLimit/promisedDays', value: days }], label: { zh: `承诺时限 ${days} 个工作日`, en: `promised ${days} working days` }, select: '/timeLimit/promisedDays' };
  },

  'set-visits'(b, { visits }) {
    if (!Number.isInteger(visits) || visits < 0 || visits > 20) fail('set-visits', 'visits are a whole number from 0 to 20');
    return { ops: b.visits === visits ? [] : [{ op: 'set', path: '/visits', value: visits }], label: { zh: `到现场 ${visits} 次`, en: `${visits} on-site visits` }, select: '/visits' };
  },
};

/** A fact's id from a field's pointer: its last name (`/applicant/mobile` → `mobile`), made an identifier. */
export function factIdOf(field: string): string {
  const last = (parsePointer(field) ?? []).at(-1) ?? 'fact';
  const clean = last.replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z]/.test(clean) ? clean.slice(0, 64) : `fact${clean}`.slice(0, 64);
}

/** Plans and applies a command: the new bundle and the transaction that records (and undoes) it. */
export function runBundleCommand(bundle: BundleDefinition, command: BundleCommand): { bundle: BundleDefinition; transaction: Transaction } {
  const plan = Object.hasOwn(plans, command.name) ? plans[command.name] : undefined;
  if (!plan) throw new BundleCommandError(String(command.name), 'no such command');
  const planned = (plan as (b: BundleDefinition, args: unknown) => Plan)(bundle, command.args);
  const applied = applyOps(bundle, planned.ops);
  return {
    bundle: applied.doc as BundleDefinition,
    transaction: { command, label: planned.label, ops: planned.ops, inverse: applied.inverse, ...(planned.select !== undefined ? { select: planned.select } : {}) },
  };
}

export interface BundleEditorState {
  readonly bundle: BundleDefinition;
  /** A JSON Pointer into the bundle (a member, a fact…), or undefined. */
  readonly selection: string | undefined;
  readonly done: readonly Transaction[];
  readonly undone: readonly Transaction[];
  /** Bumped by every change of the bundle. */
  readonly revision: number;
}

export const initialBundleState = (bundle: BundleDefinition): BundleEditorState => ({ bundle, selection: undefined, done: [], undone: [], revision: 0 });

/** Keystrokes into one value less than this apart (ms) are one transaction. */
const typingMergeMs = 1000;

/** Runs a command (the redo list is cleared); throws BundleCommandError on one that does not apply. */
export function executeBundle(state: BundleEditorState, command: BundleCommand, now?: number): BundleEditorState {
  const { bundle, transaction } = runBundleCommand(state.bundle, command);
  if (transaction.ops.length === 0) return state;
  const last = state.done.at(-1);
  const merges = now !== undefined && last?.at !== undefined && now - last.at < typingMergeMs && command.name === 'set-bundle-value' && last.command.name === 'set-bundle-value'
    && (last.command.args as { pointer: string }).pointer === command.args.pointer && state.undone.length === 0;
  const recorded = merges ? { ...transaction, inverse: [...transaction.inverse, ...last.inverse], at: now } : { ...transaction, ...(now !== undefined ? { at: now } : {}) };
  return {
    bundle,
    selection: transaction.select ?? state.selection,
    done: merges ? [...state.done.slice(0, -1), recorded] : [...state.done, recorded],
    undone: [],
    revision: state.revision + 1,
  };
}

export function undoBundle(state: BundleEditorState): BundleEditorState {
  const last = state.done.at(-1);
  if (!last) return state;
  return { bundle: applyOps(state.bundle, last.inverse).doc as BundleDefinition, selection: state.selection, done: state.done.slice(0, -1), undone: [...state.undone, last], revision: state.revision + 1 };
}

export function redoBundle(state: BundleEditorState): BundleEditorState {
  const next = state.undone.at(-1);
  if (!next) return state;
  return { bundle: applyOps(state.bundle, next.ops).doc as BundleDefinition, selection: next.select ?? state.selection, done: [...state.done, next], undone: state.undone.slice(0, -1), revision: state.revision + 1 };
}

/** A store around the state for views: get, dispatch, subscribe (as Editor in editor.ts). */
export class BundleEditor {
  private listeners = new Set<(state: BundleEditorState) => void>();
  constructor(private current: BundleEditorState) {}

  get state(): BundleEditorState {
    return this.current;
  }

  /** Runs a command; throws BundleCommandError when it does not apply (the view says why). */
  dispatch(command: BundleCommand): void {
    this.set(executeBundle(this.current, command, Date.now()));
  }

  undo(): void {
    this.set(undoBundle(this.current));
  }

  redo(): void {
    this.set(redoBundle(this.current));
  }

  select(pointer: string | undefined): void {
    if (pointer !== this.current.selection) this.set({ ...this.current, selection: pointer });
  }

  subscribe(listener: (state: BundleEditorState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: BundleEditorState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}

/** A problem of the bundle, with where it is in the bundle (a fact, a member) for the view to link to. */
export interface BundleProblem {
  readonly code: string;
  /** JSON Pointer into the bundle: `/facts/2` for a conflict of a listed fact. */
  readonly at: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The engine's English message; the view renders the code in its language. */
  readonly message: string;
  /** The engine's problem as compose() reported it (its file and pointer: into a member for a conflict). */
  readonly source?: Problem;
}

export interface BundleView {
  readonly composition?: Composition;
  readonly saving?: BundleSaving;
  /** The members' definitions, in the bundle's order, as compose() got them (when every one was found). */
  readonly members?: readonly Loaded<MatterDefinition>[];
  readonly problems: readonly BundleProblem[];
}

/**
 * What the bundle composes into, given the member definitions loaded so far (`available`: published definitions,
 * among which resolveMembers picks each member's, as the catalogue does). Pure: runs on every edit.
 */
export function composeBundle(bundle: BundleDefinition, available: readonly Loaded<MatterDefinition>[], file = 'bundle'): BundleView {
  const own = ownProblems(bundle);
  const resolved = resolveMembers(bundle, file, available);
  if (resolved.problems.length > 0) return { problems: [...own, ...resolved.problems.map((p) => ({ code: p.code, at: p.pointer, params: p.params, message: p.message, source: p }))] };
  const members = resolved.members.map((m) => m!);
  const composition = compose(bundle, members, file);
  const problems = [...own, ...composition.problems.map((p) => ({ code: p.code, at: p.file === file ? p.pointer : pointInto(bundle, p), params: p.params, message: p.message, source: p }))];
  if (!composition.definition) return { composition, members, problems };
  return { composition, members, problems, saving: bundleSaving(members.map((m) => m.value), composition.definition, composition.submissions) };
}

// A problem in a member's file, pointed into the bundle: the fact it concerns, else that member.
function pointInto(bundle: BundleDefinition, p: Problem): string {
  const { member, field, otherMember, otherField } = p.params as { member?: string; field?: string; otherMember?: string; otherField?: string };
  const has = (fields: readonly { member: string; field: string }[], m?: string, f?: string) => fields.some((x) => x.member === m && x.field === f);
  const list = facts(bundle);
  let i = list.findIndex((f) => has(f.fields, member, field) && has(f.fields, otherMember, otherField));
  if (i < 0) i = list.findIndex((f) => has(f.fields, member, field) || has(f.fields, otherMember, otherField));
  if (i >= 0) return join('/facts', i);
  const m = bundle.members.findIndex((x) => x.key === member);
  return m >= 0 ? join('/members', m) : '';
}

// What compose() does not check but the bundle schema does, and the editor can say at once.
function ownProblems(bundle: BundleDefinition): BundleProblem[] {
  const out: BundleProblem[] = [];
  if (bundle.members.length < 2) out.push({ code: 'bundle.too-few-members', at: '/members', params: { count: bundle.members.length }, message: `a bundle has at least two members, not ${bundle.members.length}` });
  if (bundle.visits > 0 && !(bundle.visitReason?.zh && bundle.visitReason.en)) out.push({ code: 'bundle.visit-reason-missing', at: '/visitReason', params: { visits: bundle.visits }, message: `${bundle.visits} on-site visits need a reason (visitReason, in Chinese and English)` });
  for (const [path, text] of [['/title', bundle.title], ['/leadDepartment/name', bundle.leadDepartment?.name]] as const) {
    if (!text?.zh?.trim() || !text.en?.trim()) out.push({ code: 'bundle.text-missing', at: path, params: { path }, message: `${path} needs its Chinese and English text` });
  }
  return out;
}

/** A member's form fields a fact can name: leaf fields through plain `properties`, with their titles. */
export function memberFields(definition: MatterDefinition): { pointer: string; title: string }[] {
  const out: { pointer: string; title: string }[] = [];
  const walk = (node: unknown, pointer: string, titles: string[], depth: number) => {
    if (!isObject(node) || depth > 16 || out.length >= 2000) return;
    const props = node.properties;
    if (isObject(props) && Object.keys(props).length > 0) {
      for (const [name, child] of Object.entries(props)) walk(child, `${pointer}/${escapeToken(name)}`, [...titles, isObject(child) && typeof child.title === 'string' ? child.title : name], depth + 1);
    } else if (pointer) out.push({ pointer, title: titles.join(' › ') });
  };
  walk(definition.form.schema, '', [], 0);
  return out;
}

/** The bundle as a definitions folder holds it (bundles/<name>.json): two-space JSON and a final newline. */
export const bundleFileText = (bundle: BundleDefinition): string => `${JSON.stringify(bundle, null, 2)}\n`;
