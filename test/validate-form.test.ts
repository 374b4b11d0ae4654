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

  it('reports what only ajv finds (strict types) where ajv says it is, and why the type is required', () => {
    const problems = problemsWith(file, (d) => (d.form.schema.properties.address = { minLength: 2 }));
    expect(codesAt(problems)).toEqual([{ code: 'form.type-missing', pointer: '/form/schema/properties/address' }]);
    expect(problems[0]!.params).toMatchObject({ keyword: 'minLength', type: ['string'] });
    expect(problems[0]!.message).toContain('"minLength" applies only to "string" values');
    expect(problems[0]!.message).toContain('never silently applies to nothing');
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

  it("points into a $ref's target when ajv reports a path from that target's root", () => {
    // ajv compiles a target holding $refs on its own and reports "#/allOf/0" from its root
    const problems = problemsWith(file, (d) => {
      d.form.schema.$defs.subject = { type: 'object', properties: { phone: { $ref: '#/$defs/phone' } }, allOf: [{ maxLength: 2 }] };
      d.form.schema.properties.contact = { $ref: '#/$defs/subject' };
    });
    expect(codesAt(problems)).toEqual([{ code: 'form.type-missing', pointer: '/form/schema/$defs/subject/allOf/0' }]);
  });

  it('refuses an empty enum, saying that nobody could fill the field in', () => {
    const problems = problemsWith(file, (d) => (d.form.schema.properties.address.enum = []));
    expect(codesAt(problems)).toEqual([{ code: 'form.enum-empty', pointer: '/form/schema/properties/address/enum' }]);
    expect(problems[0]!.message).toContain('accepts no value at all, so the field could never be filled in');
  });

  it('refuses $dynamicRef with its own code, saying why', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.$defs.phone.$dynamicAnchor = 'phone';
      d.form.schema.properties.phone = { $dynamicRef: '#phone' };
    });
    expect(codesAt(problems)).toEqual([{ code: 'form.dynamic-ref', pointer: '/form/schema/properties/phone/$dynamicRef' }]);
    expect(problems[0]!.message).toContain('closed, self-contained document');
    expect(problems[0]!.message).toContain('dynamic scope');
  });

  it('points at a keyword that does nothing without its partner (if, then, else, minContains, maxContains)', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.address.if = { maxLength: 10 };
      d.form.schema.properties.applicant.then = { required: ['birthYear'] };
      d.form.schema.properties.tags = { type: 'array', items: { type: 'string' }, maxContains: 2 };
    });
    expect(codesAt(problems)).toEqual([
      { code: 'form.keyword-ignored', pointer: '/form/schema/properties/applicant/then' },
      { code: 'form.keyword-ignored', pointer: '/form/schema/properties/address/if' },
      { code: 'form.keyword-ignored', pointer: '/form/schema/properties/tags/maxContains' },
    ]);
    expect(problems[1]!.message).toBe('"if" has no effect without "then" or "else"; strict mode refuses keywords that do nothing, as they are almost always a mistake (a condition or check that silently never applies)');
  });

  it('says why a type contradicting its context and an open tuple are refused', () => {
    const conflict = problemsWith(file, (d) => (d.form.schema.properties.address.allOf = [{ type: 'integer' }]));
    expect(codesAt(conflict)).toEqual([{ code: 'form.type-conflict', pointer: '/form/schema/properties/address/allOf/0' }]);
    expect(conflict[0]!.message).toContain('no value could satisfy both');
    const tuple = problemsWith(file, (d) => (d.form.schema.properties.pair = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] }));
    expect(codesAt(tuple)).toEqual([{ code: 'form.tuple-open', pointer: '/form/schema/properties/pair' }]);
    expect(tuple[0]!.message).toContain('no item is accepted unchecked');
    expect(problemsWith(file, (d) => (d.form.schema.properties.pair = { type: 'array', prefixItems: [{ type: 'string' }], minItems: 1, items: false }))).toEqual([]);
  });

  it('reports other strict-mode refusals with their own code and the general reason', () => {
    const problems = problemsWith(file, (d) => (d.form.schema.patternProperties = { '^addr': { type: 'string' } }));
    expect(codesAt(problems)).toEqual([{ code: 'form.strict-mode', pointer: '/form/schema' }]);
    expect(problems[0]!.message).toContain('property address matches pattern ^addr');
    expect(problems[0]!.message).toContain('almost always mistakes');
  });
});
