/**
 * The clerk's materials checklist (材料核验) and tolerated-missing acceptance (容缺受理) in the workbench (task C2):
 * one row per material that applies, how it came (shared data, uploaded files, a picked e-licence, or nothing), a
 * status and a note; a tolerated-missing material marked missing takes a due date. One save posts the changed rows to
 * POST /api/cases/:id/materials/checks; the server's refusals come back as codes and are shown at their rows (GOV.UK
 * error summary and inline messages). Also here: the notice of what is outstanding and of a certificate held back,
 * and the named refusal of an ACCEPT while required materials are missing (409 materials-missing).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from './api.ts';
import { StepNotice, type StepOutcome } from './components.tsx';
import { useApp } from './context.ts';
import { formatTime, pick, type Locale } from './i18n.ts';
import { roleLabel } from './bundles.ts';
import { actingRoles, personLabel } from './people.ts';
import type { CaseDetail, Localized, User } from './types.ts';
import { controlId, errorId, formatDay, goToCheck, materialName, rowId, type Field } from './outstanding.tsx';

export { formatDay, goToCheck, MaterialsRefusal, OutstandingNotice, refusedMaterials, type RefusedMaterial } from './outstanding.tsx';

type Texts = ReturnType<typeof useApp>['t'];

/** The statuses a check may record (the server's `checkStatuses`; not imported, to keep the runtime out of the bundle). */
export const checkStatuses = ['received', 'verified', 'missing', 'not-applicable'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** A row as the clerk edits it; '' is "not checked yet". */
interface Draft {
  status: CheckStatus | '';
  note: string;
  dueDate: string;
}

/** Which control of a row a problem belongs to, and the problem (a key of `t.checkErrors`). */
interface RowError {
  material: string;
  field: Field;
  problem: string;
}

/** Whether `user` may record checks on `c` now: staff acting at the step, or on a finished case holding its certificate, those who checked. */
export function canCheckMaterials(c: CaseDetail, user: User | null | undefined): boolean {
  if (!user || user.role === 'applicant' || c.status === 'draft' || !c.checklist) return false;
  const mine = actingRoles(user);
  if (c.status === 'done') return c.checklist.certificateHeld !== null && c.checklist.checks.some((check) => mine.includes(check.role));
  const acting = new Set([...Object.values(c.eventRoles ?? {}).flat(), ...(c.role ? c.role.split(' ') : [])]);
  acting.delete('applicant');
  return mine.some((r) => acting.has(r));
}

/** A picked e-licence as the case JSON may list it (another task adds it; any of these shapes is read). */
interface LicenceLine {
  id?: string;
  name?: Localized | string;
  number?: string;
}

/** The licences picked for a material, if the case JSON lists any (`licences` by material id, or a list naming materials). */
function licencesOf(c: CaseDetail, material: string): LicenceLine[] {
  const all = (c as { licences?: unknown }).licences;
  const list = (v: unknown): LicenceLine[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []).filter((x): x is LicenceLine => !!x && typeof x === 'object');
  if (Array.isArray(all)) return list(all).filter((l) => [(l as { material?: unknown }).material, (l as { materialId?: unknown }).materialId].includes(material));
  return all && typeof all === 'object' ? list((all as Record<string, unknown>)[material]) : [];
}

const licenceLabel = (l: LicenceLine, locale: Locale) => [typeof l.name === 'string' ? l.name : pick(l.name, locale), l.number ?? l.id].filter(Boolean).join(' ');

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 102.4) / 10} KiB` : `${Math.round(bytes / 104857.6) / 10} MiB`);
const typeText = (type: string) => ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' })[type] ?? type;

/** How a material came: waived by shared data (with the reason), files, a picked licence, marked at a step, or nothing. */
function Provenance({ c, id }: { c: CaseDetail; id: string }) {
  const { t, locale } = useApp();
  const waived = c.waived.find((w) => w.id === id);
  const files = c.files?.[id] ?? [];
  const licences = licencesOf(c, id);
  const supplied = c.situation.materials.find((m) => m.id === id)?.supplied ?? false;
  const none = !waived && files.length === 0 && licences.length === 0 && !supplied;
  return (
    <div data-testid="check-source">
      {waived && (
        <p className="check-source">
          <strong className="waived-label">{t.sourceWaived}</strong>
          {waived.reason && <span className="reason"> {pick(waived.reason, locale)}</span>}
        </p>
      )}
      {files.length > 0 && (
        <ul className="plain check-files">
          {files.map((f, i) => (
            <li key={f.sha256}>
              <a href={f.href} download data-testid="check-file">
                {t.fileLink(i + 1, typeText(f.type), sizeText(f.size))}
              </a>
              {!f.referenced && <span className="muted"> {t.fileNotSubmitted}</span>}
            </li>
          ))}
        </ul>
      )}
      {licences.map((l, i) => (
        <p key={i} className="check-source" data-testid="check-licence">
          {t.sourceLicence}
          {t.colon}
          {licenceLabel(l, locale)}
        </p>
      ))}
      {supplied && files.length === 0 && licences.length === 0 && <p className="check-source">{t.sourceMarked}</p>}
      {none && <p className="check-source muted">{t.sourceNone}</p>}
    </div>
  );
}

/** The server's refusal as row problems, when it names checks (`checks/<i>/<field>`); `sent` is the materials posted, in order. */
function rowErrorsOf(error: unknown, sent: readonly string[]): RowError[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const places =
    error.code === 'invalid-argument'
      ? [String(error.details.argument ?? '')]
      : Array.isArray(error.details.errors)
        ? (error.details.errors as { pointer?: unknown }[]).map((e) => String(e?.pointer ?? ''))
        : [];
  const found = places.flatMap((place): RowError[] => {
    const m = /^\/?checks\/(\d+)(?:\/(\w+))?/.exec(place);
    const material = m ? sent[Number(m[1])] : undefined;
    if (!m || material === undefined) return [];
    const problem = m[2] ?? 'status';
    return [{ material, field: problem === 'dueDate' || problem === 'note' ? problem : 'status', problem }];
  });
  return found.length ? found : undefined;
}

/** A refusal that names no row, in words. */
function generalOf(error: unknown, t: Texts): StepOutcome {
  if (error instanceof ApiError && error.status === 409) return { kind: 'error', text: t.conflict, conflict: true };
  if (error instanceof ApiError && error.status === 403) return { kind: 'error', text: t.checkForbidden };
  return { kind: 'error', text: t.checkFailed(error instanceof ApiError ? error.code : 'error') };
}

const draftOf = (check: { status: string; note?: string; dueDate?: string } | undefined): Draft => ({
  status: (check?.status as CheckStatus | undefined) ?? '',
  note: check?.note ?? '',
  dueDate: check?.dueDate ?? '',
});

/**
 * The checklist of `c`: editable (a form that saves the changed rows) when `editable`, else the recorded checks as
 * text. `onSaved` gets the case as the server returned it after the save.
 */
export function MaterialsChecklist({ c, editable, onSaved }: { c: CaseDetail; editable: boolean; onSaved: (updated: CaseDetail) => void }) {
  const { t, locale } = useApp();
  const recorded = new Map((c.checklist?.checks ?? []).map((check) => [check.material, check]));
  const rows = c.situation.materials;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(rows.map((m) => [m.id, draftOf(recorded.get(m.id))])));
  const [errors, setErrors] = useState<RowError[]>([]);
  const [notice, setNotice] = useState<StepOutcome>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  const set = (id: string, change: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...change } }));
  const tolerable = (id: string) => rows.find((m) => m.id === id)?.necessity === 'tolerated-missing';
  const asksDueDate = (id: string) => tolerable(id) && drafts[id]?.status === 'missing';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    // a note alone is not a check: the row needs its status first
    const noStatus = rows.filter((m) => drafts[m.id]!.status === '' && drafts[m.id]!.note.trim() !== '').map((m): RowError => ({ material: m.id, field: 'status', problem: 'status' }));
    if (noStatus.length) return setErrors(noStatus);
    const changed = rows.filter((m) => {
      const d = drafts[m.id]!;
      const before = draftOf(recorded.get(m.id));
      return d.status !== '' && (d.status !== before.status || d.note.trim() !== before.note || (asksDueDate(m.id) && d.dueDate !== before.dueDate));
    });
    if (changed.length === 0) {
      setErrors([]);
      return setNotice({ kind: 'info', text: t.checklistUnchanged });
    }
    const checks = changed.map((m) => {
      const d = drafts[m.id]!;
      const tolerated = asksDueDate(m.id);
      // the due date goes as typed; an empty one is left out and the server names what is missing
      return { material: m.id, status: d.status, ...(d.note.trim() ? { note: d.note.trim() } : {}), ...(tolerated ? { tolerated: true, ...(d.dueDate ? { dueDate: d.dueDate } : {}) } : {}) };
    });
    setBusy(true);
    try {
      const updated = await api.post<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/materials/checks`, { checks, revision: c.revision });
      setErrors([]);
      onSaved(updated);
    } catch (error) {
      const found = rowErrorsOf(error, checks.map((check) => check.material));
      setErrors(found ?? []);
      if (!found) setNotice(generalOf(error, t));
    } finally {
      setBusy(false);
    }
  };

  const errorsAt = (id: string, field: Field) => errors.filter((e) => e.material === id && e.field === field);
  const problemText = (e: RowError) => t.checkErrors[e.problem] ?? t.checkErrors.status!;
  // aria-describedby of a control: its hint (if any), then its error message (if any)
  const describedBy = (id: string, field: Field, hint?: string) => [hint, errorsAt(id, field).length ? errorId(id, field) : undefined].filter(Boolean).join(' ') || undefined;
  const inline = (id: string, field: Field) =>
    errorsAt(id, field).length > 0 && (
      <p className="error-message" id={errorId(id, field)} data-testid="check-error">
        <span className="visually-hidden">{t.errorPrefix}</span>
        {errorsAt(id, field).map(problemText).join(t.listSeparator)}
      </p>
    );

  const table = (
    <table className="table stacked checklist" data-testid="checklist">
      <caption className="visually-hidden">{t.checklistCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.checkMaterial}</th>
          <th scope="col">{t.checkSource}</th>
          <th scope="col">{t.checkStatus}</th>
          <th scope="col">{t.checkNote}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => {
          const d = drafts[m.id]!;
          const check = recorded.get(m.id);
          const name = pick(m.name, locale);
          const others = m.group ? rows.filter((o) => o.group === m.group && o.id !== m.id).map((o) => pick(o.name, locale)) : [];
          const invalid = errors.some((e) => e.material === m.id);
          return (
            <tr key={m.id} id={rowId(m.id)} tabIndex={editable ? undefined : -1} className={invalid ? 'has-error' : undefined} data-testid="check-row" data-material={m.id} data-status={check?.status ?? ''}>
              <th scope="row">
                {name}
                <div className="muted check-necessity">
                  {t.necessityNames[m.necessity] ?? m.necessity}
                  {others.length > 0 && <>{t.colon}{t.oneOfWith(others.join(t.listSeparator))}</>}
                </div>
              </th>
              <td data-label={t.checkSource}>
                <Provenance c={c} id={m.id} />
              </td>
              <td data-label={t.checkStatus}>
                {editable ? (
                  <>
                    <label className="visually-hidden" htmlFor={controlId(m.id)}>
                      {t.checkStatusOf(name)}
                    </label>
                    {inline(m.id, 'status')}
                    <select
                      id={controlId(m.id)}
                      value={d.status}
                      onChange={(e) => set(m.id, { status: e.target.value as Draft['status'] })}
                      aria-invalid={errorsAt(m.id, 'status').length ? true : undefined}
                      aria-describedby={describedBy(m.id, 'status')}
                      data-testid="check-status"
                    >
                      <option value="">{t.checkStatusNames['']}</option>
                      {checkStatuses.map((s) => (
                        <option key={s} value={s}>
                          {t.checkStatusNames[s]}
                        </option>
                      ))}
                    </select>
                  </>
                ) : (
                  <strong>{t.checkStatusNames[check?.status ?? '']}</strong>
                )}
                {check && (
                  <div className="muted check-by" data-testid="check-by">
                    {t.checkedBy(personLabel(check.by, c), roleLabel(check.role, t), formatTime(check.at, locale))}
                  </div>
                )}
              </td>
              <td data-label={t.checkNote}>
                {editable ? (
                  <>
                    <label className="visually-hidden" htmlFor={controlId(m.id, 'note')}>
                      {t.checkNoteOf(name)}
                    </label>
                    {inline(m.id, 'note')}
                    <textarea
                      id={controlId(m.id, 'note')}
                      rows={2}
                      maxLength={2000}
                      value={d.note}
                      onChange={(e) => set(m.id, { note: e.target.value })}
                      aria-invalid={errorsAt(m.id, 'note').length ? true : undefined}
                      aria-describedby={describedBy(m.id, 'note')}
                      data-testid="check-note"
                    />
                    {asksDueDate(m.id) && (
                      <div className="field check-due">
                        <label htmlFor={controlId(m.id, 'dueDate')}>
                          {t.dueDateLabel}
                          <span className="visually-hidden">{t.paren(name)}</span>
                        </label>
                        <p className="muted check-hint" id={`${controlId(m.id, 'dueDate')}-hint`}>
                          {t.dueDateHint}
                        </p>
                        {inline(m.id, 'dueDate')}
                        <input
                          id={controlId(m.id, 'dueDate')}
                          type="date"
                          value={d.dueDate}
                          onChange={(e) => set(m.id, { dueDate: e.target.value })}
                          aria-required="true"
                          aria-invalid={errorsAt(m.id, 'dueDate').length ? true : undefined}
                          aria-describedby={describedBy(m.id, 'dueDate', `${controlId(m.id, 'dueDate')}-hint`)}
                          data-testid="check-due-date"
                        />
                      </div>
                    )}
                  </>
                ) : (
                  <>
                    {check?.note ?? ''}
                    {check?.dueDate && <div data-testid="check-due">{t.dueBy(formatDay(check.dueDate, locale))}</div>}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  if (!editable) return table;
  return (
    <form className="checklist-form" onSubmit={(e) => void save(e)} noValidate data-testid="checklist-form">
      <p className="muted">{t.checklistIntro}</p>
      <div className="error-summary-slot" role="alert" tabIndex={-1} ref={summary} data-testid="checklist-errors">
        {errors.length > 0 && (
          <section className="error-summary" aria-labelledby="checklist-errors-heading">
            <h3 id="checklist-errors-heading">{t.checklistErrorsHeading}</h3>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  <a href={`#${controlId(e.material, e.field)}`} onClick={(ev) => goToCheck(ev, e.material, e.field)} data-material={e.material}>
                    {materialName(c, e.material, locale)}
                    {t.colon}
                    {problemText(e)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {table}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="checklist-save">
          {busy ? t.savingChecklist : t.saveChecklist}
        </button>
      </div>
      <StepNotice notice={notice} testId="checklist-notice" reloadLabel={t.reload} focus />
    </form>
  );
}
