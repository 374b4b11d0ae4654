/**
 * One region's variant against the top runner: its score in a sentence, the level-up plan as actions in plain words
 * (heaviest first), the metrics side by side, and every difference the diff finds.
 */
import { Link } from '../../../runtime/web/router.tsx';
import { useDesigner } from '../../context.ts';
import { metricKeys, type VariantDetail } from './types.ts';
import { useApi } from './useApi.ts';
import { useReviewWords } from './words.ts';
import './review.css';

export function VariantPage({ matterId, region }: { matterId: string; region: string }) {
  const { locale } = useDesigner();
  const w = useReviewWords();
  const matrix = `/designer/review/${encodeURIComponent(matterId)}`;
  const { data, error } = useApi<VariantDetail>(`/api/review/matters/${encodeURIComponent(matterId)}/variants/${encodeURIComponent(region)}`);
  if (error) return <><h1>{w.planTitle}</h1><p role="alert" className="error">{error}</p><p><Link to={matrix}>{w.backToMatrix}</Link></p></>;
  if (!data) return <p aria-busy="true">{w.loading}</p>;
  const order = { more: 0, less: 1, neutral: 2 } as const;
  const changes = [...data.changes].sort((a, b) => order[a.burden] - order[b.burden] || b.weight - a.weight);
  return (
    <>
      <p><Link to={matrix}>{w.backToMatrix}</Link></p>
      <h1>{w.variantTitle(data.region.name[locale], data.matter.title[locale])}</h1>
      <p className="review-summary" data-testid="review-summary">{data.summary[locale]}</p>
      <section aria-labelledby="review-plan-title">
        <h2 id="review-plan-title">{w.planTitle}</h2>
        {data.plan.length === 0 ? <p data-testid="review-plan">{w.planEmpty}</p> : (
          <ol className="review-plan" data-testid="review-plan">
            {data.plan.map((s) => (
              <li key={s.step} data-testid="review-plan-step">
                <strong>{s.action[locale]}</strong>{' '}
                <span className="weight">({w.burdenWeight(s.weight)})</span>
                <br />
                <span className="muted">{w.difference}: {s.difference[locale]}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="review-compare-title">
        <h2 id="review-compare-title">{w.compare}</h2>
        <table className="review-table" data-testid="review-compare">
          <thead><tr><th scope="col">{w.element}</th><th scope="col" className="num">{w.thisRegion}</th><th scope="col" className="num">{w.topRunner}</th></tr></thead>
          <tbody>
            <tr><th scope="row">{w.score}</th><td className="num">{data.score}</td><td className="num">100</td></tr>
            {metricKeys.map((k) => (
              <tr key={k}><th scope="row">{w.metrics[k]}</th><td className="num">{data.metrics[k]}</td><td className="num">{data.baselineMetrics[k]}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <details className="review-details">
        <summary>{w.changesTitle} ({changes.length})</summary>
        {changes.length === 0 ? <p>{w.none}</p> : (
          <ul className="review-changes" data-testid="review-changes">
            {changes.map((c, i) => (
              <li key={i} className={`burden-${c.burden}`}>
                <span className="mark">{w.burden[c.burden]}</span> {c.message[locale]}
                {c.weight > 0 && <span className="muted"> ({c.weight})</span>}
              </li>
            ))}
          </ul>
        )}
      </details>
    </>
  );
}
