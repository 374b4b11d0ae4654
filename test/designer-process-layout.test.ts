/**
 * The process graph's auto-layout (dagre, top to bottom) and the test ids the graph and tables give transitions:
 * the process reads downwards from the initial state, every state gets a place, no two overlap.
 */
import { describe, expect, it } from 'vitest';
import { readProcess } from '../designer/model/process.ts';
import { groupHeader, layoutProcess, nodeHeight, nodeWidth, smoothPath } from '../designer/views/process/layout.ts';
import { runCommands } from './support/commands.ts';
import { edgeTestId } from '../designer/views/process/ProcessGraph.tsx';
import { matters } from './support/catalogue.ts';

const wenzhou = matters().find((m) => m.id === '330000-GA-0101')!.variants.find((v) => v.region?.code === '330300')!;

describe('layoutProcess()', () => {
  it('places every state, top to bottom along the way a case goes, without overlaps', () => {
    const graph = readProcess(wenzhou);
    const at = layoutProcess(graph).nodes;
    expect([...at.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const y = (id: string) => at.get(id)!.y;
    expect(y('draft')).toBeLessThan(y('submitted'));
    expect(y('submitted')).toBeLessThan(y('review'));
    expect(y('review')).toBeLessThan(y('chiefReview'));
    expect(y('chiefReview')).toBeLessThan(y('approved'));
    const boxes = [...at.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart = Math.abs(a.x - b.x) >= nodeWidth || Math.abs(a.y - b.y) >= nodeHeight;
        expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
      }
    }
  });

  it('places the "any state" node of events every state accepts', () => {
    const d = structuredClone(wenzhou) as any;
    d.process.on = { WITHDRAW: 'withdrawn' };
    expect(layoutProcess(readProcess(d)).nodes.has('*')).toBe(true);
  });
});

describe('layoutProcess() with nested and parallel states', () => {
  const add = (path: string, en: string, role?: string) => ({ name: 'add-state' as const, args: { path, step: { zh: en, en }, ...(role ? { role } : {}) } });
  const nested = runCommands(wenzhou,
    add('checks', 'Checks', 'approver'), add('checks.police', 'Police'), add('checks.housing', 'Housing'),
    { name: 'set-state-type', args: { path: 'checks', type: 'parallel' } },
    add('checks.police.checking', 'Checking', 'clerk'), add('checks.police.done', 'Done'),
    { name: 'add-transition', args: { from: 'checks.police.checking', event: 'POLICE_OK', transition: { target: 'checks.police.done' } } },
    { name: 'set-on-done', args: { path: 'checks', transition: { target: 'review' } } },
    { name: 'set-transition', args: { at: { from: 'submitted', event: 'ACCEPT' }, target: 'checks' } },
  );
  const layout = layoutProcess(readProcess(nested));
  const box = (id: string) => ({ ...layout.absolute.get(id)!, ...(layout.groups.get(id) ?? { width: nodeWidth, height: nodeHeight }) });
  const within = (inner: string, outer: string) => {
    const [a, b] = [box(inner), box(outer)];
    return a.x >= b.x && a.y >= b.y + groupHeader - 1 && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
  };

  it("draws a compound or parallel state as a box around its children, below its heading; children's positions are the box's", () => {
    expect([...layout.groups.keys()].sort()).toEqual(['checks', 'checks.police']);
    expect(within('checks.police', 'checks')).toBe(true);
    expect(within('checks.housing', 'checks')).toBe(true);
    expect(within('checks.police.checking', 'checks.police')).toBe(true);
    expect(within('checks.police.done', 'checks.police')).toBe(true);
    const [rel, parent, abs] = [layout.nodes.get('checks.police.done')!, layout.absolute.get('checks.police')!, layout.absolute.get('checks.police.done')!];
    expect({ x: parent.x + rel.x, y: parent.y + rel.y }).toEqual(abs);
    expect(box('checks.police.checking').y).toBeLessThan(box('checks.police.done').y); // POLICE_OK leads down
  });

  it("puts a parallel state's regions side by side, and the state itself between acceptance and review", () => {
    const [police, housing] = [box('checks.police'), box('checks.housing')];
    expect(police.y).toBe(housing.y);
    expect(police.x + police.width).toBeLessThan(housing.x);
    expect(box('submitted').y + nodeHeight).toBeLessThan(box('checks').y);
    expect(box('checks').y + box('checks').height).toBeLessThan(box('review').y);
    // a route of its own for a transition inside a box, on the whole graph's coordinates
    const ok = layout.edges.get('/process/states/checks/states/police/states/checking/on/POLICE_OK')!;
    expect(ok.points[0]!.y).toBeGreaterThan(box('checks.police.checking').y);
    expect(ok.points.at(-1)!.y).toBeLessThan(box('checks.police.done').y + nodeHeight);
  });
});

describe("an edge's route", () => {
  it('runs from its source down to its target, its label placed on the way', () => {
    const graph = readProcess(wenzhou);
    const layout = layoutProcess(graph);
    const accept = layout.edges.get('/process/states/submitted/on/ACCEPT')!;
    const [from, to] = [layout.nodes.get('submitted')!, layout.nodes.get('review')!];
    expect(accept.points[0]!.y).toBeGreaterThan(from.y + nodeHeight / 2); // leaves the lower half of "submitted"
    expect(accept.points.at(-1)!.y).toBeLessThan(to.y + nodeHeight / 2); // arrives at the upper half of "review"
    expect(accept.label!.y).toBeGreaterThan(from.y + nodeHeight);
    expect(accept.label!.y).toBeLessThan(to.y);
    // every label has a place of its own
    const labels = [...layout.edges.values()].map((e) => `${Math.round(e.label!.x)},${Math.round(e.label!.y)}`);
    expect(new Set(labels).size).toBe(labels.length);
    expect(smoothPath([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 0 }])).toBe('M 0 0 Q 10 10 15 5 L 20 0');
  });
});

describe('edgeTestId()', () => {
  it('names a transition by its state, event (delay, always) and index', () => {
    const edge = { from: 'review', kind: 'on', event: 'APPROVE', index: undefined };
    expect(edgeTestId(edge)).toBe('review-APPROVE');
    expect(edgeTestId({ ...edge, index: 1 })).toBe('review-APPROVE-1');
    expect(edgeTestId({ from: 'supplement', kind: 'after', event: 'P30D', index: undefined })).toBe('supplement-after-P30D');
    expect(edgeTestId({ from: '*', kind: 'on', event: 'WITHDRAW', index: undefined })).toBe('any-WITHDRAW');
    expect(edgeTestId({ from: 'check', kind: 'always', event: '', index: 0 })).toBe('check-always-0');
    expect(edgeTestId({ from: 'checks', kind: 'onDone', event: '', index: undefined })).toBe('checks-done');
  });
});
