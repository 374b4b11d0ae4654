/**
 * The process drawn with React Flow: a node per state (its step name and role; a final state double-bordered with
 * its outcome; the initial one marked; a state with problems outlined in red with their count and first message), an
 * edge per transition labelled with its event and guard. A compound or parallel state is a box holding its children
 * (React Flow sub flows: `parentId`, `extent: 'parent'`), a parallel state's regions side by side in dashed boxes;
 * a compound's initial child is marked as the process's initial state is, and its onDone edge reads "when done".
 * Node ids are state paths. Laid out by dagre whenever states or transitions come or go (or on "auto-layout"); a
 * node dragged by hand stays put until then. Selecting selects in the editor; dragging from a node's lower handle to
 * another node asks for a new transition between them.
 */
import {
  BaseEdge, Background, Controls, EdgeLabelRenderer, getBezierPath, Handle, MarkerType, Position, ReactFlow, useNodesInitialized, useReactFlow, useStore, useUpdateNodeInternals,
  type Edge, type EdgeProps, type Node, type NodeChange, type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import { anyState, edgeLabel, type ProcessGraph as Graph } from '../../model/process.ts';
import { messageOf } from '../situations/SituationEditor.tsx';
import { layoutProcess, smoothPath, type Point } from './layout.ts';
import { processWords } from './words.ts';
import './process.css';

interface StateData extends Record<string, unknown> {
  readonly id: string;
  readonly step: string;
  readonly role: string | undefined;
  readonly final: boolean;
  readonly outcome: string | undefined;
  readonly initial: boolean;
  readonly kind: 'atomic' | 'compound' | 'parallel' | 'final';
  readonly region: boolean;
  /** Inside another state: a final one completes its parent, it need not say how the case ends. */
  readonly nested: boolean;
  readonly problems: readonly string[];
  readonly any: boolean;
  readonly readOnly: boolean;
}
interface TransitionData extends Record<string, unknown> {
  readonly label: string;
  /** dagre's route and label place, while neither end has been dragged away from the layout. */
  readonly route: { readonly points: readonly Point[]; readonly label: Point | undefined } | undefined;
  readonly testId: string;
  readonly problems: number;
  readonly select: () => void;
}
type StateNode = Node<StateData, 'state' | 'box'>;
type TransitionEdge = Edge<TransitionData, 'transition'>;

/** The test id of a transition: from, event (or the delay, or `always`) and its index among alternatives. */
export const edgeTestId = (e: { from: string; kind: string; event: string; index: number | undefined }): string =>
  [e.from === anyState ? 'any' : e.from, e.kind === 'on' ? e.event : e.kind === 'after' ? `after-${e.event}` : e.kind === 'onDone' ? 'done' : 'always', ...(e.index !== undefined ? [String(e.index)] : [])].join('-');

export interface ProcessGraphProps {
  readonly graph: Graph;
  readonly roleName: (id: string | undefined) => string;
  /** The problems at or inside a state's or a transition's pointer. */
  readonly problemsAt: (pointer: string) => readonly Problem[];
  readonly selected: string | undefined;
  readonly onSelect: (pointer: string | undefined) => void;
  readonly onConnect: (from: string, to: string) => void;
  readonly onDelete: () => void;
  readonly readOnly: boolean;
  /** Bumped by "auto-layout": hand-placed nodes go back to the layout. */
  readonly layoutRun: number;
}

function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const classes = ['process-node', data.final && 'final', data.initial && 'initial', data.any && 'any', data.problems.length > 0 && 'has-problems', selected && 'selected'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`process-node-${data.any ? 'any' : data.id}`} data-final={data.final || undefined} title={data.problems.join('\n') || undefined}>
      {!data.any && <Handle type="target" id="in" position={Position.Top} isConnectable={!data.readOnly} />}
      {!data.any && <Handle type="target" id="back-in" position={Position.Right} isConnectable={false} className="process-handle-back" />}
      {data.initial && <span className="process-node-start">{w.kindInitial}</span>}
      <strong className="process-node-step">{data.step}</strong>
      <span className="process-node-role">{data.final ? (data.nested && !data.outcome ? w.final : w.kindFinal(data.outcome ? w.outcomes[data.outcome] ?? data.outcome : '?')) : data.any ? '' : data.role}</span>
      {!data.any && data.step !== data.id && <span className="process-node-id">{data.id}</span>}
      {data.problems.length > 0 && (
        <>
          <span className="process-badge" data-testid="process-node-problems">{data.problems.length}</span>
          <span className="process-node-problem">{data.problems[0]}</span>
        </>
      )}
      {!data.final && <Handle type="source" id="out" position={Position.Bottom} isConnectable={!data.readOnly} />}
      {!data.final && <Handle type="source" id="back-out" position={Position.Right} isConnectable={false} className="process-handle-back" />}
    </div>
  );
}

// A compound or parallel state: a box with its heading (step, role, how its children run); they are drawn inside it.
function StateGroupView({ data, selected }: NodeProps<StateNode>) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const classes = ['process-group', data.kind, data.region && 'region', data.initial && 'initial', data.problems.length > 0 && 'has-problems', selected && 'selected'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`process-node-${data.id}`} data-kind={data.kind} title={[`${data.step} (${data.id})`, ...data.problems].join('\n')}>
      <Handle type="target" id="in" position={Position.Top} isConnectable={!data.readOnly} />
      <Handle type="target" id="back-in" position={Position.Right} isConnectable={false} className="process-handle-back" />
      {data.initial && <span className="process-node-start">{w.kindInitial}</span>}
      <div className="process-group-heading">
        <strong className="process-node-step">{data.step}</strong>
        <span className={`process-group-kind ${data.kind}`} data-testid="process-group-kind">{data.kind === 'parallel' ? w.groupParallel : w.groupCompound}</span>
        {data.role && <span className="process-node-role">{data.role}</span>}
        <span className="process-node-id">{data.id}</span>
      </div>
      {data.problems.length > 0 && <span className="process-badge" data-testid="process-node-problems">{data.problems.length}</span>}
      <Handle type="source" id="out" position={Position.Bottom} isConnectable={!data.readOnly} />
      <Handle type="source" id="back-out" position={Position.Right} isConnectable={false} className="process-handle-back" />
    </div>
  );
}

function TransitionEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected }: EdgeProps<TransitionEdge>) {
  const route = data?.route;
  const [bezier, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const path = route && route.points.length > 1 ? smoothPath(route.points) : bezier;
  const [labelX, labelY] = route?.label ? [route.label.x, route.label.y] : [midX, midY];
  const classes = ['process-edge-label', 'nodrag', 'nopan', selected && 'selected', data && data.problems > 0 && 'has-problems'].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'process-edge selected' : 'process-edge'} />
      <EdgeLabelRenderer>
        <div className={classes} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`process-edge-${data?.testId}`} onClick={data?.select}>
          {data?.label}{data && data.problems > 0 ? ` (!${data.problems})` : ''}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const nodeTypes = { state: memo(StateNodeView), box: memo(StateGroupView) };
const edgeTypes = { transition: memo(TransitionEdgeView) };

export function ProcessGraph({ graph, roleName, problemsAt, selected, onSelect, onConnect, onDelete, readOnly, layoutRun }: ProcessGraphProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  // the layout changes with the graph's shape (which states, which transitions), not with a renamed step
  const shape = JSON.stringify([graph.nodes.map((n) => [n.id, n.kind]), graph.edges.map((e) => [e.from, e.target, edgeLabel(e)])]);
  const [moved, setMoved] = useState<{ key: string; at: ReadonlyMap<string, { x: number; y: number }> }>({ key: '', at: new Map() });
  const key = `${shape}#${layoutRun}`;
  const placed = moved.key === key ? moved.at : new Map<string, { x: number; y: number }>();
  const hasAny = graph.edges.some((e) => e.from === anyState);
  // the sizes React Flow measured: the nodes are rebuilt from the definition on every change and must carry them,
  // or React Flow hides them until it measures them again (which it does only when their size changes); a box's
  // size is the layout's, not measured
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const boxes = new Set(graph.nodes.filter((n) => n.children.length > 0).map((n) => n.id));
  const measured = [...sizes].filter(([id]) => !boxes.has(id));
  const measuredKey = JSON.stringify(measured.map(([id, s]) => [id, Math.round(s.width), Math.round(s.height)]));
  const layout = useMemo(() => layoutProcess(graph, new Map(measured)), [shape, measuredKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const laidOut = layout.nodes;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const any = { id: anyState, key: anyState, pointer: '/process/on', parent: undefined, depth: 1, kind: 'atomic' as const, children: [], role: undefined, step: { zh: w.anyState, en: w.anyState }, final: false, outcome: undefined, initial: false, compound: false, region: false, any: true };
  const nodes: StateNode[] = [...graph.nodes.map((n) => ({ ...n, any: false })), ...(hasAny ? [any] : [])].map((n) => {
    const problems = n.any ? [] : problemsAt(n.pointer).map((p) => messageOf(p, locale));
    const step = n.step?.[locale] || n.key;
    const box = layout.groups.get(n.id);
    return {
      id: n.id,
      type: box ? 'box' : 'state',
      position: placed.get(n.id) ?? laidOut.get(n.id) ?? { x: 0, y: 0 },
      ...(n.parent !== undefined ? { parentId: n.parent, extent: 'parent' as const } : {}),
      ...(box ? { width: box.width, height: box.height, ...(sizes.has(n.id) ? { measured: sizes.get(n.id) } : {}) } : sizes.has(n.id) ? { measured: sizes.get(n.id) } : {}),
      selected: selected === n.pointer,
      deletable: !readOnly && !n.any,
      connectable: !readOnly,
      ariaLabel: n.final ? `${step}, ${n.parent !== undefined && !n.outcome ? w.final : w.kindFinal(n.outcome ? w.outcomes[n.outcome] ?? n.outcome : '?')}` : n.kind === 'parallel' ? `${step}, ${w.kindParallel}` : w.nodeLabel(step, roleName(n.role)),
      data: { id: n.id, step, role: n.role === undefined && box ? '' : roleName(n.role), final: n.final, outcome: n.outcome, initial: n.initial, kind: n.kind, region: n.region, nested: n.parent !== undefined, problems, any: n.any, readOnly },
    };
  });
  const stepOf = (id: string) => (id === anyState ? w.anyState : byId.get(id)?.step?.[locale] ?? id);
  const at = (id: string) => layout.absolute.get(id) ?? { x: 0, y: 0 };
  // a route is dagre's while neither end nor a box around either has been moved by hand
  const movedAround = (id: string) => { for (let n = byId.get(id); n; n = n.parent === undefined ? undefined : byId.get(n.parent)) if (placed.has(n.id)) return true; return placed.has(id); };
  const labelOf = (e: Graph['edges'][number]) => (e.kind === 'onDone' ? edgeLabel(e).replace(/^done/, w.whenDone) : edgeLabel(e));
  const edges: TransitionEdge[] = graph.edges.filter((e) => !e.unresolved && laidOut.has(e.target) && laidOut.has(e.from)).map((e) => {
    // a transition back up the process (to supplement, to correct) runs along the right side, clear of those going down
    const back = at(e.target).y < at(e.from).y - 1;
    return {
    id: e.id,
    source: e.from,
    target: e.target,
    sourceHandle: back ? 'back-out' : 'out',
    targetHandle: back ? 'back-in' : 'in',
    type: 'transition',
    selected: selected === e.id,
    deletable: !readOnly,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    ariaLabel: w.edgeTitle(stepOf(e.from), labelOf(e), stepOf(e.target)),
    data: { label: labelOf(e), route: movedAround(e.from) || movedAround(e.target) ? undefined : layout.edges.get(e.id), testId: edgeTestId(e), problems: problemsAt(e.id).length, select: () => onSelect(e.id) },
    };
  });

  const onNodesChange = (changes: NodeChange<StateNode>[]) => {
    const next = new Map(placed);
    let changed = false;
    const measured = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (measured.length > 0) {
      setSizes((current) => {
        const grown = new Map(current);
        for (const c of measured) if (c.type === 'dimensions' && c.dimensions) grown.set(c.id, c.dimensions);
        return grown;
      });
    }
    for (const c of changes) {
      if (c.type === 'position' && c.position) {
        next.set(c.id, c.position);
        changed = true;
      } else if (c.type === 'select' && c.selected) {
        onSelect(c.id === anyState ? '/process' : byId.get(c.id)?.pointer);
      }
    }
    if (changed) setMoved({ key, at: next });
  };

  return (
    <div className="process-graph" data-testid="process-graph">
      <ReactFlow<StateNode, TransitionEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={(changes) => {
          for (const c of changes) if (c.type === 'select' && c.selected) onSelect(c.id);
        }}
        onNodeClick={(_, n) => onSelect(n.id === anyState ? '/process' : byId.get(n.id)?.pointer)}
        onEdgeClick={(_, e) => onSelect(e.id)}
        onPaneClick={() => onSelect('/process')}
        onConnect={(c) => c.source && c.target && onConnect(c.source, c.target)}
        onBeforeDelete={async () => {
          onDelete();
          return false; // deleting goes through the commands (undoable, with their refusals)
        }}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        nodesDraggable
        nodesConnectable={!readOnly}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1.2 }}
        minZoom={0.2}
        ariaLabelConfig={w.flow}
      >
        <FitOnChange shape={`${key}#${measuredKey}`} />
        <MeasureUnbound />
        <Background gap={20} />
        <Controls showInteractive={false} position="top-left" orientation="horizontal" />
      </ReactFlow>
    </div>
  );
}

// Fits the view again when states or transitions come or go (a new step is never placed off screen).
function FitOnChange({ shape }: { shape: string }) {
  const flow = useReactFlow();
  const ready = useNodesInitialized();
  const last = useRef(shape);
  useEffect(() => {
    if (!ready || last.current === shape) return;
    last.current = shape;
    void flow.fitView({ padding: 0.05, maxZoom: 1.2, duration: 0 });
  }, [shape, ready, flow]);
  return null;
}

// React Flow draws an edge only between nodes whose handles it has measured, and measures a node when its size
// changes. A node rebuilt while a measurement is under way can be left without its handles' bounds (xyflow#4888,
// #6022) and stays drawn without its edges until its size changes again; seen on a loaded machine, never here.
// A node still unmeasured a quarter of a second after it appeared is measured again, until it is.
function MeasureUnbound() {
  const unbound = useStore((s) => {
    const ids: string[] = [];
    for (const n of s.nodeLookup.values()) if (!n.hidden && !n.internals.handleBounds) ids.push(n.id);
    return ids.join('\n');
  });
  const measure = useUpdateNodeInternals();
  useEffect(() => {
    if (!unbound) return;
    const ids = unbound.split('\n');
    const timer = setInterval(() => measure(ids), 250);
    return () => clearInterval(timer);
  }, [unbound, measure]);
  return null;
}
