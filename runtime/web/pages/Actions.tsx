/**
 * Buttons for the events the case's current step accepts (from the API's `events`), each sent with the case's
 * revision. Where a step's event waits for the materials (materialsComplete, materialsPending), the materials the
 * answers call for and nobody has supplied yet can be ticked as received and go with the event. In a one-thing
 * bundle a staff event is addressed to a member (APPROVE.birthRegistration): it is labelled with the member's title,
 * and the rules below (note, confirmation, on-site check) are those of its base event (APPROVE).
 */
import { useCallback, useId, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { messageOf, StepNotice, type StepOutcome } from '../components.tsx';
import { useApp } from '../context.ts';
import { ConfirmDialog } from '../dialog.tsx';
import { activePaths, nodeAt } from '../../../engine/process/nodes.ts';
import { baseEvent, eventLabel, membersOf, splitEvent } from '../bundles.ts';
import { pick } from '../i18n.ts';
import { MaterialsRefusal, refusedMaterials, type RefusedMaterial } from '../outstanding.tsx';
import type { CaseDetail } from '../types.ts';

/** Events that need a note (the reason, or what to supplement); these sets are keyed by the base event. */
const needsNote = new Set(['REJECT', 'REQUEST_SUPPLEMENT']);
/** Final or destructive events: asked for confirmation first. */
const confirmed = new Set(['WITHDRAW', 'REJECT', 'APPROVE']);
const destructive = new Set(['WITHDRAW', 'REJECT']);

/** Whether an event of the current state is guarded by `guard` (e.g. ACCEPT → needsOnsiteCheck). */
function hasGuard(c: CaseDetail, event: string, guard: string): boolean {
  const process = c.definition?.process;
  if (!process) return false;
  // the states the case is in (nested ones by path), each of which may handle the event
  const on = activePaths(process, c.state).map((p) => nodeAt(process, p)?.state.on?.[event]);
  return on.flat().some((t) => typeof t === 'object' && t !== null && (t as { guard?: unknown }).guard === guard);
}

const materialGuards = ['materialsComplete', 'materialsPending'];

export function Actions({ c, events, onDone }: { c: CaseDetail; events: string[]; onDone: (updated: CaseDetail) => void }) {
  const { t, locale } = useApp();
  const members = membersOf(c);
  const [received, setReceived] = useState<string[]>([]);
  const awaitsMaterials = events.some((e) => baseEvent(e) !== 'SUBMIT' && materialGuards.some((g) => hasGuard(c, e, g)));
  const receivable = awaitsMaterials ? c.situation.materials.filter((m) => !m.waived && !m.supplied && m.necessity !== 'exempted') : [];
  const ids = useId();
  const [note, setNote] = useState('');
  const [onsiteCheck, setOnsiteCheck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<StepOutcome>();
  // an ACCEPT refused for missing materials (409 materials-missing): named, each linked to its checklist row
  const [refused, setRefused] = useState<RefusedMaterial[]>();
  // what the answers make due, less what was paid (the runtime's feesPaid guard checks the same)
  const totalFee = Math.max(0, Math.round((c.situation.amountDue - c.situation.paid) * 100) / 100);
  const anyNote = events.some((e) => needsNote.has(baseEvent(e)));
  // acceptances that ask whether an on-site check is needed (ACCEPT, or in a bundle ACCEPT.member)
  const onsite = events.filter((e) => baseEvent(e) === 'ACCEPT' && hasGuard(c, e, 'needsOnsiteCheck'));
  const [asking, setAsking] = useState<string>();
  const cancel = useCallback(() => setAsking(undefined), []);

  // a note the event needs is asked for before the confirmation, so the dialog never opens on a refused action
  const start = (event: string) => {
    if (needsNote.has(baseEvent(event)) && !note.trim()) {
      setNotice({ kind: 'error', text: t.noteRequired });
      document.getElementById(`${ids}-note`)?.focus();
      return;
    }
    if (confirmed.has(baseEvent(event))) setAsking(event);
    else void act(event);
  };

  const act = async (event: string) => {
    setAsking(undefined);
    setBusy(true);
    setNotice(undefined);
    setRefused(undefined);
    try {
      const body = {
        event,
        revision: c.revision,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(onsite.includes(event) ? { onsiteCheck } : {}),
        ...(event === 'PAY' ? { paid: totalFee } : {}),
        ...(received.length > 0 ? { materials: received } : {}),
      };
      const updated = await api.post<CaseDetail>(`/api/cases/${c.id}/actions`, body);
      setNotice({ kind: 'success', text: t.done });
      setNote('');
      setReceived([]);
      onDone(updated);
    } catch (e) {
      const missing = refusedMaterials(e);
      if (missing) setRefused(missing);
      else if (e instanceof ApiError && e.status === 409) setNotice({ kind: 'error', text: t.conflict, conflict: true });
      else setNotice({ kind: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  // the base event's words; an addressed event names its member in the title and on the button
  const confirmRequest = (event: string) => {
    const { base, member } = splitEvent(event);
    const title = member === undefined ? undefined : pick(members.find((m) => m.key === member)?.title, locale) || member;
    return {
      title: (title ? title + t.colon : '') + (t.confirmTitles[base] ?? ''),
      body: t.confirmBodies[base] ?? '',
      confirmLabel: title ? t.memberEvent(t.confirmYes[base] ?? base, title) : (t.confirmYes[base] ?? base),
      danger: destructive.has(base),
    };
  };

  return (
    <div className="actions" data-testid="case-actions">
      {events.length === 0 && <p>{t.noActions}</p>}
      {anyNote && (
        <div className="field">
          <label htmlFor={`${ids}-note`}>{t.note}</label>
          <textarea id={`${ids}-note`} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="action-note" />
        </div>
      )}
      {receivable.length > 0 && (
        <fieldset className="field" data-testid="materials-received">
          <legend>{t.materialsReceived}</legend>
          {receivable.map((m) => (
            <div key={m.id} className="checkbox">
              <input
                id={`${ids}-m-${m.id}`}
                type="checkbox"
                checked={received.includes(m.id)}
                onChange={(e) => setReceived((r) => (e.target.checked ? [...r, m.id] : r.filter((x) => x !== m.id)))}
                data-material={m.id}
              />
              <label htmlFor={`${ids}-m-${m.id}`}>{pick(m.name, locale)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {onsite.length > 0 && (
        <div className="field checkbox">
          <input id={`${ids}-onsite`} type="checkbox" checked={onsiteCheck} onChange={(e) => setOnsiteCheck(e.target.checked)} data-testid="action-onsite-check" />
          <label htmlFor={`${ids}-onsite`}>{t.onsiteCheck}</label>
        </div>
      )}
      <div className="button-row">
        {events.map((event) => (
          <button
            key={event}
            type="button"
            className={`btn ${destructive.has(baseEvent(event)) ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy}
            aria-haspopup={confirmed.has(baseEvent(event)) ? 'dialog' : undefined}
            onClick={() => start(event)}
            data-testid={`action-${event}`}
          >
            {eventLabel(event, members, t, locale)}
            {event === 'PAY' && totalFee > 0 ? ` ¥${totalFee}` : ''}
          </button>
        ))}
      </div>
      <StepNotice notice={notice} testId="action-notice" reloadLabel={t.reload} />
      {refused && <MaterialsRefusal materials={refused} />}
      <ConfirmDialog
        request={asking ? confirmRequest(asking) : undefined}
        onConfirm={() => asking && void act(asking)}
        onCancel={cancel}
      />
    </div>
  );
}
