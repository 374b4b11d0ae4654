/**
 * Where `onematter export` puts each matter and region: readable names in a fresh folder (slugs of English names),
 * the names already there in a folder exported before, and a suffix (matter id, region code) only on a clash.
 */
import { describe, expect, it } from 'vitest';
import { placeEntries, placementKey, placementPath, slug, type ExistingFile, type NamedEntry } from '../runtime/cli/export-names.ts';

const permit = 'Application for a residence permit';
const entry = (id: string, region: string, regionName: string, kind: 'baseline' | 'variant' = 'variant', title = permit): NamedEntry => ({ id, region, kind, title, regionName });
const paths = (entries: NamedEntry[], existing: ExistingFile[] = [], reserved?: Set<string>) => {
  const placed = placeEntries(entries, existing, reserved);
  return Object.fromEntries(entries.map((e) => [`${e.id} ${e.region}`, placementPath(placed.get(placementKey(e.id, e.region))!)]));
};
const file = (folder: string, name: string, owner?: [string, string]): ExistingFile => ({ folder, file: name, owner: owner && { id: owner[0], region: owner[1] } });

describe('export file names', () => {
  it('slugs English names: lower-case letters and digits joined by dashes, at most 60 characters cut at a dash', () => {
    expect(slug('Application for a residence permit')).toBe('application-for-a-residence-permit');
    expect(slug("Birth registration of a newborn (household registration)")).toBe('birth-registration-of-a-newborn-household-registration');
    expect(slug('Repeat endorsement of an exit-entry permit for Hong Kong, Macao or Taiwan')).toBe('repeat-endorsement-of-an-exit-entry-permit-for-hong-kong');
    expect(slug("Lu'an — Xī'ān")).toBe('luan-xian');
    expect(slug('杭州市')).toBe('');
  });

  it('in a fresh folder: the title for the folder, baseline.json, and each variant by its region’s English name', () => {
    expect(paths([entry('A', '330000', 'Zhejiang', 'baseline'), entry('A', '330100', 'Hangzhou'), entry('A', '330200', 'Ningbo')])).toEqual({
      'A 330000': 'matters/application-for-a-residence-permit/baseline.json',
      'A 330100': 'matters/application-for-a-residence-permit/hangzhou.json',
      'A 330200': 'matters/application-for-a-residence-permit/ningbo.json',
    });
    expect(placementPath({ folder: 'f', name: 'hangzhou' }, '1.1.0')).toBe('matters/f/hangzhou@1.1.0.json');
  });

  it('adds the region code to every region whose name clashes, and to a variant named like the baseline', () => {
    expect(paths([entry('A', '330000', 'Zhejiang', 'baseline'), entry('A', '330726', 'Pujiang'), entry('A', '510131', 'Pujiang'), entry('A', '330111', 'Baseline'), entry('A', '339999', '杭州')])).toEqual({
      'A 330000': 'matters/application-for-a-residence-permit/baseline.json',
      'A 330726': 'matters/application-for-a-residence-permit/pujiang-330726.json',
      'A 510131': 'matters/application-for-a-residence-permit/pujiang-510131.json',
      'A 330111': 'matters/application-for-a-residence-permit/baseline-330111.json',
      'A 339999': 'matters/application-for-a-residence-permit/339999.json',
    });
  });

  it('adds the matter id to matters whose titles clash, and falls back to the id when the title has no slug', () => {
    expect(paths([entry('330000-GA-0101', '330000', 'Zhejiang', 'baseline'), entry('330000-GA-0199', '330000', 'Zhejiang', 'baseline'), entry('X-1', '330000', 'Zhejiang', 'baseline', '居住证')])).toEqual({
      '330000-GA-0101 330000': 'matters/application-for-a-residence-permit-330000-ga-0101/baseline.json',
      '330000-GA-0199 330000': 'matters/application-for-a-residence-permit-330000-ga-0199/baseline.json',
      'X-1 330000': 'matters/x-1/baseline.json',
    });
  });

  it('reuses the folder and file names a folder exported before holds, and keeps clear of other matters’ files', () => {
    const existing = [
      file('residence-permit', 'baseline.json', ['A', '330000']),
      file('residence-permit', 'hz.json', ['A', '330100']),
      file('residence-permit', 'ningbo.json', ['A', '330299']), // another region's file has the name Ningbo would get
      file('residence-permit', 'notes.json'), // not a definition: names no region, claims nothing
      file('application-for-a-residence-permit', 'baseline.json', ['B', '330000']), // another matter's folder
    ];
    expect(paths([entry('A', '330000', 'Zhejiang', 'baseline'), entry('A', '330100', 'Hangzhou'), entry('A', '330200', 'Ningbo'), entry('C', '330000', 'Zhejiang', 'baseline')], existing)).toEqual({
      'A 330000': 'matters/residence-permit/baseline.json',
      'A 330100': 'matters/residence-permit/hz.json',
      'A 330200': 'matters/residence-permit/ningbo-330200.json',
      'C 330000': 'matters/application-for-a-residence-permit-c/baseline.json',
    });
  });

  it('reuses a name from an older version’s file, never a folder holding several matters, and avoids reserved paths', () => {
    const existing = [file('mixed', 'baseline.json', ['A', '330000']), file('mixed', 'other.json', ['B', '330000']), file('permit', 'hz@1.0.0.json', ['A', '330100'])];
    expect(paths([entry('A', '330100', 'Hangzhou')], existing)).toEqual({ 'A 330100': 'matters/permit/hz.json' });
    expect(paths([entry('B', '330000', 'Zhejiang', 'baseline', 'Other')], existing)).toEqual({ 'B 330000': 'matters/other/baseline.json' });
    expect(paths([entry('A', '330000', 'Zhejiang', 'baseline')], [], new Set(['matters/application-for-a-residence-permit/baseline.json']))).toEqual({
      'A 330000': 'matters/application-for-a-residence-permit/baseline-330000.json',
    });
  });
});
