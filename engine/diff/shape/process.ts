/** The shape the process rules read: states by name (type, role, step name) and each state's transitions by event. */
import { isObject } from '../../json/pointer.ts';
import { anyObject, describeValue, object, optional, string, text, type Check } from './check.ts';

/** What the step and role rules read of a state; its transitions are checked event by event. */
export const stateShape: Check = object({
  type: optional(string),
  meta: optional(object({ role: optional(string), step: optional(text) })),
  on: optional(anyObject),
});

/** A state's automatic decisions (`always`): transitions as an event's are. */
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
