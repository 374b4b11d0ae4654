/** The service guide of one matter in one region: materials (waived ones marked, with the reason), time, fees, visits, legal basis, and "start application". */
import { useState } from 'react';
import { api } from '../api.ts';
import { Loaded, messageOf, Notice, useLoad } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { navigate } from '../router.tsx';
import type { CaseDetail, Guide } from '../types.ts';

export function GuidePage({ id, region }: { id: string; region: string }) {
  const { t, locale, user } = useApp();
  const path = `/api/matters/${encodeURIComponent(id)}/regions/${encodeURIComponent(region)}/guide`;
  // the guide is personalized for the signed-in applicant: read it again when the user changes
  const state = useLoad(() => api.get<Guide>(path), `${path}|${user?.id ?? ''}`);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    if (!user) return navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    setStarting(true);
    setError(undefined);
    try {
      const started = await api.post<CaseDetail>('/api/cases', { matterId: id, region });
      navigate(`/cases/${started.id}`);
    } catch (e) {
      setError(messageOf(e));
      setStarting(false);
    }
  };

  return (
    <Loaded state={state}>
      {(guide) => (
        <article data-testid="guide">
          <p className="muted">{t.guideTitle} · {guide.matter.id} · {pick(guide.matter.region.name, locale)}</p>
          <h1>{pick(guide.matter.title, locale)}</h1>
          {guide.matter.summary && <p>{pick(guide.matter.summary, locale)}</p>}
          <dl className="facts">
            <div>
              <dt>{t.department}</dt>
              <dd>{pick(guide.matter.department.name, locale)}</dd>
            </div>
            <div>
              <dt>{t.timeLimits}</dt>
              <dd data-testid="promised-days">
                {guide.timeLimit.promisedDays !== undefined && t.promisedDays(guide.timeLimit.promisedDays)}
                {guide.timeLimit.statutoryDays !== undefined && <span className="muted">{' · '}{t.statutoryDays(guide.timeLimit.statutoryDays)}</span>}
              </dd>
            </div>
            <div>
              <dt>{t.fees}</dt>
              <dd data-testid="fees">{guide.totalFee === 0 ? t.free : [...guide.fees.map((f) => `${pick(f.name, locale)}: ${f.amount}`), t.feeTotal(guide.totalFee)].join(' · ')}</dd>
            </div>
            <div>
              <dt>{t.visits}</dt>
              <dd data-testid="visits">
                {t.visitsCount(guide.visits)}
                {guide.visitReason && <span className="muted">{' · '}{pick(guide.visitReason, locale)}</span>}
              </dd>
            </div>
          </dl>

          <section aria-labelledby="start-heading" className="start">
            <h2 id="start-heading" className="visually-hidden">{t.start}</h2>
            {user && user.role !== 'applicant' ? (
              <p>{t.onlyApplicants}</p>
            ) : (
              <button type="button" className="btn btn-primary" onClick={start} disabled={starting} data-testid="start-application">
                {user ? t.start : t.startSignIn}
              </button>
            )}
            {error && <Notice kind="error">{error}</Notice>}
          </section>

          {guide.acceptanceConditions.length > 0 && (
            <section aria-labelledby="conditions-heading">
              <h2 id="conditions-heading">{t.conditions}</h2>
              <ul>
                {guide.acceptanceConditions.map((c, i) => (
                  <li key={i}>{pick(c, locale)}</li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="materials-heading">
            <h2 id="materials-heading">{t.materials}</h2>
            {guide.personalizedFor ? (
              <Notice kind="success" testId="waived-summary">
                {t.personalized} {t.waivedSummary(guide.waived.length)}
              </Notice>
            ) : (
              guide.materials.some((m) => m.waivable) && <p className="muted">{t.waivableHint}</p>
            )}
            <table className="table" data-testid="materials">
              <thead>
                <tr>
                  <th scope="col">{t.materialName}</th>
                  <th scope="col">{t.necessity}</th>
                  <th scope="col">{t.youNeed}</th>
                </tr>
              </thead>
              <tbody>
                {guide.materials.map((m) => (
                  <tr key={m.id} data-testid="material" data-material={m.id} data-waived={m.waived ? 'true' : 'false'} className={m.waived ? 'waived' : undefined}>
                    <th scope="row">{pick(m.name, locale)}</th>
                    <td>{t.necessityNames[m.necessity] ?? m.necessity}</td>
                    <td>
                      {m.waived ? (
                        <>
                          <strong className="waived-label">✓ {t.waivedYes(pick(m.name, locale))}</strong>
                          {m.waivedReason && <div className="reason">{pick(m.waivedReason, locale)}</div>}
                        </>
                      ) : m.necessity === 'exempted' ? (
                        t.necessityNames.exempted
                      ) : m.necessity === 'optional' ? (
                        t.bringIfApplies
                      ) : (
                        t.needBring
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="basis-heading">
            <h2 id="basis-heading">{t.legalBasis}</h2>
            <ul data-testid="legal-basis">
              {guide.legalBasis.map((b) => (
                <li key={b.id}>
                  {pick(b.title, locale)} {b.article}
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </Loaded>
  );
}
