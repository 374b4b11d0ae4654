/**
 * The chosen transition's form: its event (renamed in its state), its target, its guard and actions from the
 * runtime's vocabulary or a guard over the case data (a data condition, a date older than a duration: GuardParams),
 * and removing it. An event every step accepts (the process's own `on`) is edited the same way, and says which
 * top-level steps handle the event themselves (they do not take it).
 */
import { useEffect, useRef, useState } from 'react';
import { knownActions, knownGuards, type MatterDefinition, type Problem } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { paramGuardTypes, type ParamGuard } from '../../model/commands/process.ts';
import type { Editor } from '../../model/editor.ts';
import { anyState, edgeLabel, guardText, type ProcessEdge, type ProcessGraph, type TransitionRef } from '../../model/process.ts';
import { messageOf } from '../situations/SituationEditor.tsx';
import { stateOption } from './AddForms.tsx';
import { defaultGuard, GuardParams } from './GuardParams.tsx';
import { Overridden } from './Overridden.tsx';
import { processWords } from './words.ts';

export interface TransitionFormProps {
  readonly edge: ProcessEdge;
  readonly graph: ProcessGraph;
  readonly problems: readonly Problem[];
  readonly readOnly: boolean;
  readonly run: (command: Command) => boolean;
  readonly focus: boolean;
  readonly onFocused: () => void;
  readonly definition: MatterDefinition;
  readonly editor: Editor;
}

/** The reference the commands take for an edge. */
export const refOf = (e: ProcessEdge): TransitionRef => ({ from: e.from, kind: e.kind, event: e.event, ...(e.index !== undefined ? { index: e.index } : {}) });

export function TransitionForm({ edge, graph, problems, readOnly, run, focus, onFocused, definition, editor }: TransitionFormProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const [event, setEvent] = useState(edge.event);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => setEvent(edge.event), [edge.event]);
  useEffect(() => {
    if (!focus) return;
    first.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const fixed = readOnly;
  const root = edge.from === anyState;
  const at = refOf(edge);
  const renameEvent = () => event !== edge.event && run({ name: 'rename-event', args: { from: edge.from, event: edge.event, to: event.trim() } });
  const stepOf = (id: string) => (id === anyState ? w.anyState : graph.nodes.find((n) => n.id === id)?.step?.[locale] ?? id);
  const label = edge.kind === 'onDone' ? edgeLabel(edge).replace(/^done/, w.whenDone) : edgeLabel(edge);
  const title = root ? w.rootTitle(label) : label;
  const actions = new Set(edge.actions);
  const paramType = (paramGuardTypes as readonly string[]).includes(String(edge.guardParams?.type)) ? (edge.guardParams!.type as ParamGuard['type']) : undefined;
  // a parameterised choice starts from a default the official then edits; choosing the same one again keeps it
  const chooseGuard = (value: string) => {
    if (value.startsWith('#')) {
      const type = value.slice(1) as ParamGuard['type'];
      if (type !== paramType) run({ name: 'set-transition', args: { at, guard: defaultGuard(type, definition) } });
    } else run({ name: 'set-transition', args: { at, guard: value || null } });
  };
  const toggle = (name: string, on: boolean) => run({ name: 'set-transition', args: { at, actions: knownActions.map((a) => a.name).filter((a) => (a === name ? on : actions.has(a))) } });
  return (
    <fieldset className="properties process-form" disabled={fixed} data-testid="process-transition-form" data-transition={edge.id}>
      <legend>{w.transitionForm(title)}</legend>
      <p>{w.from}: <strong>{root ? w.everyStep : stepOf(edge.from)}</strong> <span className="code muted">({root ? '*' : edge.from})</span></p>
      {edge.kind === 'on' ? (
        <div className="row-actions">
          <label>{w.event}
            <input value={event} onChange={(e) => setEvent(e.target.value)} onBlur={renameEvent} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), renameEvent())} className="code" data-testid="process-transition-event" aria-describedby="process-event-hint" />
          </label>
        </div>
      ) : (
        <p>{w.kind}: {w.kinds[edge.kind]}{edge.kind === 'after' ? ` ${edge.event}` : ''}</p>
      )}
      {edge.kind === 'on' && <span className="muted field-hint" id="process-event-hint">{w.eventHint}</span>}
      {root && <Overridden graph={graph} event={edge.event} locale={locale} />}
      {edge.written !== edge.target && <p className="muted field-hint" data-testid="process-transition-written">{w.nestedHint} <span className="code">{edge.written}</span></p>}
      <label>{w.target}
        <select ref={first} value={edge.target} onChange={(e) => run({ name: 'set-transition', args: { at, target: e.target.value } })} data-testid="process-transition-target">
          {!graph.nodes.some((n) => n.id === edge.target) && <option value={edge.target}>{edge.target}</option>}
          {graph.nodes.map((n) => <option key={n.id} value={n.id}>{stateOption(n, locale)}</option>)}
        </select>
      </label>
      <label>{w.guard}
        <select value={paramType ? `#${paramType}` : edge.guardParams ? '#params' : edge.guard ?? ''} onChange={(e) => chooseGuard(e.target.value)} data-testid="process-transition-guard">
          <option value="">{w.noGuard}</option>
          {edge.guardParams && !paramType && <option value="#params" disabled>{guardText(edge)}</option>}
          {paramGuardTypes.map((type) => <option key={type} value={`#${type}`}>{w.paramGuardTypes[type]}</option>)}
          {edge.guard !== undefined && !knownGuards.some((g) => g.name === edge.guard) && <option value={edge.guard}>{edge.guard}</option>}
          {knownGuards.map((g) => <option key={g.name} value={g.name} title={g.description}>{g.name}</option>)}
        </select>
      </label>
      {paramType && <GuardParams guard={edge.guardParams as ParamGuard} at={at} definition={definition} editor={editor} readOnly={fixed} run={run} />}
      {edge.guardParams && !paramType && <p className="muted field-hint">{w.paramGuard(guardText(edge) ?? '')}</p>}
      <fieldset>
        <legend>{w.actions}</legend>
        {knownActions.map((a) => (
          <label key={a.name} className="check" title={a.description}>
            <input type="checkbox" checked={actions.has(a.name)} onChange={(e) => toggle(a.name, e.target.checked)} data-testid={`process-transition-action-${a.name}`} />
            <span className="code">{a.name}</span>
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <div className="field-problems" data-testid="process-transition-problems">
          <h3>{w.stateProblems(problems.length)}</h3>
          <ul>{problems.map((p, i) => <li key={`${p.code}-${i}`}>{messageOf(p, locale)} <span className="muted">[{p.code}]</span></li>)}</ul>
        </div>
      )}
      {!fixed && (
        <button type="button" className="btn btn-small" onClick={() => run({ name: 'remove-transition', args: { at } })} data-testid="process-transition-delete">
          {w.deleteTransition(title)}
        </button>
      )}
    </fieldset>
  );
}
