/**
 * The process graph's auto-layout (dagre, top to bottom) and the test ids the graph and tables give transitions:
 * the process reads downwards from the initial state, every state gets a place, no two overlap.
 */
import { describe, expect, it } from 'vitest';
import { readProcess } from '../designer/model/process.ts';
import { layoutProcess, nodeHeight, nodeWidth, smoothPath } from '../designer/views/process/layout.ts';
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
  });
});
