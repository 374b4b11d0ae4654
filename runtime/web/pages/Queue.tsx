/** The workbench queue: the cases at a step the signed-in staff role owns, overdue ones first and marked. */
import { api } from '../api.ts';
import { DeadlineText, statusText } from '../case-parts.tsx';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { formatTime, pick } from '../i18n.ts';
import { personLabel } from '../people.ts';
import { Link } from '../router.tsx';
import type { CaseSummary } from '../types.ts';

export function QueuePage() {
  const { t, locale, user } = useApp();
  const state = useLoad(
    () => api.get<{ cases: CaseSummary[] }>('/api/cases?status=active').then((r) => r.cases.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? ''))),
    `queue|${user?.id ?? ''}`,
  );
  useTitle(t.queueTitle);
  return (
    <>
      <h1>{t.queueTitle}</h1>
      {user && <p className="muted">{t.queueFor(`${user.name} · ${t.roleNames[user.role] ?? user.role}`)}</p>}
      <Loaded state={state}>
        {(cases) =>
          cases.length === 0 ? (
            <p data-testid="queue-empty">{t.emptyQueue}</p>
          ) : (
            <table className="table stacked" data-testid="queue">
              <caption className="visually-hidden">{t.queueTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.matter}</th>
                  <th scope="col">{t.applicant}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.deadline}</th>
                  <th scope="col">{t.updated}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} className={c.overdue ? 'overdue' : undefined} data-testid="queue-case" data-case={c.id} data-overdue={c.overdue ? 'true' : 'false'}>
                    <th scope="row">
                      <Link to={`/cases/${c.id}`}>{pick(c.title, locale) || c.matterId}</Link>
                    </th>
                    <td data-label={t.applicant} data-testid="queue-applicant">{personLabel(c.applicant, c)}</td>
                    <td data-label={t.status}>{statusText(c, t)}</td>
                    <td data-label={t.deadline}>
                      <DeadlineText c={c} />
                    </td>
                    <td data-label={t.updated}>{formatTime(c.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
