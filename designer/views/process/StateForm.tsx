/**
 * The chosen state's form: its id (rename), step name, acting role, final and outcome, whether the process (or the
 * compound state it is in) starts here, and removing it (the initial state with the state to start at instead). A
 * state with child states also says how they run (compound or parallel), where a compound one starts and where it
 * goes when they are done; any state that is not final can get a child state. Every change is a command; a name or
 * step name is committed on Enter or on leaving the box, so one edit is one step of the history.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MatterDefinition, Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { edgeLabel, outcomes, type Outcome, type ProcessGraph, type ProcessNode } from '../../model/process.ts';
import { messageOf } from '../situations/SituationEditor.tsx';
import { stateOption } from './AddForms.tsx';
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
  /** Opens the form adding a child state to this one. */
  readonly onAddChild: () => void;
}

const commitKeys = (commit: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    commit();
  }
};

export function StateForm({ node, graph, roles, problems, readOnly, run, onSelect, focus, onFocused, onAddChild }: StateFormProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const path = node.id;
  const parent = node.parent === undefined ? undefined : graph.nodes.find((n) => n.id === node.parent);
  const parentStep = parent ? parent.step?.[locale] ?? parent.key : '';
  const [name, setName] = useState(node.key);
  const [zh, setZh] = useState(node.step?.zh ?? '');
  const [en, setEn] = useState(node.step?.en ?? '');
  const [outcome, setOutcome] = useState<Outcome>(node.outcome ?? 'approved');
  // where it starts instead: another state beside it
  const others = graph.nodes.filter((n) => n.id !== node.id && n.parent === node.parent && !n.final);
  const [instead, setInstead] = useState(others[0]?.id ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => setName(node.key), [node.key]);
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
    run({ name: 'set-state-step', args: { path, step: { zh, en } } });
  };
  const rename = () => name !== node.key && run({ name: 'rename-state', args: { path, to: name.trim() } });
  const leaving = graph.edges.filter((e) => e.from === node.id);
  const step = node.step?.[locale] ?? node.key;
  const children = graph.nodes.filter((n) => n.parent === node.id);
  const onDone = leaving.find((e) => e.kind === 'onDone');
  return (
    <fieldset className="properties process-form" disabled={readOnly} data-testid="process-state-form" data-state={node.id}>
      <legend>{w.stateForm(step)}</legend>
      {parent && <p className="muted">{w.path}: <span className="code" data-testid="process-state-path">{path}</span></p>}
      <label>{w.stateId}
        <input ref={first} value={name} onChange={(e) => setName(e.target.value)} onBlur={rename} onKeyDown={commitKeys(rename)} className="code" data-testid="process-state-id" aria-describedby="process-state-id-hint" />
      </label>
      <span className="muted field-hint" id="process-state-id-hint">{w.stateIdHint}</span>
      <label>{w.stepZh}<input value={zh} onChange={(e) => setZh(e.target.value)} onBlur={commitStep} onKeyDown={commitKeys(commitStep)} data-testid="process-state-step-zh" /></label>
      <label>{w.stepEn}<input value={en} onChange={(e) => setEn(e.target.value)} onBlur={commitStep} onKeyDown={commitKeys(commitStep)} data-testid="process-state-step-en" /></label>
      {!node.final && (
        <label>{w.role}
          <select value={node.role ?? ''} onChange={(e) => run({ name: 'set-state-role', args: { path, role: e.target.value || undefined } })} data-testid="process-state-role">
            <option value="">{w.noRole}</option>
            {node.role !== undefined && !roles.some((r) => r.id === node.role) && <option value={node.role}>{node.role}</option>}
            {roles.map((r) => <option key={r.id} value={r.id}>{r.name?.[locale] ?? r.id} ({r.id})</option>)}
          </select>
        </label>
      )}
      {!node.compound && parent === undefined && (
        <fieldset>
          <legend>{w.final}</legend>
          <label className="check">
            <input type="checkbox" checked={node.final} onChange={(e) => run({ name: 'set-state-final', args: e.target.checked ? { path, final: true, outcome } : { path, final: false } })} data-testid="process-state-final" />
            {w.finalCheck}
          </label>
          <label>{w.outcome}
            <select value={node.outcome ?? outcome} onChange={(e) => {
              const next = e.target.value as Outcome;
              setOutcome(next);
              if (node.final) run({ name: 'set-state-final', args: { path, final: true, outcome: next } });
            }} data-testid="process-state-outcome">
              {outcomes.map((o) => <option key={o} value={o}>{w.outcomes[o]}</option>)}
            </select>
          </label>
        </fieldset>
      )}
      {!node.compound && parent !== undefined && !node.region && (
        <label className="check">
          <input type="checkbox" checked={node.final} onChange={(e) => run({ name: 'set-state-final', args: { path, final: e.target.checked } })} data-testid="process-state-final" />
          {w.nestedFinalCheck}
        </label>
      )}
      {!node.final && parent === undefined && (
        <p>{node.initial
          ? <span data-testid="process-state-initial">{w.isInitial}</span>
          : <button type="button" className="btn btn-small" onClick={() => run({ name: 'set-initial', args: { path } })} data-testid="process-state-make-initial">{w.makeInitial}</button>}</p>
      )}
      {!node.final && parent !== undefined && !node.region && (
        <p>{node.initial
          ? <span data-testid="process-state-initial">{w.isInitialChild(parentStep)}</span>
          : <button type="button" className="btn btn-small" onClick={() => run({ name: 'set-initial', args: { path } })} data-testid="process-state-make-initial">{w.makeInitialChild(parentStep)}</button>}</p>
      )}
      {node.compound && (
        <fieldset>
          <legend>{w.compound}</legend>
          <label>{w.stateType}
            <select value={node.kind} onChange={(e) => run({ name: 'set-state-type', args: { path, type: e.target.value as 'compound' | 'parallel' } })} data-testid="process-state-type">
              <option value="compound">{w.types.compound}</option>
              <option value="parallel">{w.types.parallel}</option>
            </select>
          </label>
          {node.kind === 'compound' && (
            <label>{w.initialChild}
              <select value={children.find((c) => c.initial)?.id ?? ''} onChange={(e) => e.target.value && run({ name: 'set-initial', args: { path: e.target.value } })} data-testid="process-state-initial-child">
                {!children.some((c) => c.initial) && <option value="">—</option>}
                {children.filter((c) => !c.final).map((c) => <option key={c.id} value={c.id}>{c.step?.[locale] ?? c.key} ({c.key})</option>)}
              </select>
            </label>
          )}
          <label>{w.onDone}
            <select value={onDone?.target ?? ''} onChange={(e) => run({ name: 'set-on-done', args: { path, transition: e.target.value ? { target: e.target.value } : null } })} data-testid="process-state-on-done">
              <option value="">{w.noOnDone}</option>
              {onDone?.unresolved && <option value={onDone.target}>{onDone.target}</option>}
              {graph.nodes.filter((n) => n.id !== path).map((n) => <option key={n.id} value={n.id}>{stateOption(n, locale)}</option>)}
            </select>
          </label>
        </fieldset>
      )}
      {!node.final && !readOnly && node.depth < 4 && (
        <p><button type="button" className="btn btn-small" onClick={onAddChild} data-testid="process-state-add-child">{w.addChild}</button></p>
      )}
      {leaving.length > 0 && (
        <>
          <h3 className="panel-heading">{w.transitions}</h3>
          <ul>
            {leaving.map((e) => (
              <li key={e.id}><button type="button" className="link code" onClick={() => onSelect(e.id)} data-testid={`process-state-transition-${edgeTestId(e)}`}>{e.kind === 'onDone' ? w.whenDone : edgeLabel(e)} → {e.target}</button></li>
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
          {node.initial && others.length > 0 && !node.region && (
            <label>{w.newInitial}
              <select value={instead} onChange={(e) => setInstead(e.target.value)} data-testid="process-state-instead">
                {others.map((n) => <option key={n.id} value={n.id}>{n.step?.[locale] ?? n.key} ({n.id})</option>)}
              </select>
            </label>
          )}
          <button type="button" className="btn btn-small" onClick={() => run({ name: 'remove-state', args: node.initial && others.length > 0 ? { path, initial: instead } : { path } })} data-testid="process-state-delete">
            {w.deleteState(step)}
          </button>
        </div>
      )}
    </fieldset>
  );
}
