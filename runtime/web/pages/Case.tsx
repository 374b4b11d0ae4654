/** One case: applicants see its status, materials and certificates and fill in the form when a step is theirs; staff see the workbench view. */
import { useEffect, useState, type ComponentType } from 'react';
import { api } from '../api.ts';
import { AuditTrail, CaseFacts, Certificates, Materials } from '../case-parts.tsx';
import { Loaded, Notice, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { AnswersList, answerRows } from '../answers-list.tsx';
import { Confirmation } from '../confirmation.tsx';
import { OutstandingNotice } from '../outstanding.tsx';
import { pick } from '../i18n.ts';
import { baseEvent } from '../bundles.ts';
import { eventsFor } from '../people.ts';
import { Link } from '../router.tsx';
import type { CaseDetail } from '../types.ts';
import { Actions } from './Actions.tsx';
import { lazyPage } from '../lazy-page.tsx';

// The form code is its own chunk (most of the page's JavaScript). It is loaded without React.lazy: a Suspense
// boundary that showed its fallback waits at least 300 ms before revealing the content, which would double the
// form's first render.
// the clerk's case page (checklist, actions) is a chunk of its own: applicants never load it
const WorkCase = lazyPage(() => import('./WorkCase.tsx').then((m) => m.WorkCase));

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

// A case asked for as the page starts (main.tsx), before React renders and the session is known: the first load of
// that case takes it, later loads ask again.
// Only within a few seconds of the start: a case page opened later (after signing in) asks afresh.
let early: { id: string; request: Promise<CaseDetail>; at: number } | undefined;
const caseRequest = (id: string) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);

/** Starts loading case `id` and, once the session says the reader is its applicant, the form's code. */
export function prefetchCase(id: string, session: Promise<{ role: string } | null>): void {
  const request = caseRequest(id);
  request.catch(() => undefined); // the page's own load reports a failure
  early = { id, request, at: Date.now() };
  void session.then((user) => {
    if (user?.role === 'applicant') void loadCaseForm();
  });
}

export function CasePage({ id }: { id: string }) {
  const { user } = useApp();
  // fetch the form code while the case loads, not after it (the form chunk is most of the page's JavaScript)
  if (user?.role === 'applicant') void loadCaseForm();
  const state = useLoad(() => {
    const prefetched = early?.id === id && Date.now() - early.at < 5000 ? early.request : undefined;
    early = undefined;
    // a refusal of the early request (not signed in yet, say) is asked again rather than shown
    return prefetched?.catch(() => caseRequest(id)) ?? caseRequest(id);
  }, `${id}|${user?.id ?? ''}`);
  return (
    <Loaded state={state}>
      {(c) => (user?.role === 'applicant' ? <ApplicantCase c={c} reload={state.reload} replace={state.setData} /> : <WorkCase c={c} reload={state.reload} replace={state.setData} />)}
    </Loaded>
  );
}

function ApplicantCase({ c, reload, replace }: { c: CaseDetail; reload: () => void; replace: (updated: CaseDetail) => void }) {
  const { t, locale } = useApp();
  const [submitted, setSubmitted] = useState(false);
  const CaseForm = useCaseForm();
  const mine = eventsFor(c, ['applicant']);
  // (a bundle submitted member by member has SUBMIT.member events: the form submits those too)
  const editable = mine.some((e) => baseEvent(e) === 'SUBMIT') && c.definition !== undefined;
  // the events the applicant may send besides submitting: their own step's, and those every step accepts (WITHDRAW)
  const applicantEvents = mine.filter((e) => baseEvent(e) !== 'SUBMIT');
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
      {!submitted && c.reference && (
        <p data-testid="case-page-reference">
          {t.colReference}
          {t.colon}
          <strong>{c.reference}</strong>
        </p>
      )}
      <CaseFacts c={c} />
      <Certificates c={c} />
      <OutstandingNotice c={c} audience="applicant" />
      {editable && c.state !== 'draft' && supplementNote && <Notice kind="info" testId="supplement-request">{supplementNote}</Notice>}
      {editable ? (
        CaseForm ? (
          <CaseForm
            c={c}
            definition={c.definition!}
            onSubmitted={(updated) => {
              setSubmitted(true);
              // the confirmation shows the submitted case (its reference) at once, not the draft until the reload ends
              replace({ ...c, ...updated });
              reload();
            }}
          />
        ) : (
          <p aria-busy="true">{t.loading}</p>
        )
      ) : (
        <>
          {c.status !== 'draft' && c.definition && (
            <section aria-labelledby="submitted-answers">
              <h2 id="submitted-answers">{t.submittedAnswers}</h2>
              <AnswersList rows={answerRows(c.definition, c.data, locale)} verified={c.verified} rowTestId="submitted-row" testId="submitted-answers" />
            </section>
          )}
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
