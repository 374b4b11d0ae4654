/**
 * What a state with child states is: compound (one child at a time, from its initial one) or parallel (every child a
 * region, all active at once, e.g. each department's part of a one-thing bundle), and where the process goes when it
 * is done (`onDone`: a compound state's final child reached, or every region's).
 */
import { isObject } from '../../../engine/json/pointer.ts';
import { nodeAt } from '../../../engine/process/nodes.ts';
import type { Op } from '../patch.ts';
import { processOf, readProcess } from '../process.ts';
import { command, CommandError } from './command.ts';
import { writtenTarget } from './process-transitions.ts';
import { nodeOf, stepText, transitionValue, vocabularyOk, type TransitionInput } from './process.ts';

const inside = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Makes a state with child states compound (starting at its first child) or parallel. A parallel state's regions are
 * not final themselves and do not lead into one another (they run side by side).
 */
export const setStateType = command<{ path: string; type: 'compound' | 'parallel' }>({
  name: 'set-state-type',
  plan(definition, { path, type }) {
    const node = nodeOf(definition, 'set-state-type', path);
    if (type !== 'compound' && type !== 'parallel') throw new CommandError('set-state-type', 'a state with child states is compound or parallel');
    if (node.kind === 'final') throw new CommandError('set-state-type', `"${path}" is final: a final state has no child states`);
    if (node.children.length === 0) throw new CommandError('set-state-type', `"${path}" has no child states: add one first`);
    const step = stepText(node.state, path);
    const words = { compound: { zh: '依次办理（复合状态）', en: 'compound' }, parallel: { zh: '并行办理（并行状态）', en: 'parallel' } }[type];
    const label = { zh: `「${step.zh}」设为${words.zh}`, en: `make ${step.en} ${words.en}` };
    if (node.kind === type) return { ops: [], label };
    const process = processOf(definition);
    const ops: Op[] = [];
    const keys = Object.keys(node.state);
    if (type === 'parallel') {
      const final = node.children.find((c) => nodeAt(process, c)?.kind === 'final');
      if (final) throw new CommandError('set-state-type', `"${final}" is final: a region of a parallel state is not final itself, make it a step first`);
      const across = readProcess(definition).edges.find((e) => {
        const region = node.children.find((c) => inside(e.from, c));
        return region !== undefined && !e.unresolved && inside(e.target, path) && !inside(e.target, region) && e.target !== path;
      });
      if (across) throw new CommandError('set-state-type', `"${across.from}" leads to "${across.target}": the regions of a parallel state run side by side, not into one another`);
      if (node.state.initial !== undefined) ops.push({ op: 'delete', path: `${node.pointer}/initial` });
      ops.push({ op: 'set', path: `${node.pointer}/type`, value: 'parallel', index: 0 });
    } else {
      ops.push({ op: 'delete', path: `${node.pointer}/type` });
      // the initial child goes where it is usually written: before the child states
      const at = keys.filter((k) => k !== 'type').indexOf('states');
      ops.push({ op: 'set', path: `${node.pointer}/initial`, value: nodeAt(process, node.children[0]!)!.key, index: at < 0 ? keys.length - 1 : at });
    }
    return { ops, label, select: node.pointer };
  },
});

/**
 * Sets where a compound or parallel state goes when it is done (the join of a parallel state's regions), or (null)
 * removes it. The target is a state's path, written as the state's own transitions are.
 */
export const setOnDone = command<{ path: string; transition: TransitionInput | null }>({
  name: 'set-on-done',
  plan(definition, { path, transition }) {
    const node = nodeOf(definition, 'set-on-done', path);
    if (node.kind !== 'compound' && node.kind !== 'parallel') throw new CommandError('set-on-done', `"${path}" has no child states: only a compound or parallel state is done when its children are`);
    const step = stepText(node.state, path);
    const at = `${node.pointer}/onDone`;
    if (transition === null) {
      if (node.state.onDone === undefined) throw new CommandError('set-on-done', `"${path}" has no onDone`);
      return { ops: [{ op: 'delete', path: at }], label: { zh: `删除「${step.zh}」完成时的流转`, en: `remove where ${step.en} goes when done` }, select: node.pointer };
    }
    const target = writtenTarget(definition, 'set-on-done', path, transition?.target);
    vocabularyOk('set-on-done', transition.guard, transition.actions);
    const old = node.state.onDone;
    const value = transitionValue({ ...transition, target }, isObject(old) ? old : undefined);
    const label = { zh: `「${step.zh}」完成时 → ${transition.target}`, en: `when ${step.en} is done → ${transition.target}` };
    if (JSON.stringify(value) === JSON.stringify(old)) return { ops: [], label };
    return { ops: [{ op: 'set', path: at, value }], label, select: node.pointer };
  },
});
