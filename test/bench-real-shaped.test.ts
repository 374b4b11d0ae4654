/**
 * bench:review's real-shaped synthetic catalogue: its baselines and variants are valid definitions of the real
 * catalogue (so the bench diffs what officials publish, not malformed drafts), sized like the real ones, shaped like
 * them (nested groups, shared-schema $refs, prefill), and the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { diff, validateSources } from '../engine/index.ts';
import { realShapedBaseline, realShapedVariant } from './bench/real-shaped.ts';
import { cloneJson } from './bench/synthetic.ts';
import { catalogueSources, sharedSchemas } from './support/catalogue.ts';

describe("bench:review's real-shaped synthetic catalogue", () => {
  const baselines = Array.from({ length: 24 }, (_, i) => realShapedBaseline(i));
  const variants = baselines.flatMap((b, i) => {
    const source = cloneJson(b);
    return Array.from({ length: 4 }, (_, j) => realShapedVariant(source, j, i * 1_000 + j));
  });

  it('builds valid baselines and variants', () => {
    const docs = [...baselines, ...variants].map((d, n) => ({ file: `synthetic/${n}.json`, text: JSON.stringify(d) }));
    const problems = validateSources([...catalogueSources(), ...docs]).problems.filter((p) => p.file.startsWith('synthetic/'));
    expect(problems.map((p) => `${p.file}${p.pointer}: ${p.message}`)).toEqual([]);
  }, 120_000);

  it('is sized and shaped like the real definitions', () => {
    const kb = baselines.map((b) => JSON.stringify(b).length / 1024);
    expect(Math.min(...kb)).toBeGreaterThan(9);
    expect(Math.max(...kb)).toBeLessThan(24);
    const text = JSON.stringify(baselines);
    expect(text).toContain('"$ref":"https://onematter.dev/schemas/shared/');
    expect(baselines.every((b) => (b.form.prefill ?? []).length > 0)).toBe(true);
    // groups hold groups or fields, and variants differ from their baselines, through the shared schemas too
    const changed = variants.filter((v, n) => diff(v, baselines[Math.floor(n / 4)]!, { sharedSchemas }).length > 0);
    expect(changed.length).toBeGreaterThan(variants.length / 2);
  }, 60_000);

  it('is the same on every run', () => {
    expect(JSON.stringify(realShapedBaseline(7))).toBe(JSON.stringify(baselines[7]));
    expect(JSON.stringify(realShapedVariant(cloneJson(baselines[3]!), 2, 3_002))).toBe(JSON.stringify(variants[3 * 4 + 2]));
  });
});
