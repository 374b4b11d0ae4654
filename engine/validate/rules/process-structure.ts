import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { edgesOf } from '../../process/graph.ts';
import { maxStateDepth, nodeAt, nodesOf, type StateNode } from '../../process/nodes.ts';
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
    const all = nodesOf(process);
    for (const node of all) problems.push(...nodeProblems(file, node, all));
    return problems;
  },
};

function nodeProblems(file: string, node: StateNode, all: readonly StateNode[]): Problem[] {
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
  const declared = state.type === 'parallel' || state.type === 'compound' || state.states !== undefined || state.initial !== undefined;
  if (declared && node.children.length === 0) problems.push(problem('process.children-missing', file, state.states === undefined ? pointer : join(pointer, 'states'), { state: path }));
  if (node.kind === 'compound' && node.children.length > 0) {
    const initial = state.initial;
    if (typeof initial !== 'string' || !node.children.includes(`${path}.${initial}`)) {
      problems.push(problem('process.initial-missing', file, initial === undefined ? pointer : join(pointer, 'initial'), { state: initial === undefined ? `${path}.?` : `${path}.${initial}` }));
    }
  }
  if (node.kind === 'parallel') problems.push(...regionProblems(file, node, all));
  return problems;
}

// A parallel state's regions: each one that never reaches a final child of its own keeps onDone from being taken,
// and an event two regions handle would move both departments' parts with one person's step.
function regionProblems(file: string, node: StateNode, all: readonly StateNode[]): Problem[] {
  const problems: Problem[] = [];
  const handledBy = new Map<string, string>();
  for (const region of node.children) {
    const inside = all.filter((n) => n.path === region || n.path.startsWith(`${region}.`));
    const regionNode = inside.find((n) => n.path === region)!;
    if (node.state.onDone !== undefined && !regionNode.children.some((c) => all.find((n) => n.path === c)?.kind === 'final')) {
      problems.push(problem('process.region-never-done', file, regionNode.pointer, { state: node.path, region: regionNode.key }));
    }
    for (const n of inside) {
      for (const event of Object.keys(n.state.on ?? {})) {
        const other = handledBy.get(event);
        if (other !== undefined && other !== region) problems.push(problem('process.region-event-shared', file, join(n.pointer, 'on', event), { state: node.path, event, regions: [other.slice(node.path.length + 1), regionNode.key] }));
        else handledBy.set(event, region);
      }
    }
  }
  return problems;
}
