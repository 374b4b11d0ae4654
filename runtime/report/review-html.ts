/**
 * The reviewers' report: one self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched) with, per
 * matter, a region × metric matrix coloured by deviation from the top runner, a chart of scores across regions,
 * each variant's level-up plan, and a proposed top runner.
 */
import {
  burdenMetrics, defaultLevelled, planAction, provinceMetrics, regionalElements, scoreChanges, scoreScale, summarizeCatalogue, weights,
  type BurdenMetrics, type CatalogueSummary, type Change, type MatterDefinition, type MatterReview, type ProvinceMetrics, type Share,
} from '../../engine/index.ts';
import { bi, esc } from './html.ts';
import { reportCss } from './review-css.ts';

const metricColumns: { key: keyof BurdenMetrics; zh: string; en: string }[] = [
  { key: 'materials', zh: '自备材料', en: 'materials' },
  { key: 'fieldsTyped', zh: '填写字段', en: 'fields typed' },
  { key: 'humanSteps', zh: '办理环节', en: 'steps' },
  { key: 'promisedDays', zh: '承诺时限', en: 'promised days' },
  { key: 'visits', zh: '跑动次数', en: 'visits' },
  { key: 'fees', zh: '收费(元)', en: 'fees (CNY)' },
];

const flagColumns: { key: 'zeroMaterials' | 'zeroForm' | 'atMostOneVisit'; zh: string; en: string }[] = [
  { key: 'zeroMaterials', zh: '零材料', en: 'zero materials' },
  { key: 'zeroForm', zh: '零表单', en: 'zero forms' },
  { key: 'atMostOneVisit', zh: '最多跑一次', en: 'at most one visit' },
];

export interface ReportOptions {
  /** When the report was made (the caller reads the clock). */
  readonly generatedAt: string;
  readonly source: string;
  /** The score at which a region counts as levelled (default 90). */
  readonly levelled?: number;
}

/** Renders the whole report. */
export function renderReviewHtml(reviews: readonly MatterReview[], options: ReportOptions): string {
  const variants = reviews.reduce((n, m) => n + m.variants.length, 0);
  const levelled = options.levelled ?? defaultLevelled;
  // the catalogue's figures count matters; bundles (whose members are counted already) are reviewed beside them
  const summary = summarizeCatalogue(reviews.filter((m) => !m.baseline.value.bundle), { levelled });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onematter review — ${reviews.length} matters, ${variants} variants</title>
<style>${reportCss}</style>
</head>
<body>
<header>
  <h1>对标评审报告 <span class="en">Top-runner review</span></h1>
  <p>${esc(options.source)} · ${reviews.length} matters · ${variants} regional variants · ${esc(options.generatedAt)}</p>
  <nav><ol>${reviews.map((m) => `<li><a href="#${esc(anchor(m.id))}">${bi(m.baseline.value.title)}</a></li>`).join('')}</ol></nav>
  ${legend()}
</header>
<main>
${catalogueSection(summary)}
${reviews.map((m) => matterSection(m, levelled)).join('\n')}
</main>
<footer>${method()}</footer>
</body>
</html>
`;
}

const anchor = (id: string) => `matter-${id}`;
const round = (n: number) => Math.round(n * 10) / 10;

const percent = (s: Share) => `${round(s.share * 100)}%`;

// The province's metrics over the whole review (summary.ts): one row each, count, total and share.
function catalogueSection(s: CatalogueSummary): string {
  const row = (key: string, zh: string, en: string, share: Share, what: string) =>
    `<tr data-metric="${key}" data-count="${share.count}" data-total="${share.total}"><th scope="row">${esc(zh)} <span class="en">${esc(en)}</span></th><td>${share.count}</td><td>${share.total} ${esc(what)}</td><td>${percent(share)}</td></tr>`;
  const minutes = s.immediate.withMinutes === 0
    ? s.immediate.count === 0 ? '无即办件 <span class="en">no immediate matter</span>' : '均未说明现场时长 <span class="en">none of them states its minutes on site</span>'
    : `中位 ${s.immediate.medianMinutes} 分钟，最长 ${s.immediate.maxMinutes} 分钟 <span class="en">median ${s.immediate.medianMinutes} min, longest ${s.immediate.maxMinutes} min (${s.immediate.withMinutes} stating them)</span>`;
  return `<section class="catalogue" aria-labelledby="catalogue-title">
  <h2 id="catalogue-title">全省指标 <span class="en">Catalogue metrics</span></h2>
  <table class="catalogue-metrics">
  <caption>${s.baselines} 项标杆、${s.variants} 个地方版本 <span class="en">${s.baselines} baselines and ${s.variants} regional variants (${s.definitions} definitions)</span></caption>
  <thead><tr><th scope="col">指标 <span class="en">metric</span></th><th scope="col">数量 <span class="en">count</span></th><th scope="col">总数 <span class="en">of</span></th><th scope="col">比例 <span class="en">share</span></th></tr></thead>
  <tbody>
  ${row('zeroMaterials', '零材料', 'zero materials', s.zeroMaterials, 'definitions')}
  ${row('zeroForm', '零表单', 'zero forms', s.zeroForm, 'definitions')}
  ${row('atMostOneVisit', '最多跑一次', 'at most one visit', s.atMostOneVisit, 'definitions')}
  ${row('levelled', `达标（≥ ${s.levelled.threshold} 分）`, `levelled (score ≥ ${s.levelled.threshold})`, s.levelled, 'regions')}
  <tr data-metric="onSiteMinutes"><th scope="row">即办件现场时长 <span class="en">on-site minutes of immediate matters</span></th><td>${s.immediate.count}</td><td colspan="2">${minutes}</td></tr>
  </tbody>
</table>
  <table class="convergence">
  <caption>收敛度：去除地方要素后的不同版本数（1 = 一事一表一流程） <span class="en">Convergence: distinct implementations once regional elements are left out (1 = one matter, one form, one process)</span></caption>
  <thead><tr><th scope="col">事项 <span class="en">matter</span></th><th scope="col">地方版本 <span class="en">variants</span></th><th scope="col">不同版本 <span class="en">distinct</span></th><th scope="col">同标杆 <span class="en">same as top runner</span></th><th scope="col">达标 <span class="en">levelled</span></th></tr></thead>
  <tbody>
  ${s.matters.map((m) => `<tr data-matter="${esc(m.id)}"><th scope="row">${bi(m.title)}</th><td>${m.variants}</td><td data-metric="distinct">${m.distinct}</td><td>${m.sameAsBaseline}</td><td data-metric="levelled">${m.levelled.count} / ${m.levelled.total}</td></tr>`).join('\n  ')}
  </tbody>
</table>
  <p class="note">地方要素 <span class="en">Regional elements left out:</span> <code>${regionalElements.map(esc).join('</code> <code>')}</code></p>
</section>`;
}

function matterSection(m: MatterReview, levelled: number): string {
  const base = m.baseline.value;
  const done = m.variants.filter((v) => v.review.score >= levelled).length;
  return `<section class="matter" id="${esc(anchor(m.id))}" data-matter="${esc(m.id)}">
  <h2>${bi(base.title)} <code>${esc(m.id)}</code></h2>
  <p class="meta">${bi(base.department.name)} · top runner <code>${esc(m.baseline.file)}</code> v${esc(base.version)}</p>
  <p class="meta" data-distinct="${m.convergence.distinct}">达标 ${done}/${m.variants.length} <span class="en">levelled (≥ ${levelled}): ${done} of ${m.variants.length} regions</span> · 不同版本 ${m.convergence.distinct} <span class="en">distinct implementations</span></p>
  ${matrix(m, levelled)}
  ${chart(m, levelled)}
  <h3>提升清单 <span class="en">Level-up plans</span></h3>
  ${m.variants.map((v) => plan(v.definition, v.review.plan, v.review.score)).join('\n')}
  ${proposal(m)}
</section>`;
}

// Deviation from the top runner, 0 (at or below it) … 4 (far above), for colouring.
function deviation(value: number, baseline: number): number {
  if (value <= baseline) return 0;
  const ratio = (value - baseline) / Math.max(baseline, 1);
  return ratio <= 0.25 ? 1 : ratio <= 1 ? 2 : ratio <= 3 ? 3 : 4;
}

function matrix(m: MatterReview, levelled: number): string {
  const base = m.variants[0]?.review.metrics.baseline;
  if (!base) return '<p>No regional variants.</p>';
  const flag = (on: boolean) => (on ? '✓' : '✗');
  const row = (label: string, region: string, metrics: BurdenMetrics, province: ProvinceMetrics, score: number | undefined, cls: string) => `<tr class="${cls}" data-region="${esc(region)}"${score !== undefined && score >= levelled ? ' data-levelled="true"' : ''}>
    <th scope="row">${label}</th>
    <td class="score band-${band(score ?? 100)}" data-metric="score">${score === undefined ? '—' : round(score)}</td>
    ${metricColumns.map((c) => `<td class="dev-${deviation(metrics[c.key], base[c.key])}" data-metric="${c.key}" data-deviation="${deviation(metrics[c.key], base[c.key])}">${round(metrics[c.key])}</td>`).join('')}
    ${flagColumns.map((c) => `<td class="flag" data-flag="${c.key}" data-value="${province[c.key]}">${flag(province[c.key])}</td>`).join('')}
    <td data-metric="onSiteMinutes">${province.onSiteMinutes ?? '—'}</td>
  </tr>`;
  const proposed = m.proposal
    ? row(`建议标杆 <span class="en">proposed top runner</span>`, 'proposal', burdenMetrics(m.proposal.definition), provinceMetrics(m.proposal.definition), scoreChanges(m.proposal.changesFromBaseline), 'proposal')
    : '';
  return `<table class="matrix">
  <caption>区域 × 指标（颜色表示高于标杆的程度） <span class="en">Region × metric, coloured by deviation from the top runner</span></caption>
  <thead><tr><th scope="col">区域 <span class="en">region</span></th><th scope="col">得分 <span class="en">score</span></th>${[...metricColumns, ...flagColumns].map((c) => `<th scope="col">${esc(c.zh)} <span class="en">${esc(c.en)}</span></th>`).join('')}<th scope="col">现场时长 <span class="en">on-site minutes</span></th></tr></thead>
  <tbody>
  ${row(`标杆 <span class="en">top runner</span> ${bi(m.baseline.value.region.name)}`, m.baseline.value.region.code, base, provinceMetrics(m.baseline.value, base), 100, 'baseline')}
  ${m.variants.map((v) => row(bi(v.definition.region.name), v.definition.region.code, v.review.metrics.variant, provinceMetrics(v.definition, v.review.metrics.variant), v.review.score, 'variant')).join('\n')}
  ${proposed}
  </tbody>
</table>`;
}

const band = (score: number) => (score >= 90 ? 'a' : score >= 70 ? 'b' : score >= 40 ? 'c' : 'd');

function chart(m: MatterReview, levelled: number): string {
  const barHeight = 22;
  const rows = [{ name: m.baseline.value.region.name, score: 100, code: m.baseline.value.region.code }, ...m.variants.map((v) => ({ name: v.definition.region.name, score: v.review.score, code: v.definition.region.code }))];
  const height = rows.length * (barHeight + 6) + 24;
  const bars = rows.map((r, i) => {
    const y = i * (barHeight + 6);
    const w = Math.max(1, (r.score / 100) * 440);
    return `<g class="bar band-${band(r.score)}" data-region="${esc(r.code)}" data-score="${round(r.score)}">
      <text x="150" y="${y + 15}" text-anchor="end">${esc(r.name.zh)} ${esc(r.name.en)}</text>
      <rect x="160" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" rx="3"><title>${esc(r.name.en)}: ${round(r.score)}</title></rect>
      <text x="${(166 + w).toFixed(1)}" y="${y + 15}">${round(r.score)}</text>
    </g>`;
  });
  return `<figure class="chart">
  <svg role="img" aria-label="Scores across regions" viewBox="0 0 660 ${height}" width="660" height="${height}">
    ${bars.join('\n')}
    <line x1="160" x2="600" y1="${height - 18}" y2="${height - 18}" class="axis"/>
    <line x1="${(160 + (levelled / 100) * 440).toFixed(1)}" x2="${(160 + (levelled / 100) * 440).toFixed(1)}" y1="0" y2="${height - 18}" class="threshold" data-levelled="${levelled}"/>
    <text x="160" y="${height - 4}">0</text><text x="${(160 + (levelled / 100) * 440).toFixed(1)}" y="${height - 4}" text-anchor="middle">${levelled}</text><text x="600" y="${height - 4}" text-anchor="end">100</text>
  </svg>
  <figcaption>各地得分，虚线为达标线 ${levelled} 分 <span class="en">Scores across regions (top runner = 100); the dashed line marks levelled (${levelled})</span></figcaption>
</figure>`;
}

function plan(v: MatterDefinition, steps: readonly Change[], score: number): string {
  const gain = steps.reduce((n, s) => n + s.weight, 0);
  return `<details class="plan" data-region="${esc(v.region.code)}"${score < 50 ? ' open' : ''}>
  <summary>${bi(v.region.name)} — ${round(score)} · ${steps.length} 项 <span class="en">steps</span> · burden −${round(gain)}</summary>
  ${steps.length === 0 ? '<p>已达到标杆 <span class="en">At the top runner already.</span></p>' : `<ol>${steps.map((s) => { const action = planAction(s); return `<li><span class="w">${round(s.weight)}</span> ${esc(action.zh)}<br><span class="en">${esc(action.en)}</span> <code>${esc(s.path)}</code></li>`; }).join('')}</ol>`}
</details>`;
}

function proposal(m: MatterReview): string {
  const p = m.proposal;
  if (!p) return '';
  const regionName = (code: string) => {
    const v = m.variants.find((x) => x.definition.region.code === code)?.definition.region.name;
    return v ? `${v.zh} ${v.en}` : code;
  };
  const counts = (['more', 'less', 'neutral'] as const).map((b) => `${p.changesFromBaseline.filter((c) => c.burden === b).length} ${b}`).join(' · ');
  return `<section class="proposal">
  <h3>建议标杆 <span class="en">Proposed top runner</span></h3>
  <p>每个要素取各地最轻的做法 <span class="en">The least burdensome choice per element, across ${m.variants.length} regions.</span> Against the current top runner: ${counts}.</p>
  <table class="sources"><thead><tr><th>要素 <span class="en">element</span></th><th>取自 <span class="en">taken from</span></th></tr></thead><tbody>
  ${Object.entries(p.sources).map(([element, code]) => `<tr><td><code>${esc(element)}</code></td><td>${esc(regionName(code))}</td></tr>`).join('')}
  </tbody></table>
  ${p.flags.length === 0 ? '' : `<ul class="flags">${p.flags.map((f) => `<li>⚑ <code>${esc(f.element)}</code> 依法保留 <span class="en">kept: required by ${esc(f.legalBasis.join(', '))}; missing in ${esc(f.missingIn.map(regionName).join(', '))}</span></li>`).join('')}</ul>`}
  ${p.changesFromBaseline.filter((c) => c.burden === 'less').length === 0 ? '' : `<details><summary>比现行标杆更轻之处 <span class="en">Where it is lighter than the current top runner</span></summary><ul>${p.changesFromBaseline.filter((c) => c.burden === 'less').map((c) => `<li>${esc(c.message.zh)} <span class="en">${esc(c.message.en)}</span></li>`).join('')}</ul></details>`}
</section>`;
}

function legend(): string {
  return `<p class="legend">${[0, 1, 2, 3, 4].map((d) => `<span class="dev-${d}">${['≤ top runner', '≤ +25%', '≤ +100%', '≤ +300%', '> +300%'][d]}</span>`).join(' ')}</p>`;
}

function method(): string {
  return `<p>Score = min(100, 100 · e<sup>−(M − L/2)/${scoreScale}</sup>), where M sums the weights of changes that add burden and L of those that remove it.
  Weights: ${Object.entries(weights).map(([k, w]) => `${esc(k)} ${w}`).join(' · ')}.</p>
  <p>Materials count one per material the applicant supplies, ½ for one asked only in some situations, one per one-of group (0 when an
  alternative need not be brought: fetched, optional or exempted). Promised days are working days (a calendar day counts 5/7). Fees are those due in every
  situation. Zero materials: no material supplied; zero forms: no field typed; at most one visit: visits ≤ 1. Generated by onematter.</p>`;
}
