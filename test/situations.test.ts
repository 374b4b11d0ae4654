/**
 * Situations (情形): the materials and fees that apply follow the form data, evaluated with the form's ajv.
 */
import { describe, expect, it } from 'vitest';
import { conditionError, conditionHolds, missingOf, situationOf } from '../engine/index.ts';

const reason = (value: string) => ({ properties: { withdrawal: { properties: { reason: { const: value } }, required: ['reason'] } }, required: ['withdrawal'] });
const m = (id: string, extra: object = {}) => ({ id, name: { zh: id, en: id }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 }, ...extra });

const definition: any = {
  materials: [
    m('idCard'),
    m('retirementCertificate', { when: reason('退休') }),
    m('emigrationProof', { when: reason('出境定居') }),
    m('employment', { oneOfGroup: 'residenceProof' }),
    m('housing', { oneOfGroup: 'residenceProof' }),
    m('study', { oneOfGroup: 'residenceProof', necessity: 'optional' }),
    m('photo', { necessity: 'optional' }),
  ],
  fees: [
    { id: 'endorsement', name: { zh: '签注', en: 'Endorsement' }, amount: 15 },
    { id: 'second', name: { zh: '二次往返', en: 'Two entries' }, amount: 15, when: { properties: { entries: { const: 2 } }, required: ['entries'] } },
    { id: 'card', name: { zh: '证件', en: 'Card' }, amount: 20, waivedWhen: { properties: { first: { const: true } }, required: ['first'] } },
  ],
};

describe('situationOf()', () => {
  it('asks for a conditional material only when the answers meet its condition', () => {
    const ids = (data: unknown) => situationOf(definition, data).materials.map((d) => d.material.id);
    expect(ids({ withdrawal: { reason: '退休' } })).toEqual(['idCard', 'retirementCertificate', 'employment', 'housing', 'study', 'photo']);
    expect(ids({ withdrawal: { reason: '出境定居' } })).toEqual(['idCard', 'emigrationProof', 'employment', 'housing', 'study', 'photo']);
    expect(ids({})).toEqual(['idCard', 'employment', 'housing', 'study', 'photo']);
    expect(situationOf(definition, { withdrawal: { reason: '退休' } }).materials[1]!.conditional).toBe(true);
  });

  it('computes the amount due from the answers, leaving out fees not due and fees waived', () => {
    expect(situationOf(definition, {}).amountDue).toBe(35);
    expect(situationOf(definition, { entries: 2 }).amountDue).toBe(50);
    expect(situationOf(definition, { entries: 2, first: true }).amountDue).toBe(30);
    expect(situationOf(definition, { first: true }).fees.map((f) => [f.fee.id, f.waived])).toEqual([['endorsement', false], ['card', true]]);
  });

  it('treats a one-of group as satisfied by any one member, and required when a member is', () => {
    const s = situationOf(definition, { withdrawal: { reason: '退休' } });
    expect(s.groups).toEqual([{ id: 'residenceProof', members: ['employment', 'housing', 'study'], required: true }]);
    expect(missingOf(s, new Set(['idCard']))).toEqual({ materials: ['retirementCertificate'], groups: s.groups });
    expect(missingOf(s, new Set(['idCard', 'retirementCertificate', 'study']))).toEqual({ materials: [], groups: [] });
  });
});

describe('conditionHolds()', () => {
  it('holds without a condition and evaluates own properties only', () => {
    expect(conditionHolds(undefined, {})).toBe(true);
    expect(conditionHolds({ properties: { toString: { const: 1 } }, required: ['toString'] }, {})).toBe(false);
  });

  it('ignores a condition’s $id so two conditions never clash in the compiler', () => {
    expect(conditionHolds({ $id: 'https://x/c', properties: { a: { const: 1 } } }, { a: 1 })).toBe(true);
    expect(conditionHolds({ $id: 'https://x/c', properties: { a: { const: 2 } } }, { a: 1 })).toBe(false);
  });

  it('names the compile error of a condition that is not a valid schema, and counts it as holding', () => {
    expect(conditionError({ properties: { a: { const: 1 } } })).toBeUndefined();
    expect(conditionError({ propertiez: {} })).toMatch(/unknown keyword: "propertiez"/);
    expect(conditionHolds({ propertiez: {} }, {})).toBe(true);
  });
});
