/**
 * Adding a step (inside which state — none for the top level —, its id, step name in both languages, acting role)
 * and adding a transition (from a state or in every step, on an event, a delay, at once or when its child states are
 * done, to, guard — named, or over the case data, edited afterwards in the transition's form — and actions). States
 * are listed by path, indented by depth. Each is one command; a refusal is shown beside the form.
 */
import { useState, type FormEvent } from 'react';
import { knownActions, knownGuards, type MatterDefinition } from '../../../engine/index.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import { paramGuardTypes, type ParamGuard } from '../../model/commands/process.ts';
import { anyState, eventName, freshStateName, type ProcessGraph, type ProcessNode, type TransitionKind } from '../../model/process.ts';
import { defaultGuard } from './GuardParams.tsx';
import { Overridden } from './Overridden.tsx';
import { processWords } from './words.ts';

// An id from an English step name: "Second review" → secondReview.
const idFrom = (text: string): string => {
  const id = text.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^[^A-Za-z]+/, '');
  return id.charAt(0).toLowerCase() + id.slice(1);
};

/** A state as an option of a list: its step name and path, indented by its depth. */
export const stateOption = (n: ProcessNode, locale: 'zh' | 'en'): string => `${'\u00a0\u00a0'.repeat(n.depth - 1)}${n.step?.[locale] ?? n.key} (${n.id})`;

export interface AddStateFormProps {
  readonly definition: MatterDefinition;
  readonly graph: ProcessGraph;
  /** The state to add a child state to (undefined: the top level). */
  readonly parent?: string;
  readonly run: (command: Command) => boolean;
  readonly onClose: () => void;
}

export function AddStateForm({ definition, graph, parent: start, run, onClose }: AddStateFormProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const roles = Array.isArray(definition.roles) ? definition.roles : [];
  const [parent, setParent] = useState(start ?? '');
  const parents = graph.nodes.filter((n) => !n.final && n.depth < 4);
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState('');
  const [role, setRole] = useState(roles.find((r) => r.id !== 'applicant')?.id ?? '');
  const suggested = freshStateName(definition, idFrom(en) || 'step', parent || undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = id.trim() || suggested;
    if (run({ name: 'add-state', args: { path: parent ? `${parent}.${key}` : key, step: { zh: zh.trim(), en: en.trim() || zh.trim() }, ...(role ? { role } : {}) } })) onClose();
  };
  const title = parent ? w.addChildTo(graph.nodes.find((n) => n.id === parent)?.step?.[locale] ?? parent) : w.addState;
  return (
    <form className="properties process-form" onSubmit={submit} aria-label={title} data-testid="process-add-state-form" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="panel-heading">{title}</h3>
      <label>{w.stepZh}<input value={zh} onChange={(e) => setZh(e.target.value)} required autoFocus data-testid="process-new-state-zh" /></label>
      <label>{w.stepEn}<input value={en} onChange={(e) => setEn(e.target.value)} data-testid="process-new-state-en" /></label>
      <label>{w.stateId}<input value={id} placeholder={suggested} onChange={(e) => setId(e.target.value)} className="code" data-testid="process-new-state-id" aria-describedby="process-new-state-id-hint" /></label>
      <span className="muted field-hint" id="process-new-state-id-hint">{w.stateIdHint}</span>
      <label>{w.parent}
        <select value={parent} onChange={(e) => setParent(e.target.value)} data-testid="process-new-state-parent">
          <option value="">{w.topLevel}</option>
          {parents.map((n) => <option key={n.id} value={n.id}>{stateOption(n, locale)}</option>)}
        </select>
      </label>
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

export interface AddTransitionFormProps {
  readonly definition: MatterDefinition;
  readonly graph: ProcessGraph;
  readonly start: TransitionDraft;
  readonly run: (command: Command) => boolean;
  readonly onClose: () => void;
}

export function AddTransitionForm({ definition, graph, start, run, onClose }: AddTransitionFormProps) {
  const { locale } = useDesigner();
  const w = processWords[locale];
  const sources = graph.nodes.filter((n) => !n.final);
  const [from, setFrom] = useState(start.from ?? sources[0]?.id ?? '');
  const [chosenKind, setKind] = useState<TransitionKind>('on');
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState(start.target ?? graph.nodes[0]?.id ?? '');
  const [guard, setGuard] = useState('');
  const [actions, setActions] = useState<readonly string[]>([]);
  const root = from === anyState;
  const fromNode = graph.nodes.find((n) => n.id === from);
  // every step accepts events only; a when-done transition needs child states
  const kinds: readonly TransitionKind[] = root ? ['on'] : ['on', 'after', 'always', ...(fromNode?.compound ? ['onDone' as const] : [])];
  const kind = kinds.includes(chosenKind) ? chosenKind : 'on';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // a guard over the case data starts from its default, edited in the transition's form that opens next
    const chosen = guard.startsWith('#') ? defaultGuard(guard.slice(1) as ParamGuard['type'], definition) : guard;
    const transition = { target, ...(chosen ? { guard: chosen } : {}), ...(actions.length ? { actions } : {}) };
    if (run({ name: 'add-transition', args: { from, kind, event: kind === 'on' || kind === 'after' ? event.trim() : '', transition } })) onClose();
  };
  return (
    <form className="properties process-form" onSubmit={submit} aria-label={w.addTransition} data-testid="process-add-transition-form" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="panel-heading">{w.addTransition}</h3>
      <label>{w.from}
        <select value={from} onChange={(e) => setFrom(e.target.value)} autoFocus data-testid="process-new-transition-from">
          <option value={anyState}>{w.everyStep} (*)</option>
          {sources.map((n) => <option key={n.id} value={n.id}>{stateOption(n, locale)}</option>)}
        </select>
      </label>
      {root && <span className="muted field-hint">{w.rootHint}</span>}
      <label>{w.kind}
        <select value={kind} onChange={(e) => setKind(e.target.value as TransitionKind)} data-testid="process-new-transition-kind">
          {kinds.map((k) => <option key={k} value={k}>{w.kinds[k]}</option>)}
        </select>
      </label>
      {(kind === 'on' || kind === 'after') && (
        <>
          <label>{kind === 'on' ? w.event : w.delay}
            <input value={event} onChange={(e) => setEvent(kind === 'on' ? e.target.value.toUpperCase() : e.target.value)} required className="code" data-testid="process-new-transition-event" aria-describedby="process-new-transition-hint" />
          </label>
          <span className="muted field-hint" id="process-new-transition-hint">{kind === 'on' ? w.eventHint : w.delayHint}</span>
        </>
      )}
      {root && eventName.test(event.trim()) && <Overridden graph={graph} event={event.trim()} locale={locale} />}
      <label>{w.target}
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="process-new-transition-target">
          {graph.nodes.map((n) => <option key={n.id} value={n.id}>{stateOption(n, locale)}</option>)}
        </select>
      </label>
      <label>{w.guard}
        <select value={guard} onChange={(e) => setGuard(e.target.value)} data-testid="process-new-transition-guard">
          <option value="">{w.noGuard}</option>
          {paramGuardTypes.map((type) => <option key={type} value={`#${type}`}>{w.paramGuardTypes[type]}</option>)}
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
