/** One case: applicants see its status, materials and certificates and fill in the form when a step is theirs; staff see the workbench view. */
import { useEffect, useState, type ComponentType } from 'react';
import { api } from '../api.ts';
import { AuditTrail, CaseFacts, Certificates, Materials } from '../case-parts.tsx';
import { Loaded, Notice, useLoad } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { CaseDetail } from '../types.ts';
import { Actions } from './Actions.tsx';
import { WorkCase } from './WorkCase.tsx';

// The form code is its own chunk (most of the page's JavaScript). It is loaded without React.lazy: a Suspense
// boundary that showed its fallback waits at least 300 ms before revealing the content, which would double the
// form's first render.
let caseFormModule: Promise<typeof import('./CaseForm.tsx')> | undefined;
const loadCaseForm = () => (caseFormModule ??= import('./CaseForm.tsx'));

function useCaseForm(): ComponentType<CaseFormProps> | undefined {
  const [component, setComponent] = useState<ComponentType<CaseFormProps>>();
  useEffect(() => {
    let live = true;
    void loadCaseForm().then((m) => live && setComponent(() => m.default));
    return () => void (live = false);
  }, []);
  return component;
}
type CaseFormProps = Parameters<typeof import('./CaseForm.tsx').default>[0];

export function CasePage({ id }: { id: string }) {
  const { user } = useApp();
  // fetch the form code while the case loads, not after it (the form chunk is most of the page's JavaScript)
  if (user?.role === 'applicant') void loadCaseForm();
  const state = useLoad(() => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`), `${id}|${user?.id ?? ''}`);
  return (
    <Loaded state={state}>
      {(c) => (user?.role === 'applicant' ? <ApplicantCase c={c} reload={state.reload} /> : <WorkCase c={c} reload={state.reload} />)}
    </Loaded>
  );
}

function ApplicantCase({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const { t, locale } = useApp();
  const [submitted, setSubmitted] = useState(false);
  const CaseForm = useCaseForm();
  const editable = c.events.includes('SUBMIT') && c.definition !== undefined;
  // the events the applicant may send besides submitting: their own step's, and those every step accepts (WITHDRAW)
  const applicantEvents = c.events.filter((e) => e !== 'SUBMIT' && (c.eventRoles?.[e] ?? (c.role === 'applicant' ? ['applicant'] : [])).includes('applicant'));
  const supplement = [...(c.audit ?? [])].reverse().find((e) => e.type === 'REQUEST_SUPPLEMENT');
  const supplementNote = supplement && typeof supplement.payload === 'object' && supplement.payload ? (supplement.payload as { note?: string }).note : undefined;
  return (
    <article data-testid="case" data-case={c.id} data-state={c.state}>
      <p className="muted">
        <Link to="/cases">{t.myCasesTitle}</Link> · {c.matterId}
      </p>
      <h1>{pick(c.title, locale)}</h1>
      {submitted && <Notice kind="success" testId="submitted-notice">{t.submitted}</Notice>}
      <CaseFacts c={c} />
      <Certificates c={c} />
      {editable && c.state !== 'draft' && supplementNote && <Notice kind="info" testId="supplement-request">{supplementNote}</Notice>}
      {editable ? (
        CaseForm ? (
          <CaseForm
            c={c}
            definition={c.definition!}
            onSubmitted={() => {
              setSubmitted(true);
              reload();
            }}
          />
        ) : (
          <p aria-busy="true">{t.loading}</p>
        )
      ) : (
        <>
          <h2>{t.materials}</h2>
          <Materials c={c} />
        </>
      )}
      {applicantEvents.length > 0 && (
        <section aria-labelledby="applicant-actions">
          <h2 id="applicant-actions">{t.actions}</h2>
          <Actions key={`${c.id}@${c.revision}`} c={c} events={applicantEvents} onDone={reload} />
        </section>
      )}
      <h2>{t.auditTrail}</h2>
      <AuditTrail c={c} />
    </article>
  );
}
