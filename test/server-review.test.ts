/**
 * The reviewers' workspace on the server: for every matter of definitions/ the matrix shows the numbers
 * `onematter review --json` computes (score, levelled, plan steps, every burden and province metric, per region); the
 * province view's CSV is the JSON's rows; a variant's plan reads in plain words; the proposed top runner says where
 * each element comes from and why; a province official opens it as a draft, and nobody else can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../runtime/cli/main.ts';
import { provinceCsv } from '../runtime/server/routes/review.ts';
import { projectRoot } from './support/catalogue.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const permit = '330000-GA-0101';
let base: string;
let reviewer: Client;
let cli: { matters: CliMatter[] };

interface CliMatter {
  id: string;
  baseline: { region: { code: string }; version: string; province: unknown };
  variants: { region: { code: string }; version: string; score: number; levelled: boolean; planSteps: number; metrics: Record<string, number>; province: Record<string, unknown> }[];
}

/** `onematter review definitions --json`, in-process. */
async function reviewJson(...extra: string[]): Promise<{ matters: CliMatter[] }> {
  let out = '';
  const code = await main(['review', 'definitions', '--json', ...extra], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, cwd: projectRoot });
  expect(code).toBe(0);
  return JSON.parse(out) as { matters: CliMatter[] };
}

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  base = (await sandbox.start()).url;
  reviewer = await Client.signedIn(base, 'reviewer');
  cli = await reviewJson();
}, 60_000);
afterAll(() => sandbox.remove());

describe("the reviewers' matrix", () => {
  it('shows, for every matter, the numbers `onematter review --json` gives each region', async () => {
    expect(cli.matters.length).toBeGreaterThanOrEqual(6);
    const province = (await reviewer.get('/api/review/province')).body;
    expect(province.matters.map((m: { id: string }) => m.id).sort()).toEqual(cli.matters.map((m) => m.id).sort());
    for (const m of cli.matters) {
      const reply = await reviewer.get(`/api/review/matters/${m.id}`);
      expect(reply.status, m.id).toBe(200);
      expect(reply.body.baseline.version).toBe(m.baseline.version);
      expect(reply.body.baseline.province).toEqual(m.baseline.province);
      const rows = reply.body.variants as { region: { code: string }; version: string; score: number; levelled: boolean; planSteps: number; metrics: unknown; province: unknown }[];
      expect(rows.map((r) => r.region.code), m.id).toEqual(m.variants.map((v) => v.region.code)); // same order: best first
      for (const v of m.variants) {
        const row = rows.find((r) => r.region.code === v.region.code)!;
        expect({ version: row.version, score: row.score, levelled: row.levelled, planSteps: row.planSteps, metrics: row.metrics, province: row.province }, `${m.id} ${v.region.code}`)
          .toEqual({ version: v.version, score: v.score, levelled: v.levelled, planSteps: v.planSteps, metrics: v.metrics, province: v.province });
      }
    }
  });

  it('levels at the threshold asked for, as --levelled does', async () => {
    const at60 = await reviewJson('--levelled', '60');
    for (const m of at60.matters) {
      const rows = (await reviewer.get(`/api/review/matters/${m.id}?levelled=60`)).body.variants as { region: { code: string }; levelled: boolean }[];
      expect(rows.map((r) => [r.region.code, r.levelled])).toEqual(m.variants.map((v) => [v.region.code, v.levelled]));
    }
  });

  it('says where each region lies, and filters by level and city', async () => {
    const all = (await reviewer.get(`/api/review/matters/${permit}`)).body.variants as { region: { code: string; level: string; city: { code: string } | null } }[];
    const pujiang = all.find((r) => r.region.code === '330726')!;
    expect(pujiang.region).toMatchObject({ level: 'county', city: { code: '330700' } });
    expect(all.find((r) => r.region.code === '330100')!.region).toMatchObject({ level: 'city', city: null });
    const counties = (await reviewer.get(`/api/review/matters/${permit}?level=county`)).body.variants as { region: { code: string } }[];
    expect(counties.map((r) => r.region.code)).toEqual(['330726']);
    const inJinhua = (await reviewer.get(`/api/review/matters/${permit}?city=330700`)).body.variants as { region: { code: string } }[];
    expect(inJinhua.map((r) => r.region.code)).toEqual(['330726']);
  });

  it("reads a variant's plan in plain words, heaviest step first", async () => {
    const rows = (await reviewer.get(`/api/review/matters/${permit}`)).body.variants as { region: { code: string }; score: number; planSteps: number }[];
    const lowest = rows[rows.length - 1]!;
    const reply = await reviewer.get(`/api/review/matters/${permit}/variants/${lowest.region.code}`);
    expect(reply.status).toBe(200);
    expect(reply.body.score).toBe(lowest.score);
    expect(reply.body.plan).toHaveLength(lowest.planSteps);
    expect(lowest.planSteps).toBeGreaterThan(0);
    const weights = reply.body.plan.map((s: { weight: number }) => s.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    for (const s of reply.body.plan) {
      expect(s.action.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.action.en).toMatch(/^[A-Z]/);
    }
    expect(reply.body.summary.en).toContain(String(lowest.score));
    expect(reply.body.changes.length).toBeGreaterThanOrEqual(lowest.planSteps);
  });
});

describe('the province view', () => {
  it("gives every matter's lowest, median and highest score and the regions below the line, sorted as asked", async () => {
    const { body } = await reviewer.get('/api/review/province?sort=lowest&order=asc');
    expect(body.levelled).toBe(90);
    const lowest = body.matters.map((m: { lowest: number }) => m.lowest);
    // a matter with no regional variant yet (the bundles' new members) has no scores: it sorts last
    const scored = lowest.filter((x: number | null) => x !== null);
    expect(lowest).toEqual([...scored.sort((x: number, y: number) => x - y), ...lowest.filter((x: number | null) => x === null)]);
    for (const row of body.matters) {
      const scores = cli.matters.find((m) => m.id === row.id)!.variants.map((v) => v.score);
      expect(row.variants).toBe(scores.length);
      if (scores.length === 0) {
        expect([row.lowest, row.median, row.highest]).toEqual([null, null, null]);
        continue;
      }
      expect(row.lowest).toBe(Math.min(...scores));
      expect(row.highest).toBe(Math.max(...scores));
      expect(row.median).toBeGreaterThanOrEqual(row.lowest);
      expect(row.median).toBeLessThanOrEqual(row.highest);
      expect(row.below).toBe(cli.matters.find((m) => m.id === row.id)!.variants.filter((v) => !v.levelled).length);
    }
    const byBelow = (await reviewer.get('/api/review/province?sort=below&order=desc')).body.matters.map((m: { below: number }) => m.below);
    expect(byBelow).toEqual([...byBelow].sort((x, y) => y - x));
    expect((await reviewer.get('/api/review/province?sort=nonsense')).status).toBe(400);
    expect((await reviewer.get('/api/review/province?levelled=101')).status).toBe(400);
  });

  it('exports the same rows as CSV, with a BOM so spreadsheets read the Chinese titles', async () => {
    const json = (await reviewer.get('/api/review/province?sort=id')).body.matters;
    const reply = await reviewer.get('/api/review/province.csv?sort=id');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(reply.headers.get('content-disposition')).toMatch(/attachment; filename="review-province\.csv"/);
    const bytes = new Uint8Array(await (await fetch(`${base}/api/review/province.csv?sort=id`, { headers: { cookie: [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    expect(header).toEqual(['id', 'title_zh', 'title_en', 'version', 'variants', 'lowest', 'median', 'highest', 'below_90', 'distinct']);
    expect(rows).toEqual(json.map((m: Record<string, unknown> & { title: { zh: string; en: string } }) => [m.id, m.title.zh, m.title.en, m.version, m.variants, m.lowest, m.median, m.highest, m.below, m.distinct].map((v) => (v === null ? '' : String(v)))));
    expect(rows.some((r) => /[\u4e00-\u9fff]/.test(r[1]!))).toBe(true);
  });

  it('quotes cells holding commas, quotes or line breaks, and defuses text a spreadsheet would run as a formula', () => {
    const row = { id: 'm-1', title: { zh: '甲,乙', en: 'Say "hi"\nthere' }, version: '1.0.0', variants: 2, lowest: 10.5, median: null, highest: 20, below: 1, distinct: 2 };
    const csv = provinceCsv([row, { ...row, id: 'm-2', title: { zh: '=HYPERLINK("x")', en: '+1' } }], 60);
    expect(csv.startsWith('\uFEFFid,title_zh,title_en,version,variants,lowest,median,highest,below_60,distinct\r\n')).toBe(true);
    const [, first, second] = parseCsv(csv.slice(1));
    expect(first).toEqual(['m-1', '甲,乙', 'Say "hi"\nthere', '1.0.0', '2', '10.5', '', '20', '1', '2']);
    expect(second!.slice(1, 3)).toEqual(["'=HYPERLINK(\"x\")", "'+1"]);
  });

  it('serves the HTML report of `onematter review --out`, under a policy that runs no script', async () => {
    const reply = await reviewer.get('/api/review/report.html');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    for (const m of cli.matters) expect(reply.text).toContain(`data-matter="${m.id}"`);
    expect(reply.text).not.toMatch(/<script/i);
  });
});

describe('the proposed top runner', () => {
  it('marks each element with the region it came from and why it was kept, law-required ones flagged, and explains its score', async () => {
    const reply = await reviewer.get(`/api/review/matters/${permit}/proposal`);
    expect(reply.status).toBe(200);
    const { elements, score, current } = reply.body;
    expect(current.version).toBe(cli.matters.find((m) => m.id === permit)!.baseline.version);
    // the regions' variants and the current top runner itself are the candidates
    const matter = cli.matters.find((m) => m.id === permit)!;
    const regions = new Set([...matter.variants.map((v) => v.region.code), matter.baseline.region.code]);
    for (const e of elements) {
      expect(regions.has(e.region.code), e.element).toBe(true);
      expect(e.why.zh.length).toBeGreaterThan(4);
      expect(e.why.en.length).toBeGreaterThan(10);
      if (e.lawRequired) expect(e.legalBasis.length).toBeGreaterThan(0);
    }
    expect(elements.map((e: { element: string }) => e.element)).toEqual(expect.arrayContaining(['form', 'process', 'timeLimit', 'visits']));
    expect(score.explanation.en).toContain(String(score.proposed));
    expect(score.explanation.en).toContain(String(score.current));
    // the current top runner is a candidate for every element, so the proposal is nowhere heavier than it
    expect(score.heavier).toEqual([]);
    expect(score.explanation.en).toContain('heavier in 0');
    // the proposal's score is the matrix's "proposed top runner" figure
    expect((await reviewer.get(`/api/review/matters/${permit}`)).body.proposal.score).toBe(score.proposed);
  });

  it('opens as a draft of the baseline’s next version for a province official; reviewers and a city’s official are refused', async () => {
    const refusedReviewer = await reviewer.post(`/api/review/matters/${permit}/proposal/draft`, {});
    expect(refusedReviewer.status).toBe(403);
    expect(refusedReviewer.body.error.message).toMatch(/reviewers read, they change nothing/);
    const shaoxing = await Client.signedIn(base, 'officialShaoxing');
    const refusedCity = await shaoxing.post(`/api/review/matters/${permit}/proposal/draft`, {});
    expect(refusedCity.status).toBe(403);
    expect(refusedCity.body.error.message).toMatch(/baselines belong to the province/);
    const official = await Client.signedIn(base, 'official');
    const proposal = (await official.get(`/api/review/matters/${permit}/proposal`)).body;
    const created = await official.post(`/api/review/matters/${permit}/proposal/draft`, {});
    expect(created.status, created.text).toBe(201);
    expect(created.body.href).toBe(`/designer/drafts/${created.body.id}`);
    const draft = (await official.get(`/api/drafts/${created.body.id}`)).body;
    expect(draft).toMatchObject({ matterId: permit, region: '330000', kind: 'baseline', baseVersion: proposal.current.version });
    expect(draft.against).toMatchObject({ region: '330000', version: proposal.current.version });
    expect(draft.definition.materials).toEqual(proposal.proposed.definition.materials);
    expect(draft.definition.process).toEqual(proposal.proposed.definition.process);
    // who and where stay the baseline's: the province's department and region, not a variant's
    expect(draft.definition.region).toEqual(draft.against.definition.region);
    expect(draft.definition.department).toEqual(draft.against.definition.department);
  });
});

describe('access', () => {
  it('lets reviewers and officials read; applicants and clerks are refused, anonymous callers asked to sign in', async () => {
    const paths = ['/api/review/province', '/api/review/province.csv', '/api/review/report.html', `/api/review/matters/${permit}`, `/api/review/matters/${permit}/variants/330100`, `/api/review/matters/${permit}/proposal`];
    const official = await Client.signedIn(base, 'official');
    for (const path of paths) {
      expect((await reviewer.get(path)).status, path).toBe(200);
      expect((await official.get(path)).status, path).toBe(200);
      for (const who of ['zhangWei', 'clerk']) expect((await (await Client.signedIn(base, who)).get(path)).status, `${who} ${path}`).toBe(403);
      expect((await new Client(base).get(path)).status, path).toBe(401);
    }
  });

  it('answers unknown matters and regions with 404 and malformed ones with 400, never 500', async () => {
    expect((await reviewer.get('/api/review/matters/330000-XX-9999')).status).toBe(404);
    expect((await reviewer.get(`/api/review/matters/${permit}/variants/330681`)).status).toBe(404);
    expect((await reviewer.get(`/api/review/matters/${permit}/variants/hangzhou`)).status).toBe(400);
    expect((await reviewer.get('/api/review/matters/-bad')).status).toBe(400);
    expect((await reviewer.get('/api/review/matters/330000-XX-9999/proposal')).status).toBe(404);
    expect((await reviewer.get(`/api/review/matters/${permit}?level=village`)).status).toBe(400);
    const official = await Client.signedIn(base, 'official');
    expect((await official.post('/api/review/matters/330000-XX-9999/proposal/draft', {})).status).toBe(404);
    expect((await official.post(`/api/review/matters/${permit}/proposal/draft`, { extra: 1 })).status).toBe(400);
  });
});

describe('a new version of the top runner', () => {
  it('leaves each variant scored against the baseline version it names, and the matrix says which', async () => {
    const official = await Client.signedIn(base, 'official');
    const before = (await reviewer.get(`/api/review/matters/${permit}`)).body;
    const draft = (await official.post('/api/drafts', { edit: { id: permit, region: '330000' } })).body;
    const [major, minor] = String(before.baseline.version).split('.').map(Number) as [number, number];
    const next = `${major}.${minor + 1}.0`;
    const published = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 1, version: next });
    expect(published.status, published.text).toBe(201);
    const after = (await reviewer.get(`/api/review/matters/${permit}`)).body;
    expect(after.baseline.version).toBe(next);
    const pick = (rows: { region: { code: string }; score: number; baselineVersion: string }[]) => rows.map((r) => [r.region.code, r.score, r.baselineVersion]);
    expect(pick(after.variants)).toEqual(pick(before.variants));
    expect(after.variants.every((r: { baselineVersion: string }) => r.baselineVersion === before.baseline.version)).toBe(true);
    const spread = (await reviewer.get('/api/review/province')).body.matters.find((m: { id: string }) => m.id === permit);
    expect(spread).toMatchObject({ version: next, variants: before.variants.length });
    // the report keeps the variants, under the baseline version they are reviewed against
    const report = (await reviewer.get('/api/review/report.html')).text;
    expect(report).toContain('<details class="plan" data-region="330726"'); // Pujiang has only the residence permit
  });
});
