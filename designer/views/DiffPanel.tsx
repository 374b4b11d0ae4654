/**
 * The live diff against the top runner: the score, both sides' burden metrics, every change grouped by area and
 * marked by its burden (choosing one selects the element), and the level-up plan in plain words, each step applied
 * with one click as an undoable command — the whole plan brings the score to 100.
 */
import { useEffect } from 'react';
import { planAction, type Area, type BurdenMetrics, type Change } from '../../engine/index.ts';
import type { Analysis } from '../analysis/protocol.ts';
import { useDesigner } from '../context.ts';
import type { Editor } from '../model/editor.ts';

const areas: readonly Area[] = ['form', 'materials', 'process', 'service'];
const mark = { more: '+', less: '−', neutral: '·' } as const;
// as the engine counts them: a material asked for in some situations is half of one, a one-of group one; calendar days
// in working days (× 5/7); fees due in every situation
const metricNames: Record<keyof BurdenMetrics, { zh: string; en: string }> = {
  materials: { zh: '需提交材料（加权）', en: 'Materials to supply (weighted)' },
  waivedMaterials: { zh: '共享免提交材料', en: 'Materials waived' },
  fieldsTyped: { zh: '需填写字段', en: 'Fields typed' },
  fieldsPrefilled: { zh: '预填字段', en: 'Fields prefilled' },
  humanSteps: { zh: '人工环节', en: 'Human steps' },
  promisedDays: { zh: '承诺时限（折合工作日）', en: 'Promised time (working days)' },
  visits: { zh: '跑动次数', en: 'Visits' },
  fees: { zh: '必收费用（元）', en: 'Fees always due (CNY)' },
};

export function DiffPanel({ analysis, stale, hasAgainst, editor, readOnly, onSelect }: { analysis: Analysis | undefined; stale: boolean; hasAgainst: boolean; editor: Editor; readOnly: boolean; onSelect: (pointer: string) => void }) {
  const { t, locale } = useDesigner();
  useEffect(() => {
    // how long the page took from the analysis arriving to this panel showing it (bench:designer reads it)
    if (analysis && performance.getEntriesByName('onematter:analysis', 'mark').length > 0) {
      performance.measure('onematter:diff-panel', 'onematter:analysis');
      performance.clearMarks('onematter:analysis');
    }
  }, [analysis]);
  if (!hasAgainst) return <p>{t.noAgainst}</p>;
  if (!analysis) return <p aria-busy="true">{t.analysing}</p>;
  const apply = (changes: readonly Change[]) => {
    const fixes = changes.flatMap((c) => c.fix);
    if (fixes.length === 0) return;
    const label = changes.length === 1 ? planAction(changes[0]!) : { zh: `应用全部 ${changes.length} 项建议`, en: `apply all ${changes.length} level-up steps` };
    editor.dispatch({ name: 'apply-fix', args: { fixes, label, ...(changes.length === 1 ? { select: changes[0]!.path } : {}) } });
  };
  const plan = analysis.plan.filter((c) => c.fix.length > 0);
  const metrics = analysis.metrics;
  return (
    <div className="diff" aria-busy={stale} data-testid="diff">
      <p className="score">{t.score}: <strong data-testid="score">{analysis.score === undefined ? '–' : analysis.score.toFixed(1)}</strong></p>
      <table className="metrics">
        <caption>{t.metrics}</caption>
        <thead><tr><th scope="col"><span className="visually-hidden">{t.metrics}</span></th><th scope="col">{t.draftSide}</th><th scope="col">{t.againstSide}</th></tr></thead>
        <tbody>
          {(Object.keys(metricNames) as (keyof BurdenMetrics)[]).map((k) => {
            const a = metrics.draft?.[k];
            const b = metrics.against?.[k];
            return (
              <tr key={k} data-testid={`metric-${k}`}>
                <th scope="row">{metricNames[k][locale]}</th>
                <td className={a !== undefined && b !== undefined && a !== b ? 'differs' : undefined}>{a ?? '–'}</td>
                <td>{b ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {analysis.changes.length === 0 ? <p>{t.noChanges}</p> : areas.map((area) => {
        const inArea = analysis.changes.filter((c) => c.area === area);
        if (inArea.length === 0) return null;
        return (
          <section key={area} aria-label={t.areas[area]}>
            <h2 className="panel-heading">{t.areas[area]} ({inArea.length})</h2>
            <ul className="changes">
              {inArea.map((c, i) => (
                <li key={`${c.code}-${c.path}-${i}`} className={`burden-${c.burden}`} data-testid="change" data-burden={c.burden}>
                  <button type="button" className="link" onClick={() => onSelect(c.path)}>
                    <span aria-hidden="true" className="mark">{mark[c.burden]}</span>
                    <span className="visually-hidden">{t.burden[c.burden]}: </span>
                    {c.message[locale]}{c.weight > 0 ? <span className="muted"> [{c.weight}]</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <section aria-label={t.levelUp}>
        <h2 className="panel-heading">{t.levelUp}</h2>
        {plan.length === 0 ? <p>{t.noPlan}</p> : (
          <>
            <ol className="plan" data-testid="plan">
              {plan.map((c, i) => (
                <li key={`${c.code}-${c.path}-${i}`} data-testid="plan-step">
                  {planAction(c)[locale]}{' '}
                  {!readOnly && <button type="button" className="btn btn-small" onClick={() => apply([c])} data-testid="apply-step">{t.apply}</button>}
                </li>
              ))}
            </ol>
            {!readOnly && <button type="button" className="btn" onClick={() => apply(plan)} data-testid="apply-all">{t.applyAll}</button>}
          </>
        )}
      </section>
    </div>
  );
}
