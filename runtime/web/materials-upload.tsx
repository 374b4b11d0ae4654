/**
 * The applicant's materials on the form page (task C1): for each material to bring in the situation the answers make,
 * a file input that uploads at once (the raw bytes, POST …/materials/{id}/files, with its progress), the files
 * uploaded so far (removing one before submitting just leaves it out), the server's refusal beside the material, and
 * — for a material that exists as an e-licence — the applicant's own licences of its type to pick instead. Submit
 * sends what is kept as `files` and `licences`; the server checks both again.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import type { CaseMaterial, CaseSituation } from '../cases/situation.ts';
import { api, ApiError } from './api.ts';
import { messageOf } from './components.tsx';
import { useApp } from './context.ts';
import { pick } from './i18n.ts';
import type { CaseDetail, OfferedLicence } from './types.ts';

/** The file types the server takes (by content); the picker offers them by name and type. */
const accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** A file uploaded for a material: its name on this device (only known in this page), type and size as stored. */
export interface UploadedFile {
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
  readonly name: string | null;
  /** Already part of the case (an earlier step sent it): listed, not sent again, not removable. */
  readonly referenced: boolean;
}

/** What the applicant supplies besides the answers: files and picked e-licences, by material id. */
export interface Evidence {
  readonly files: Readonly<Record<string, readonly UploadedFile[]>>;
  readonly licences: Readonly<Record<string, string>>;
}

/** The evidence state of a case's form: starting from the files the server holds, with the licences that fit. */
export function useEvidence(c: CaseDetail) {
  const [evidence, setEvidence] = useState<Evidence>(() => ({
    files: Object.fromEntries(Object.entries(c.files ?? {}).map(([m, list]) => [m, list.map((f) => ({ sha256: f.sha256, size: f.size, type: f.type, name: null, referenced: f.referenced }))])),
    licences: {},
  }));
  const [offered, setOffered] = useState<readonly OfferedLicence[]>([]);
  useEffect(() => {
    let live = true;
    api.get<{ licences: OfferedLicence[] }>(`/api/cases/${c.id}/licences`).then((r) => live && setOffered(r.licences), () => {}); // without them, upload
    return () => void (live = false);
  }, [c.id]);
  return useMemo(() => {
    const sent = Object.entries(evidence.files).map(([m, list]) => [m, list.filter((f) => !f.referenced).map((f) => f.sha256)] as const).filter(([, h]) => h.length > 0);
    const picked = Object.entries(evidence.licences).filter(([m, id]) => id && offered.some((l) => l.id === id && l.materials.includes(m)));
    const body = { ...(sent.length ? { files: Object.fromEntries(sent) } : {}), ...(picked.length ? { licences: Object.fromEntries(picked.map(([m, id]) => [m, [id]])) } : {}) };
    /** Materials this page supplies: a file kept, or a licence picked. */
    const supplies = [...new Set([...sent.map(([m]) => m), ...picked.map(([m]) => m)])];
    return { evidence, setEvidence, offered, body, supplies };
  }, [evidence, offered]);
}

/** The materials the applicant brings in `situation`: applying, not waived, not exempted. */
const toBring = (situation: CaseSituation) => situation.materials.filter((m) => !m.waived && m.necessity !== 'exempted');

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Sends one file's bytes for a material, reporting progress (0–1); refusals as ApiError, as the JSON client's. */
async function uploadFile(caseId: string, materialId: string, file: File, onProgress: (share: number) => void): Promise<{ sha256: string; size: number; type: string }> {
  const { token } = await api.get<{ token: string }>('/api/csrf');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(materialId)}/files`);
    // the server decides what the file is by its content, never by the name's type
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let parsed: { error?: Record<string, unknown> } & Record<string, unknown> = {};
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: refused below by its status
      }
      if (xhr.status === 201) return resolve(parsed as unknown as { sha256: string; size: number; type: string });
      const { code = 'http', message = xhr.statusText, ...details } = parsed.error ?? {};
      reject(new ApiError(xhr.status, String(code), String(message), details));
    };
    xhr.send(file);
  });
}

interface UploadProps {
  c: CaseDetail;
  situation: CaseSituation;
  definition: MatterDefinition;
  state: ReturnType<typeof useEvidence>;
  disabled: boolean;
}

/** The upload section beside the form: one block per material to bring. */
export function MaterialsUpload({ c, situation, definition, state, disabled }: UploadProps) {
  const { t } = useApp();
  const materials = toBring(situation);
  if (materials.length === 0) return null;
  return (
    <section aria-labelledby="upload-heading" className="materials-upload" data-testid="materials-upload">
      <h3 id="upload-heading">{t.uploadHeading}</h3>
      <p className="muted">{t.uploadIntro}</p>
      {materials.map((m) => (
        <MaterialUpload key={m.id} caseId={c.id} m={m} licenceType={definition.materials.find((d) => d.id === m.id)?.licence?.type} state={state} disabled={disabled} />
      ))}
    </section>
  );
}

function MaterialUpload({ caseId, m, licenceType, state, disabled }: { caseId: string; m: CaseMaterial; licenceType: string | undefined; state: ReturnType<typeof useEvidence>; disabled: boolean }) {
  const { t, locale } = useApp();
  const ids = useId();
  const name = pick(m.name, locale);
  const [progress, setProgress] = useState<{ file: string; share: number }>();
  const [error, setError] = useState<unknown>();
  const { evidence, setEvidence, offered } = state;
  const files = evidence.files[m.id] ?? [];
  const licences = licenceType ? offered.filter((l) => l.materials.includes(m.id)) : [];
  const picked = evidence.licences[m.id] ?? '';
  const setFiles = useCallback(
    (change: (list: readonly UploadedFile[]) => readonly UploadedFile[]) => setEvidence((e) => ({ ...e, files: { ...e.files, [m.id]: change(e.files[m.id] ?? []) } })),
    [m.id, setEvidence],
  );
  const onFiles = async (chosen: FileList | null, input: HTMLInputElement) => {
    const list = [...(chosen ?? [])];
    input.value = ''; // the same file may be chosen again after a refusal
    if (list.length === 0) return;
    setError(undefined);
    try {
      for (const file of list) {
        setProgress({ file: file.name, share: 0 });
        const stored = await uploadFile(caseId, m.id, file, (share) => setProgress({ file: file.name, share }));
        setFiles((l) => [...l.filter((f) => f.sha256 !== stored.sha256), { ...stored, name: file.name, referenced: false }]);
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };
  const errorId = `${ids}-error`;
  const inputId = `${ids}-file`;
  return (
    <div className={`field material-upload${error ? ' has-error' : ''}`} data-upload={m.id} aria-busy={progress ? true : undefined}>
      <h4 className="material-upload-name">{name}</h4>
      {licences.length > 0 && (
        <fieldset className="licence-pick" data-testid="licence-pick">
          <legend>{t.useLicence(name)}</legend>
          {licences.map((l) => (
            <label key={l.id} className="choice">
              <input type="radio" name={`${ids}-licence`} value={l.id} checked={picked === l.id} disabled={disabled} onChange={() => setEvidence((e) => ({ ...e, licences: { ...e.licences, [m.id]: l.id } }))} />{' '}
              {t.licenceOption(pick(l.name, locale), l.id, l.issuedAt, pick(l.issuer, locale))}
            </label>
          ))}
          <label className="choice">
            <input type="radio" name={`${ids}-licence`} value="" checked={picked === ''} disabled={disabled} onChange={() => setEvidence((e) => ({ ...e, licences: { ...e.licences, [m.id]: '' } }))} /> {t.noLicence}
          </label>
        </fieldset>
      )}
      {picked === '' && (
        <>
          <label htmlFor={inputId}>{t.uploadLabel(name)}</label>
          <p className="hint muted" id={`${ids}-hint`}>
            {t.uploadHint}
          </p>
          {error !== undefined && (
            <p className="error-message" id={errorId} role="alert" data-testid="upload-error">
              <span className="visually-hidden">{t.errorPrefix}</span>
              {t.uploadError(name, messageOf(error, locale))}
            </p>
          )}
          <input
            id={inputId}
            type="file"
            accept={accept}
            multiple
            disabled={disabled || progress !== undefined}
            aria-describedby={error !== undefined ? `${ids}-hint ${errorId}` : `${ids}-hint`}
            aria-invalid={error !== undefined ? true : undefined}
            data-testid={`upload-${m.id}`}
            onChange={(e) => void onFiles(e.currentTarget.files, e.currentTarget)}
          />
          {progress && (
            <p className="upload-progress" role="status">
              <label htmlFor={`${ids}-progress`}>{t.uploading(progress.file)}</label>{' '}
              <progress id={`${ids}-progress`} max={100} value={Math.round(progress.share * 100)} />
            </p>
          )}
          {files.length > 0 && (
            <ul className="uploaded-files" aria-label={t.uploadedFiles(name)} data-testid="uploaded-files">
              {files.map((f) => {
                const label = f.name ?? t.earlierFile(f.sha256.slice(0, 12));
                return (
                  <li key={f.sha256} data-sha256={f.sha256}>
                    <span className="file-name">{label}</span> <span className="muted">{t.paren(`${typeNames[f.type] ?? f.type} · ${sizeText(f.size)}`)}</span>{' '}
                    {f.referenced ? (
                      <span className="muted">{t.submittedFile}</span>
                    ) : (
                      <button type="button" className="btn-link" disabled={disabled} aria-label={t.removeFile(label)} onClick={() => setFiles((l) => l.filter((x) => x.sha256 !== f.sha256))}>
                        {t.remove}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** The materials as they will be sent, for the check-answers page: the files or the e-licence per material. */
export function MaterialsSummary({ situation, state }: { situation: CaseSituation; state: ReturnType<typeof useEvidence> }) {
  const { t, locale } = useApp();
  const materials = toBring(situation);
  if (materials.length === 0) return null;
  return (
    <section aria-labelledby="materials-summary-heading" data-testid="materials-summary">
      <h3 id="materials-summary-heading">{t.materialsSummary}</h3>
      <dl className="summary-list">
        {materials.map((m) => {
          const licence = state.offered.find((l) => l.id === state.evidence.licences[m.id]);
          const files = state.evidence.files[m.id] ?? [];
          return (
            <div key={m.id} data-material={m.id}>
              <dt>{pick(m.name, locale)}</dt>
              <dd className="answer">
                {licence ? (
                  t.byLicence(pick(licence.name, locale), licence.id)
                ) : files.length > 0 ? (
                  <ul className="plain">
                    {files.map((f) => (
                      <li key={f.sha256}>
                        {f.name ?? t.earlierFile(f.sha256.slice(0, 12))} {t.paren(`${typeNames[f.type] ?? f.type} · ${sizeText(f.size)}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{m.supplied ? t.suppliedMark : t.nothingUploaded}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
