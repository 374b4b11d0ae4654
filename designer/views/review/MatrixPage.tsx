/**
 * One matter's regions against its top runner: the matrix (score, burden metrics and the province's flags per
 * region, the numbers of `onematter review`), a chart of the scores, filters by level and city, and regions below
 * the levelled line highlighted. A row opens that region's differences and level-up plan (click, or Enter).
 */
import { useState, type KeyboardEvent } from 'react';
import { Link, navigate } from '../../../runtime/web/router.tsx';
import { useDesigner } from '../../context.ts';
import { ScoreChart } from './ScoreChart.tsx';
import { flagKeys, metricKeys, type Matrix, type MatrixRow } from './types.ts';
import { useApi } from './useApi.ts';
import { useReviewWords } from './words.ts';
import './review.css';

export function MatrixPage({ matterId }: { matterId: string }) {
  const { locale } = useDesigner();
  const w = useReviewWords();
  const { data, error } = useApi<Matrix>(`/api/review/matters/${encodeURIComponent(matterId)}`);
  const [filter, setFilter] = useState({ level: '', city: '', onlyBelow: false });
  if (error) return <><h1>{w.provinceTitle}</h1><p role="alert" className="error">{error}</p><p><Link to="/designer/review">{w.back}</Link></p></>;
  if (!data) return <p aria-busy="true">{w.loading}</p>;
  const cities = new Map<string, string>();
  for (const r of data.variants) {
    if (r.region.level === 'city') cities.set(r.region.code, r.region.name[locale]);
    if (r.region.city) cities.set(r.region.city.code, r.region.city.name[locale]);
  }
  const rows = data.variants.filter((r) =>
    (!filter.level || r.region.level === filter.level) && (!filter.city || r.region.code === filter.city || r.region.city?.code === filter.city) && (!filter.onlyBelow || !r.levelled));
  const open = (r: MatrixRow) => navigate(`/designer/review/${encodeURIComponent(data.id)}/${r.region.code}`);
  const onKey = (event: KeyboardEvent, r: MatrixRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(r);
    }
  };
  const yesNo = (on: boolean) => (on ? w.yes : w.no);
  return (
    <>
      <p><Link to="/designer/review">{w.back}</Link></p>
      <h1>{w.matrixTitle(data.title[locale])}</h1>
      <p>{w.matrixIntro(data.baseline.version, data.variants.length)}</p>
      {data.proposal && <p><Link to={`/designer/review/${encodeURIComponent(data.id)}/proposal`} data-testid="review-proposal-link">{w.proposalLink}</Link></p>}
      {data.variants.length === 0 ? <p>{w.noVariants}</p> : (
        <>
          <ScoreChart rows={data.variants} levelled={data.levelled} />
          <form className="filters" aria-label={w.filters} onSubmit={(e) => e.preventDefault()}>
            <label>{w.level}
              <select value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value })} data-testid="review-filter-level">
                <option value="">{w.levelAll}</option>
                <option value="city">{w.levels.city}</option>
                <option value="county">{w.levels.county}</option>
              </select>
            </label>
            <label>{w.city}
              <select value={filter.city} onChange={(e) => setFilter({ ...filter, city: e.target.value })} data-testid="review-filter-city">
                <option value="">{w.cityAll}</option>
                {[...cities].sort((a, b) => a[0].localeCompare(b[0])).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={filter.onlyBelow} onChange={(e) => setFilter({ ...filter, onlyBelow: e.target.checked })} data-testid="review-filter-below" />
              {w.onlyBelow}
            </label>
          </form>
          <p aria-live="polite" data-testid="review-shown">{w.shown(rows.length, data.variants.length)}</p>
          <table className="review-table" data-testid="review-matrix">
            <caption className="visually-hidden">{w.matrixTitle(data.title[locale])}</caption>
            <thead>
              <tr>
                <th scope="col">{w.region}</th>
                <th scope="col">{w.level}</th>
                <th scope="col" className="num">{w.score}</th>
                <th scope="col">{w.status}</th>
                {metricKeys.map((k) => <th key={k} scope="col" className="num">{w.metrics[k]}</th>)}
                {flagKeys.map((k) => <th key={k} scope="col">{w.flags[k]}</th>)}
                <th scope="col" className="num">{w.planSteps}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="baseline-row" data-testid="review-row-baseline">
                <th scope="row">{w.topRunner} · {data.baseline.region.name[locale]}</th>
                <td>{w.levels[data.baseline.region.level] ?? data.baseline.region.level}</td>
                <td className="num">100</td>
                <td>—</td>
                {metricKeys.map((k) => <td key={k} className="num">{data.baseline.metrics[k]}</td>)}
                {flagKeys.map((k) => <td key={k}>{yesNo(data.baseline.province[k])}</td>)}
                <td className="num">—</td>
              </tr>
              {rows.map((r) => (
                <tr
                  key={r.region.code}
                  className={`clickable${r.levelled ? '' : ' below'}`}
                  tabIndex={0}
                  onClick={() => open(r)}
                  onKeyDown={(e) => onKey(e, r)}
                  data-testid={`review-row-${r.region.code}`}
                  data-score={r.score}
                  data-levelled={r.levelled}
                >
                  <th scope="row">
                    <Link to={`/designer/review/${encodeURIComponent(data.id)}/${r.region.code}`} tabIndex={-1}>{r.region.name[locale]}</Link>
                    {r.region.city && <><br /><span className="muted">{r.region.city.name[locale]}</span></>}
                    {r.baselineVersion !== data.baseline.version && <><br /><span className="muted" data-testid="review-against">{w.against(r.baselineVersion)}</span></>}
                  </th>
                  <td>{w.levels[r.region.level] ?? r.region.level}</td>
                  <td className="num score" data-testid="review-score">{r.score}</td>
                  <td className={r.levelled ? 'status-levelled' : 'status-below'}>{r.levelled ? w.levelledYes : w.levelledNo}</td>
                  {metricKeys.map((k) => <td key={k} className="num">{r.metrics[k]}</td>)}
                  {flagKeys.map((k) => <td key={k}>{yesNo(r.province[k])}</td>)}
                  <td className="num">{r.planSteps}</td>
                </tr>
              ))}
              {data.proposal && (
                <tr className="proposal-row" data-testid="review-row-proposal">
                  <th scope="row"><Link to={`/designer/review/${encodeURIComponent(data.id)}/proposal`}>{w.proposedTopRunner}</Link></th>
                  <td>—</td>
                  <td className="num">{data.proposal.score}</td>
                  <td>—</td>
                  {metricKeys.map((k) => <td key={k} className="num">{data.proposal!.metrics[k]}</td>)}
                  {flagKeys.map((k) => <td key={k}>—</td>)}
                  <td className="num">—</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
