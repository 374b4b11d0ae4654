import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, indexRegions, validateSources, type RegionCatalogue } from '../engine/index.ts';
import { projectRoot } from './support/catalogue.ts';
import { codesAt, miniDoc, miniSources } from './support/fixtures.ts';

const projectRegions: RegionCatalogue = JSON.parse(readFileSync(`${projectRoot}definitions/regions.json`, 'utf8'));
const regionsFile = 'regions.json';

/** Validates the mini catalogue with the project's region list (changed by `editRegions`) and one file changed by `edit`. */
function problemsWith(file: string, edit: (doc: any) => void = () => {}, editRegions: (doc: any) => void = () => {}) {
  const regions = structuredClone(projectRegions);
  editRegions(regions);
  const sources = miniSources().filter((s) => s.file !== file && s.file !== regionsFile);
  const doc = file === regionsFile ? regions : miniDoc(file);
  if (file !== regionsFile) edit(doc);
  sources.push({ file, text: JSON.stringify(doc) });
  if (file !== regionsFile) sources.push({ file: regionsFile, text: JSON.stringify(regions) });
  return validateSources(sources).problems.filter((p) => p.file === file);
}

describe('the region catalogue (definitions/regions.json)', () => {
  const index = indexRegions(projectRegions.regions);

  it('lists Zhejiang, its 11 cities and 90 county-level divisions, and names its source', () => {
    const count = (level: string) => projectRegions.regions.filter((r) => r.level === level).length;
    expect([count('province'), count('city'), count('county')]).toEqual([1, 11, 90]);
    expect(projectRegions.source.publisher.zh).toBe('中华人民共和国民政部');
    expect(projectRegions.source.name.en).toContain('GB/T 2260');
  });

  it('is valid, and places Pujiang under Jinhua under Zhejiang', () => {
    expect(codesAt(problemsWith(regionsFile))).toEqual([]);
    expect(ancestorsOf(index, '330726').map((r) => r.name.en)).toEqual(['Jinhua', 'Zhejiang']);
    expect(index.children.get('330100')!.map((r) => r.code)).toContain('330113');
  });

  it('reports a code listed twice, a missing parent and a parent at the wrong level or prefix', () => {
    const problems = problemsWith(regionsFile, undefined, (doc) => {
      doc.regions.push({ ...doc.regions[1] });
      doc.regions.push({ code: '339901', name: { zh: '某县', en: 'Some county' }, level: 'county', parent: '339900' });
      doc.regions.push({ code: '330199', name: { zh: '某镇', en: 'Some town' }, level: 'county', parent: '330000' });
      doc.regions.push({ code: '330299', name: { zh: '某区', en: 'Some district' }, level: 'county', parent: '330100' });
    });
    const n = projectRegions.regions.length;
    expect(codesAt(problems)).toEqual([
      { code: 'regions.duplicate-code', pointer: `/regions/${n}/code` },
      { code: 'regions.parent-missing', pointer: `/regions/${n + 1}/parent` },
      { code: 'regions.parent-mismatch', pointer: `/regions/${n + 2}/parent` },
      { code: 'regions.parent-mismatch', pointer: `/regions/${n + 3}/parent` },
    ]);
    expect(problems[3]!.message).toContain("starts with its parent's first 4 digits");
  });
});

describe('validate: regions of definitions', () => {
  it('accepts the mini catalogue placed in listed regions', () => {
    expect(codesAt(problemsWith('matters/variant.json'))).toEqual([]);
  });

  it('reports a region code the catalogue does not list, naming the catalogue', () => {
    const problems = problemsWith('matters/variant.json', (d) => (d.region.code = '330199'));
    expect(codesAt(problems)).toEqual([{ code: 'ref.region-unknown', pointer: '/region/code' }]);
    expect(problems[0]!.message).toContain(regionsFile);
  });

  it('reports a level or a name that disagrees with the catalogue', () => {
    expect(codesAt(problemsWith('matters/variant.json', (d) => Object.assign(d.region, { level: 'county', name: { zh: '宁波市', en: 'Ningbo' } })))).toEqual([
      { code: 'ref.region-level-mismatch', pointer: '/region/level' },
      { code: 'ref.region-name-mismatch', pointer: '/region/name/zh' },
    ]);
  });

  it("places a variant inside its baseline's region by the catalogue's parent links", () => {
    // Pujiang (330726) lies in Jinhua, not Hangzhou: a Hangzhou-level baseline cannot have it as a variant region
    const problems = problemsWith('matters/variant.json', (d) => (d.region = { code: '330726', name: { zh: '浦江县', en: 'Pujiang' }, level: 'county' }));
    expect(codesAt(problems)).toEqual([]);
    const sources = miniSources().filter((s) => s.file !== 'matters/baseline.json' && s.file !== 'matters/variant.json');
    const baseline = miniDoc('matters/baseline.json');
    baseline.region = { code: '330100', name: { zh: '杭州市', en: 'Hangzhou' }, level: 'city' };
    const variant = miniDoc('matters/variant.json');
    variant.region = { code: '330726', name: { zh: '浦江县', en: 'Pujiang' }, level: 'county' };
    sources.push({ file: 'matters/baseline.json', text: JSON.stringify(baseline) }, { file: 'matters/variant.json', text: JSON.stringify(variant) }, { file: regionsFile, text: JSON.stringify(projectRegions) });
    expect(codesAt(validateSources(sources).problems.filter((p) => p.file === 'matters/variant.json'))).toEqual([{ code: 'ref.region-outside-baseline', pointer: '/region/code' }]);
  });

  it('checks bundles too', () => {
    expect(codesAt(problemsWith('bundle.json', (d) => (d.region.code = '330999')))).toEqual([{ code: 'ref.region-unknown', pointer: '/region/code' }]);
  });
});
