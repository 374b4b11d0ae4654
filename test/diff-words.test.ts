import { describe, expect, it } from 'vitest';
import { diff, levelUp, planAction } from '../engine/index.ts';
import { matters, sharedSchemas } from './support/catalogue.ts';

// The model's enumerated values (necessity, source, format) are data; people read words. A Chinese message or plan
// step showing `shared-data` or `tolerated-missing` reads as a bug to a reviewer.
const raw = /\b(shared-data|government-issued|third-party|applicant|tolerated-missing|required|optional|exempted|electronic|paper)\b/;

describe('diff messages and level-up steps in words', () => {
  const all = matters();
  const pairs = all.flatMap((m) => m.variants.flatMap((v) => [[v, m.baseline], [m.baseline, v]] as const));

  it('say necessity, source and format in Chinese in Chinese, for every real variant against its baseline, both ways', () => {
    const material = pairs.flatMap(([a, b]) => diff(a, b, { sharedSchemas })).filter((c) => /^materials\.(necessity|source|format)$/.test(c.code));
    expect(material.length).toBeGreaterThan(0);
    for (const c of material) expect(c.message.zh, c.message.zh).not.toMatch(raw);
    expect(material.map((c) => c.message.en).join('\n')).toMatch(/from the applicant instead of shared data/);
  });

  it('word the level-up steps the same way', () => {
    const steps = pairs.flatMap(([a, b]) => levelUp(a, b, { sharedSchemas })).filter((c) => /^materials\.(necessity|source|format)$/.test(c.code)).map((c) => planAction(c));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s.zh, s.zh).not.toMatch(raw);
  });
});
