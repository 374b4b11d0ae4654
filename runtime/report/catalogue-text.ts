/** The province's catalogue metrics as plain text, for `onematter score` and `onematter review` on a terminal. */
import type { CatalogueSummary, Share } from '../../engine/index.ts';
import { renderTable } from '../cli/table.ts';

const percent = (s: Share): string => `${(s.share * 100).toFixed(1)}%`;

/** The catalogue summary: the province's shares, then one row per matter (levelled regions, distinct variants). */
export function catalogueText(s: CatalogueSummary): string {
  const row = (name: string, x: Share, what: string) => [name, x.count, `of ${x.total} ${what}`, percent(x)];
  const metrics = renderTable(['catalogue metric', 'count', 'total', 'share'], [
    row('零材料 zero materials', s.zeroMaterials, 'definitions'),
    row('零表单 zero forms', s.zeroForm, 'definitions'),
    row('最多跑一次 at most one visit', s.atMostOneVisit, 'definitions'),
    row(`达标 levelled (score ≥ ${s.levelled.threshold})`, s.levelled, 'regions'),
  ]);
  const minutes = s.immediate.withMinutes === 0
    ? 'none states its minutes on site'
    : `${s.immediate.withMinutes} state their minutes on site: median ${s.immediate.medianMinutes}, longest ${s.immediate.maxMinutes}`;
  const matters = renderTable(
    ['matter', 'title', 'variants', `levelled ≥ ${s.levelled.threshold}`, 'distinct', 'same as baseline'],
    s.matters.map((m) => [m.id, m.title.zh, m.variants, m.levelled.count, m.distinct, m.sameAsBaseline]),
  );
  return [
    `${s.baselines} baselines, ${s.variants} variants (${s.definitions} definitions)\n`,
    metrics,
    `即办件 immediate matters: ${s.immediate.count}; ${minutes}\n\n`,
    matters,
    'distinct: implementations among the baseline and its variants once regional elements (region, implementing body, places,\n',
    'contact, codes, status, dates, title, summary) are left out; 1 = one matter, one form, one process\n',
  ].join('');
}
