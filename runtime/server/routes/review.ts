/**
 * The reviewers' workspace: every matter's spread across regions (JSON, CSV, the CLI's HTML report), one matter's
 * matrix of regional variants against the top runner, one variant's diff and level-up plan in plain words, and the
 * engine's proposed top runner explained — all computed by the engine's own review (review-data.ts), so the numbers
 * are those of `onematter review`. Reviewers and officials read; only a province official writes, opening the
 * proposal as a draft of the baseline's next version.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { burdenMetrics, defaultLevelled, planAction, provinceMetrics, scoreChanges } from '../../../engine/index.ts';
import { renderReviewHtml } from '../../report/review-html.ts';
import type { DraftRecord } from '../../store/types.ts';
import { requireRole } from '../access.ts';
import type { User } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { requireScope } from '../design-scope.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors, identifier } from '../schemas.ts';
import { changeJson, median, regionInfo, reviewSource, rounded, variantRow, type ReviewedMatter, type ReviewState } from './review-data.ts';
import { explainProposal, proposalDraft } from './review-proposal.ts';

const readers = ['official', 'reviewer'] as const;
const levelledQuery = { type: 'number', minimum: 0, maximum: 100, description: `the score at which a region counts as levelled (default ${defaultLevelled})` } as const;
const regionCode = { type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' } as const;
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: identifier } } as const;
const sortKeys = ['id', 'title', 'variants', 'lowest', 'median', 'highest', 'below', 'distinct'] as const;
type SortKey = (typeof sortKeys)[number];
const anyObject = { type: 'object', additionalProperties: true } as const;
const ok = (description: string, required: readonly string[] = []) => ({ description, type: 'object', required, additionalProperties: true }) as const;

/** One matter's spread: lowest, median and highest score and the regions below the threshold. */
function spread(m: ReviewedMatter, levelled: number) {
  const scores = m.variants.map((v) => v.review.score);
  const at = (n: number | null) => (n === null ? null : rounded(n));
  return {
    id: m.id,
    title: m.review.baseline.value.title,
    version: m.review.baseline.value.version,
    variants: scores.length,
    lowest: at(scores.length ? Math.min(...scores) : null),
    median: at(median(scores)),
    highest: at(scores.length ? Math.max(...scores) : null),
    below: scores.filter((s) => s < levelled).length,
    distinct: m.review.convergence.distinct,
  };
}
type Spread = ReturnType<typeof spread>;

function sortSpreads(rows: Spread[], key: SortKey, order: 'asc' | 'desc'): Spread[] {
  const value = (r: Spread): string | number | null => (key === 'id' ? r.id : key === 'title' ? r.title.zh : r[key]);
  const dir = order === 'desc' ? -1 : 1;
  return rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // a matter with no regional variant has no scores: last, whichever the order
    if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
    return c * dir || a.id.localeCompare(b.id);
  });
}

// A CSV cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula is defused.
const cell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The province's spreads as CSV: a UTF-8 BOM (so spreadsheets read the Chinese titles), CRLF lines, a header row. */
export function provinceCsv(rows: readonly Spread[], levelled: number): string {
  const header = ['id', 'title_zh', 'title_en', 'version', 'variants', 'lowest', 'median', 'highest', `below_${levelled}`, 'distinct'];
  const lines = rows.map((r) => [r.id, r.title.zh, r.title.en, r.version, r.variants, r.lowest, r.median, r.highest, r.below, r.distinct].map(cell).join(','));
  return `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}

export function reviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const review = reviewSource(ctx);
  const read = (user: User | undefined) => requireRole(user, readers, 'read the review');
  const matter = (state: ReviewState, id: string): ReviewedMatter => {
    const m = state.matters.get(id);
    if (!m) throw notFound(`matter ${id} (with a published baseline)`);
    return m;
  };
  const spreads = async (query: { sort?: SortKey; order?: 'asc' | 'desc'; levelled?: number }) => {
    const levelled = query.levelled ?? defaultLevelled;
    const state = await review();
    return { levelled, rows: sortSpreads([...state.matters.values()].map((m) => spread(m, levelled)), query.sort ?? 'lowest', query.order ?? 'asc') };
  };
  const provinceQuery = {
    type: 'object', additionalProperties: false,
    properties: { sort: { enum: sortKeys, default: 'lowest' }, order: { enum: ['asc', 'desc'], default: 'asc' }, levelled: levelledQuery },
  } as const;
  type ProvinceQuery = { Querystring: { sort?: SortKey; order?: 'asc' | 'desc'; levelled?: number } };

  app.get<ProvinceQuery>('/api/review/province', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: "Every matter's spread across regions: lowest, median and highest score, and how many regions are below the levelled threshold",
      querystring: provinceQuery,
      response: { 200: ok('the spreads, sorted', ['levelled', 'matters']), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    read(request.user);
    const { levelled, rows } = await spreads(request.query);
    return { levelled, matters: rows };
  });

  app.get<ProvinceQuery>('/api/review/province.csv', {
    config: { access: 'signed-in' },
    schema: { tags: ['review'], summary: 'The province view as CSV (UTF-8 with BOM)', querystring: provinceQuery, response: { 200: { description: 'the spreads as CSV (UTF-8 with a BOM, CRLF lines, a header row)', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    read(request.user);
    const { levelled, rows } = await spreads(request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="review-province.csv"').send(provinceCsv(rows, levelled));
  });

  app.get<{ Querystring: { levelled?: number } }>('/api/review/report.html', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: "The reviewers' HTML report of the published catalogue (as `onematter review --out`)",
      querystring: { type: 'object', additionalProperties: false, properties: { levelled: levelledQuery } },
      response: { 200: { description: 'a self-contained HTML page (its own CSP: inline style, no scripts, nothing loaded)', content: { 'text/html': { schema: { type: 'string' } } } }, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    read(request.user);
    const state = await review();
    const html = renderReviewHtml(state.reviews, { generatedAt: new Date(ctx.clock.now()).toISOString(), source: 'published catalogue', levelled: request.query.levelled ?? defaultLevelled });
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', 'inline; filename="review.html"')
      // the report has inline CSS and SVG, no script and nothing fetched
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .send(html);
  });

  app.get<{ Params: { id: string }; Querystring: { levelled?: number; level?: string; city?: string } }>('/api/review/matters/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: "One matter's regional variants against its top runner: score and metrics per region, as `onematter review --json`; filter by level or city",
      params: idParams,
      querystring: { type: 'object', additionalProperties: false, properties: { levelled: levelledQuery, level: { enum: ['city', 'county'] }, city: regionCode } },
      response: { 200: ok('the matrix', ['id', 'title', 'levelled', 'baseline', 'variants']), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    read(request.user);
    const m = matter(await review(), request.params.id);
    const levelled = request.query.levelled ?? defaultLevelled;
    const { level, city } = request.query;
    const base = m.review.baseline.value;
    const baseMetrics = m.review.variants[0]?.review.metrics.baseline ?? burdenMetrics(base);
    const variants = m.variants.map((v) => variantRow(v, levelled, ctx.regions))
      .filter((r) => (!level || r.region.level === level) && (!city || r.region.code === city || r.region.city?.code === city));
    return {
      id: m.id, title: base.title, levelled,
      baseline: { region: regionInfo(ctx.regions, base.region), version: base.version, metrics: baseMetrics, province: provinceMetrics(base, baseMetrics) },
      convergence: m.review.convergence,
      proposal: m.review.proposal ? { score: rounded(scoreChanges(m.review.proposal.changesFromBaseline)), metrics: burdenMetrics(m.review.proposal.definition) } : null,
      variants,
    };
  });

  app.get<{ Params: { id: string; region: string }; Querystring: { levelled?: number } }>('/api/review/matters/:id/variants/:region', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: "One region's variant against the top runner: every difference, and the level-up plan in plain words (zh/en)",
      params: { type: 'object', required: ['id', 'region'], additionalProperties: false, properties: { id: identifier, region: regionCode } },
      querystring: { type: 'object', additionalProperties: false, properties: { levelled: levelledQuery } },
      response: { 200: ok('the variant, its differences and its plan', ['region', 'score', 'changes', 'plan', 'summary']), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    read(request.user);
    const m = matter(await review(), request.params.id);
    const v = m.variants.find((x) => x.definition.region.code === request.params.region);
    if (!v) throw notFound(`a variant of ${m.id} in region ${request.params.region}`);
    const levelled = request.query.levelled ?? defaultLevelled;
    const row = variantRow(v, levelled, ctx.regions);
    const gain = rounded(v.review.plan.reduce((n, s) => n + s.weight, 0));
    const name = row.region.name;
    const n = v.review.plan.length;
    return {
      matter: { id: m.id, title: m.review.baseline.value.title },
      ...row,
      threshold: levelled,
      baselineMetrics: v.review.metrics.baseline,
      summary: n === 0
        ? { zh: `${name.zh}得 ${row.score} 分，已达到标杆，无需提升。`, en: `${name.en} scores ${row.score}: it is at the top runner already, nothing to level up.` }
        : {
            zh: `${name.zh}得 ${row.score} 分（达标线 ${levelled} 分）${row.levelled ? '，已达标' : '，未达标'}。按下列 ${n} 项做法调整，即与标杆一致，申请人负担减少 ${gain}。`,
            en: `${name.en} scores ${row.score} (levelled at ${levelled})${row.levelled ? ', levelled' : ', below the line'}. The ${n} step${n === 1 ? '' : 's'} below bring it to the top runner, cutting the applicant's burden by ${gain}.`,
          },
      changes: v.review.changes.map(changeJson),
      plan: v.review.plan.map((s, i) => ({ step: i + 1, action: planAction(s), difference: s.message, weight: rounded(s.weight), path: s.path, code: s.code })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/review/matters/:id/proposal', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: 'The top runner the engine derives from the variants beside the current one: where each element comes from, why it is kept, and its score explained',
      params: idParams,
      response: { 200: ok('the proposal', ['matter', 'current', 'proposed', 'elements', 'dropped', 'score']), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    read(request.user);
    const state = await review();
    const explained = explainProposal(matter(state, request.params.id), ctx.regions, state.context);
    if (!explained) throw notFound(`a proposed top runner for ${request.params.id} (it has no regional variants)`);
    return explained;
  });

  app.post<{ Params: { id: string } }>('/api/review/matters/:id/proposal/draft', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['review'], summary: "Open the proposed top runner as a draft of the baseline's next version (the province's officials)",
      params: idParams,
      body: { ...anyObject, maxProperties: 0, description: 'nothing: {}' },
      response: {
        201: { description: 'the draft', type: 'object', additionalProperties: false, required: ['id', 'matterId', 'region', 'baseVersion', 'href'], properties: { id: { type: 'string' }, matterId: { type: 'string' }, region: { type: 'string' }, baseVersion: { type: 'string' }, href: { type: 'string' } } },
        ...errors(400, 401, 403, 404, 415),
      },
    },
  }, async (request, reply) => {
    const user = requireRole(request.user, ['official'], 'open a proposed top runner as a draft');
    const m = matter(await review(), request.params.id);
    const base = m.review.baseline.value;
    requireScope(user, { kind: 'baseline', region: base.region.code }, ctx.regions); // a city's official: baselines belong to the province
    const definition = proposalDraft(m);
    if (!definition) throw new HttpError(404, 'not-found', `${m.id} has no regional variants: there is no proposed top runner to open`);
    const now = ctx.clock.now();
    const draft: DraftRecord = {
      id: randomUUID(), matterId: m.id, region: base.region.code, kind: 'baseline', baseVersion: base.version, definition,
      revision: 1, createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    };
    await ctx.runtime.store.createDraft(draft);
    return reply.status(201).send({ id: draft.id, matterId: m.id, region: draft.region, baseVersion: base.version, href: `/designer/drafts/${draft.id}` });
  });
}
