/**
 * The process as tables — steps, transitions, and the transitions every step accepts (the process's own `on`) —
 * under the graph: what a screen reader reads and where a keyboard user works. Nested states are listed by path
 * under their parent, indented. Each row's Edit opens its form (focused), Delete removes it through the same commands.
 */
import type { Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import { anyState, edgeLabel, guardText, overriding, type ProcessEdge, type ProcessGraph, type ProcessNode } from '../../model/process.ts';
import { edgeTestId } from './ProcessGraph.tsx';
import { processWords } from './words.ts';

export interface ProcessTablesProps {
  readonly graph: ProcessGraph;
  readonly roleName: (id: string | undefined) => string;
  readonly problemsAt: (pointer: string) => readonly Problem[];
  readonly selected: string | undefined;
  readonly readOnly: boolean;
  readonly onEdit: (pointer: string) => void;
  readonly onDeleteState: (id: string) => void;
  readonly onDeleteTransition: (edge: ProcessEdge) => void;
  /** Opens the form adding a transition every step accepts. */
  readonly onAddRoot: () => void;
}

export function ProcessTables({ graph, roleName, problemsAt, selected, readOnly, onEdit, onDeleteState, onDeleteTransition, onAddRoot }: ProcessTablesProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const c = w.stateColumns;
  const t = w.transitionColumns;
  // a nested state's step name is said with its path: two regions may each have a step "checking"
  const stepOf = (id: string) => (id === anyState ? w.anyState : id.includes('.') ? `${graph.nodes.find((n) => n.id === id)?.step?.[locale] ?? id} (${id})` : graph.nodes.find((n) => n.id === id)?.step?.[locale] ?? id);
  const kindOf = (n: ProcessNode): string => [
    ...(n.final ? [n.parent === undefined || n.outcome ? w.kindFinal(n.outcome ? w.outcomes[n.outcome] ?? n.outcome : '?') : w.final] : n.kind === 'parallel' ? [w.kindParallel] : n.kind === 'compound' ? [w.kindCompound] : n.initial ? [] : [w.kindStep]),
    ...(n.initial ? [w.kindInitial] : []), ...(n.region ? [w.kindRegion] : []),
  ].join(' · ');
  return (
    <div className="process-tables" data-testid="process-tables">
      <table data-testid="process-states-table">
        <caption>{w.states}</caption>
        <thead><tr><th scope="col">{c.id}</th><th scope="col">{c.step}</th><th scope="col">{c.role}</th><th scope="col">{c.kind}</th><th scope="col">{c.problems}</th><th scope="col">{c.actions}</th></tr></thead>
        <tbody>
          {graph.nodes.map((n) => {
            const problems = problemsAt(n.pointer).length;
            const step = n.step?.[locale] ?? n.id;
            return (
              <tr key={n.id} className={selected === n.pointer ? 'selected' : undefined} data-testid={`process-state-row-${n.id}`}>
                <th scope="row" className={`code process-depth-${n.depth}`}>{n.id}</th>
                <td>{step}</td>
                <td>{n.final ? '' : n.role === undefined && n.compound ? '' : roleName(n.role)}</td>
                <td>{kindOf(n)}</td>
                <td className={problems ? 'error' : undefined}>{problems ? w.stateProblems(problems) : w.noProblems}</td>
                <td>
                  <span className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => onEdit(n.pointer)} aria-label={w.edit(step)} data-testid={`process-state-edit-${n.id}`}>{readOnly ? '👁' : '✎'}</button>
                    {!readOnly && <button type="button" className="btn btn-small" onClick={() => onDeleteState(n.id)} aria-label={w.deleteState(step)} data-testid={`process-state-delete-${n.id}`}>✕</button>}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table data-testid="process-transitions-table">
        <caption>{w.transitions}</caption>
        <thead><tr><th scope="col">{t.from}</th><th scope="col">{t.event}</th><th scope="col">{t.target}</th><th scope="col">{t.guard}</th><th scope="col">{t.actions}</th><th scope="col">{t.edit}</th></tr></thead>
        <tbody>
          {graph.edges.filter((e) => e.from !== anyState).map((e) => {
            const id = edgeTestId(e);
            const label = e.kind === 'onDone' ? edgeLabel(e).replace(/^done/, w.whenDone) : edgeLabel(e);
            const name = w.edgeTitle(stepOf(e.from), label, stepOf(e.target));
            const problems = problemsAt(e.id).length;
            return (
              <tr key={e.id} className={selected === e.id ? 'selected' : undefined} data-testid={`process-transition-row-${id}`}>
                <td>{stepOf(e.from)}</td>
                <th scope="row" className="code">{e.kind === 'on' ? e.event : e.kind === 'after' ? `after ${e.event}` : e.kind === 'onDone' ? w.whenDone : 'always'}{problems ? <span className="error"> ({w.stateProblems(problems)})</span> : null}</th>
                <td>{stepOf(e.target)}</td>
                <td className="code">{guardText(e) ?? ''}</td>
                <td className="code">{e.actions.join(', ')}</td>
                <td>
                  <span className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => onEdit(e.id)} aria-label={w.edit(name)} data-testid={`process-transition-edit-${id}`}>{readOnly ? '👁' : '✎'}</button>
                    {!readOnly && <button type="button" className="btn btn-small" onClick={() => onDeleteTransition(e)} aria-label={w.deleteTransition(name)} data-testid={`process-transition-delete-${id}`}>✕</button>}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <RootTable graph={graph} problemsAt={problemsAt} selected={selected} readOnly={readOnly} onEdit={onEdit} onDelete={onDeleteTransition} onAdd={onAddRoot} />
    </div>
  );
}

// The process's own `on`: each event with the top-level steps that handle it themselves (and so do not take it).
function RootTable({ graph, problemsAt, selected, readOnly, onEdit, onDelete, onAdd }: {
  graph: ProcessGraph; problemsAt: (pointer: string) => readonly Problem[]; selected: string | undefined; readOnly: boolean;
  onEdit: (pointer: string) => void; onDelete: (edge: ProcessEdge) => void; onAdd: () => void;
}) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const c = w.rootColumns;
  const stepOf = (id: string) => `${graph.nodes.find((n) => n.id === id)?.step?.[locale] ?? id}${id.includes('.') ? ` (${id})` : ''}`;
  const edges = graph.edges.filter((e) => e.from === anyState);
  return (
    <div className="process-root" data-testid="process-root-section">
      <table data-testid="process-root-transitions-table" aria-describedby="process-root-hint">
        <caption>{w.rootTransitions}</caption>
        <thead><tr><th scope="col">{c.event}</th><th scope="col">{c.target}</th><th scope="col">{c.guard}</th><th scope="col">{c.actions}</th><th scope="col">{c.overridden}</th><th scope="col">{c.edit}</th></tr></thead>
        <tbody>
          {edges.length === 0 && <tr><td colSpan={6} className="muted" data-testid="process-root-none">{w.noRootTransitions}</td></tr>}
          {edges.map((e) => {
            const id = edgeTestId(e);
            const name = w.edgeTitle(w.everyStep, edgeLabel(e), stepOf(e.target));
            const problems = problemsAt(e.id).length;
            return (
              <tr key={e.id} className={selected === e.id ? 'selected' : undefined} data-testid={`process-transition-row-${id}`}>
                <th scope="row" className="code">{e.event}{problems ? <span className="error"> ({w.stateProblems(problems)})</span> : null}</th>
                <td>{stepOf(e.target)}</td>
                <td className="code">{guardText(e) ?? ''}</td>
                <td className="code">{e.actions.join(', ')}</td>
                <td data-testid={`process-root-overridden-${id}`}>{overriding(graph, e.event).map((n) => n.step?.[locale] ?? n.id).join(locale === 'zh' ? '、' : ', ')}</td>
                <td>
                  <span className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => onEdit(e.id)} aria-label={w.edit(name)} data-testid={`process-transition-edit-${id}`}>{readOnly ? '👁' : '✎'}</button>
                    {!readOnly && <button type="button" className="btn btn-small" onClick={() => onDelete(e)} aria-label={w.deleteTransition(name)} data-testid={`process-transition-delete-${id}`}>✕</button>}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted field-hint" id="process-root-hint">{w.rootHint}</p>
      {!readOnly && <button type="button" className="btn btn-small" onClick={onAdd} data-testid="process-add-root-transition">{w.addRootTransition}</button>}
    </div>
  );
}
