/** The applicant's cases: status, current step, deadline, and the e-certificates of approved ones; plus the verify box. */
import { api } from '../api.ts';
import { CaseFacts, Certificates } from '../case-parts.tsx';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { eventsFor } from '../people.ts';
import { Link } from '../router.tsx';
import type { CaseDetail, CaseSummary } from '../types.ts';
import { VerifyCertificate } from './Verify.tsx';

/** Every case of the applicant, each read whole (for its step and certificates). */
async function loadCases(): Promise<CaseDetail[]> {
  const { cases } = await api.get<{ cases: CaseSummary[] }>('/api/cases');
  const details = await Promise.all(cases.map((c) => api.get<CaseDetail>(`/api/cases/${c.id}`)));
  return details.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function MyCasesPage() {
  const { t, locale, user } = useApp();
  const state = useLoad(loadCases, `cases|${user?.id ?? ''}`);
  useTitle(t.myCasesTitle);
  return (
    <>
      <h1>{t.myCasesTitle}</h1>
      <Loaded state={state}>
        {(cases) =>
          cases.length === 0 ? (
            <p>
              {t.noCases} <Link to="/">{t.backToCatalogue}</Link>
            </p>
          ) : (
            <ul className="case-list" data-testid="my-cases">
              {cases.map((c) => (
                <li key={c.id} className={`card${c.overdue ? ' overdue' : ''}`} data-testid="my-case" data-case={c.id} data-state={c.state} data-status={c.status}>
                  <h2>
                    <Link to={`/cases/${c.id}`}>{pick(c.title, locale)}</Link>
                  </h2>
                  <CaseFacts c={c} compact />
                  {eventsFor(c, user?.role).includes('SUBMIT') && (
                    <Link className="btn btn-primary" to={`/cases/${c.id}`} data-testid="continue-case">
                      {t.continueForm}
                    </Link>
                  )}
                  <Certificates c={c} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <VerifyCertificate headingLevel={2} />
    </>
  );
}
