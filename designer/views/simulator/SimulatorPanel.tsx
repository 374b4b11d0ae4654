/**
 * The simulator panel: a case of the draft on screen, run by the server's runtime (POST /api/designer/simulate). The
 * panel keeps the list of steps taken and posts it whole on every action — the server replays it in a throwaway
 * store and answers a frame per step — so what it shows is what the runtime would do: whose turn it is, the events
 * the state accepts (those it would not take now disabled, with why), the form at the applicant's step, the materials
 * and fees, the deadline the submission sets, and the audit trail. A refused step shows the runtime's error and is
 * not kept. Edits to the draft replay the same steps on the new definition.
 */
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LocalizedText, MatterDefinition } from '../../../engine/index.ts';
import type { PendingEvent, Simulation, SimulationError, SimulationFrame, SimulationStep } from '../../../runtime/cases/simulate.ts';
import { noLiveChecks } from '../../../runtime/form/precompiled-runtime.ts';
import { ApiError, api } from '../../../runtime/web/api.ts';
import { useDesigner } from '../../context.ts';
import { langOf, type Locale } from '../../i18n.ts';
import { simulatorWords } from './words.ts';
import { nodesOf, stepOfState } from '../../../engine/process/nodes.ts';

const MatterForm = lazy(() => import('../../../runtime/form/MatterForm.tsx').then((m) => ({ default: m.MatterForm })));

type Problem = { pointer: string; code: string; message: string };
type Outcome = { simulation: Simulation; error: SimulationError | null } | { problems: Problem[] } | { failed: string };
/** How long edits to the draft rest before the steps are replayed on it (ms). */
const replayPauseMs = 400;

export default function SimulatorPanel({ definition, sharedSchemas }: { definition: MatterDefinition; sharedSchemas: readonly object[] }) {
  const { locale } = useDesigner();
  const w = simulatorWords[locale];
  const [steps, setSteps] = useState<SimulationStep[]>([]);
  const [applicant, setApplicant] = useState<'zhangWei' | 'liNa'>('zhangWei');
  const [pending, setPending] = useState<{ materials: string[]; paid: string; onsiteCheck: boolean }>({ materials: [], paid: '', onsiteCheck: false });
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [days, setDays] = useState('1');
  const [role, setRole] = useState<string>(); // undefined: whoever's turn it is
  const [formData, setFormData] = useState<unknown>();
  const request = useRef(0);

  const pendingEvent = useMemo<PendingEvent>(() => ({
    ...(pending.materials.length ? { materials: pending.materials } : {}),
    ...(Number(pending.paid) > 0 ? { paid: Number(pending.paid) } : {}),
    ...(pending.onsiteCheck ? { onsiteCheck: true } : {}),
  }), [pending]);

  // Replays `next` (the steps so far and a new one); a refused new step is shown with its error and not kept.
  const run = useCallback(async (next: SimulationStep[], added: boolean) => {
    const id = ++request.current;
    setBusy(true);
    try {
      const simulation = await api.post<Simulation>('/api/designer/simulate', { definition, steps: next, applicant, pending: pendingEvent });
      if (id !== request.current) return;
      const last = simulation.frames.at(-1)!;
      if (added && last.error) {
        setSteps(next.slice(0, -1));
        setOutcome({ simulation: { ...simulation, frames: simulation.frames.slice(0, -1) }, error: last.error });
      } else {
        setSteps(next);
        setOutcome({ simulation, error: null });
        if (added) {
          setNote('');
          setRole(undefined);
          // only when something was pending: a new (equal) object would replay the steps once more
          setPending((p) => (p.materials.length || p.paid || p.onsiteCheck ? { materials: [], paid: '', onsiteCheck: false } : p));
        }
      }
    } catch (error) {
      if (id !== request.current) return;
      if (error instanceof ApiError && error.status === 422 && Array.isArray(error.details.problems)) setOutcome({ problems: error.details.problems as Problem[] });
      else setOutcome({ failed: error instanceof Error ? error.message : String(error) });
    } finally {
      if (id === request.current) setBusy(false);
    }
  }, [definition, applicant, pendingEvent]);

  // the draft, the applicant or what the next event carries changed: replay the same steps (after a pause for edits)
  const stepsRef = useRef(steps);
  stepsRef.current = steps;
  useEffect(() => {
    const timer = setTimeout(() => void run(stepsRef.current, false), replayPauseMs);
    return () => clearTimeout(timer);
  }, [run]);

  const frame = outcome && 'simulation' in outcome ? outcome.simulation.frames.at(-1) : undefined;
  useEffect(() => setFormData(frame?.data), [frame?.data]);
  const act = (step: SimulationStep) => void run([...steps, step], true);
  const roleName = useRoleNames(definition, locale);
  const stateName = (state: string | null) => (state === null ? '—' : `${stepOfState(definition.process, state)?.[locale] ?? state} (${state})`);
  const short = (ms: number) => new Date(ms).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const when = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : new Date(ms).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }));

  return (
    <section className="simulator" data-testid="simulator" lang={langOf(locale)} aria-labelledby="simulator-heading" aria-busy={busy}>
      <h2 id="simulator-heading" className="panel-heading">{w.intro}</h2>
      <div className="inline-form">
        <label>{w.applicant}
          <select value={applicant} onChange={(e) => setApplicant(e.target.value as 'zhangWei' | 'liNa')} data-testid="simulate-applicant">
            {Object.entries(w.applicants).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={() => void run([], false)} data-testid="simulate-restart">{w.restart}</button>
        <button type="button" className="btn btn-small" disabled={steps.length === 0} onClick={() => void run(steps.slice(0, -1), false)} data-testid="simulate-back">{w.back}</button>
      </div>
      <p role="status" className="muted">{busy ? w.running : ''}</p>
      {outcome && 'problems' in outcome && (
        <div role="alert" data-testid="simulate-problems">
          <p className="error">{w.invalid(outcome.problems.length)}</p>
          <ul>{outcome.problems.slice(0, 20).map((p, i) => <li key={i}><code>{p.pointer || '/'}</code> {p.message}</li>)}</ul>
        </div>
      )}
      {outcome && 'failed' in outcome && <p role="alert" className="error">{w.failed(outcome.failed)}</p>}
      {frame && outcome && 'simulation' in outcome && (
        <>
          <dl className="simulate-summary" data-testid="simulate-state" data-state={frame.state} data-status={frame.status}>
            <dt>{w.currentStep}</dt><dd>{stateName(frame.state)}</dd>
            <dt>{w.state}</dt><dd>{w.status[frame.status] ?? frame.status}{frame.outcome ? ` · ${w.outcome}: ${frame.outcome}` : ''}</dd>
            <dt>{w.clock}</dt><dd>{when(frame.now)}</dd>
          </dl>
          {outcome.error && (
            <div role="alert" className="error" data-testid="simulate-error" data-code={outcome.error.code}>
              <strong>{w.refused}</strong> ({outcome.error.code}): {outcome.error.message}
            </div>
          )}
          {frame.fired.map((f, i) => <p key={i} data-testid="simulate-fired">{f.outcome === 'fired' ? w.fired(f.delay, stateName(f.to)) : w.notTaken(f.delay)}</p>)}
          {frame.role === null ? <p data-testid="simulate-finished">{w.finished}</p> : (
            <Controls
              frame={frame} definition={definition} locale={locale} role={role ?? frame.role} setRole={setRole} roleName={roleName} busy={busy}
              note={note} setNote={setNote} pending={pending} setPending={setPending} formData={formData} act={act} stateName={stateName}
            />
          )}
          {frame.role === 'applicant' && (
            <section aria-labelledby="simulate-form-heading" data-testid="simulate-form">
              <h3 id="simulate-form-heading" className="panel-heading">{w.form}</h3>
              <p className="muted">{w.formHint}</p>
              <div className="inline-form">
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => act({ kind: 'fill' })} data-testid="simulate-fill">{w.fill}</button>
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => act({ kind: 'save', data: formData ?? {} })} data-testid="simulate-save">{w.save}</button>
              </div>
              <FormBoundary>
              <Suspense fallback={<p aria-busy="true">{w.running}</p>}>
                <MatterForm
                  key={`${steps.length}-${applicant}`} definition={definition} locale={locale} formData={frame.data} locked={{ ...frame.verified }} sharedSchemas={sharedSchemas} validator={noLiveChecks}
                  waived={(Array.isArray(definition.materials) ? definition.materials : []).filter((m) => frame.waived.includes(m.id)).map((m) => ({ id: m.id, name: m.name, ...(m.sharedData?.reason ? { reason: m.sharedData.reason } : {}) }))}
                  errors={outcome.error?.code === 'invalid-data' && Array.isArray(outcome.error.details.errors) ? (outcome.error.details.errors as { pointer: string; keyword: string; message: string }[]) : []}
                  onChange={setFormData} hideActions
                />
              </Suspense>
              </FormBoundary>
            </section>
          )}
          {frame.role !== null && (
          <section aria-labelledby="simulate-time-heading">
            <h3 id="simulate-time-heading" className="panel-heading">{w.timePasses}</h3>
            <div className="inline-form">
              <label>{w.days}<input type="number" min={0} max={3660} step={1} value={days} onChange={(e) => setDays(e.target.value)} data-testid="simulate-days" /></label>
              <button type="button" className="btn btn-small" disabled={busy || !/^[0-9]{1,4}$/.test(days) || Number(days) > 3660} onClick={() => act({ kind: 'advance', days: Number(days) })} data-testid="simulate-advance">{w.advance(Number(days) || 0)}</button>
            </div>
            {frame.delays.length > 0 && (
              <>
                <h4 className="panel-heading">{w.delays}</h4>
                <ul>{frame.delays.map((d) => <li key={d.delay}>{w.delayDue(d.delay, when(d.dueAt))}</li>)}</ul>
              </>
            )}
          </section>
          )}
          {frame.role !== 'applicant' && <Answers data={frame.data} schema={definition.form?.schema} locale={locale} />}
          <Situation frame={frame} definition={definition} locale={locale} />
          <section aria-labelledby="simulate-deadline-heading" data-testid="simulate-deadline">
            <h3 id="simulate-deadline-heading" className="panel-heading">{w.deadline}</h3>
            {frame.deadline === null ? <p>{w.noDeadline}</p> : (
              <ul>
                <li>{w.promisedDue(when(frame.deadline.dueAt), frame.timeLimit.promisedDays, w.units[frame.timeLimit.unit] ?? frame.timeLimit.unit)}</li>
                {frame.deadline.metAt !== null && <li>{w.met(when(frame.deadline.metAt))}</li>}
                {frame.timeLimit.statutoryDueAt !== null && <li>{w.statutoryDue(when(frame.timeLimit.statutoryDueAt))}</li>}
                {frame.timeLimit.extendedDueAt !== null && <li>{w.extendedDue(when(frame.timeLimit.extendedDueAt))}</li>}
              </ul>
            )}
            {frame.certificates.length > 0 && <p data-testid="simulate-certificates">{w.certificates(frame.certificates.length)}</p>}
          </section>
          <section aria-labelledby="simulate-audit-heading">
            <h3 id="simulate-audit-heading" className="panel-heading">{w.audit}</h3>
            <div className="table-scroll" role="region" aria-labelledby="simulate-audit-heading" tabIndex={0} style={{ overflowX: 'auto' }}>
              <table data-testid="simulate-audit">
                <thead>
                  <tr>{(['seq', 'at', 'actor', 'type', 'move', 'detail'] as const).map((c) => <th key={c} scope="col">{w.auditCols[c]}</th>)}</tr>
                </thead>
                <tbody>
                  {frame.audit.map((e) => (
                    <tr key={e.seq} data-testid="simulate-audit-row" data-type={e.type} data-role={e.role}>
                      <td>{e.seq}</td>
                      <td>{short(e.at)}</td>
                      <td>{roleName(e.role)}<br /><span className="muted">{masked(e.actor)}</span></td>
                      <td>{e.type}</td>
                      <td>{e.from ?? '∅'} → {e.to ?? '∅'}</td>
                      <td>{detailOf(e.payload)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {steps.length > 0 && (
            <section aria-labelledby="simulate-steps-heading">
              <h3 id="simulate-steps-heading" className="panel-heading">{w.steps}</h3>
              <ol data-testid="simulate-steps">
                {steps.map((s, i) => <li key={i}>{w.stepKinds[s.kind]}{s.kind === 'event' ? `: ${s.type}` : s.kind === 'advance' ? `: ${s.days}` : ''}</li>)}
              </ol>
            </section>
          )}
        </>
      )}
    </section>
  );
}

interface ControlsProps {
  frame: SimulationFrame;
  definition: MatterDefinition;
  locale: Locale;
  role: string;
  setRole: (role: string | undefined) => void;
  roleName: (role: string) => string;
  busy: boolean;
  note: string;
  setNote: (note: string) => void;
  pending: { materials: string[]; paid: string; onsiteCheck: boolean };
  setPending: (p: { materials: string[]; paid: string; onsiteCheck: boolean }) => void;
  formData: unknown;
  act: (step: SimulationStep) => void;
  stateName: (state: string | null) => string;
}

// Whose turn it is, the role to act as, and the events as buttons (with the note, materials and payment they carry).
function Controls({ frame, definition, locale, role, setRole, roleName, busy, note, setNote, pending, setPending, formData, act, stateName }: ControlsProps) {
  const w = simulatorWords[locale];
  // in a parallel state every region's role has a turn ("clerk approver"): acting as that whole turn lets each event
  // go to its region's role
  const roles = [...new Set([frame.role!, 'applicant', ...nodesOf(definition.process).flatMap(({ state: s }) => (s.meta?.role ? [s.meta.role] : []))])];
  const owner = frame.role!;
  const asRole = role === owner ? undefined : role;
  const toSupply = frame.situation.materials.filter((m) => !m.waived && !m.supplied);
  const name = (text: LocalizedText | undefined, id: string) => text?.[locale] ?? id;
  const fire = (type: string) => {
    const materials = pending.materials.length ? { materials: pending.materials } : {};
    if (type === 'SUBMIT') act({ kind: 'submit', ...(formData !== undefined ? { data: formData } : {}), ...materials, ...(asRole ? { role: asRole } : {}) });
    else act({ kind: 'event', type, ...(note.trim() ? { note: note.trim() } : {}), ...materials, ...(Number(pending.paid) > 0 ? { paid: Number(pending.paid) } : {}), ...(pending.onsiteCheck ? { onsiteCheck: true } : {}), ...(asRole ? { role: asRole } : {}) });
  };
  return (
    <section aria-labelledby="simulate-events-heading">
      <p data-testid="simulate-turn"><strong>{w.turnOf(roleName(owner))}</strong></p>
      <div className="inline-form">
        <label>{w.actAs}
          <select value={role} onChange={(e) => setRole(e.target.value === owner ? undefined : e.target.value)} data-testid="simulate-role" data-owner={owner}>
            {roles.map((r) => <option key={r} value={r}>{roleName(r)}{r === owner ? ' ✓' : ''}</option>)}
          </select>
        </label>
      </div>
      {asRole && <p className="muted" data-testid="simulate-not-turn">{w.notTurn(roleName(owner))}</p>}
      <h3 id="simulate-events-heading" className="panel-heading">{w.events}</h3>
      {frame.events.length === 0 ? <p>{w.noEvents}</p> : (
        <ul className="simulate-events">
          {frame.events.map((e) => {
            const why = e.allowed ? undefined : e.reason === 'finished' ? w.whyFinished : w.whyCondition(e.guards.join(', '));
            return (
              <li key={e.type}>
                <button type="button" className={`btn btn-small${e.allowed ? ' btn-primary' : ''}`} disabled={busy || !e.allowed} onClick={() => fire(e.type)} aria-describedby={`simulate-why-${e.type}`} data-testid={`simulate-event-${e.type}`}>
                  {e.type}
                </button>
                <span id={`simulate-why-${e.type}`} className="muted"> {e.allowed ? w.leadsTo(stateName(e.to ?? null)) : why}</span>
              </li>
            );
          })}
        </ul>
      )}
      {owner !== 'applicant' && <label>{w.note}<input type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="simulate-note" /></label>}
      {toSupply.length > 0 && (
        <fieldset data-testid="simulate-materials">
          <legend>{w.materialsToSupply}</legend>
          {toSupply.map((m) => (
            <label key={m.id} className="checkbox">
              <input
                type="checkbox" checked={pending.materials.includes(m.id)} data-testid={`simulate-material-${m.id}`}
                onChange={(e) => setPending({ ...pending, materials: e.target.checked ? [...pending.materials, m.id] : pending.materials.filter((x) => x !== m.id) })}
              />
              {name(m.name, m.id)}
            </label>
          ))}
        </fieldset>
      )}
      {frame.situation.amountDue > frame.situation.paid && (
        <label>{w.paid}<input type="number" min={0} step="0.01" value={pending.paid} onChange={(e) => setPending({ ...pending, paid: e.target.value })} data-testid="simulate-paid" /></label>
      )}
      {frame.events.some((e) => e.guards.includes('needsOnsiteCheck')) && (
        <label className="checkbox"><input type="checkbox" checked={pending.onsiteCheck} onChange={(e) => setPending({ ...pending, onsiteCheck: e.target.checked })} data-testid="simulate-onsite" />{w.onsite}</label>
      )}
    </section>
  );
}

// The materials (waived, supplied, missing) and fees that apply to the case's answers at this step.
function Situation({ frame, definition, locale }: { frame: SimulationFrame; definition: MatterDefinition; locale: Locale }) {
  const w = simulatorWords[locale];
  const { situation } = frame;
  const fees = new Map((Array.isArray(definition.fees) ? definition.fees : []).map((f) => [f.id, f]));
  return (
    <section aria-labelledby="simulate-materials-heading" data-testid="simulate-situation">
      <h3 id="simulate-materials-heading" className="panel-heading">{w.materials}</h3>
      {situation.materials.length === 0 ? <p>{w.noMaterials}</p> : (
        <ul>
          {situation.materials.map((m) => (
            <li key={m.id} data-material={m.id} data-testid="simulate-material-state">
              {m.name[locale]} <span className="muted">· {m.waived ? w.waived : m.supplied ? w.supplied : m.missing ? w.missing
                : m.group !== null ? (situation.groups.find((g) => g.id === m.group)?.satisfied ? w.groupSatisfied : w.groupOpen)
                : m.necessity === 'tolerated-missing' ? w.pending : w.optional}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="panel-heading">{w.fees}</h4>
      {situation.fees.length === 0 ? <p>{w.free}</p> : (
        <>
          <ul>{situation.fees.map((f) => <li key={f.id}>{fees.get(f.id)?.name?.[locale] ?? f.id}: {f.amount}{f.waived ? ` · ${w.feeWaived}` : ''}</li>)}</ul>
          <p>{w.amountDue(situation.amountDue, situation.paid)}</p>
        </>
      )}
    </section>
  );
}

// The form's answers as the staff's steps see them: each answered field with its title, read only.
function Answers({ data, schema, locale }: { data: unknown; schema: unknown; locale: Locale }) {
  const w = simulatorWords[locale];
  const rows: [string, string, string][] = [];
  const walk = (value: unknown, node: unknown, pointer: string, label: string) => {
    if (rows.length >= 200) return;
    const s = (typeof node === 'object' && node !== null ? node : {}) as { title?: unknown; description?: unknown; properties?: Record<string, unknown> };
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) {
        const child = s.properties?.[key] as { title?: unknown; description?: unknown } | undefined;
        const title = locale === 'en' && typeof child?.description === 'string' ? child.description : typeof child?.title === 'string' ? child.title : key;
        walk(v, child, `${pointer}/${key}`, label ? `${label} · ${title}` : title);
      }
    } else rows.push([pointer, label || '/', Array.isArray(value) ? value.map(String).join(', ') : String(value)]);
  };
  walk(data, schema, '', '');
  return (
    <details className="simulate-answers" data-testid="simulate-answers">
      <summary>{w.answers(rows.length)}</summary>
      <dl>{rows.map(([pointer, label, value]) => <div key={pointer}><dt>{label}</dt><dd>{value}</dd></div>)}</dl>
    </details>
  );
}

// A role's name in the definition's roles (the id when it has none).
function useRoleNames(definition: MatterDefinition, locale: Locale): (role: string) => string {
  return useMemo(() => {
    const names = new Map((Array.isArray(definition.roles) ? definition.roles : []).map((r) => [r.id, r.name]));
    const one = (role: string) => (role === 'system' ? (locale === 'zh' ? '系统' : 'system') : names.get(role)?.[locale] ?? role);
    // a parallel state's turn is each region's role ("clerk approver")
    return (role: string) => role.split(' ').map(one).join(' / ');
  }, [definition.roles, locale]);
}

// An identity number as the trail's reader needs it: enough to tell applicants apart, not the whole number.
const masked = (actor: string) => (/^[0-9]{17}[0-9X]$/.test(actor) ? `${actor.slice(0, 4)}…${actor.slice(-4)}` : actor);

// What an audit event's payload says, briefly: the note, the actions, the delay.
function detailOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const p = payload as { note?: unknown; actions?: unknown; delay?: unknown; waived?: unknown; taken?: unknown };
  return [
    typeof p.note === 'string' ? `“${p.note}”` : '',
    Array.isArray(p.actions) && p.actions.length ? p.actions.join(', ') : '',
    typeof p.delay === 'string' ? `after ${p.delay}${p.taken === false ? ' (not taken)' : ''}` : '',
    Array.isArray(p.waived) && p.waived.length ? `waived: ${p.waived.join(', ')}` : '',
  ].filter(Boolean).join(' · ');
}

// A form the draft's schema cannot render yet (mid-edit) shows nothing rather than taking the panel down.
class FormBoundary extends Component<{ children: ReactNode }, { failed: string | undefined }> {
  override state = { failed: undefined as string | undefined };
  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.failed === undefined ? this.props.children : <p className="error" role="alert">{this.state.failed}</p>;
  }
}
