import { describe, expect, it } from 'vitest';
import { codesAt, miniDoc, problemsWith } from './support/fixtures.ts';

const baseline = 'matters/baseline.json';
const variant = 'matters/variant.json';

describe('validate: prefill and waivers', () => {
  it('reports a prefill from a shared-data item that is not in the catalogue', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.form.prefill[0].item = 'horoscope')))).toEqual([
      { code: 'ref.shared-data-missing', pointer: '/form/prefill/0/item' },
    ]);
  });

  it('reports a prefill from a field the shared-data item does not yield', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.form.prefill[0].value = 'nickname')))).toEqual([
      { code: 'ref.shared-data-field-missing', pointer: '/form/prefill/0/value' },
    ]);
  });

  it('reports a prefill into a property the form does not have', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.form.prefill[0].field = '/applicant/surname')))).toEqual([
      { code: 'ref.prefill-field-missing', pointer: '/form/prefill/0/field' },
    ]);
  });

  it('follows local and shared $refs to find prefilled properties and their types', () => {
    const problems = problemsWith(baseline, (d) => {
      d.form.prefill.push({ field: '/phone', item: 'identity', value: 'birthYear' });
    });
    expect(codesAt(problems)).toEqual([{ code: 'ref.prefill-type-mismatch', pointer: '/form/prefill/2/field' }]);
    expect(problems[0]!.message).toBe('form field "/phone" is string but shared-data value is integer');
  });

  it('reports a field prefilled twice', () => {
    const problems = problemsWith(baseline, (d) => d.form.prefill.push({ ...d.form.prefill[0] }));
    expect(codesAt(problems)).toEqual([{ code: 'ref.prefill-duplicate', pointer: '/form/prefill/2/field' }]);
  });

  it('reports a material waived by a shared-data item that does not exist', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.materials[0].sharedData.item = 'telepathy')))).toEqual([
      { code: 'ref.shared-data-missing', pointer: '/materials/0/sharedData/item' },
    ]);
  });

  it('requires the waiving item when a material comes from shared data', () => {
    expect(codesAt(problemsWith(baseline, (d) => delete d.materials[0].sharedData))).toEqual([
      { code: 'schema.required', pointer: '/materials/0' },
    ]);
  });

  it('reports a material citing a legal basis the definition does not list', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.materials[0].legalBasis = ['decree663', 'decree999'])))).toEqual([
      { code: 'ref.legal-basis-missing', pointer: '/materials/0/legalBasis/1' },
    ]);
  });
});

describe('validate: identifiers', () => {
  it('reports duplicate material ids', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.materials[1].id = 'idCard')))).toEqual([
      { code: 'materials.duplicate-id', pointer: '/materials/1/id' },
    ]);
  });

  it('reports duplicate role ids', () => {
    expect(codesAt(problemsWith(baseline, (d) => d.roles.push(d.roles[1])))).toEqual([
      { code: 'definition.duplicate-id', pointer: '/roles/3/id' },
    ]);
  });

  it('refuses a second definition of the same matter, version and region', () => {
    const problems = problemsWith('matters/zz-copy.json', JSON.stringify(miniDoc(variant)));
    expect(codesAt(problems)).toEqual([{ code: 'ref.duplicate-definition', pointer: '' }]);
    expect(problems[0]!.message).toContain('matters/variant.json');
  });
});

describe('validate: variants and bundles', () => {
  it('reports a variant whose baseline does not exist', () => {
    expect(codesAt(problemsWith(variant, (d) => (d.baseline.version = '9.9.9')))).toEqual([
      { code: 'ref.baseline-missing', pointer: '/baseline' },
    ]);
  });

  it('reports a variant pointing at another matter', () => {
    expect(codesAt(problemsWith(variant, (d) => (d.baseline.id = '330000-TEST-0002')))).toEqual([
      { code: 'ref.baseline-other-matter', pointer: '/baseline/id' },
    ]);
  });

  it('reports a variant that refers to itself', () => {
    expect(codesAt(problemsWith(variant, (d) => (d.baseline.version = d.version)))).toEqual([
      { code: 'ref.self-reference', pointer: '/baseline' },
    ]);
  });

  it('reports a variant whose baseline is itself a variant', () => {
    const doc = miniDoc(variant);
    const other = { ...doc, version: '1.2.0', region: { ...doc.region, code: '330200' }, baseline: { id: doc.id, version: doc.version } };
    expect(codesAt(problemsWith('matters/variant-2.json', JSON.stringify(other)))).toEqual([
      { code: 'ref.baseline-not-baseline', pointer: '/baseline' },
    ]);
  });

  it('reports a baseline that points at a baseline', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.baseline = { id: d.id, version: '0.9.0' })))).toEqual([
      { code: 'ref.baseline-on-baseline', pointer: '/baseline' },
    ]);
  });

  it('reports a variant whose region lies outside its baseline or at the same level', () => {
    expect(codesAt(problemsWith(variant, (d) => (d.region = { code: '320100', name: { zh: '南京市', en: 'Nanjing' }, level: 'city' })))).toEqual([
      { code: 'ref.region-outside-baseline', pointer: '/region/code' },
    ]);
    expect(codesAt(problemsWith(variant, (d) => (d.region = { code: '330000', name: { zh: '浙江省', en: 'Zhejiang' }, level: 'province' })))).toEqual([
      { code: 'ref.region-outside-baseline', pointer: '/region/code' },
    ]);
  });

  it('requires a variant to name its baseline (meta-schema)', () => {
    expect(codesAt(problemsWith(variant, (d) => delete d.baseline))).toEqual([{ code: 'schema.required', pointer: '' }]);
  });

  it('reports a bundle that includes itself, a missing matter, a matter or a key twice, or a fact naming no member', () => {
    const problems = problemsWith('bundle.json', (d) => {
      d.members.push(
        { key: 'itself', matter: { id: d.id, version: d.version }, department: 'test' },
        { key: 'nope', matter: { id: '330000-NOPE-0001' }, department: 'test' },
        { ...d.members[0], key: 'again' },
        { ...d.members[1], matter: { id: '330000-TEST-0003', version: '1.0.0' } },
      );
      d.facts = [{ id: 'name', fields: [{ member: 'first', field: '/applicant/name' }, { member: 'ghost', field: '/applicant/name' }] }];
    });
    expect(codesAt(problems)).toEqual([
      { code: 'ref.self-reference', pointer: '/members/2/matter' },
      { code: 'ref.bundle-duplicate-matter', pointer: '/members/4/matter/id' },
      { code: 'bundle.duplicate-key', pointer: '/members/5/key' },
      { code: 'bundle.fact-member-unknown', pointer: '/facts/0/fields/1/member' },
      { code: 'ref.bundle-matter-missing', pointer: '/members/3/matter' },
      { code: 'ref.bundle-matter-missing', pointer: '/members/5/matter' },
    ]);
  });
});

describe('validate: shared-data catalogue and shared schemas', () => {
  it('reports a shared-data item defined twice', () => {
    expect(codesAt(problemsWith('shared-data.json', (d) => d.items.push(d.items[1])))).toEqual([
      { code: 'shared-data.duplicate-item', pointer: '/items/2/id' },
    ]);
  });

  it('checks shared-data field schemas like form schemas', () => {
    expect(codesAt(problemsWith('shared-data.json', (d) => (d.items[0].fields.name.schema.pattern = '^(a+)+$')))).toEqual([
      { code: 'form.pattern-unsafe', pointer: '/items/0/fields/name/schema/pattern' },
    ]);
  });

  it('keeps shared schema ids inside the project namespace', () => {
    expect(codesAt(problemsWith('schemas/id-number.json', (d) => (d.$id = 'https://example.com/id.json')))).toEqual([
      { code: 'schemas.bad-id', pointer: '/$id' },
    ]);
  });
});

describe('validate: legal basis of fields', () => {
  it('reports a field basis for a field the form does not have, or citing an unlisted law', () => {
    const problems = problemsWith(baseline, (d) => {
      d.form.fieldBasis = [
        { field: '/applicant/name', legalBasis: ['decree663'] },
        { field: '/applicant/shoeSize', legalBasis: ['decree663'] },
        { field: '/phone', legalBasis: ['decree999'] },
      ];
    });
    expect(codesAt(problems)).toEqual([
      { code: 'ref.field-basis-missing', pointer: '/form/fieldBasis/1/field' },
      { code: 'ref.legal-basis-missing', pointer: '/form/fieldBasis/2/legalBasis/0' },
    ]);
  });
});
