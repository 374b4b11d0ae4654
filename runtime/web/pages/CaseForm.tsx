/** The applicant's form (MatterForm, loaded on demand): save draft (PUT draft) and submit (POST submit), the server's field errors in place. */
import { useCallback, useEffect, useState } from 'react';
import type { ValidatorType } from '@rjsf/utils';
import type { MatterDefinition } from '../../../engine/index.ts';
import { MatterForm } from '../../form/MatterForm.tsx';
import { prepareForm } from '../../form/prepare.ts';
import { noLiveChecks, precompiledValidator } from '../../form/precompiled-runtime.ts';
import { api, ApiError } from '../api.ts';
import { messageOf, StepNotice, type StepOutcome } from '../components.tsx';
import { useApp } from '../context.ts';
import { sharedSchemas } from '../shared-schemas.ts';
import type { CaseDetail, FieldError } from '../types.ts';

export default function CaseForm({ c, definition, onSubmitted }: { c: CaseDetail; definition: MatterDefinition; onSubmitted: (updated: CaseDetail) => void }) {
  const { t, locale } = useApp();
  const [data, setData] = useState<unknown>(c.data);
  const [revision, setRevision] = useState(c.revision);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<StepOutcome>();
  const [busy, setBusy] = useState(false);
  const validator = usePrecompiledValidator(c.hash, definition);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'invalid-data') {
        setErrors(((e.details.errors ?? []) as FieldError[]).map(({ pointer, message }) => ({ pointer, message })));
        setNotice({ kind: 'error', text: t.fixErrors });
      } else if (e instanceof ApiError && e.code === 'tampered') setNotice({ kind: 'error', text: t.tampered(String(e.details.field ?? '')) });
      else if (e instanceof ApiError && e.status === 409) setNotice({ kind: 'error', text: t.conflict, conflict: true });
      else setNotice({ kind: 'error', text: messageOf(e) });
    },
    [t],
  );

  const saveDraft = useCallback(
    async (current: unknown) => {
      setBusy(true);
      setNotice(undefined);
      try {
        const saved = await api.put<CaseDetail>(`/api/cases/${c.id}/draft`, { data: current, revision });
        setRevision(saved.revision);
        setData(current);
        setNotice({ kind: 'success', text: t.draftSaved });
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [c.id, revision, t, fail],
  );

  const submit = useCallback(
    async (current: unknown) => {
      setBusy(true);
      setNotice(undefined);
      setData(current);
      try {
        const updated = await api.post<CaseDetail>(`/api/cases/${c.id}/submit`, { data: current, revision });
        setErrors([]);
        onSubmitted(updated);
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [c.id, revision, fail, onSubmitted],
  );

  return (
    <section aria-labelledby="form-heading" aria-busy={busy} data-testid="case-form">
      <h2 id="form-heading">{t.formTitle}</h2>
      <StepNotice notice={notice} testId="form-notice" reloadLabel={t.reload} />
      <MatterForm
        definition={definition}
        locale={locale}
        formData={data}
        locked={c.verified}
        waived={c.waived}
        errors={errors}
        sharedSchemas={sharedSchemas}
        validator={validator}
        onChange={setData}
        onSaveDraft={saveDraft}
        onSubmit={submit}
      />
    </section>
  );
}

// The form's validators, precompiled by the server for this definition hash (the page may not compile code itself).
// Until they arrive the form shows without live checks; the server's field errors are the authority either way.
function usePrecompiledValidator(hash: string, definition: MatterDefinition): ValidatorType | undefined {
  const [validator, setValidator] = useState<{ hash: string; validator: ValidatorType }>();
  useEffect(() => {
    let live = true;
    import(/* @vite-ignore */ `/api/forms/${hash}/validator.js`)
      .then((module: { default: Parameters<typeof precompiledValidator>[0] }) => {
        if (live) setValidator({ hash, validator: precompiledValidator(module.default, prepareForm(definition, sharedSchemas).renderSchema) });
      })
      .catch(() => {}); // without them the form still submits, and the server answers with field errors
    return () => {
      live = false;
    };
  }, [hash, definition]);
  return validator?.hash === hash ? validator.validator : noLiveChecks;
}
