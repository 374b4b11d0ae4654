/**
 * The process designer: the process as a graph (React Flow, laid out by dagre), the chosen step's or transition's
 * form beside it, and the same process as tables under it (for keyboards and screen readers). Every edit is a
 * command of the editor model; the validator's problems (from the analysis worker) are shown live — on their state's
 * node, on their transition's label, and those of the whole process above the graph.
 */
import { useCallback, useMemo, useState } from 'react';
import type { MatterDefinition, Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { anyState, readProcess, selectedOf, type ProcessEdge } from '../../model/process.ts';
import type { SectionProps } from '../section.ts';
import { messageOf } from '../situations/SituationEditor.tsx';
import { AddStateForm, AddTransitionForm, type TransitionDraft } from './AddForms.tsx';
import { ProcessGraph } from './ProcessGraph.tsx';
import { ProcessTables } from './ProcessTables.tsx';
import { StateForm } from './StateForm.tsx';
import { StatelyExchange } from './StatelyExchange.tsx';
import { refOf, TransitionForm } from './TransitionForm.tsx';
import { processWords } from './words.ts';

const under = (pointer: string, base: string) => pointer === base || pointer.startsWith(`${base}/`);

export function ProcessSection({ editor, state, problems, readOnly }: SectionProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const definition = state.definition as MatterDefinition;
  const graph = useMemo(() => readProcess(definition), [definition]);
  const roles = Array.isArray(definition?.roles) ? definition.roles : [];
  const [adding, setAdding] = useState<{ kind: 'state'; parent?: string } | { kind: 'transition'; start: TransitionDraft }>();
  const [error, setError] = useState<string>();
  const [layoutRun, setLayoutRun] = useState(0);
  const [focusOn, setFocusOn] = useState<string>(); // the form to focus once it shows (chosen from a table)
  const run = useCallback((command: Command) => {
    try {
      editor.dispatch(command);
      setError(undefined);
      return true;
    } catch (e) {
      setError(w.refused(e instanceof Error ? e.message : String(e)));
      return false;
    }
  }, [editor, w]);
  const select = useCallback((pointer: string | undefined) => editor.select(pointer), [editor]);

  const own = useMemo(() => problems.filter((p) => under(p.pointer, '/process')), [problems]);
  // a state's problems are its own and its transitions': those inside a child state are the child's
  const problemsAt = useCallback((pointer: string): readonly Problem[] => own.filter((p) => under(p.pointer, pointer) && !p.pointer.startsWith(`${pointer}/states/`)), [own]);
  const processLevel = own.filter((p) => !graph.nodes.some((n) => under(p.pointer, n.pointer)));
  const roleName = (id: string | undefined) => (id === undefined ? w.noRole : roles.find((r) => r.id === id)?.name?.[locale] ?? id);
  const { node, edge } = selectedOf(graph, state.selection);

  const removeState = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id);
    // where its parent starts, it goes only with another to start at (chosen in its form); a last child goes alone
    const siblings = graph.nodes.filter((x) => x.parent === n?.parent).length;
    if (n?.initial && (n.parent === undefined || siblings > 1)) {
      select(n.pointer);
      setError(w.initialDelete);
      return;
    }
    run({ name: 'remove-state', args: { path: id } });
  };
  const removeTransition = (e: ProcessEdge) => run({ name: 'remove-transition', args: { at: refOf(e) } });
  const deleteSelected = () => {
    if (readOnly) return;
    if (edge) removeTransition(edge);
    else if (node) removeState(node.id);
  };
  const edit = (pointer: string) => {
    select(pointer);
    setAdding(undefined);
    setFocusOn(pointer);
  };

  if (graph.nodes.length === 0 && graph.initial === undefined) return <p data-testid="process">{w.noProcess}</p>;
  return (
    <div className="process" data-testid="process">
      {readOnly && <p className="muted">{w.readOnly}</p>}
      {processLevel.length > 0 && (
        <div className="process-problems" data-testid="process-problems" role="status">
          <h3 className="panel-heading">{w.processProblems}</h3>
          <ul>{processLevel.map((p, i) => <li key={`${p.code}-${p.pointer}-${i}`}>{messageOf(p, locale)} <span className="muted code">[{p.code}] {p.pointer}</span></li>)}</ul>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="process-problem-count">{w.stateProblems(own.length)}</p>
      {!readOnly && (
        <div className="process-actions" role="toolbar" aria-label={w.graph}>
          <button type="button" className="btn btn-small" onClick={() => setAdding({ kind: 'state' })} data-testid="process-add-state">{w.addState}</button>
          <button type="button" className="btn btn-small" onClick={() => setAdding({ kind: 'transition', start: node ? { from: node.id } : {} })} data-testid="process-add-transition">{w.addTransition}</button>
          <button type="button" className="btn btn-small" onClick={() => setLayoutRun((n) => n + 1)} data-testid="process-auto-layout">{w.autoLayout}</button>
          <button type="button" className="btn btn-small" disabled={!node && !edge} onClick={deleteSelected} data-testid="process-delete">{w.delete}</button>
        </div>
      )}
      {readOnly && (
        <div className="process-actions">
          <button type="button" className="btn btn-small" onClick={() => setLayoutRun((n) => n + 1)} data-testid="process-auto-layout">{w.autoLayout}</button>
        </div>
      )}
      <StatelyExchange process={definition.process} readOnly={readOnly} run={run} />
      {error && <p role="alert" className="error" data-testid="process-error">{error}</p>}
      <p className="muted field-hint">{w.graphHint}</p>
      <div className="process-main">
        <ProcessGraph
          graph={graph} roleName={roleName} problemsAt={problemsAt} selected={edge?.id ?? node?.pointer} onSelect={select}
          onConnect={(from, target) => !readOnly && setAdding({ kind: 'transition', start: { from, target } })}
          onDelete={deleteSelected} readOnly={readOnly} layoutRun={layoutRun}
        />
        <div className="process-side">
          {adding?.kind === 'state' && !readOnly && <AddStateForm key={adding.parent ?? ''} definition={definition} graph={graph} parent={adding.parent} run={run} onClose={() => setAdding(undefined)} />}
          {adding?.kind === 'transition' && !readOnly && <AddTransitionForm key={JSON.stringify(adding.start)} definition={definition} graph={graph} start={adding.start} run={run} onClose={() => setAdding(undefined)} />}
          {!adding && node && (
            <StateForm key={node.id} node={node} graph={graph} roles={roles} problems={problemsAt(node.pointer)} readOnly={readOnly} run={run} onSelect={select} focus={focusOn === node.pointer} onFocused={() => setFocusOn(undefined)} onAddChild={() => setAdding({ kind: 'state', parent: node.id })} />
          )}
          {!adding && edge && <TransitionForm key={edge.id} edge={edge} graph={graph} problems={problemsAt(edge.id)} readOnly={readOnly} run={run} focus={focusOn === edge.id} onFocused={() => setFocusOn(undefined)} definition={definition} editor={editor} />}
          {!adding && !node && !edge && <p className="muted">{w.nothingSelected}</p>}
        </div>
      </div>
      <ProcessTables
        graph={graph} roleName={roleName} problemsAt={problemsAt} selected={edge?.id ?? node?.pointer} readOnly={readOnly}
        onEdit={edit} onDeleteState={removeState} onDeleteTransition={removeTransition}
        onAddRoot={() => setAdding({ kind: 'transition', start: { from: anyState } })}
      />
    </div>
  );
}

export default ProcessSection;
