import { describe, expect, it } from 'vitest';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';

describe('validate: form schema', () => {
  it('points at an unknown keyword (strict mode)', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema.properties.address.maxLenght = 10)))).toEqual([
      { code: 'form.unknown-keyword', pointer: '/form/schema/properties/address/maxLenght' },
    ]);
  });

  it('points at an unknown format and lists the known ones', () => {
    const problems = problemsWith(file, (d) => (d.form.schema.properties.address.format = 'postcode'));
    expect(codesAt(problems)).toEqual([{ code: 'form.unknown-format', pointer: '/form/schema/properties/address/format' }]);
    expect(problems[0]!.message).toContain('"date"');
  });

  it('refuses a $ref to anything outside the definition and the shared schemas', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.address = { $ref: 'https://evil.example/address.json' };
      d.form.schema.properties.extra = { $ref: 'file:///etc/passwd' };
    });
    expect(codesAt(problems)).toEqual([
      { code: 'form.ref-external', pointer: '/form/schema/properties/address/$ref' },
      { code: 'form.ref-external', pointer: '/form/schema/properties/extra/$ref' },
    ]);
  });

  it('reports a $ref that does not resolve, inside the form or a shared schema', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.phone.$ref = '#/$defs/mobile';
      d.form.schema.properties.applicant.properties.idNumber.$ref = 'https://onematter.dev/schemas/shared/id-number.json#/nope';
      d.form.schema.properties.address = { $ref: 'address.json' };
    });
    expect(codesAt(problems).filter((p) => p.code.startsWith('form.'))).toEqual([
      { code: 'form.ref-unresolved', pointer: '/form/schema/properties/applicant/properties/idNumber/$ref' },
      { code: 'form.ref-unresolved', pointer: '/form/schema/properties/phone/$ref' },
      { code: 'form.ref-unresolved', pointer: '/form/schema/properties/address/$ref' },
    ]);
  });

  it('refuses $id inside a form schema', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema.$id = 'https://onematter.dev/forms/x.json')))).toEqual([
      { code: 'form.id-not-allowed', pointer: '/form/schema/$id' },
    ]);
  });

  it('reports an invalid regular expression', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema.$defs.phone.pattern = '^1[3-9')))).toEqual([
      { code: 'form.pattern-invalid', pointer: '/form/schema/$defs/phone/pattern' },
    ]);
  });

  it('refuses regular expressions that backtrack catastrophically, in pattern and patternProperties', () => {
    const started = performance.now();
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.address.pattern = '^(\\w+\\s?)*$';
      d.form.schema.properties.extras = { type: 'object', patternProperties: { '^(a|aa)+$': { type: 'string' } } };
    });
    expect(codesAt(problems)).toEqual([
      { code: 'form.pattern-unsafe', pointer: '/form/schema/properties/address/pattern' },
      { code: 'form.pattern-unsafe', pointer: '/form/schema/properties/extras/patternProperties/^(a|aa)+$' },
    ]);
    expect(performance.now() - started).toBeLessThan(5_000); // a hang guard, not a benchmark
  });

  it('requires an object at the root of the form', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema = { type: 'string' })))).toContainEqual({
      code: 'form.root-not-object',
      pointer: '/form/schema/type',
    });
  });

  it('reports what only ajv finds (strict types) where ajv says it is', () => {
    const problems = problemsWith(file, (d) => (d.form.schema.properties.address = { minLength: 2 }));
    expect(codesAt(problems)).toEqual([{ code: 'form.schema-compile', pointer: '/form/schema/properties/address' }]);
    expect(problems[0]!.message).toContain('strict mode');
  });

  it('reports a subschema that is not a schema', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema.properties.address = 'text')))).toEqual([
      { code: 'form.not-schema', pointer: '/form/schema/properties/address' },
    ]);
  });

  it('refuses schemas with too many subschemas', () => {
    const problems = problemsWith(file, (d) => {
      for (let i = 0; i < 6000; i++) d.form.schema.properties[`f${i}`] = { type: 'string' };
    });
    expect(codesAt(problems)).toEqual([{ code: 'form.too-complex', pointer: '/form/schema' }]);
  });
});
