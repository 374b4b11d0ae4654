/** Service-guide elements that must agree with themselves: result validity, who an entrusted body acts for, where it is accepted. */
import { describe, expect, it } from 'vitest';
import { renderMessage, type Problem, type ProblemCode } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';
import { matters, problemsInCatalogue } from './support/catalogue.ts';

const baseline = 'matters/baseline.json';
const zh = (p: Problem) => renderMessage(p.code as ProblemCode, p.params, 'zh');
const entrustedBy = { zh: '浙江省公安厅', en: 'Zhejiang Provincial Public Security Department' };

describe('validate: output validity', () => {
  it('asks how many years an output valid for years lasts', () => {
    const problems = problemsWith(baseline, (d) => (d.outputs[0].validity = { kind: 'years' }));
    expect(codesAt(problems)).toEqual([{ code: 'output.validity-years-missing', pointer: '/outputs/0/validity' }]);
    expect(problems[0]!.message).toBe('output "permit" is valid for a number of years: give "years"');
    expect(zh(problems[0]!)).toBe('办理结果 "permit" 的有效期按年计算：请填写 years');
    expect(problemsWith(baseline, (d) => (d.outputs[0].validity = { kind: 'years', years: 10 }))).toEqual([]);
  });

  it('refuses a number of years on a long-term or conditional validity', () => {
    const longTerm = problemsWith(baseline, (d) => (d.outputs[0].validity = { kind: 'long-term', years: 10 }));
    expect(codesAt(longTerm)).toEqual([{ code: 'output.validity-years-unexpected', pointer: '/outputs/0/validity/years' }]);
    expect(longTerm[0]!.message).toBe('output "permit" is valid long-term, so "years" (10) means nothing');
    expect(zh(longTerm[0]!)).toBe('办理结果 "permit" 的有效期为长期，years（10）没有意义');
    const conditional = problemsWith(baseline, (d) => (d.outputs[0].validity = { kind: 'conditional', years: 6 }));
    expect(conditional[0]!.message).toBe('output "permit" is valid conditionally, so "years" (6) means nothing: describe the condition in "note"');
    const note = { zh: '6年、10年或长期', en: '6 years, 10 years or long-term' };
    expect(problemsWith(baseline, (d) => (d.outputs[0].validity = { kind: 'conditional', note }))).toEqual([]);
  });
});

describe('validate: implementing bodies', () => {
  it('asks an entrusted body who entrusted it', () => {
    const problems = problemsWith(baseline, (d) => (d.department.nature = 'entrusted'));
    expect(codesAt(problems)).toEqual([{ code: 'department.entrusted-by-missing', pointer: '/department/nature' }]);
    expect(problems[0]!.message).toBe('"浙江省公安厅" is an entrusted body: name who entrusted it in "entrustedBy"');
    expect(zh(problems[0]!)).toBe('"浙江省公安厅" 为受委托组织：请在 entrustedBy 中写明委托部门');
    expect(problemsWith(baseline, (d) => Object.assign(d.department, { nature: 'entrusted', entrustedBy }))).toEqual([]);
  });

  it('refuses a body that names who entrusted it without being entrusted', () => {
    const problems = problemsWith(baseline, (d) => (d.standardOwner = { ...d.department, nature: 'statutory', entrustedBy }));
    expect(codesAt(problems)).toEqual([{ code: 'department.entrusted-by-unexpected', pointer: '/standardOwner/entrustedBy' }]);
    expect(problems[0]!.message).toBe('"浙江省公安厅" names who entrusted it, but its nature is "statutory", not "entrusted"');
    expect(zh(problems[0]!)).toBe('"浙江省公安厅" 写明了委托部门，但主体性质为法定机关（statutory），不是受委托组织（entrusted）');
    const unstated = problemsWith(baseline, (d) => Object.assign(d.department, { entrustedBy }));
    expect(codesAt(unstated)).toEqual([{ code: 'department.entrusted-by-unexpected', pointer: '/department/entrustedBy' }]);
    expect(unstated[0]!.message).toBe('"浙江省公安厅" names who entrusted it, but its nature is not given, not "entrusted"');
  });

  it('holds shared-data providers to the same rule', () => {
    expect(codesAt(problemsWith('shared-data.json', (d) => (d.items[1].provider.nature = 'entrusted')))).toEqual([
      { code: 'department.entrusted-by-missing', pointer: '/items/1/provider/nature' },
    ]);
  });
});

describe('validate: places of acceptance', () => {
  const place = (region: string) => ({ name: { zh: '办证中心', en: 'Service centre' }, region });

  it('refuses a place outside the region that implements the matter, by code prefix without a region catalogue', () => {
    const problems = problemsWith(baseline, (d) => (d.locations = [place('330106'), place('310101')]));
    expect(codesAt(problems)).toEqual([{ code: 'location.region-outside', pointer: '/locations/1/region' }]);
    expect(problems[0]!.message).toBe('place "办证中心" is in division 310101, outside 浙江省 (330000), the region that implements this matter');
    expect(zh(problems[0]!)).toBe('办理地点 "办证中心" 位于区划 310101，不在实施本事项的浙江省（330000）范围内');
  });

  it('follows the region catalogue where it lists both: Ningbo is no place for Hangzhou\'s residence permit', () => {
    const file = 'definitions/matters/residence-permit/hangzhou.json';
    const hangzhou = structuredClone(matters().flatMap((m) => m.variants).find((v) => v.id === '330000-GA-0101' && v.region.code === '330100')!);
    expect(problemsInCatalogue(file, { ...hangzhou, locations: [place('330106'), place('330100'), place('330100001')] })).toEqual([]);
    expect(codesAt(problemsInCatalogue(file, { ...hangzhou, locations: [place('330106'), place('330212')] }))).toEqual([
      { code: 'location.region-outside', pointer: '/locations/1/region' },
    ]);
  });
});
