/**
 * Situations (情形): the conditions on materials and fees compile and name fields the form has; one-of groups are
 * real choices; a fee waiver says why.
 */
import { describe, expect, it } from 'vitest';
import { renderMessage, type Problem, type ProblemCode } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const baseline = 'matters/baseline.json';
const fee = { id: 'permitFee', name: { zh: '工本费', en: 'Card fee' }, amount: 20 };
const reason = { zh: '首次申领免费', en: 'Free on first application' };
const zh = (p: Problem) => renderMessage(p.code as ProblemCode, p.params, 'zh');

describe('validate: situation conditions', () => {
  it('refuses a condition the form ajv cannot compile', () => {
    const problems = problemsWith(baseline, (d) => (d.materials[1].when = { required: 'address' }));
    expect(codesAt(problems)).toEqual([{ code: 'condition.invalid', pointer: '/materials/1/when' }]);
    expect(problems[0]!.message).toMatch(/^this situation condition is not a JSON Schema the form's ajv compiles: .*required must be array/);
    expect(zh(problems[0]!)).toMatch(/^该情形条件不是表单校验器（ajv）能编译的 JSON Schema：/);
    expect(problemsWith(baseline, (d) => (d.materials[1].when = { required: ['address'] }))).toEqual([]);
  });

  it('refuses a misspelt field in a material condition: it would constrain nothing and always hold', () => {
    const when = (name: string) => ({ properties: { applicant: { properties: { [name]: { const: '张三' } } } } });
    const problems = problemsWith(baseline, (d) => (d.materials[1].when = when('nmae')));
    expect(codesAt(problems)).toEqual([{ code: 'condition.unknown-field', pointer: '/materials/1/when/properties/applicant/properties/nmae' }]);
    expect(problems[0]!.params).toEqual({ field: '/applicant/nmae' });
    expect(problems[0]!.message).toBe('the condition names "/applicant/nmae", which the form does not have: a misspelt name constrains nothing, so the condition would always hold (or, in "required", never)');
    expect(zh(problems[0]!)).toBe('条件引用了表单中没有的字段 "/applicant/nmae"：拼错的字段名不构成任何约束，条件将总是成立（若在 required 中则永不成立）');
    expect(problemsWith(baseline, (d) => (d.materials[1].when = when('name')))).toEqual([]);
  });

  it('reports an unknown name once, not again for what is nested under it', () => {
    const problems = problemsWith(baseline, (d) => (d.materials[1].when = { properties: { residence: { required: ['reason'], properties: { reason: { const: '就业' } } } } }));
    expect(codesAt(problems)).toEqual([{ code: 'condition.unknown-field', pointer: '/materials/1/when/properties/residence' }]);
  });

  it('checks fee conditions and waivers the same way, names in required too', () => {
    const problems = problemsWith(baseline, (d) => {
      d.fees = [{ ...fee, when: { required: ['phnoe'] }, waivedWhen: { properties: { adress: { const: '' } } }, waiverReason: reason }];
    });
    expect(codesAt(problems)).toEqual([
      { code: 'condition.unknown-field', pointer: '/fees/0/when/required/0' },
      { code: 'condition.unknown-field', pointer: '/fees/0/waivedWhen/properties/adress' },
    ]);
  });

  it('finds fields the form declares only under a condition or through a $ref', () => {
    const problems = problemsWith(baseline, (d) => {
      d.form.schema.if = { properties: { address: { const: '外省' } }, required: ['address'] };
      d.form.schema.then = { properties: { origin: { type: 'string' } } };
      d.fees = [{ ...fee, when: { properties: { origin: { const: '上海' }, phone: { pattern: '^13' } } } }];
    });
    expect(problems).toEqual([]);
  });

  it('refuses a value the field never takes: the comparison could never hold (a misspelt option)', () => {
    const withReason = (when: object) => (d: { form: { schema: { properties: Record<string, unknown> } }; materials: { when?: object }[] }) => {
      d.form.schema.properties.reason = { type: 'string', oneOf: [{ const: '就业', title: '就业' }, { const: '就读', title: '就读' }] };
      d.materials[1]!.when = when;
    };
    const misspelt = problemsWith(baseline, withReason({ properties: { reason: { const: '就葉' } }, required: ['reason'] }));
    expect(codesAt(misspelt)).toEqual([{ code: 'condition.value-never', pointer: '/materials/1/when/properties/reason/const' }]);
    expect(misspelt[0]!.params).toEqual({ field: '/reason', value: '就葉', formPointer: '/form/schema/properties/reason' });
    expect(misspelt[0]!.message).toBe('the condition compares "/reason" with "就葉", a value the form\'s field refuses (/form/schema/properties/reason), so this comparison never holds (a misspelt option?)');
    expect(zh(misspelt[0]!)).toBe('条件将 "/reason" 与 "就葉" 比较，而表单字段（/form/schema/properties/reason）不接受该值，此比较永不成立（选项拼错了？）');
    const oneDead = problemsWith(baseline, withReason({ not: { properties: { reason: { enum: ['就读', '经商'] } } } }));
    expect(codesAt(oneDead)).toEqual([{ code: 'condition.value-never', pointer: '/materials/1/when/not/properties/reason/enum/1' }]);
    expect(problemsWith(baseline, withReason({ properties: { reason: { enum: ['就业', '就读'] } }, required: ['reason'] }))).toEqual([]);
  });

  it('tries the value against the field through its $ref, and its type', () => {
    const fee2 = (when: object) => (d: { fees: object[] }) => (d.fees = [{ ...fee, when }]);
    expect(codesAt(problemsWith(baseline, fee2({ properties: { phone: { const: '110' }, applicant: { properties: { birthYear: { const: '1990' } } } } })))).toEqual([
      { code: 'condition.value-never', pointer: '/fees/0/when/properties/phone/const' },
      { code: 'condition.value-never', pointer: '/fees/0/when/properties/applicant/properties/birthYear/const' },
    ]);
    expect(problemsWith(baseline, fee2({ properties: { phone: { const: '13800000000' }, applicant: { properties: { birthYear: { const: 1990 } } } } }))).toEqual([]);
  });

  it('refuses a condition whose regex could hang the server, where it is written', () => {
    expect(codesAt(problemsWith(baseline, (d) => (d.materials[1].when = { properties: { address: { pattern: '^(a+)+$' } } })))).toEqual([
      { code: 'form.pattern-unsafe', pointer: '/materials/1/when/properties/address/pattern' },
    ]);
  });
});

describe('validate: one-of groups', () => {
  const group = (d: { materials: { oneOfGroup?: string; necessity: string }[] }, ...members: number[]) => members.forEach((i) => (d.materials[i]!.oneOfGroup = 'proof'));

  it('refuses a group of one: it is no choice (a misspelt group id?)', () => {
    const problems = problemsWith(baseline, (d) => group(d, 1));
    expect(codesAt(problems)).toEqual([{ code: 'materials.one-of-single', pointer: '/materials/1/oneOfGroup' }]);
    expect(problems[0]!.message).toBe('one-of group "proof" has only material "rental": a group is a choice of at least two (a misspelt group id?)');
    expect(zh(problems[0]!)).toBe('"任选其一"材料组 "proof" 只有材料 "rental"：材料组至少要有两项可选（组名拼错了？）');
  });

  it('refuses members of one group with different necessities', () => {
    const problems = problemsWith(baseline, (d) => {
      group(d, 0, 1);
      d.materials[1].necessity = 'optional';
    });
    expect(codesAt(problems)).toEqual([{ code: 'materials.one-of-necessity', pointer: '/materials/1/necessity' }]);
    expect(problems[0]!.params).toMatchObject({ group: 'proof', material: 'rental', necessity: 'optional', first: 'idCard', expected: 'required' });
    expect(problems[0]!.message).toBe('material "rental" is optional but "idCard" in the same one-of group "proof" is required: the group is asked for as a whole, so its members share one necessity');
    expect(zh(problems[0]!)).toBe('材料 "rental" 的必要性为非必要（optional），而同一"任选其一"材料组 "proof" 中的 "idCard" 为必要（required）：材料组作为整体提交，成员的必要性必须一致');
  });

  it('accepts a group of two with one necessity', () => {
    expect(problemsWith(baseline, (d) => group(d, 0, 1))).toEqual([]);
  });
});

describe('validate: fee waivers', () => {
  it('asks for the reason of a waiver', () => {
    const problems = problemsWith(baseline, (d) => (d.fees = [{ ...fee, waivedWhen: { required: ['address'] } }]));
    expect(codesAt(problems)).toEqual([{ code: 'fee.waiver-reason-missing', pointer: '/fees/0/waivedWhen' }]);
    expect(problems[0]!.message).toBe('fee "permitFee" can be waived: give the reason (waiverReason), which the service guide shows');
    expect(zh(problems[0]!)).toBe('收费 "permitFee" 可减免：请填写减免理由（waiverReason），办事指南会展示');
  });

  it('refuses a waiver reason without its condition: the fee would never be waived', () => {
    const problems = problemsWith(baseline, (d) => (d.fees = [{ ...fee, waiverReason: reason }]));
    expect(codesAt(problems)).toEqual([{ code: 'fee.waiver-condition-missing', pointer: '/fees/0/waiverReason' }]);
    expect(problems[0]!.message).toBe('fee "permitFee" gives a waiver reason but no condition (waivedWhen), so it is never waived');
    expect(zh(problems[0]!)).toBe('收费 "permitFee" 写了减免理由却没有减免条件（waivedWhen），因此永远不会减免');
  });

  it('accepts a waiver with its condition and its reason', () => {
    expect(problemsWith(baseline, (d) => (d.fees = [{ ...fee, waivedWhen: { required: ['address'] }, waiverReason: reason }]))).toEqual([]);
  });
});
