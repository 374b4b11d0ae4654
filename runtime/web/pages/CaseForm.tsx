/**
 * The applicant's form (MatterForm, loaded on demand): save draft (PUT draft) and submit (POST submit), the server's
 * field errors in place, and beside it the materials to supply and the amount due, following the answers as they are
 * given. Situations are decided in the page with the conditions the server precompiled into the form's validator
 * module (the CSP allows no eval): no round trip per answer, and the very ajv semantics the runtime decides them with.
 * Until the module arrives the list shows the server's situation for the saved answers.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fieldId } from '../../form/errors.ts';
import type { ValidatorType } from '@rjsf/utils';
import type { MatterDefinition } from '../../../engine/index.ts';
import type { ConditionCheck } from '../../../engine/situations/index.ts';
import { caseSituation, type CaseSituation } from '../../cases/situation.ts';
import { MatterForm } from '../../form/MatterForm.tsx';
import { prepareForm } from '../../form/prepare.ts';
import { noLiveChecks, precompiledConditions, precompiledValidator } from '../../form/precompiled-runtime.ts';
import { api, ApiError } from '../api.ts';
import { messageOf, StepNotice, useTitle, type StepOutcome } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick, type Locale } from '../i18n.ts';
import { sharedSchemas } from '../shared-schemas.ts';
import { SituationList } from '../situation-parts.tsx';
import type { CaseDetail, FieldError } from '../types.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import { MaterialsSummary, MaterialsUpload, useEvidence } from '../materials-upload.tsx';

export default function CaseForm({ c, definition, onSubmitted }: { c: CaseDetail; definition: MatterDefinition; onSubmitted: (updated: CaseDetail) => void }) {
  const { t, locale } = useApp();
  const [data, setData] = useState<unknown>(c.data);
  const [revision, setRevision] = useState(c.revision);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<StepOutcome>();
  // refused for missing materials: the notice is worded at render, so it follows the language and the answers
  const [missingRefused, setMissingRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  // "draft saved" as a flag, worded at render so it follows the language; news only until the next edit
  const [saved, setSaved] = useState(false);
  // the answers being checked before they are sent (GOV.UK's "check your answers"); undefined while filling in
  const [review, setReview] = useState<{ data: unknown }>();
  // the field a "change" link goes back to, focused once the form is there again
  const [changing, setChanging] = useState<string>();
  useTitle(review ? t.checkTitle : pick(c.title, locale) || t.formTitle);
  useEffect(() => {
    if (review || changing === undefined) return;
    const id = fieldId(changing);
    const target = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${id}-"]`);
    target?.focus({ preventScroll: true });
    (document.querySelector(`label[for="${id}"]`) ?? target)?.scrollIntoView({ block: 'center' });
    setChanging(undefined);
  }, [review, changing]);
  const { validator, conditions } = usePrecompiledModule(c.hash, definition);
  // files uploaded and e-licences picked on this page supply their materials (C1, materials-upload.tsx)
  const evidence = useEvidence(c);
  const situation = useMemo(() => {
    const supplies = new Set(evidence.supplies);
    if (!conditions) return { ...c.situation, materials: c.situation.materials.map((m) => (supplies.has(m.id) ? { ...m, supplied: true, missing: false } : m)) };
    const holdings = { waived: c.waived.map((w) => w.id), supplied: [...c.situation.materials.filter((m) => m.supplied).map((m) => m.id), ...supplies], paid: c.situation.paid };
    return caseSituation(definition, data, holdings, conditions);
  }, [conditions, c, definition, data, evidence.supplies]);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'invalid-data') {
        // back to the form, where the error summary takes focus and links to each field
        setReview(undefined);
        setErrors(((e.details.errors ?? []) as FieldError[]).map(({ pointer, message, keyword }) => ({ pointer, message, ...(keyword ? { keyword } : {}) })));
      } else if (e instanceof ApiError && e.code === 'tampered') setNotice({ kind: 'error', text: t.tampered(String(e.details.field ?? '')) });
      else if (e instanceof ApiError && e.code === 'invalid-event' && !situation.complete) setMissingRefused(true);
      else if (e instanceof ApiError && e.status === 409) setNotice({ kind: 'error', text: t.conflict, conflict: true });
      else setNotice({ kind: 'error', text: messageOf(e) });
    },
    [t, situation],
  );

  const saveDraft = useCallback(
    async (current: unknown) => {
      setBusy(true);
      setNotice(undefined);
      setSaved(false);
      setMissingRefused(false);
      try {
        const saved = await api.put<CaseDetail>(`/api/cases/${c.id}/draft`, { data: current, revision });
        setRevision(saved.revision);
        setData(current);
        setSaved(true);
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
      if (busy) return;
      setBusy(true);
      setNotice(undefined);
      setSaved(false);
      setMissingRefused(false);
      setData(current);
      try {
        const updated = await api.post<CaseDetail>(`/api/cases/${c.id}/submit`, { data: current, revision, ...evidence.body });
        setErrors([]);
        onSubmitted(updated);
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [c.id, revision, fail, onSubmitted, busy, evidence.body],
  );
  // "draft saved" is news only until the next edit
  const onEdit = useCallback((current: unknown) => {
    setData(current);
    setSaved(false);
  }, []);
  // rjsf's checks passed: show the answers to check before anything is sent
  const toReview = useCallback((current: unknown) => {
    setData(current);
    setNotice(undefined);
    setSaved(false);
    setMissingRefused(false);
    setReview({ data: current });
  }, []);

  return (
    <section aria-labelledby="form-heading" aria-busy={busy} data-testid="case-form">
      <h2 id="form-heading">{t.formTitle}</h2>
      <StepNotice
        notice={missingRefused && !situation.complete ? { kind: 'error', text: t.materialsMissing(missingNames(situation, locale)) } : saved ? { kind: 'success', text: t.draftSaved } : notice}
        testId="form-notice"
        reloadLabel={t.reload}
        focus
      />
      <p className="muted">{t.liveHint}</p>
      <SituationList situation={situation} definition={definition} live />
      {review ? <MaterialsSummary situation={situation} state={evidence} /> : <MaterialsUpload c={c} situation={situation} definition={definition} state={evidence} disabled={busy} />}
      {review ? (
        <CheckAnswers
          definition={definition}
          data={review.data}
          verified={c.verified}
          busy={busy}
          onChange={(pointer) => {
            setReview(undefined);
            setChanging(pointer);
          }}
          onBack={() => setReview(undefined)}
          onSubmit={() => void submit(review.data)}
        />
      ) : (
      <MatterForm
        definition={definition}
        locale={locale}
        formData={data}
        locked={c.verified}
        waived={c.waived}
        errors={errors}
        sharedSchemas={sharedSchemas}
        validator={validator}
        onChange={onEdit}
        onSaveDraft={saveDraft}
        onSubmit={toReview}
        busy={busy}
        submitLabel={t.continueToCheck}
      />
      )}
    </section>
  );
}

// What is still missing, in words: required materials, then each required group as "a / b".
function missingNames(situation: CaseSituation, locale: Locale): string {
  const name = (id: string) => pick(situation.materials.find((m) => m.id === id)?.name, locale) || id;
  const single = situation.materials.filter((m) => m.missing).map((m) => name(m.id));
  const groups = situation.groups.filter((g) => g.required && !g.satisfied).map((g) => g.members.map(name).join(' / '));
  return [...single, ...groups].join(locale === 'zh' ? '、' : ', ');
}

// The form's validators and situation conditions, precompiled by the server for this definition hash (the page may
// not compile code itself). Until they arrive the form shows without live checks; the server's field errors are the
// authority either way.
function usePrecompiledModule(hash: string, definition: MatterDefinition): { validator: ValidatorType; conditions: ConditionCheck | undefined } {
  type Loaded = { hash: string; validator: ValidatorType; conditions: ConditionCheck | undefined };
  type Module = { default: Parameters<typeof precompiledValidator>[0]; conditions?: Parameters<typeof precompiledConditions>[0] };
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    let live = true;
    import(/* @vite-ignore */ `/api/forms/${hash}/validator.js`)
      .then((module: Module) => {
        if (!live) return;
        // each part on its own: a form the page renders differently from the server (other shared schemas) finds
        // no validator of its own, yet its situations can still be decided
        const attempt = <T,>(make: () => T): T | undefined => {
          try {
            return make();
          } catch {
            return undefined;
          }
        };
        const validator = attempt(() => precompiledValidator(module.default, prepareForm(definition, sharedSchemas).renderSchema)) ?? noLiveChecks;
        setLoaded({ hash, validator, conditions: module.conditions && attempt(() => precompiledConditions(module.conditions!)) });
      })
      .catch(() => {}); // without them the form still submits, and the server answers with field errors
    return () => {
      live = false;
    };
  }, [hash, definition]);
  return loaded?.hash === hash ? loaded : { validator: noLiveChecks, conditions: undefined };
}
