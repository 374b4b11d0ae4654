import { isObject, join } from '../../json/pointer.ts';
import type { MatterDefinition, Process } from '../../model/index.ts';
import { edgesOf } from '../../process/graph.ts';
import { canComplete, maxStateDepth, nodeAt, nodesOf, roleAt, type StateNode } from '../../process/nodes.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * The initial state and every transition target (events, delays, eventless, onDone and root-level ones) exist; final
 * states have no way out and no children; compound and parallel states have children, a compound one its initial
 * child; states nest at most four levels; the regions of a parallel state each reach a final state of their own when
 * the state joins them (onDone), and handle events of their own (each department acts on its own part).
 */
export const processStructureRule: Rule<MatterDefinition> = {
  name: 'process-structure',
  codes: ['process.initial-missing', 'process.target-missing', 'process.final-has-transitions', 'process.children-missing', 'process.too-deep', 'process.region-never-done', 'process.region-event-shared'],
  check({ file, value: { process } }) {
    const problems: Problem[] = [];
    if (nodeAt(process, process.initial)?.depth !== 1) {
      problems.push(problem('process.initial-missing', file, '/process/initial', { state: process.initial }));
    }
    const seen = new Set<string>(); // a root-level transition is listed for each state: reported once
    for (const edge of edgesOf(process)) {
      if (seen.has(edge.targetPointer)) continue;
      seen.add(edge.targetPointer);
      if (edge.unresolved) {
        problems.push(problem('process.target-missing', file, edge.targetPointer, { state: edge.root ? '*' : edge.from, event: edge.event, target: edge.target }));
      }
    }
    for (const node of nodesOf(process)) problems.push(...nodeProblems(file, process, node));
    return problems;
  },
};

function nodeProblems(file: string, process: Process, node: StateNode): Problem[] {
  const { state, path, pointer } = node;
  const problems: Problem[] = [];
  if (node.depth > maxStateDepth) return [problem('process.too-deep', file, pointer, { state: path, limit: maxStateDepth })];
  if (node.kind === 'final') {
    for (const key of ['on', 'after', 'always', 'onDone', 'states'] as const) {
      if (state[key] !== undefined && (typeof state[key] !== 'object' || Object.keys(state[key]).length > 0)) {
        problems.push(problem('process.final-has-transitions', file, join(pointer, key), { state: path }));
      }
    }
    return problems;
  }
  // an onDone says the state has children too (XState never takes an atomic state's)
  const declared = state.type === 'parallel' || state.type === 'compound' || state.states !== undefined || state.initial !== undefined;
  if ((declared || state.onDone !== undefined) && node.children.length === 0) {
    problems.push(problem('process.children-missing', file, state.states !== undefined ? join(pointer, 'states') : declared ? pointer : join(pointer, 'onDone'), { state: path }));
  }
  if (node.kind === 'compound' && node.children.length > 0) {
    const initial = state.initial;
    if (typeof initial !== 'string' || !node.children.includes(`${path}.${initial}`)) {
      problems.push(problem('process.initial-missing', file, initial === undefined ? pointer : join(pointer, 'initial'), { state: initial === undefined ? `${path}.?` : `${path}.${initial}` }));
    }
  }
  // XState ignores a parallel state's initial, but fails on one naming no child when a case enters the state
  if (node.kind === 'parallel' && state.initial !== undefined && !node.children.includes(`${path}.${String(state.initial)}`)) {
    problems.push(problem('process.initial-missing', file, join(pointer, 'initial'), { state: `${path}.${String(state.initial)}` }));
  }
  if (node.kind === 'parallel') problems.push(...regionProblems(file, process, node));
  return problems;
}

// A state and every state nested in it, in document order.
const subtree = (process: Process, path: string): StateNode[] => {
  const node = nodeAt(process, path);
  return node ? [node, ...node.children.flatMap((c) => subtree(process, c))] : [];
};

// A parallel state's regions: each one that never reaches a final child of its own keeps onDone from being taken,
// and an event two regions handle would move both departments' parts with one person's step (the applicant's steps
// aside: one submission answering every part waiting on it is what a one-thing bundle is for).
// (Each region's own states are walked once: filtering every state per region took seconds for thousands of regions.)
function regionProblems(file: string, process: Process, node: StateNode): Problem[] {
  const problems: Problem[] = [];
  const handledBy = new Map<string, string>();
  for (const region of node.children) {
    const inside = subtree(process, region);
    const regionNode = inside[0]!;
    if (node.state.onDone !== undefined && !canComplete(process, region)) {
      problems.push(problem('process.region-never-done', file, regionNode.pointer, { state: node.path, region: regionNode.key }));
    }
    for (const n of inside) {
      // the applicant's own steps may share an event: one submission (or withdrawal) answers every part waiting on them
      if (roleAt(process, n.path) === 'applicant') continue;
      for (const event of isObject(n.state.on) ? Object.keys(n.state.on) : []) {
        const other = handledBy.get(event);
        if (other !== undefined && other !== region) problems.push(problem('process.region-event-shared', file, join(n.pointer, 'on', event), { state: node.path, event, regions: [other.slice(node.path.length + 1), regionNode.key] }));
        else handledBy.set(event, region);
      }
    }
  }
  return problems;
}
