/** One case: applicants see its status, materials and certificates and fill in the form when a step is theirs; staff see the workbench view. */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { api } from '../api.ts';
import { AuditTrail, CaseFacts, Certificates, Materials } from '../case-parts.tsx';
import { Loaded, Notice, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { formatTime, pick } from '../i18n.ts';
import { eventsFor } from '../people.ts';
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
  const mine = eventsFor(c, 'applicant');
  const editable = mine.includes('SUBMIT') && c.definition !== undefined;
  // the events the applicant may send besides submitting: their own step's, and those every step accepts (WITHDRAW)
  const applicantEvents = mine.filter((e) => e !== 'SUBMIT');
  useTitle(submitted ? t.confirmationTitle : pick(c.title, locale) || t.caseTitle);
  const supplement = [...(c.audit ?? [])].reverse().find((e) => e.type === 'REQUEST_SUPPLEMENT');
  const supplementNote = supplement && typeof supplement.payload === 'object' && supplement.payload ? (supplement.payload as { note?: string }).note : undefined;
  return (
    <article data-testid="case" data-case={c.id} data-state={c.state}>
      <p className="muted">
        <Link to="/cases">{t.myCasesTitle}</Link> · {c.matterId}
      </p>
      <h1>{pick(c.title, locale)}</h1>
      {submitted && <Confirmation c={c} />}
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

/** After submitting (GOV.UK's confirmation page): the reference, and what happens next; it takes the focus. */
function Confirmation({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'center' });
  }, []);
  const step = pick(c.step, locale);
  return (
    <>
      <div className="confirmation" role="status" data-testid="submitted-notice">
        <h2 ref={heading} tabIndex={-1}>
          {t.confirmationTitle}
        </h2>
        <p>
          {t.reference}
          <br />
          <strong className="reference" data-testid="case-reference">
            {c.reference ?? c.id}
          </strong>
        </p>
      </div>
      <section aria-labelledby="what-next" data-testid="what-next">
        <h2 id="what-next">{t.whatNext}</h2>
        {step && <p>{t.nextStep(step)}</p>}
        {c.deadline && <p>{t.nextDeadline(formatTime(c.deadline.dueAt, locale))}</p>}
        <p>{t.nextNotify}</p>
        <p>
          <Link to="/cases">{t.viewMyCases}</Link>
        </p>
      </section>
    </>
  );
}
