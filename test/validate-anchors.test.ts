/**
 * `$anchor` end to end in the engine: a plain-name `$ref` (`#name`) is checked, compiled and followed like a JSON
 * Pointer one, by the validator, the runtime's validator (createFormAjv), prefill references and burden metrics.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { burdenMetrics, createFormAjv, validateSources } from '../engine/index.ts';
import { codesAt, miniDoc, miniSources, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';
const idNumberId = 'https://onematter.dev/schemas/shared/id-number.json';

/** The mini baseline with its phone schema reached through an anchor instead of `#/$defs/phone`. */
const anchored = (d: any, keyword = '$anchor') => {
  d.form.schema.$defs.phone[keyword] = 'mobilePhone';
  d.form.schema.properties.phone = { $ref: '#mobilePhone' };
};

describe('validate: $anchor', () => {
  it('accepts a $ref to an $anchor of the form (ajv strict mode no longer refuses the keyword)', () => {
    expect(problemsWith(file, (d) => anchored(d))).toEqual([]);
  });

  it('accepts a plain-name $ref to a $dynamicAnchor, which 2020-12 also makes a plain anchor', () => {
    expect(problemsWith(file, (d) => anchored(d, '$dynamicAnchor'))).toEqual([]);
  });

  it('accepts a $ref to an $anchor of a shared schema', () => {
    const sources = miniSources().map((s) => {
      if (s.file === 'schemas/id-number.json') {
        const schema = JSON.parse(s.text);
        return { ...s, text: JSON.stringify({ ...schema, $defs: { checkDigit: { $anchor: 'checkDigit', type: 'string', pattern: '^[0-9X]$' } } }) };
      }
      if (s.file !== file) return s;
      const d = miniDoc(file);
      d.form.schema.properties.checkDigit = { $ref: `${idNumberId}#checkDigit` };
      return { ...s, text: JSON.stringify(d) };
    });
    expect(validateSources(sources).problems).toEqual([]);
  });

  it('reports an anchor that does not exist', () => {
    expect(codesAt(problemsWith(file, (d) => (d.form.schema.properties.phone = { $ref: '#mobile' })))).toEqual([
      { code: 'form.ref-unresolved', pointer: '/form/schema/properties/phone/$ref' },
    ]);
  });

  it('does not take an anchor-like key inside enum data for an anchor', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.address = { type: 'object', enum: [{ $anchor: 'fake' }] };
      d.form.schema.properties.phone = { $ref: '#fake' };
    });
    expect(codesAt(problems)).toEqual([{ code: 'form.ref-unresolved', pointer: '/form/schema/properties/phone/$ref' }]);
  });

  it('refuses an anchor declared twice, pointing at the later one in the file and naming the first', () => {
    const problems = problemsWith(file, (d) => {
      anchored(d);
      d.form.schema.properties.address.$anchor = 'mobilePhone';
    });
    expect(codesAt(problems)).toEqual([{ code: 'form.anchor-duplicate', pointer: '/form/schema/$defs/phone/$anchor' }]);
    expect(problems[0]!.message).toContain('/form/schema/properties/address/$anchor');
  });

  it('lets the runtime validate data through the anchor', () => {
    const d = miniDoc(file);
    anchored(d);
    const validate = createFormAjv([JSON.parse(miniSources().find((s) => s.file === 'schemas/id-number.json')!.text)]).compile(d.form.schema);
    const data = { applicant: { name: '张三', idNumber: '33010619900101123X' }, phone: '13800138000' };
    expect(validate(data)).toBe(true);
    expect(validate({ ...data, phone: '12345' })).toBe(false);
    expect(validate.errors!.map((e) => [e.instancePath, e.keyword])).toEqual([['/phone', 'pattern']]);
  });

  it('follows the anchor to check a prefill target and its type', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.$defs.person = { $anchor: 'person', type: 'object', properties: { name: { type: 'string' }, birthYear: { type: 'string' } } };
      d.form.schema.properties.holder = { $ref: '#person' };
      d.form.prefill.push({ field: '/holder/name', item: 'identity', value: 'name' }, { field: '/holder/birthYear', item: 'identity', value: 'birthYear' });
    });
    expect(codesAt(problems)).toEqual([{ code: 'ref.prefill-type-mismatch', pointer: '/form/prefill/3/field' }]);
  });

  it('counts the fields behind an anchor in the burden metrics, and a recursive schema once', () => {
    const d = miniDoc(file);
    const before = burdenMetrics(d);
    d.form.schema.$defs.person = { $anchor: 'person', type: 'object', properties: { name: { type: 'string' }, guardian: { $ref: '#person' } } };
    d.form.schema.properties.holder = { $ref: '#person' };
    // holder.name, and holder.guardian once (its recursion is not expanded)
    expect(burdenMetrics(d).fieldsTyped).toBe(before.fieldsTyped + 2);
  });
});
