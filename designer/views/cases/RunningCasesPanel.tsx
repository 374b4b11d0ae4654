/**
 * Running cases and new versions: for the draft's matter in its region, the running cases of every older published
 * version per step, whether they can move to the chosen (default: newest) version and why not, a mapping of renamed
 * or moved fields, and moving the compatible ones (officials in scope; a confirm dialog first). The server decides
 * everything shown here (GET/POST /api/matters/:id/regions/:region/migration).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../../runtime/web/api.ts';
import { useDesigner } from '../../context.ts';
import type { VersionEntry } from '../../types.ts';
import { casesWords, type CasesWords } from './words.ts';

interface Reason { code: string; message: string; pointer?: string; state?: string; keyword?: string }
interface StateCount { state: string; status: string; count: number; exists: boolean; roleBefore: string | null; roleAfter: string | null }
interface VersionPlan {
  version: string; hash: string; publishedAt: string; running: number; finished: number; states: StateCount[];
  compatible: number; incompatible: number; reasons: (Reason & { cases: number })[];
}
interface Plan { to: { version: string; hash: string }; versions: VersionPlan[] }
interface Result { migrated: string[]; skipped: string[]; refused: { caseId: string; reasons: Reason[] }[]; raced: string[] }
interface Row { key: number; from: string; to: string }

/** The running-cases panel; `canMigrate` when the user is an official whose scope covers the region. */
export function RunningCasesPanel({ matterId, region, canMigrate }: { matterId: string; region: string; canMigrate: boolean }) {
  const { locale } = useDesigner();
  const w = casesWords[locale];
  const [versions, setVersions] = useState<VersionEntry[]>();
  const [target, setTarget] = useState<string>();
  const [rows, setRows] = useState<Row[]>([]);
  const [applied, setApplied] = useState<{ from: string; to: string }[]>([]);
  const [plan, setPlan] = useState<Plan>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<VersionPlan>();
  const [result, setResult] = useState<{ version: string; counts?: [number, number, number, number]; error?: string }>();
  const nextKey = useRef(1);
  const added = useRef(0); // the row just added: its first field takes the focus
  const base = `/api/matters/${encodeURIComponent(matterId)}/regions/${encodeURIComponent(region)}/migration`;

  useEffect(() => {
    api.get<{ versions: VersionEntry[] }>(`/api/definitions/${encodeURIComponent(matterId)}/${encodeURIComponent(region)}/versions`).then((r) => {
      setVersions(r.versions);
      setTarget(r.versions.at(-1)?.version);
    }, () => setVersions([]));
  }, [matterId, region]);

  const load = useCallback(() => {
    if (!target) return;
    setError(undefined);
    const mapping = applied.length ? `&mapping=${encodeURIComponent(JSON.stringify(applied))}` : '';
    api.get<Plan>(`${base}?to=${encodeURIComponent(target)}${mapping}`).then(setPlan, (e: unknown) => {
      setPlan(undefined);
      setError(w.failed(e instanceof Error ? e.message : String(e)));
    });
  }, [base, target, applied, w]);
  useEffect(load, [load]);

  const badRow = rows.findIndex((r) => !r.from.startsWith('/') || !r.to.startsWith('/') || r.from.length < 2 || r.to.length < 2);
  const check = () => {
    if (badRow >= 0) return;
    setResult(undefined);
    setApplied(rows.map(({ from, to }) => ({ from, to })));
  };

  const migrate = async (from: VersionPlan) => {
    if (!plan) return;
    try {
      const r = await api.post<Result>(base, { from: from.version, to: plan.to.version, ...(applied.length ? { mapping: applied } : {}) });
      setResult({ version: from.version, counts: [r.migrated.length, r.refused.length, r.skipped.length, r.raced.length] });
      load();
    } catch (e) {
      setResult({ version: from.version, error: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    } finally {
      setConfirming(undefined);
    }
  };

  if (!versions) return <p aria-busy="true">…</p>;
  return (
    <div className="running-cases" data-testid="running-cases">
      <p>{w.intro}</p>
      <div className="inline-form">
        <label>{w.target}
          <select value={target ?? ''} onChange={(e) => { setResult(undefined); setTarget(e.target.value); }} data-testid="cases-target">
            {versions.map((v) => <option key={v.version} value={v.version}>{v.version}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={load}>{w.reload}</button>
      </div>

      <fieldset className="properties">
        <legend>{w.mappingTitle}</legend>
        <p className="field-hint">{w.mappingHint}</p>
        {rows.map((row, i) => (
          <div key={row.key} className="inline-form">
            <label>{w.from(i + 1)}<input value={row.from} placeholder="/applicant/mobile" spellCheck={false} autoFocus={row.key === added.current} onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, from: e.target.value } : r)))} data-testid={`mapping-from-${i}`} /></label>
            <label>{w.to(i + 1)}<input value={row.to} placeholder="/applicant/phone" spellCheck={false} onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, to: e.target.value } : r)))} data-testid={`mapping-to-${i}`} /></label>
            <button type="button" className="btn btn-small" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>{w.removeRow(i + 1)}</button>
          </div>
        ))}
        {badRow >= 0 && <p className="error" role="alert">{w.badPointer(badRow + 1)}</p>}
        <div className="inline-form">
          <button type="button" className="btn btn-small" onClick={() => { added.current = nextKey.current++; setRows([...rows, { key: added.current, from: '', to: '' }]); }} data-testid="mapping-add">{w.addRow}</button>
          <button type="button" className="btn btn-small" onClick={check} disabled={badRow >= 0} data-testid="mapping-check">{w.check}</button>
        </div>
      </fieldset>

      {error && <p role="alert" className="error">{error}</p>}
      {plan && plan.versions.length === 0 && <p>{w.noOlder}</p>}
      {plan?.versions.map((v) => (
        <section key={v.version} className="properties" aria-labelledby={`cases-v-${v.version}`} data-testid={`cases-version-${v.version}`}>
          <h3 id={`cases-v-${v.version}`}>{w.versionTitle(v.version)}</h3>
          <p>{w.summary(v.running, v.finished)}</p>
          {v.states.length > 0 && <StatesTable states={v.states} w={w} />}
          {v.running > 0 && <p className={v.incompatible ? 'warning' : 'ok'} data-testid="cases-compatible">{w.compatible(v.compatible, v.running)}</p>}
          {v.reasons.length > 0 && (
            <>
              <h4>{w.reasonsTitle}</h4>
              <ul className="reasons" data-testid="cases-reasons">{v.reasons.map((r, i) => <li key={i}>{reasonText(r, w)}{w.casesWith(r.cases)}</li>)}</ul>
            </>
          )}
          {canMigrate && v.compatible > 0 && (
            <button type="button" className="btn btn-primary" onClick={() => { setResult(undefined); setConfirming(v); }} data-testid="cases-migrate">{w.migrate(v.compatible)}</button>
          )}
          {!canMigrate && v.compatible > 0 && <p className="field-hint">{w.readOnlyHint}</p>}
          {result?.version === v.version && result.counts && <p role="status" data-testid="cases-result">{w.result(...result.counts)}</p>}
          {result?.version === v.version && result.error && <p role="alert" className="error" data-testid="cases-result">{result.error}</p>}
        </section>
      ))}
      {confirming && plan && <ConfirmDialog w={w} plan={confirming} to={plan.to.version} mappings={applied.length} onCancel={() => setConfirming(undefined)} onConfirm={() => migrate(confirming)} />}
    </div>
  );
}

function StatesTable({ states, w }: { states: StateCount[]; w: CasesWords }) {
  return (
    <table>
      <thead><tr><th scope="col">{w.state}</th><th scope="col">{w.status}</th><th scope="col">{w.count}</th><th scope="col">{w.inNew}</th><th scope="col">{w.role}</th></tr></thead>
      <tbody>
        {states.map((s) => (
          <tr key={`${s.state}-${s.status}`}>
            <th scope="row"><code>{s.state}</code></th>
            <td>{w.statuses[s.status] ?? s.status}</td>
            <td>{s.count}</td>
            <td className={s.exists ? 'ok' : 'error'}>{s.exists ? w.exists : w.missing}</td>
            <td>{s.roleBefore === s.roleAfter ? (s.roleBefore ?? w.none) : w.roleChange(s.roleBefore ?? w.none, s.roleAfter ?? w.none)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// A reason in the user's words (the server's message where the designer has none of its own).
function reasonText(r: Reason, w: CasesWords): string {
  const at = r.pointer || '/';
  switch (r.code) {
    case 'state-missing': return w.reason.stateMissing(r.state ?? '');
    case 'state-final': return w.reason.stateFinal(r.state ?? '');
    case 'data-invalid': return r.keyword === 'required' ? w.reason.required(at) : r.keyword === 'additionalProperties' ? w.reason.additional(at) : w.reason.invalid(at, r.message);
    case 'mapping-overwrites': return w.reason.overwrites(at);
    case 'other-version': return w.reason.otherVersion;
    case 'definition-changed': return w.reason.definitionChanged;
    case 'case-tampered': return w.reason.tampered;
    default: return r.message;
  }
}

function ConfirmDialog({ w, plan, to, mappings, onCancel, onConfirm }: { w: CasesWords; plan: VersionPlan; to: string; mappings: number; onCancel: () => void; onConfirm: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) onCancel();
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="migrate-title" aria-describedby="migrate-text" onKeyDown={keys} data-testid="cases-confirm">
      <form onSubmit={(e) => { e.preventDefault(); setBusy(true); void onConfirm(); }}>
        <h2 id="migrate-title">{w.confirmTitle}</h2>
        <p id="migrate-text">{w.confirmText(plan.compatible, plan.version, to)}{mappings > 0 ? ` ${w.confirmMapping(mappings)}` : ''}</p>
        {busy && <p role="status">{w.migrating}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" ref={cancel} onClick={onCancel} disabled={busy}>{w.cancel}</button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cases-confirm-migrate">{w.confirm}</button>
        </div>
      </form>
    </div>
  );
}
