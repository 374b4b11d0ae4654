import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { burdenMetrics, validateSources, type MatterDefinition } from '../engine/index.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
const sources = walk(join(root, 'definitions')).map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));
const { catalogue, problems } = validateSources(sources);
const definitions = catalogue.definitions.map((d) => d.value);
const byMatter = new Map<string, MatterDefinition[]>();
for (const d of definitions) byMatter.set(d.id, [...(byMatter.get(d.id) ?? []), d]);
const baselineOf = (id: string) => byMatter.get(id)!.find((d) => d.kind === 'baseline')!;
const variantsOf = (id: string) => byMatter.get(id)!.filter((d) => d.kind === 'variant');

describe('the real catalogue (definitions/)', () => {
  it('is valid: every file passes every check', () => {
    expect(problems.map((p) => `${p.file}#${p.pointer} ${p.code}: ${p.message}`)).toEqual([]);
    expect(catalogue.definitions.length + catalogue.bundles.length + catalogue.sharedData.length + catalogue.schemas.length + catalogue.regions.length).toBe(sources.length);
  });

  it('holds matters each with one baseline, at least 6 of them with 3 or more regional variants', () => {
    for (const [id, defs] of byMatter) expect(defs.filter((d) => d.kind === 'baseline'), id).toHaveLength(1);
    // (the bundles' members are baselines only, so far)
    expect([...byMatter.keys()].filter((id) => variantsOf(id).length >= 3).length).toBeGreaterThanOrEqual(6);
  });

  it('places baselines at the province and variants in its cities and counties', () => {
    expect(catalogue.regions.map((r) => r.file)).toEqual(['definitions/regions.json']);
    const known = new Map(catalogue.regions[0]!.value.regions.map((r) => [r.code, r]));
    for (const d of definitions) {
      expect(known.get(d.region.code)?.name.zh, `${d.id} ${d.region.code}`).toBe(d.region.name.zh);
      expect(d.region.level).toEqual(d.kind === 'baseline' ? 'province' : expect.stringMatching(/^(city|county)$/));
    }
  });

  it('names every matter in Chinese and English', () => {
    for (const d of definitions) {
      expect(d.title.zh).toMatch(/\p{Script=Han}/u);
      expect(d.title.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('lets baselines waive materials through shared data ("one identity document")', () => {
    for (const id of byMatter.keys()) {
      const base = burdenMetrics(baselineOf(id));
      expect(base.waivedMaterials, id).toBeGreaterThan(0);
      // no trip, but where the thing itself needs one (a newborn's vaccination certificate: the baby is there), with its reason
      expect(base.visits, id).toBeLessThanOrEqual(baselineOf(id).visitReason ? 1 : 0);
      expect(base.fieldsPrefilled, id).toBeGreaterThan(0);
    }
  });

  it('has variants that add burden the way real regions do', () => {
    for (const id of [...byMatter.keys()].filter((m) => variantsOf(m).length > 0)) {
      const base = burdenMetrics(baselineOf(id));
      const heavier = (d: MatterDefinition) => {
        const m = burdenMetrics(d);
        return m.materials > base.materials || m.promisedDays > base.promisedDays || m.visits > base.visits || m.fieldsTyped > base.fieldsTyped;
      };
      expect(variantsOf(id).filter(heavier).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has one residence-permit city asking 2 materials and another asking 9', () => {
    const permit = [...byMatter.keys()].find((id) => baselineOf(id).title.en.toLowerCase().includes('residence permit'))!;
    const counts = variantsOf(permit).map((d) => d.materials.filter((m) => m.necessity !== 'exempted').length);
    expect(counts).toContain(2);
    expect(counts).toContain(9);
  });

  it('holds a shared-data catalogue and at least one bundle', () => {
    expect(catalogue.sharedData).toHaveLength(1);
    expect(catalogue.sharedData[0]!.value.items.length).toBeGreaterThanOrEqual(8);
    expect(catalogue.bundles.length).toBeGreaterThanOrEqual(1);
  });
});
