/**
 * The province view: every matter's spread across its regions (lowest, median, highest score; regions below the
 * levelled line), sorted by the server by any column, exported as CSV or as the reviewers' HTML report.
 */
import { useState } from 'react';
import { Link } from '../../../runtime/web/router.tsx';
import { useDesigner } from '../../context.ts';
import type { ProvinceView } from './types.ts';
import { useApi } from './useApi.ts';
import { useReviewWords } from './words.ts';
import './review.css';

type Key = 'id' | 'title' | 'variants' | 'lowest' | 'median' | 'highest' | 'below' | 'distinct';

export function ProvincePage() {
  const { locale } = useDesigner();
  const w = useReviewWords();
  const [sort, setSort] = useState<{ key: Key; order: 'asc' | 'desc' }>({ key: 'lowest', order: 'asc' });
  const query = `sort=${sort.key}&order=${sort.order}`;
  const { data, error } = useApi<ProvinceView>(`/api/review/province?${query}`);
  const levelled = data?.levelled ?? 90;
  const columns: { key: Key; label: string; num?: boolean }[] = [
    { key: 'title', label: w.matter },
    { key: 'variants', label: w.variants, num: true },
    { key: 'lowest', label: w.lowest, num: true },
    { key: 'median', label: w.median, num: true },
    { key: 'highest', label: w.highest, num: true },
    { key: 'below', label: w.below(levelled), num: true },
    { key: 'distinct', label: w.distinct, num: true },
  ];
  const toggle = (key: Key) => setSort(sort.key === key ? { key, order: sort.order === 'asc' ? 'desc' : 'asc' } : { key, order: key === 'below' || key === 'distinct' ? 'desc' : 'asc' });
  return (
    <>
      <h1>{w.provinceTitle}</h1>
      <p>{w.provinceIntro(levelled)}</p>
      <p className="review-actions">
        <a className="btn btn-small" href={`/api/review/province.csv?${query}`} download="review-province.csv" data-testid="review-csv">{w.downloadCsv}</a>
        <a className="btn btn-small" href="/api/review/report.html" download="review.html" data-testid="review-report">{w.downloadReport}</a>
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      {!data && !error && <p aria-busy="true">{w.loading}</p>}
      {data && (
        <table className="review-table" data-testid="review-province">
          <caption className="visually-hidden">{w.provinceTitle}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)} data-testid={`review-sort-${c.key}`}>
                    {c.label}{sort.key === c.key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.matters.map((m) => (
              <tr key={m.id} data-testid={`review-matter-${m.id}`} className={m.below > 0 ? 'below' : undefined}>
                <th scope="row"><Link to={`/designer/review/${m.id}`}>{m.title[locale]}</Link><br /><span className="muted">{m.id} · v{m.version}</span></th>
                <td className="num">{m.variants}</td>
                <td className="num score">{m.lowest ?? '—'}</td>
                <td className="num">{m.median ?? '—'}</td>
                <td className="num">{m.highest ?? '—'}</td>
                <td className={`num${m.below > 0 ? ' status-below' : ''}`}>{m.below}</td>
                <td className="num">{m.distinct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
