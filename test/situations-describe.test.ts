/**
 * Situations in words: a condition on the form data described with the form's own field titles, in Chinese and
 * English, for the shapes authors write; anything else reads "in some situations", and nothing makes it throw.
 */
import { describe, expect, it } from 'vitest';
import { conditionDescription, describeCondition } from '../engine/index.ts';

const form = {
  type: 'object',
  properties: {
    applicant: {
      type: 'object',
      title: '申请人',
      description: 'Applicant',
      properties: {
        age: { type: 'integer', title: '年龄', description: 'Age' },
        minimumLiving: { type: 'boolean', title: '最低生活保障对象', description: 'Receives the minimum living allowance' },
        phone: { $ref: '#/$defs/phone' },
      },
    },
    withdrawal: {
      $ref: '#/$defs/withdrawal',
    },
    entries: { type: 'integer', title: '往返次数', description: 'Entries', oneOf: [{ const: 1, title: '一次往返' }, { const: 2, title: '二次往返' }] },
    bornInMarriage: { type: 'string', title: '是否婚内出生', description: 'Born in marriage', oneOf: [{ const: 'yes', title: '是', description: 'Yes' }, { const: 'no', title: '否', description: 'No' }] },
    // descriptions that say more than a label, as the catalogue writes them
    destination: { type: 'string', title: '前往地', description: 'Destination: Hong Kong and Macao, or Taiwan (two business items of this matter)', enum: ['香港', '台湾'] },
    wedlock: { type: 'string', title: '婚生或非婚生', description: 'Born in wedlock (the parents are married) or out of wedlock', enum: ['婚生', '非婚生'] },
    trips: { type: 'string', title: '签注次数', description: 'Number of entries: 二次往返 for Hong Kong or Macao only', enum: ['一次往返', '二次往返'] },
  },
  $defs: {
    phone: { type: 'string', title: '联系电话', description: 'Phone' },
    withdrawal: { type: 'object', properties: { reason: { type: 'string', title: '提取原因', description: 'Reason for withdrawal', enum: ['退休', '出境定居', '购房'] } } },
  },
};
const reason = (value: unknown) => ({ properties: { withdrawal: { properties: { reason: { const: value } }, required: ['reason'] } }, required: ['withdrawal'] });
const both = (condition: unknown) => {
  const { zh, en, generic } = conditionDescription(condition, form);
  return generic ? 'generic' : { zh, en };
};

describe('describeCondition()', () => {
  it('names a field by its title in each language and its value', () => {
    expect(both(reason('退休'))).toEqual({ zh: '「提取原因」为「退休」', en: 'Reason for withdrawal is 退休' });
    expect(describeCondition(reason('退休'), form, 'zh')).toBe('「提取原因」为「退休」');
    expect(describeCondition(reason('退休'), form)).toBe('Reason for withdrawal is 退休');
  });

  it('lists the values of an enum, and says yes or no for booleans', () => {
    const cond = { properties: { withdrawal: { properties: { reason: { enum: ['退休', '出境定居'] } } } } };
    expect(both(cond)).toEqual({ zh: '「提取原因」为「退休」或「出境定居」', en: 'Reason for withdrawal is 退休 or 出境定居' });
    const yes = { properties: { applicant: { properties: { minimumLiving: { const: true } }, required: ['minimumLiving'] } }, required: ['applicant'] };
    expect(both(yes)).toEqual({ zh: '「最低生活保障对象」为「是」', en: 'Receives the minimum living allowance: yes' });
  });

  it("uses an option's title where the field names its options", () => {
    expect(both({ properties: { entries: { const: 2 } } })).toEqual({ zh: '「往返次数」为「二次往返」', en: 'Entries is 二次往返' });
    expect(both({ properties: { bornInMarriage: { const: 'yes' } } })).toEqual({ zh: '「是否婚内出生」为「是」', en: 'Born in marriage is Yes' });
  });

  it('takes an English label from a description up to a colon and without what it puts in brackets', () => {
    expect(both({ properties: { destination: { const: '台湾' } } })).toEqual({ zh: '「前往地」为「台湾」', en: 'Destination is 台湾' });
    expect(both({ properties: { wedlock: { const: '婚生' } } })).toEqual({ zh: '「婚生或非婚生」为「婚生」', en: 'Born in wedlock or out of wedlock is 婚生' });
    // Chinese after the colon does not make the English label Chinese
    expect(both({ properties: { trips: { const: '一次往返' } } })).toEqual({ zh: '「签注次数」为「一次往返」', en: 'Number of entries is 一次往返' });
  });

  it('describes bounds, fields given, and their negations', () => {
    const adult = { properties: { applicant: { properties: { age: { minimum: 18, exclusiveMaximum: 60 } } } } };
    expect(both(adult)).toEqual({ zh: '「年龄」不小于 18，且「年龄」小于 60', en: 'Age is at least 18 and Age is less than 60' });
    expect(both({ properties: { applicant: { required: ['phone'] } } })).toEqual({ zh: '已填写「联系电话」', en: 'Phone is given' });
    expect(both({ not: reason('购房') })).toEqual({ zh: '「提取原因」不为「购房」', en: 'Reason for withdrawal is not 购房' });
    expect(both({ properties: { applicant: { properties: { age: { not: { minimum: 18 } } } } } })).toEqual({ zh: '「年龄」小于 18', en: 'Age is less than 18' });
  });

  it('joins allOf with "and" and anyOf / oneOf with "or", grouping where it matters', () => {
    expect(both({ anyOf: [reason('退休'), reason('出境定居')] })).toEqual({ zh: '「提取原因」为「退休」，或「提取原因」为「出境定居」', en: 'Reason for withdrawal is 退休 or Reason for withdrawal is 出境定居' });
    const mixed = { allOf: [{ properties: { entries: { const: 2 } } }, { anyOf: [reason('退休'), { properties: { applicant: { required: ['phone'] } } }] }] };
    expect(both(mixed)).toEqual({
      zh: '「往返次数」为「二次往返」，且（「提取原因」为「退休」，或已填写「联系电话」）',
      en: 'Entries is 二次往返 and (Reason for withdrawal is 退休 or Phone is given)',
    });
    expect(both({ not: { anyOf: [reason('退休'), reason('购房')] } })).toEqual({
      zh: '并非（「提取原因」为「退休」，或「提取原因」为「购房」）',
      en: 'not (Reason for withdrawal is 退休 or Reason for withdrawal is 购房)',
    });
  });

  it('falls back to the property name when a field has no title', () => {
    expect(both({ properties: { unknown: { const: 'x' } } })).toEqual({ zh: '「unknown」为「x」', en: 'unknown is x' });
  });

  it('reads "in some situations" for shapes it cannot put in words', () => {
    for (const cond of [
      { properties: { applicant: { properties: { phone: { pattern: '^1' } } } } },
      { if: reason('退休'), then: reason('购房') },
      { properties: { withdrawal: { properties: { reason: { const: { an: 'object' } } } } } },
      { properties: { withdrawal: { properties: { reason: { enum: Array.from({ length: 50 }, (_, i) => `v${i}`) } } } } },
      {},
      true,
      'not a schema',
    ]) {
      expect(conditionDescription(cond, form)).toEqual({ zh: '特定情形下', en: 'in some situations', generic: true });
    }
  });

  it('never throws: deep nesting, cycles, hostile objects and a broken form schema', () => {
    let deep: Record<string, unknown> = { const: 1 };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const cyclic: Record<string, unknown> = {};
    cyclic.allOf = [cyclic];
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const wide = { allOf: Array.from({ length: 10_000 }, () => reason('退休')) };
    for (const cond of [deep, cyclic, hostile, wide]) expect(conditionDescription(cond, form).generic).toBe(true);
    expect(describeCondition(reason('退休'), hostile, 'zh')).toBe('「reason」为「退休」'); // no titles to read: property names
    expect(describeCondition(reason('退休'), { properties: { withdrawal: { $ref: '#/nowhere' } } }, 'zh')).toBe('「reason」为「退休」');
  });
});
