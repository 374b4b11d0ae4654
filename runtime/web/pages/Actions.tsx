/** Buttons for the events the case's current step accepts (from the API's `events`), each sent with the case's revision. */
import { useId, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { messageOf, StepNotice, type StepOutcome } from '../components.tsx';
import { useApp } from '../context.ts';
import type { CaseDetail } from '../types.ts';

/** Events that need a note (the reason, or what to supplement). */
const needsNote = new Set(['REJECT', 'REQUEST_SUPPLEMENT']);

/** Whether an event of the current state is guarded by `guard` (e.g. ACCEPT → needsOnsiteCheck). */
function hasGuard(c: CaseDetail, event: string, guard: string): boolean {
  const states = (c.definition?.process as { states?: Record<string, { on?: Record<string, unknown> }> } | undefined)?.states;
  const on = states?.[c.state]?.on?.[event];
  return [on].flat().some((t) => typeof t === 'object' && t !== null && (t as { guard?: unknown }).guard === guard);
}

export function Actions({ c, events, onDone }: { c: CaseDetail; events: string[]; onDone: (updated: CaseDetail) => void }) {
  const { t } = useApp();
  const ids = useId();
  const [note, setNote] = useState('');
  const [onsiteCheck, setOnsiteCheck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<StepOutcome>();
  const totalFee = (c.definition?.fees ?? []).reduce((sum, f) => sum + f.amount, 0);
  const anyNote = events.some((e) => needsNote.has(e));

  const act = async (event: string) => {
    if (needsNote.has(event) && !note.trim()) return setNotice({ kind: 'error', text: t.noteRequired });
    setBusy(true);
    setNotice(undefined);
    try {
      const body = {
        event,
        revision: c.revision,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(event === 'ACCEPT' && hasGuard(c, 'ACCEPT', 'needsOnsiteCheck') ? { onsiteCheck } : {}),
        ...(event === 'PAY' ? { paid: totalFee } : {}),
      };
      const updated = await api.post<CaseDetail>(`/api/cases/${c.id}/actions`, body);
      setNotice({ kind: 'success', text: t.done });
      setNote('');
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setNotice({ kind: 'error', text: t.conflict, conflict: true });
      else setNotice({ kind: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
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
      {events.includes('ACCEPT') && hasGuard(c, 'ACCEPT', 'needsOnsiteCheck') && (
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
            className={`btn ${event === 'REJECT' || event === 'WITHDRAW' ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy}
            onClick={() => void act(event)}
            data-testid={`action-${event}`}
          >
            {t.eventNames[event] ?? event}
            {event === 'PAY' && totalFee > 0 ? ` ¥${totalFee}` : ''}
          </button>
        ))}
      </div>
      <StepNotice notice={notice} testId="action-notice" reloadLabel={t.reload} />
    </div>
  );
}
