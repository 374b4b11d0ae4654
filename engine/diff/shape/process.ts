/**
 * The shape the process rules read: states by path (type, role, step name, child states) and each state's
 * transitions by event, its automatic decisions and its onDone.
 */
import { isObject } from '../../json/pointer.ts';
import { walkDepth } from '../../process/nodes.ts';
import { anyObject, describeValue, object, optional, string, text, type Check } from './check.ts';

/** What the step and role rules read of a state; its transitions are checked event by event. */
export const stateShape: Check = object({
  type: optional(string),
  meta: optional(object({ role: optional(string), step: optional(text) })),
  on: optional(anyObject),
  states: optional(anyObject),
});

/**
 * How many levels of states the rules read: as deep as engine/process/nodes.ts walks (four levels past the limit
 * the validator holds definitions to, so a draft that nests too deep is still compared); below that nothing is read.
 */
export const readDepth = walkDepth;

/** A state's automatic decisions (`always`) or its `onDone`: transitions as an event's are. */
export const alwaysShape: Check = (v) => transitionShape(v);

const transition = object({ target: string });
const single: Check = (v) => (typeof v === 'string' ? undefined : transition(v));

/** An event's transitions: a target state name, `{ target }`, or a list of either. */
export const transitionShape: Check = (v) => {
  if (!Array.isArray(v)) return typeof v === 'string' || isObject(v) ? single(v) : { at: '', found: describeValue(v), expected: 'a transition' };
  for (let i = 0; i < v.length; i++) {
    const f = single(v[i]);
    if (f) return { ...f, at: `/${i}${f.at}` };
  }
  return undefined;
};

/** The process object itself: its states must be an object of states. */
export const processShape: Check = object({ states: anyObject, on: optional(anyObject) });
