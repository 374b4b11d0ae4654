import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBundles } from '../engine/index.ts';
import { matters, projectRoot, realCatalogue } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';

let sandbox: ReturnType<typeof cliSandbox>;
let dir: string;
const run = (...argv: string[]) => sandbox.run(...argv);

beforeAll(() => {
  sandbox = cliSandbox(join(projectRoot, 'definitions'), 'definitions');
  dir = sandbox.dir;
});
afterAll(() => sandbox.remove());

const permit = 'definitions/matters/residence-permit';
// the catalogue's own figures (it is being corrected: no count is written in)
// with the catalogue's bundles, each composed into one definition (a bundle's regional bundles are its variants)
const composed = composeBundles(realCatalogue.catalogue).map((b) => b.value);
const bundleMatters = [...new Set(composed.map((d) => d.id))].map((id) => ({ id, baseline: composed.find((d) => d.id === id && d.kind === 'baseline'), variants: composed.filter((d) => d.id === id && d.kind === 'variant') }));
const reviewed = [...matters(), ...bundleMatters].filter((m) => m.baseline);
const variantCount = reviewed.reduce((n, m) => n + m.variants.length, 0);

describe('onematter diff', () => {
  it('prints changes, metrics of both sides and the score of a against b as JSON', async () => {
    const { code, stdout } = await run('diff', `${permit}/pujiang.json`, `${permit}/baseline.json`, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['changes', 'metrics', 'score', 'problems']);
    expect(out.problems).toEqual({ a: [], b: [] });
    expect(out.metrics.a.visits).toBe(2);
    expect(out.metrics.b.visits).toBe(0);
    expect(out.score).toBeGreaterThan(0);
    expect(out.score).toBeLessThan(50);
    expect(out.changes).toContainEqual(expect.objectContaining({ area: 'service', code: 'service.visits', kind: 'changed', path: '/visits', burden: 'more' }));
    for (const c of out.changes) expect(Object.keys(c)).toEqual(expect.arrayContaining(['area', 'kind', 'path', 'burden', 'code', 'message']));
  });

  it('prints a readable report grouped by area', async () => {
    const { code, stdout } = await run('diff', `${permit}/ningbo.json`, `${permit}/baseline.json`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^materials \(\d+ more, \d+ less, \d+ neutral\)$/m);
    expect(stdout).toContain('+ promises 5 days instead of 3 [1.43]'); // calendar days: 2 of them weigh 2 × 5/7
    expect(stdout).toContain('承诺时限由 3 日改为 5 日');
  });

  it('gives a baseline against itself score 100 and no differences', async () => {
    const { stdout } = await run('diff', `${permit}/baseline.json`, `${permit}/baseline.json`, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ changes: [], score: 100 });
  });

  it('refuses definitions of different matters with exit code 2', async () => {
    const { code, stderr } = await run('diff', `${permit}/ningbo.json`, 'definitions/matters/newborn-registration/baseline.json');
    expect(code).toBe(2);
    expect(stderr).toContain('only definitions of the same matter can be compared');
  });

  it('refuses a file that is not a matter definition with exit code 2', async () => {
    const { code, stderr } = await run('diff', 'definitions/shared-data.json', `${permit}/baseline.json`);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a matter definition');
  });

  describe('of an invalid definition (a draft)', () => {
    // Ningbo's variant half-edited: a material without its name, a transition without its target
    const draft = () => {
      const d = JSON.parse(readFileSync(join(dir, `${permit}/ningbo.json`), 'utf8'));
      delete d.materials[4].name;
      d.process.states.onsiteCheck.on.CONFIRM = { guard: 'isComplete' };
      return d;
    };
    const withDraft = async (text: string, ...argv: string[]) => {
      writeFileSync(join(dir, `${permit}/draft.json`), text);
      try {
        return await run('diff', ...argv);
      } finally {
        rmSync(join(dir, `${permit}/draft.json`));
      }
    };

    it('prints the problems of each side first, then the diff of what could be compared, and exits 1', async () => {
      const { code, stdout, stderr } = await withDraft(JSON.stringify(draft()), `${permit}/draft.json`, `${permit}/baseline.json`);
      expect(code).toBe(1);
      expect(stderr).toBe('');
      const lines = stdout.split('\n');
      const firstProblem = lines.findIndex((l) => l.startsWith(`${permit}/draft.json#/materials/4: `));
      const summary = lines.indexOf('✖ a has 2 problems, b is valid: the diff below compares what it can');
      const title = lines.findIndex((l) => l.includes('against definitions/matters/residence-permit/baseline.json'));
      expect(firstProblem).toBe(0);
      expect(lines[1]).toMatch(new RegExp(`^${permit}/draft.json#/process/states/onsiteCheck/on/CONFIRM: .* \\[[a-z.-]+\\]$`));
      expect(summary).toBe(2);
      expect(title).toBeGreaterThan(summary);
      expect(stdout).toContain('  · could not compare material #5 (a: /name is missing, expected a text in zh and en)');
      expect(stdout).toContain('    无法比较第 5 项材料（a 方 /name 缺失，应为中英文文本 { zh, en }）  /materials/4');
      expect(stdout).toContain('  · could not compare the transitions of “onsiteCheck” on CONFIRM (a: /target is missing, expected a string)');
      // the rest is classified as for the valid variant
      expect(stdout).toContain('+ promises 5 days instead of 3 [1.43]');
      expect(stdout).toContain('+ adds the step “On-site check” (inspector) [4]');
    });

    it('adds both sides’ problems to --json, beside the changes, metrics and score', async () => {
      const { code, stdout } = await withDraft(JSON.stringify(draft()), `${permit}/baseline.json`, `${permit}/draft.json`, '--json');
      expect(code).toBe(1);
      const out = JSON.parse(stdout);
      expect(Object.keys(out)).toEqual(['changes', 'metrics', 'score', 'problems']);
      expect(out.problems.a).toEqual([]);
      expect(out.problems.b.map((p: { pointer: string }) => p.pointer)).toEqual(['/materials/4', '/process/states/onsiteCheck/on/CONFIRM']);
      expect(Object.keys(out.problems.b[0])).toEqual(['file', 'pointer', 'code', 'message', 'params']);
      // b is the draft: its malformed parts are pointed at in b
      expect(out.changes.filter((c: { code: string }) => c.code.endsWith('.incomparable'))).toEqual([
        expect.objectContaining({ code: 'materials.incomparable', kind: 'removed', path: '/materials/4', burden: 'neutral' }),
        expect.objectContaining({ code: 'process.incomparable', kind: 'removed', path: '/process/states/onsiteCheck/on/CONFIRM', burden: 'neutral' }),
      ]);
      expect(out.changes).toContainEqual(expect.objectContaining({ code: 'service.promised-days', burden: 'less', path: '/timeLimit/promisedDays' }));
      expect(out.metrics.b.materials).toBe(out.metrics.a.materials); // Ningbo's extra applicant material is the unnamed one
    });

    it('lists the problems of a file that is not JSON, and compares nothing of it', async () => {
      const { code, stdout } = await withDraft('{"kind": "variant"', `${permit}/draft.json`, `${permit}/baseline.json`);
      expect(code).toBe(1);
      expect(stdout).toMatch(new RegExp(`^${permit}/draft.json#: .*\\[json.invalid\\]\n`));
      expect(stdout).toContain('· could not compare the definition (a: missing, expected an object)');
    });

    it('still refuses a bundle that is not valid either, as not a matter definition (exit code 2)', async () => {
      const { code, stderr } = await withDraft(JSON.stringify({ kind: 'bundle', id: 7 }), `${permit}/draft.json`, `${permit}/baseline.json`);
      expect(code).toBe(2);
      expect(stderr).toContain('is not a matter definition');
    });
  });
});

describe('onematter score', () => {
  it('scores every variant against its baseline', async () => {
    const { code, stdout } = await run('score', 'definitions', '--json');
    expect(code).toBe(0);
    const { scores } = JSON.parse(stdout);
    expect(scores).toHaveLength(variantCount);
    for (const s of scores) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(100);
    }
  });

  it('reports a variant whose baseline is missing and exits 1', async () => {
    const variant = JSON.parse(readFileSync(join(dir, `${permit}/ningbo.json`), 'utf8'));
    variant.baseline.version = '7.0.0';
    writeFileSync(join(dir, `${permit}/orphan.json`), JSON.stringify({ ...variant, region: { ...variant.region, code: '330300' }, version: '2.0.0' }));
    const { code, stderr } = await run('score', 'definitions');
    rmSync(join(dir, `${permit}/orphan.json`));
    expect(code).toBe(1);
    expect(stderr).toContain('baseline 330000-GA-0101@7.0.0 was not found [ref.baseline-missing]');
  });

  it('stays quiet on a pipe: no progress bar in the output', async () => {
    const { stderr, stdout } = await run('score', 'definitions');
    expect(stderr).toBe('');
    expect(stdout).not.toContain('█');
  });
});

describe('onematter review', () => {
  it('writes one self-contained HTML file', async () => {
    const { code, stdout } = await run('review', 'definitions', '--out', 'review.html');
    expect(code).toBe(0);
    expect(stdout.endsWith(`\nwrote review.html: ${reviewed.length} matters, ${variantCount} variants\n`)).toBe(true); // after the catalogue metrics
    const html = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link |src="http|href="http|@import|url\(/);
    expect(html.match(/<section class="matter"/g)).toHaveLength(reviewed.length);
  });

  it('prints the catalogue metrics without --out, and refuses an empty --out', async () => {
    const { code, stdout } = await run('review', 'definitions');
    expect(code).toBe(0);
    expect(stdout).toContain('最多跑一次 at most one visit');
    expect((await run('review', 'definitions', '--out', '')).code).toBe(2);
  });
});
