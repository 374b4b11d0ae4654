import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';
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

describe('onematter diff', () => {
  it('prints changes, metrics of both sides and the score of a against b as JSON', async () => {
    const { code, stdout } = await run('diff', `${permit}/pujiang.json`, `${permit}/baseline.json`, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['changes', 'metrics', 'score']);
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
    expect(stdout).toContain('+ promises 5 working days instead of 3 [2]');
    expect(stdout).toContain('承诺时限由 3 个工作日改为 5 个工作日');
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

  it('refuses an invalid definition with its problems and exit code 1', async () => {
    writeFileSync(join(dir, `${permit}/broken.json`), '{"kind": "variant"');
    const { code, stderr } = await run('diff', `${permit}/broken.json`, `${permit}/baseline.json`);
    rmSync(join(dir, `${permit}/broken.json`));
    expect(code).toBe(1);
    expect(stderr).toContain('[json.invalid]');
  });
});

describe('onematter score', () => {
  it('scores every variant against its baseline', async () => {
    const { code, stdout } = await run('score', 'definitions', '--json');
    expect(code).toBe(0);
    const { scores } = JSON.parse(stdout);
    expect(scores).toHaveLength(19);
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
    expect(stdout).toBe('wrote review.html: 6 matters, 19 variants\n');
    const html = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link |src="http|href="http|@import|url\(/);
    expect(html.match(/<section class="matter"/g)).toHaveLength(6);
  });

  it('requires --out', async () => {
    expect((await run('review', 'definitions')).code).toBe(2);
  });
});
