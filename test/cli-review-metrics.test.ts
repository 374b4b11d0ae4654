/** `onematter score` and `onematter review` show the province's catalogue metrics, at a levelled threshold. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './support/cli.ts';
import { miniDir } from './support/fixtures.ts';

let sandbox: ReturnType<typeof cliSandbox>;
const run = (...argv: string[]) => sandbox.run(...argv);

beforeAll(() => {
  sandbox = cliSandbox(miniDir, 'mini');
});
afterAll(() => sandbox.remove());

describe('onematter review: the catalogue metrics', () => {
  it('prints them as JSON: shares, immediate matters, regions levelled, and per matter its convergence and flags', async () => {
    const { code, stdout } = await run('review', 'mini', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['catalogue', 'matters', 'problems']);
    const c = out.catalogue;
    expect(Object.keys(c)).toEqual(['definitions', 'baselines', 'variants', 'zeroMaterials', 'zeroForm', 'atMostOneVisit', 'immediate', 'levelled', 'matters']);
    expect(c.definitions).toBe(c.baselines + c.variants);
    for (const share of [c.zeroMaterials, c.zeroForm, c.atMostOneVisit]) expect(share).toEqual({ count: expect.any(Number), total: c.definitions, share: expect.any(Number) });
    expect(c.levelled).toMatchObject({ threshold: 90, total: c.variants });
    const matter = out.matters[0];
    expect(matter.convergence).toEqual({ distinct: expect.any(Number), sameAsBaseline: expect.any(Number) });
    expect(Object.keys(matter.baseline.province)).toEqual(['zeroMaterials', 'zeroForm', 'atMostOneVisit', 'immediate', 'onSiteMinutes']);
    for (const v of matter.variants) expect(v.levelled).toBe(v.score >= 90);
  });

  it('counts regions levelled at the threshold given', async () => {
    const at = async (points: string) => JSON.parse((await run('review', 'mini', '--json', '--levelled', points)).stdout).catalogue.levelled;
    const zero = await at('0');
    expect(zero).toMatchObject({ threshold: 0, share: 1 });
    expect((await at('100')).count).toBeLessThanOrEqual(zero.count);
    expect((await at('99.5')).threshold).toBe(99.5);
  });

  it('refuses a threshold that is not a score from 0 to 100 with a usage error (exit code 2)', async () => {
    for (const bad of ['101', '-5', 'ninety', '', '1e2']) {
      const { code, stderr, stdout } = await run('review', 'mini', `--levelled=${bad}`);
      expect({ code, stdout }, bad).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(`--levelled takes a score from 0 to 100 (the province levels regions to 90), not "${bad}"`);
    }
  });

  it('prints them as text, with the threshold in the labels', async () => {
    const { code, stdout } = await run('review', 'mini', '--levelled', '75');
    expect(code).toBe(0);
    for (const label of ['零材料 zero materials', '零表单 zero forms', '最多跑一次 at most one visit', '达标 levelled (score ≥ 75)', '即办件 immediate matters', 'same as baseline']) expect(stdout).toContain(label);
  });

  it('keeps stdout one JSON document when it also writes the report', async () => {
    const { code, stdout, stderr } = await run('review', 'mini', '--json', '--out', 'r.html');
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toMatch(/^wrote r.html: /);
  });
});

describe('onematter review: the metrics of a catalogue whose figures are known', () => {
  // mini's baseline and variant, plus two variants of the same matter: Ningbo, the baseline's implementation run by
  // another body; Wenzhou, an immediate matter (15 minutes on site) asking no material but two visits
  let known: ReturnType<typeof cliSandbox>;
  beforeAll(() => {
    known = cliSandbox(miniDir, 'mini');
    const matters = join(known.dir, 'mini', 'matters');
    const baseline = JSON.parse(readFileSync(join(matters, 'baseline.json'), 'utf8'));
    const variant = (region: object, edit: (d: any) => void) => {
      const d = { ...structuredClone(baseline), kind: 'variant', region, baseline: { id: baseline.id, version: baseline.version } };
      edit(d);
      return `${JSON.stringify(d, null, 2)}\n`;
    };
    writeFileSync(join(matters, 'ningbo.json'), variant({ code: '330200', name: { zh: '宁波市', en: 'Ningbo' }, level: 'city' }, (d) => {
      d.department = { name: { zh: '宁波市公安局', en: 'Ningbo Public Security Bureau' } };
    }));
    writeFileSync(join(matters, 'wenzhou.json'), variant({ code: '330300', name: { zh: '温州市', en: 'Wenzhou' }, level: 'city' }, (d) => {
      d.materials = [];
      d.handlingType = 'immediate';
      d.timeLimit = { statutoryDays: 15, promisedDays: 0, onSiteMinutes: 15 };
      d.visits = 2;
      d.visitReason = { zh: '核验原件并领取证件', en: 'To check the originals and collect the permit' };
    }));
  });
  afterAll(() => known.remove());

  it('counts zero materials, at most one visit, minutes on site, regions levelled and distinct variants', async () => {
    const { code, stdout, stderr } = await known.run('review', 'mini', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const c = JSON.parse(stdout).catalogue;
    expect(c).toMatchObject({ definitions: 5, baselines: 2, variants: 3 });
    expect(c.zeroMaterials).toEqual({ count: 1, total: 5, share: 0.2 });
    expect(c.zeroForm).toEqual({ count: 0, total: 5, share: 0 });
    expect(c.atMostOneVisit).toEqual({ count: 4, total: 5, share: 0.8 });
    expect(c.immediate).toEqual({ count: 1, withMinutes: 1, medianMinutes: 15, maxMinutes: 15 });
    // Ningbo is the baseline itself (100); the others ask more
    expect(c.levelled).toEqual({ threshold: 90, count: 1, total: 3, share: 1 / 3 });
    expect(c.matters[0]).toMatchObject({ id: '330000-TEST-0001', variants: 3, distinct: 3, sameAsBaseline: 1, levelled: { count: 1, total: 3 } });
    const wenzhou = JSON.parse(stdout).matters.find((m: any) => m.id === '330000-TEST-0001').variants.find((v: any) => v.region.code === '330300');
    expect(wenzhou.province).toEqual({ zeroMaterials: true, zeroForm: false, atMostOneVisit: false, immediate: true, onSiteMinutes: 15 });
  });

  it('prints the same figures as text', async () => {
    const { stdout } = await known.run('review', 'mini');
    expect(stdout).toMatch(/零材料 zero materials\s+│?\s*1\s.*of 5 definitions.*20\.0%/);
    expect(stdout).toMatch(/最多跑一次 at most one visit\s+│?\s*4\s.*of 5 definitions.*80\.0%/);
    expect(stdout).toContain('即办件 immediate matters: 1; 1 state their minutes on site: median 15, longest 15');
  });
});

describe('onematter score: levelled regions and the catalogue metrics', () => {
  it('marks each variant levelled or not, and adds the catalogue summary to --json', async () => {
    const { code, stdout } = await run('score', 'mini', '--json', '--levelled', '50');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['scores', 'catalogue', 'problems']);
    for (const s of out.scores) {
      expect(s.levelled).toBe(s.score >= 50);
      expect(s.province).toMatchObject({ zeroMaterials: expect.any(Boolean), atMostOneVisit: expect.any(Boolean) });
    }
    expect(out.catalogue.levelled.threshold).toBe(50);
  });

  it('refuses a bad threshold with a usage error', async () => {
    expect((await run('score', 'mini', '--levelled', '200')).code).toBe(2);
  });
});
