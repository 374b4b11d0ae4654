/**
 * The top runner the engine derives from the regions' variants beside the current one: its score against the current
 * top runner explained (the changes that make the difference, each with the region it came from), where every
 * element comes from and why it is kept (law-required ones flagged), and what it no longer asks for. A province
 * official opens it as a draft of the top runner's next version.
 */
import { useState } from 'react';
import { api, ApiError } from '../../../runtime/web/api.ts';
import { Link, navigate } from '../../../runtime/web/router.tsx';
import { isProvinceOfficial, useDesigner } from '../../context.ts';
import { metricKeys, type Difference, type ProposalView } from './types.ts';
import { useApi } from './useApi.ts';
import { useReviewWords } from './words.ts';
import './review.css';

export function ProposalPage({ matterId }: { matterId: string }) {
  const { locale, user, regions } = useDesigner();
  const w = useReviewWords();
  const matrix = `/designer/review/${encodeURIComponent(matterId)}`;
  const { data, error } = useApi<ProposalView>(`/api/review/matters/${encodeURIComponent(matterId)}/proposal`);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string>();
  if (error) return <><h1>{w.proposedTopRunner}</h1><p role="alert" className="error">{error}</p><p><Link to={matrix}>{w.backToMatrix}</Link></p></>;
  if (!data) return <p aria-busy="true">{w.loading}</p>;
  const openDraft = async () => {
    setOpening(true);
    setOpenError(undefined);
    try {
      const draft = await api.post<{ id: string; href: string }>(`/api/review/matters/${encodeURIComponent(matterId)}/proposal/draft`);
      navigate(draft.href);
    } catch (e) {
      setOpenError(e instanceof ApiError ? e.message : String(e));
      setOpening(false);
    }
  };
  const differences = (list: Difference[], testId: string) =>
    list.length === 0 ? <p>{w.none}</p> : (
      <ul className="review-changes" data-testid={testId}>
        {list.map((c, i) => (
          <li key={i} className={`burden-${c.burden}`}>
            <span className="mark">{w.burden[c.burden]}</span> {c.message[locale]} <span className="muted">({c.weight}{c.region ? ` · ${w.fromRegion(c.region.name[locale])}` : ''})</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <p><Link to={matrix}>{w.backToMatrix}</Link></p>
      <h1>{w.proposalTitle(data.matter.title[locale])}</h1>
      <p>{w.proposalIntro}</p>
      {isProvinceOfficial(user, regions) && (
        <p className="review-actions">
          <button type="button" className="btn btn-primary" onClick={() => void openDraft()} disabled={opening} data-testid="proposal-open-draft" aria-describedby="proposal-open-hint">
            {opening ? w.opening : w.openDraft}
          </button>
          <span id="proposal-open-hint" className="muted">{w.openDraftHint}</span>
        </p>
      )}
      {openError && <p role="alert" className="error" data-testid="proposal-error">{openError}</p>}
      <section aria-labelledby="proposal-score-title">
        <h2 id="proposal-score-title">{w.scoreTitle}</h2>
        <div className="score-pair">
          <p>{w.proposedScore}<strong data-testid="proposal-score">{data.score.proposed}</strong></p>
          <p>{w.currentScore}<strong data-testid="proposal-current-score">{data.score.current}</strong></p>
        </div>
        <p className="review-summary" data-testid="proposal-explanation">{data.score.explanation[locale]}</p>
        <h3>{w.lighterTitle}</h3>
        {differences(data.score.lighter, 'proposal-lighter')}
        <h3>{w.heavierTitle}</h3>
        {differences(data.score.heavier, 'proposal-heavier')}
        <table className="review-table" data-testid="proposal-metrics">
          <caption className="visually-hidden">{w.compare}</caption>
          <thead><tr><th scope="col">{w.element}</th><th scope="col" className="num">{w.current} v{data.current.version}</th><th scope="col" className="num">{w.proposed}</th></tr></thead>
          <tbody>
            {metricKeys.map((k) => <tr key={k}><th scope="row">{w.metrics[k]}</th><td className="num">{data.current.metrics[k]}</td><td className="num">{data.proposed.metrics[k]}</td></tr>)}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="proposal-elements-title">
        <h2 id="proposal-elements-title">{w.elementsTitle}</h2>
        <table className="review-table" data-testid="proposal-elements">
          <thead><tr><th scope="col">{w.element}</th><th scope="col">{w.takenFrom}</th><th scope="col">{w.why}</th></tr></thead>
          <tbody>
            {data.elements.map((e) => (
              <tr key={e.element} data-testid={`proposal-element-${e.element}`} data-law={e.lawRequired}>
                <th scope="row">{e.label[locale]}{e.lawRequired && <><br /><span className="law-flag">⚖ {w.lawRequired}</span></>}</th>
                <td className="nowrap">{e.region.name[locale]}</td>
                <td>{e.why[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.dropped.length > 0 && (
        <section aria-labelledby="proposal-dropped-title">
          <h2 id="proposal-dropped-title">{w.droppedTitle}</h2>
          <ul data-testid="proposal-dropped">
            {data.dropped.map((d) => <li key={d.element}><strong>{d.label[locale]}</strong>: {d.why[locale]}</li>)}
          </ul>
        </section>
      )}
    </>
  );
}
