/**
 * A list of cases as a table (My cases, the workbench queue): reference, matter, region, submitted date, current step
 * and deadline (overdue said in words, not by colour alone), one link to the case per row (a finished case's
 * certificates beside its outcome); stacked into blocks at phone width.
 */
import type { ReactNode } from 'react';
import { DeadlineText, statusText } from './case-parts.tsx';
import { useApp } from './context.ts';
import { pick } from './i18n.ts';
import { chinaDate } from './china-time.ts';
import { Link } from './router.tsx';
import type { CaseSummary } from './types.ts';

/** The submitted day in China Standard Time (the list needs the date, not the minute). */
const formatDate = (value: string, locale: 'zh' | 'en') => chinaDate(value, locale); // as Intl's medium date, without ICU's first-call cost (E2)

export interface CaseTableProps {
  cases: readonly CaseSummary[];
  caption: string;
  /** The rows' test id (my-case, queue-case). */
  rowTestId: string;
  testId: string;
  /** An extra column after the matter (the queue's applicant). */
  extra?: { heading: string; cell: (c: CaseSummary) => ReactNode };
}

export function CaseTable({ cases, caption, rowTestId, testId, extra }: CaseTableProps) {
  const { t, locale } = useApp();
  return (
    <table className="table stacked case-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colReference}</th>
          <th scope="col">{t.matter}</th>
          {extra && <th scope="col">{extra.heading}</th>}
          <th scope="col">{t.colRegion}</th>
          <th scope="col">{t.colSubmitted}</th>
          <th scope="col">{t.step}</th>
          <th scope="col">{t.deadline}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const matter = pick(c.title, locale) || c.matterId;
          return (
            <tr key={c.id} className={c.overdue ? 'overdue' : undefined} data-testid={rowTestId} data-case={c.id} data-state={c.state} data-status={c.status} data-overdue={c.overdue ? 'true' : 'false'}>
              <th scope="row" data-testid="case-row-reference">
                <Link to={`/cases/${c.id}`}>{c.reference ?? t.draftCase(matter)}</Link>
              </th>
              <td data-label={t.matter}>{matter}</td>
              {extra && <td data-label={extra.heading}>{extra.cell(c)}</td>}
              <td data-label={t.colRegion}>{pick(c.regionName, locale) || c.region}</td>
              <td data-label={t.colSubmitted}>{c.submittedAt ? formatDate(c.submittedAt, locale) : t.notSubmitted}</td>
              <td data-label={t.step} data-testid="case-row-step">
                {pick(c.step, locale) || statusText(c, t)}
                {(c.certificates ?? []).map((cert) => (
                  <div key={cert.id} className="row-certificate">
                    <a href={cert.json} download={`${cert.id}.json`} data-testid="certificate-download">
                      {t.downloadJson}
                    </a>{' '}
                    <a href={cert.html} target="_blank" rel="noopener" data-testid="certificate-print">
                      {t.printHtml}
                    </a>
                  </div>
                ))}
              </td>
              <td data-label={t.deadline} data-testid="case-row-deadline">
                <DeadlineText c={c} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Previous / next links with "page x of y" between them (links, so they work from the keyboard and in history). */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useApp();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t.pagination} data-testid="pager">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" data-testid="pager-previous">
          ‹ {t.previousPage}
        </Link>
      ) : (
        <span />
      )}
      <span data-testid="pager-position">
        {t.pageOf(page, pages)}
      </span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next" data-testid="pager-next">
          {t.nextPage} ›
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
