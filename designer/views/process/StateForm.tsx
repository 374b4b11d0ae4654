/**
 * The chosen state's form: its id (rename), step name, acting role, final and outcome, whether the process starts
 * here, and removing it (the initial state with the state to start at instead). Every change is a command; a name or
 * step name is committed on Enter or on leaving the box, so one edit is one step of the history.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MatterDefinition, Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { edgeLabel, outcomes, type Outcome, type ProcessGraph, type ProcessNode } from '../../model/process.ts';
import { messageOf } from '../situations/SituationEditor.tsx';
import { edgeTestId } from './ProcessGraph.tsx';
import { processWords } from './words.ts';

export interface StateFormProps {
  readonly node: ProcessNode;
  readonly graph: ProcessGraph;
  readonly roles: MatterDefinition['roles'];
  readonly problems: readonly Problem[];
  readonly readOnly: boolean;
  readonly run: (command: Command) => boolean;
  readonly onSelect: (pointer: string) => void;
  /** The form takes the focus (chosen from a table), then says so. */
  readonly focus: boolean;
  readonly onFocused: () => void;
}

const commitKeys = (commit: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    commit();
  }
};

export function StateForm({ node, graph, roles, problems, readOnly, run, onSelect, focus, onFocused }: StateFormProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const [name, setName] = useState(node.id);
  const [zh, setZh] = useState(node.step?.zh ?? '');
  const [en, setEn] = useState(node.step?.en ?? '');
  const [outcome, setOutcome] = useState<Outcome>(node.outcome ?? 'approved');
  const others = graph.nodes.filter((n) => n.id !== node.id && !n.final);
  const [instead, setInstead] = useState(others[0]?.id ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => setName(node.id), [node.id]);
  useEffect(() => {
    setZh(node.step?.zh ?? '');
    setEn(node.step?.en ?? '');
  }, [node.step?.zh, node.step?.en]);
  useEffect(() => {
    if (!focus) return;
    first.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const commitStep = () => {
    if (zh === (node.step?.zh ?? '') && en === (node.step?.en ?? '')) return;
    run({ name: 'set-state-step', args: { id: node.id, step: { zh, en } } });
  };
  const rename = () => name !== node.id && run({ name: 'rename-state', args: { from: node.id, to: name.trim() } });
  const leaving = graph.edges.filter((e) => e.from === node.id);
  const step = node.step?.[locale] ?? node.id;
  return (
    <fieldset className="properties process-form" disabled={readOnly} data-testid="process-state-form" data-state={node.id}>
      <legend>{w.stateForm(step)}</legend>
      <label>{w.stateId}
        <input ref={first} value={name} onChange={(e) => setName(e.target.value)} onBlur={rename} onKeyDown={commitKeys(rename)} className="code" data-testid="process-state-id" aria-describedby="process-state-id-hint" />
      </label>
      <span className="muted field-hint" id="process-state-id-hint">{w.stateIdHint}</span>
      <label>{w.stepZh}<input value={zh} onChange={(e) => setZh(e.target.value)} onBlur={commitStep} onKeyDown={commitKeys(commitStep)} data-testid="process-state-step-zh" /></label>
      <label>{w.stepEn}<input value={en} onChange={(e) => setEn(e.target.value)} onBlur={commitStep} onKeyDown={commitKeys(commitStep)} data-testid="process-state-step-en" /></label>
      {!node.final && (
        <label>{w.role}
          <select value={node.role ?? ''} onChange={(e) => run({ name: 'set-state-role', args: { id: node.id, role: e.target.value || undefined } })} data-testid="process-state-role">
            <option value="">{w.noRole}</option>
            {node.role !== undefined && !roles.some((r) => r.id === node.role) && <option value={node.role}>{node.role}</option>}
            {roles.map((r) => <option key={r.id} value={r.id}>{r.name?.[locale] ?? r.id} ({r.id})</option>)}
          </select>
        </label>
      )}
      <fieldset>
        <legend>{w.final}</legend>
        <label className="check">
          <input type="checkbox" checked={node.final} onChange={(e) => run({ name: 'set-state-final', args: e.target.checked ? { id: node.id, final: true, outcome } : { id: node.id, final: false } })} data-testid="process-state-final" />
          {w.finalCheck}
        </label>
        <label>{w.outcome}
          <select value={node.outcome ?? outcome} onChange={(e) => {
            const next = e.target.value as Outcome;
            setOutcome(next);
            if (node.final) run({ name: 'set-state-final', args: { id: node.id, final: true, outcome: next } });
          }} data-testid="process-state-outcome">
            {outcomes.map((o) => <option key={o} value={o}>{w.outcomes[o]}</option>)}
          </select>
        </label>
      </fieldset>
      {!node.final && (
        <p>{node.initial
          ? <span data-testid="process-state-initial">{w.isInitial}</span>
          : <button type="button" className="btn btn-small" onClick={() => run({ name: 'set-initial', args: { id: node.id } })} data-testid="process-state-make-initial">{w.makeInitial}</button>}</p>
      )}
      {node.compound && <p className="muted">{w.compound}</p>}
      {leaving.length > 0 && (
        <>
          <h3 className="panel-heading">{w.transitions}</h3>
          <ul>
            {leaving.map((e) => (
              <li key={e.id}><button type="button" className="link code" onClick={() => onSelect(e.id)} data-testid={`process-state-transition-${edgeTestId(e)}`}>{edgeLabel(e)} → {e.target}</button></li>
            ))}
          </ul>
        </>
      )}
      {problems.length > 0 && (
        <div className="field-problems" data-testid="process-state-problems">
          <h3>{w.stateProblems(problems.length)}</h3>
          <ul>{problems.map((p, i) => <li key={`${p.code}-${i}`}>{messageOf(p, locale)} <span className="muted">[{p.code}]</span></li>)}</ul>
        </div>
      )}
      {!readOnly && (
        <div className="row-actions">
          {node.initial && others.length > 0 && (
            <label>{w.newInitial}
              <select value={instead} onChange={(e) => setInstead(e.target.value)} data-testid="process-state-instead">
                {others.map((n) => <option key={n.id} value={n.id}>{n.step?.[locale] ?? n.id} ({n.id})</option>)}
              </select>
            </label>
          )}
          <button type="button" className="btn btn-small" onClick={() => run({ name: 'remove-state', args: node.initial ? { id: node.id, initial: instead } : { id: node.id } })} data-testid="process-state-delete">
            {w.deleteState(step)}
          </button>
        </div>
      )}
    </fieldset>
  );
}
