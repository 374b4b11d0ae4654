/**
 * A definition's process as Stately-compatible XState v5 machine JSON, and back. Stately Studio (and `createMachine`)
 * read the same config onematter stores, nested and parallel states included, so export only writes the long forms
 * every tool reads — guards and actions as `{ "type": … }` objects — and import normalizes what Stately writes
 * (object or string guards and actions, one-item arrays, the machine's `context`, `types` and `version` keys, and
 * targets: `#machine.a.b` and `.a` are rewritten to the shortest target that names the same state from where the
 * transition is, the machine's id becoming the process's) into onematter's config. Import does not judge: what
 * onematter cannot run (history states, invoked actors, action parameters, …) is kept where it is, so the definition
 * validator reports it with its JSON Pointer. Every normalization is listed, with its pointer, in English and Chinese.
 */
import { documentLimits } from '../json/parse.ts';
import { isObject, join } from '../json/pointer.ts';
import type { LocalizedText, Process } from '../model/index.ts';

/** One thing import changed, at a pointer into the imported machine JSON. */
export interface StatelyChange {
  readonly pointer: string;
  readonly message: LocalizedText;
}

export interface StatelyImport {
  /** The process to put in the definition (validate the definition before trusting it). */
  readonly process: Record<string, unknown>;
  readonly changes: readonly StatelyChange[];
}

type Json = Record<string, unknown>;

/** Keys of a state whose values are transition maps (event or delay → transition spec). */
const transitionMaps = ['on', 'after'] as const;
/** Keys whose values are transition specs themselves. */
const transitionLists = ['always', 'onDone'] as const;
/** Machine-level keys Stately writes that onematter's runtime owns or does not use. */
const dropped: Readonly<Record<string, LocalizedText>> = {
  context: { en: 'the runtime owns the case context (fees paid, materials, the decision); dropped', zh: '案件上下文由运行时维护（已缴费用、材料、办理决定），已删除' },
  types: { en: 'TypeScript typings are not part of a definition; dropped', zh: 'TypeScript 类型声明不属于事项定义，已删除' },
  version: { en: 'Stately\'s own version marker; the definition has its own version; dropped', zh: 'Stately 的版本标记；事项定义有自己的版本号，已删除' },
  schemas: { en: 'Stately\'s event and context schemas; the form is the definition\'s JSON Schema; dropped', zh: 'Stately 的事件和上下文模式；表单以事项定义的 JSON Schema 为准，已删除' },
  predictableActionArguments: { en: 'an XState v4 option; dropped', zh: 'XState v4 的选项，已删除' },
  preserveActionOrder: { en: 'an XState v4 option; dropped', zh: 'XState v4 的选项，已删除' },
};

/**
 * The process as Stately-compatible machine JSON: guards and actions as `{ type }` objects, the machine's own plain
 * targets as `.name` (XState reads a plain target on the root as nothing; onematter reads it from the root, as the
 * runtime hands it to XState), everything else — nested and parallel states included — as stored.
 */
export function toStately(process: Process): Json {
  const out = structuredClone(process) as unknown as Json;
  walkStates(out, (state, _at, path) => {
    for (const key of ['entry', 'exit'] as const) if (Array.isArray(state[key])) state[key] = (state[key] as unknown[]).map(actionObject);
    forEachTransition(state, (t) => {
      if (path === undefined && typeof t.target === 'string' && !t.target.startsWith('#') && !t.target.startsWith('.')) t.target = `.${t.target}`;
      if (typeof t.guard === 'string') t.guard = { type: t.guard };
      if (Array.isArray(t.actions)) t.actions = t.actions.map(actionObject);
      return t;
    }, true);
  });
  return out;
}

export interface StatelyOptions {
  /**
   * The id the process is to have (the definition's own `process.id`): a machine with another id (Stately names new
   * machines after their title) gets this one, and its `#<machine id>.…` targets are rewritten to match.
   */
  readonly processId?: string;
}

/**
 * Stately machine JSON as an onematter process, with what was normalized. `machine` must be a JSON object (a parsed
 * document); anything else comes back as it is, for the validator to name.
 */
export function fromStately(machine: unknown, options: StatelyOptions = {}): StatelyImport {
  const changes: StatelyChange[] = [];
  if (!isObject(machine)) return { process: {}, changes: [{ pointer: '', message: { en: 'the machine is not a JSON object; nothing imported', zh: '状态机不是 JSON 对象，未导入任何内容' } }] };
  // a machine built in code may hold what JSON cannot (an inline guard function, a cycle): dropping it would silently
  // leave a transition unguarded, so nothing is imported
  let odd: string | undefined;
  try {
    odd = notJson(machine);
  } catch {
    odd = ''; // a proxy whose traps throw
  }
  if (odd !== undefined) return { process: {}, changes: [{ pointer: odd, message: { en: 'this value is not JSON (a function, a cycle, a value nested too deep, …); nothing imported', zh: '该值不是 JSON（函数、循环引用、嵌套过深等），未导入任何内容' } }] };
  const out = structuredClone(machine) as Json;
  for (const key of Object.keys(dropped)) {
    if (Object.hasOwn(out, key)) {
      delete out[key];
      changes.push({ pointer: `/${key}`, message: dropped[key]! });
    }
  }
  const machineId = typeof out.id === 'string' ? out.id : undefined;
  const processId = options.processId ?? machineId;
  if (processId !== undefined && processId !== machineId) {
    out.id = processId;
    const was = machineId === undefined ? 'none' : JSON.stringify(machineId);
    changes.push(change('/id', `the machine's id (${was}) became the process's, ${JSON.stringify(processId)}`, `状态机的 id（${machineId === undefined ? '无' : JSON.stringify(machineId)}）改为流程的 id ${JSON.stringify(processId)}`));
  }
  const ids = [...new Set([machineId, processId].filter((id): id is string => id !== undefined))];
  walkStates(out, (state, at, path) => {
    for (const key of ['entry', 'exit'] as const) {
      const value = state[key];
      if (value === undefined) continue;
      const list = Array.isArray(value) ? value : [value];
      if (!Array.isArray(value)) changes.push(change(join(at, key), 'a single action became a list', '单个动作改写为列表'));
      state[key] = list.map((a, i) => actionName(a, join(at, key, String(i)), changes));
    }
    forEachTransition(state, (t, where, shorthand) => {
      const target = shorthand ? where : join(where, 'target');
      const from = { ids, processId, source: path };
      if (typeof t.target === 'string') t.target = targetName(t.target, from, target, changes);
      else if (Array.isArray(t.target) && t.target.length === 1 && typeof t.target[0] === 'string') {
        t.target = targetName(t.target[0], from, target, changes);
        changes.push(change(target, 'a one-item target list became its target', '只有一项的目标列表改写为该目标'));
      }
      if (isObject(t.guard) && typeof t.guard.type === 'string' && Object.keys(t.guard).length === 1) {
        t.guard = t.guard.type;
        changes.push(change(join(where, 'guard'), 'the guard object became its name', '条件对象改写为条件名称'));
      }
      if (t.actions !== undefined) {
        const list = Array.isArray(t.actions) ? t.actions : [t.actions];
        t.actions = list.map((a, i) => actionName(a, join(where, 'actions', String(i)), changes));
        if ((t.actions as unknown[]).length === 0) delete t.actions;
      }
      // Stately writes `{ target }` for a plain transition; onematter keeps it as Stately wrote it (both are XState)
      return t;
    }, true, at);
  });
  return { process: out, changes };
}

// as deep as a definition document may nest (the JSON scanner refuses deeper ones)
const maxJsonDepth = documentLimits.maxDepth;

// The pointer of the first value in `root` that is not plain JSON (or nested deeper than maxJsonDepth, or met again
// on its own path), or undefined when it is all JSON. Iterative, so no input overflows the stack.
function notJson(root: unknown): string | undefined {
  const stack: { value: unknown; at: string; depth: number; path: readonly object[] }[] = [{ value: root, at: '', depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, at, depth, path } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) continue;
      return at;
    }
    if (typeof value !== 'object' || depth >= maxJsonDepth || path.includes(value)) return at;
    const proto: unknown = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return at;
    const inside = [...path, value];
    const keys = Reflect.ownKeys(value);
    for (const key of keys) {
      if (typeof key !== 'string') return at;
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if (Array.isArray(value) && key === 'length') continue;
      if (!('value' in d)) return join(at, key);
      stack.push({ value: d.value, at: join(at, key), depth: depth + 1, path: inside });
    }
  }
  return undefined;
}

// Each state of the machine, depth first, with its pointer and its path (undefined for the machine itself). Bounded
// by the JSON depth a document may have (notJson refused anything deeper before import walks it).
function walkStates(node: Json, visit: (state: Json, at: string, path: string | undefined) => void, at = '', path?: string): void {
  visit(node, at, path);
  if (!isObject(node.states)) return;
  for (const [name, child] of Object.entries(node.states)) {
    if (isObject(child)) walkStates(child, visit, join(at, 'states', name), path === undefined ? name : `${path}.${name}`);
  }
}

// Applies `edit` to every transition object of a state (string shorthands are passed as `{ target }` when `expand`,
// with `shorthand` set: their target is at `at` itself).
function forEachTransition(state: Json, edit: (t: Json, at: string, shorthand: boolean) => Json, expand = false, at = ''): void {
  const one = (spec: unknown, where: string): unknown => {
    if (isObject(spec)) return edit(spec, where, false);
    if (expand && typeof spec === 'string') {
      const edited = edit({ target: spec }, where, true);
      return Object.keys(edited).length === 1 && typeof edited.target === 'string' ? edited.target : edited;
    }
    return spec;
  };
  const spec = (value: unknown, where: string): unknown => (Array.isArray(value) ? value.map((v, i) => one(v, join(where, String(i)))) : one(value, where));
  for (const key of transitionMaps) {
    const map = state[key];
    if (isObject(map)) for (const name of Object.keys(map)) map[name] = spec(map[name], join(at, key, name));
  }
  for (const key of transitionLists) if (state[key] !== undefined) state[key] = spec(state[key], join(at, key));
}

const actionObject = (a: unknown): unknown => (typeof a === 'string' ? { type: a } : a);

function actionName(action: unknown, at: string, changes: StatelyChange[]): unknown {
  if (isObject(action) && typeof action.type === 'string' && Object.keys(action).length === 1) {
    changes.push(change(at, 'the action object became its name', '动作对象改写为动作名称'));
    return action.type;
  }
  return action; // with params, or not an action at all: the validator names it
}

interface Source {
  /** The ids `#…` targets may start with: the machine's and the process's. */
  readonly ids: readonly string[];
  readonly processId: string | undefined;
  /** Path of the state the transition belongs to; undefined for the machine's own (`on` at the root). */
  readonly source: string | undefined;
}

// A target from the root — `#<machine or process id>.a.b`, or `.a` on the machine — as the shortest one naming the
// same state from the transition's state (XState's resolution, as engine/process/nodes.ts reads it: a plain target
// is a path from the state's parent, `.a` from the state itself). Other targets are valid as written and kept; one
// naming a state's own id (`#review`) stays for the validator to name.
function targetName(target: string, from: Source, at: string, changes: StatelyChange[]): string {
  const absolute = absolutePath(target, from);
  const name = absolute === undefined ? target : shortest(absolute, from);
  if (name !== target) changes.push(change(at, `target ${JSON.stringify(target)} became ${JSON.stringify(name)}`, `目标 ${JSON.stringify(target)} 改写为 ${JSON.stringify(name)}`));
  return name;
}

const pathShape = /^[^.#]+(?:\.[^.#]+)*$/;

// The path from the root a target names from the root, or undefined when it is not written from the root.
function absolutePath(target: string, { ids, source }: Source): string | undefined {
  for (const id of ids) {
    if (target.startsWith(`#${id}.`)) {
      const rest = target.slice(id.length + 2);
      return pathShape.test(rest) ? rest : undefined;
    }
  }
  // on the machine, `.a` is its child a: what a plain target says there
  if (source === undefined && target.startsWith('.') && pathShape.test(target.slice(1))) return target.slice(1);
  return undefined;
}

// The shortest of the plain (sibling), `.child` and `#<process id>.` forms of an absolute path, in that order of
// preference when lengths tie.
function shortest(path: string, { processId, source }: Source): string {
  const forms: string[] = [];
  const parent = source === undefined ? '' : source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  if (source === undefined || parent === '') forms.push(path);
  else if (path.startsWith(`${parent}.`)) forms.push(path.slice(parent.length + 1));
  if (source !== undefined && path.startsWith(`${source}.`)) forms.push(`.${path.slice(source.length + 1)}`);
  if (processId !== undefined) forms.push(`#${processId}.${path}`);
  return forms.reduce((best, form) => (form.length < best.length ? form : best));
}

const change = (pointer: string, en: string, zh: string): StatelyChange => ({ pointer, message: { en, zh } });
