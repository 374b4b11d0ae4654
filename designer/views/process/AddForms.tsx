/**
 * Adding a step (its id, step name in both languages, acting role) and adding a transition (from, on an event, a
 * delay or at once, to, guard and actions). Each is one command; a refusal is shown beside the form.
 */
import { useState, type FormEvent } from 'react';
import { knownActions, knownGuards, type MatterDefinition } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { freshStateName, type ProcessGraph, type TransitionKind } from '../../model/process.ts';
import { processWords } from './words.ts';

// An id from an English step name: "Second review" → secondReview.
const idFrom = (text: string): string => {
  const id = text.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^[^A-Za-z]+/, '');
  return id.charAt(0).toLowerCase() + id.slice(1);
};

export function AddStateForm({ definition, run, onClose }: { definition: MatterDefinition; run: (command: Command) => boolean; onClose: () => void }) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const roles = Array.isArray(definition.roles) ? definition.roles : [];
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState('');
  const [role, setRole] = useState(roles.find((r) => r.id !== 'applicant')?.id ?? '');
  const suggested = freshStateName(definition, idFrom(en) || 'step');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (run({ name: 'add-state', args: { id: id.trim() || suggested, step: { zh: zh.trim(), en: en.trim() || zh.trim() }, ...(role ? { role } : {}) } })) onClose();
  };
  return (
    <form className="properties process-form" onSubmit={submit} aria-label={w.addState} data-testid="process-add-state-form" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="panel-heading">{w.addState}</h3>
      <label>{w.stepZh}<input value={zh} onChange={(e) => setZh(e.target.value)} required autoFocus data-testid="process-new-state-zh" /></label>
      <label>{w.stepEn}<input value={en} onChange={(e) => setEn(e.target.value)} data-testid="process-new-state-en" /></label>
      <label>{w.stateId}<input value={id} placeholder={suggested} onChange={(e) => setId(e.target.value)} className="code" data-testid="process-new-state-id" aria-describedby="process-new-state-id-hint" /></label>
      <span className="muted field-hint" id="process-new-state-id-hint">{w.stateIdHint}</span>
      <label>{w.role}
        <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="process-new-state-role">
          <option value="">{w.noRole}</option>
          {roles.map((r) => <option key={r.id} value={r.id}>{r.name?.[locale] ?? r.id} ({r.id})</option>)}
        </select>
      </label>
      <div className="row-actions">
        <button type="submit" className="btn btn-small" data-testid="process-new-state-submit">{w.add}</button>
        <button type="button" className="btn btn-small" onClick={onClose}>{w.cancel}</button>
      </div>
    </form>
  );
}

export interface TransitionDraft {
  readonly from?: string;
  readonly target?: string;
}

export function AddTransitionForm({ graph, start, run, onClose }: { graph: ProcessGraph; start: TransitionDraft; run: (command: Command) => boolean; onClose: () => void }) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const sources = graph.nodes.filter((n) => !n.final);
  const [from, setFrom] = useState(start.from ?? sources[0]?.id ?? '');
  const [kind, setKind] = useState<TransitionKind>('on');
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState(start.target ?? graph.nodes[0]?.id ?? '');
  const [guard, setGuard] = useState('');
  const [actions, setActions] = useState<readonly string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const transition = { target, ...(guard ? { guard } : {}), ...(actions.length ? { actions } : {}) };
    if (run({ name: 'add-transition', args: { from, kind, event: kind === 'always' ? '' : event.trim(), transition } })) onClose();
  };
  const label = (id: string) => `${graph.nodes.find((n) => n.id === id)?.step?.[locale] ?? id} (${id})`;
  return (
    <form className="properties process-form" onSubmit={submit} aria-label={w.addTransition} data-testid="process-add-transition-form" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="panel-heading">{w.addTransition}</h3>
      <label>{w.from}
        <select value={from} onChange={(e) => setFrom(e.target.value)} autoFocus data-testid="process-new-transition-from">
          {sources.map((n) => <option key={n.id} value={n.id}>{label(n.id)}</option>)}
        </select>
      </label>
      <label>{w.kind}
        <select value={kind} onChange={(e) => setKind(e.target.value as TransitionKind)} data-testid="process-new-transition-kind">
          {(['on', 'after', 'always'] as const).map((k) => <option key={k} value={k}>{w.kinds[k]}</option>)}
        </select>
      </label>
      {kind !== 'always' && (
        <>
          <label>{kind === 'on' ? w.event : w.delay}
            <input value={event} onChange={(e) => setEvent(kind === 'on' ? e.target.value.toUpperCase() : e.target.value)} required className="code" data-testid="process-new-transition-event" aria-describedby="process-new-transition-hint" />
          </label>
          <span className="muted field-hint" id="process-new-transition-hint">{kind === 'on' ? w.eventHint : w.delayHint}</span>
        </>
      )}
      <label>{w.target}
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="process-new-transition-target">
          {graph.nodes.map((n) => <option key={n.id} value={n.id}>{label(n.id)}</option>)}
        </select>
      </label>
      <label>{w.guard}
        <select value={guard} onChange={(e) => setGuard(e.target.value)} data-testid="process-new-transition-guard">
          <option value="">{w.noGuard}</option>
          {knownGuards.map((g) => <option key={g.name} value={g.name} title={g.description}>{g.name}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{w.actions}</legend>
        {knownActions.map((a) => (
          <label key={a.name} className="check" title={a.description}>
            <input type="checkbox" checked={actions.includes(a.name)} onChange={(e) => setActions(knownActions.map((x) => x.name).filter((x) => (x === a.name ? e.target.checked : actions.includes(x))))} data-testid={`process-new-transition-action-${a.name}`} />
            <span className="code">{a.name}</span>
          </label>
        ))}
      </fieldset>
      <div className="row-actions">
        <button type="submit" className="btn btn-small" data-testid="process-new-transition-submit">{w.add}</button>
        <button type="button" className="btn btn-small" onClick={onClose}>{w.cancel}</button>
      </div>
    </form>
  );
}
