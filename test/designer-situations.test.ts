/**
 * The designer's situation editing (情形) without a browser: the builder's clauses and the JSON Schema they are, the
 * commands that set a material's or fee's condition, a fee's waiver and a material's one-of group — each with an
 * exact inverse, replayable from its log — what the preview's worker answers for a form's data, the service section's
 * labels for every element of the meta-schema, and where a problem inside a condition takes the official.
 */
import { describe, expect, it } from 'vitest';
import { conditionDescription, situationOf, type JsonObject, type MatterDefinition } from '../engine/index.ts';
import { resolvePointer } from '../engine/json/pointer.ts';
import { analyze } from '../designer/analysis/analyze.ts';
import { situate } from '../designer/analysis/situate.ts';
import { texts } from '../designer/i18n.ts';
import { CommandError, type Command } from '../designer/model/commands/index.ts';
import { execute, initialState, undo } from '../designer/model/editor.ts';
import { clauseValuePath, operatorsFor, readSituation, situationFields, situationSchema, SituationError, type Clause } from '../designer/model/situations.ts';
import { edited, serviceSchema } from '../designer/views/ServiceSection.tsx';
import { sectionOf } from '../designer/views/selection.ts';
import { serviceUiSchema, type Lookups } from '../designer/views/service-ui.ts';
import { matters, problemsInCatalogue } from './support/catalogue.ts';
import { runCommands, text } from './support/commands.ts';

const permit = matters().find((m) => m.id === '330000-GA-0101')!.baseline;
const at = (d: MatterDefinition, pointer: string) => resolvePointer(d, pointer) as any;
const materialAt = (d: MatterDefinition, id: string) => d.materials.findIndex((m) => m.id === id);

const run = runCommands;
const refused = (definition: MatterDefinition, command: Command) => () => execute(initialState(definition), command);

// The residence permit, its situations and groups left out (the catalogue's own are not what these tests are about),
// with a paper material for mail delivery, a proxy's identity card and a postage fee, as a city might add them.
const paper = { necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } } as const;
const withPostal: MatterDefinition = {
  ...permit,
  materials: [
    ...permit.materials.map(({ when: _when, oneOfGroup: _group, ...m }) => m),
    { id: 'mailAuthorisation', name: { zh: '邮寄送达委托书', en: 'Authorisation for delivery by mail' }, ...paper, format: ['paper'] },
    { id: 'proxyIdentity', name: { zh: '代办人身份证', en: "The proxy's identity card" }, ...paper, format: ['paper'] },
  ],
  fees: [{ id: 'postage', name: { zh: '邮寄费', en: 'Postage' }, amount: 12 }],
};
const postal = materialAt(withPostal, 'mailAuthorisation');
const target = `/materials/${postal}/when`;
const byPost: Clause = { field: '/delivery/method', op: 'is', value: '邮寄送达' };
const answers = (method: string, reason = '就业') => ({ delivery: { method }, residence: { reason } });
const asked = (d: MatterDefinition, data: unknown) => situationOf(d, data).materials.map((m) => m.material.id);

describe('a situation as the builder writes it', () => {
  it('is nested properties, each level naming what it descends into in required, down to one keyword per clause', () => {
    expect(situationSchema([byPost, { field: '/residence/reason', op: 'one-of', values: ['就业', '经商'] }, { field: '/applicant/age', op: 'at-least', value: 18 }, { field: '/applicant/age', op: 'at-most', value: 60 }])).toEqual({
      properties: {
        delivery: { properties: { method: { const: '邮寄送达' } }, required: ['method'] },
        residence: { properties: { reason: { enum: ['就业', '经商'] } }, required: ['reason'] },
        applicant: { properties: { age: { minimum: 18, maximum: 60 } }, required: ['age'] },
      },
      required: ['delivery', 'residence', 'applicant'],
    });
    expect(situationSchema([])).toBeUndefined();
  });

  it('reads back as the clauses that wrote it', () => {
    const clauses: Clause[] = [byPost, { field: '/residence/reason', op: 'one-of', values: ['就业'] }, { field: '/married', op: 'is', value: false }, { field: '/children', op: 'at-most', value: 2 }];
    expect(readSituation(situationSchema(clauses))).toEqual(clauses);
  });

  it('leaves any other shape to the JSON editor: a missing required, another keyword, a combinator, a type', () => {
    expect(readSituation({ properties: { a: { const: 1 } } })).toBeUndefined();
    expect(readSituation({ properties: { a: { const: 1, type: 'integer' } }, required: ['a'] })).toBeUndefined();
    expect(readSituation({ anyOf: [{ properties: { a: { const: 1 } }, required: ['a'] }] })).toBeUndefined();
    expect(readSituation({ not: { properties: { a: { const: 1 } }, required: ['a'] } })).toBeUndefined();
    expect(readSituation({ properties: { a: { enum: [] } }, required: ['a'] })).toBeUndefined();
    expect(readSituation('a')).toBeUndefined();
  });

  it('refuses clauses that clash: two of one kind on a field, a clause on a field and one inside it, a list item', () => {
    expect(() => situationSchema([byPost, { ...byPost, value: '窗口领取' }])).toThrow(SituationError);
    expect(() => situationSchema([{ field: '/delivery', op: 'is', value: 'x' }, byPost])).toThrow(SituationError);
    expect(() => situationSchema([{ field: '/children/-/age', op: 'at-least', value: 1 }])).toThrow(SituationError);
  });

  it('offers the form fields a clause can be about, with the relations their type allows', () => {
    const fields = situationFields(permit).map((f) => f.node.field);
    expect(fields).toEqual(expect.arrayContaining(['/residence/reason', '/delivery/method', '/applicant/name']));
    expect(fields).not.toContain('/applicant'); // a group is no answer
    expect(operatorsFor('boolean', false)).toEqual(['is']);
    expect(operatorsFor('string', true)).toEqual(['is', 'one-of']);
    expect(operatorsFor('integer', false)).toEqual(['is', 'at-least', 'at-most']);
  });
});

describe('set-situation-clause', () => {
  it("asks for a material only when the form's answer says so, described in the form's words", () => {
    const d = run(withPostal, { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } });
    expect(Object.keys(at(d, `/materials/${postal}`)).at(-1)).toBe('when');
    expect(at(d, target)).toEqual({ properties: { delivery: { properties: { method: { const: '邮寄送达' } }, required: ['method'] } }, required: ['delivery'] });
    expect(asked(d, answers('邮寄送达'))).toContain('mailAuthorisation');
    expect(asked(d, answers('窗口领取'))).not.toContain('mailAuthorisation');
    expect(asked(d, {})).not.toContain('mailAuthorisation'); // not answered yet: not asked for yet
    expect(conditionDescription(at(d, target), d.form.schema).zh).toBe('「领取方式」为「邮寄送达」');
  });

  it('adds a second clause, changes one, and removes them one by one until the condition goes', () => {
    const reason: Clause = { field: '/residence/reason', op: 'one-of', values: ['就业', '经商'] };
    const two = run(withPostal, { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } }, { name: 'set-situation-clause', args: { target, index: 1, clause: reason } });
    expect(readSituation(at(two, target))).toEqual([byPost, reason]);
    expect(asked(two, answers('邮寄送达', '就读'))).not.toContain('mailAuthorisation');
    expect(asked(two, answers('邮寄送达', '经商'))).toContain('mailAuthorisation');
    const changed = run(two, { name: 'set-situation-clause', args: { target, index: 0, clause: { ...byPost, value: '窗口领取' } } });
    expect(readSituation(at(changed, target))![0]).toEqual({ ...byPost, value: '窗口领取' });
    const one = run(two, { name: 'set-situation-clause', args: { target, index: 0, clause: undefined } });
    expect(readSituation(at(one, target))).toEqual([reason]);
    const none = run(one, { name: 'set-situation-clause', args: { target, index: 0, clause: undefined } });
    expect(text(none)).toBe(text(withPostal));
  });

  it("types a clause's value as set-value on its keyword: a typed word is one transaction", () => {
    const d = run(withPostal, { name: 'set-situation-clause', args: { target, index: 0, clause: { field: '/applicant/name', op: 'is', value: '' } } });
    const pointer = `${target}${clauseValuePath({ field: '/applicant/name', op: 'is' })}`;
    expect(pointer).toBe(`${target}/properties/applicant/properties/name/const`);
    let state = initialState(d);
    for (const [i, value] of ['张', '张伟'].entries()) state = execute(state, { name: 'set-value', args: { pointer, value } }, 1000 + i * 100);
    expect(state.done).toHaveLength(1);
    expect(at(state.definition, pointer)).toBe('张伟');
    expect(text(undo(state).definition)).toBe(text(d));
  });

  it('refuses a hand-written condition, clashing clauses, a clause that is not there and a place no situation goes', () => {
    const handWritten = run(withPostal, { name: 'set-situation', args: { target, condition: { anyOf: [{ required: ['delivery'] }] } } });
    expect(refused(handWritten, { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } })).toThrow(/edit it as JSON/);
    const one = run(withPostal, { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } });
    expect(refused(one, { name: 'set-situation-clause', args: { target, index: 1, clause: { ...byPost, value: '窗口领取' } } })).toThrow(CommandError);
    expect(refused(one, { name: 'set-situation-clause', args: { target, index: 3, clause: byPost } })).toThrow(/no clause 3/);
    expect(refused(one, { name: 'set-situation-clause', args: { target, index: 1, clause: undefined } })).toThrow(/no clause 1/);
    expect(refused(withPostal, { name: 'set-situation-clause', args: { target: `/materials/${postal}/waivedWhen`, index: 0, clause: byPost } })).toThrow(/one situation/);
    expect(refused(withPostal, { name: 'set-situation-clause', args: { target: '/materials/99/when', index: 0, clause: byPost } })).toThrow(/no material 99/);
    expect(refused(withPostal, { name: 'set-situation-clause', args: { target: '/timeLimit', index: 0, clause: byPost } })).toThrow(CommandError);
  });
});

describe('set-situation', () => {
  const firstTime: JsonObject = { properties: { residence: { properties: { reason: { const: '就读' } }, required: ['reason'] } }, required: ['residence'] };

  it('sets a condition whole (what the JSON editor applies) and removes it', () => {
    const condition = { anyOf: [{ properties: { delivery: { properties: { method: { const: '邮寄送达' } }, required: ['method'] } }, required: ['delivery'] }, { required: ['employment'] }] };
    const d = run(withPostal, { name: 'set-situation', args: { target, condition } });
    expect(readSituation(at(d, target))).toBeUndefined();
    expect(conditionDescription(at(d, target), d.form.schema).generic).toBe(false);
    expect(text(run(d, { name: 'set-situation', args: { target, condition: undefined } }))).toBe(text(withPostal));
    expect(refused(withPostal, { name: 'set-situation', args: { target, condition: [] as never } })).toThrow(/JSON Schema object/);
  });

  it("charges a fee when the answers say so and waives it in another situation, with the waiver's reason", () => {
    const d = run(withPostal,
      { name: 'set-situation-clause', args: { target: '/fees/0/when', index: 0, clause: byPost } },
      { name: 'set-situation', args: { target: '/fees/0/waivedWhen', condition: firstTime } },
      { name: 'set-value', args: { pointer: '/fees/0/waiverReason', value: { zh: '在校学生免收', en: 'Free for students' } } });
    expect(situationOf(d, answers('窗口领取')).amountDue).toBe(0);
    expect(situationOf(d, answers('邮寄送达')).amountDue).toBe(12);
    expect(situationOf(d, answers('邮寄送达', '就读')).fees.map((f) => f.waived)).toEqual([true]);
    expect(situationOf(d, answers('邮寄送达', '就读')).amountDue).toBe(0);
    // removing the waiver takes its reason along; undo brings both back where they were
    const plain = run(d, { name: 'set-situation', args: { target: '/fees/0/waivedWhen', condition: undefined } });
    expect(Object.keys(plain.fees[0]!)).toEqual(['id', 'name', 'amount', 'when']);
  });
});

describe('set-one-of-group', () => {
  const ids = ['mailAuthorisation', 'proxyIdentity'];
  it('puts materials in a new group and an existing one, and takes one out again', () => {
    const [a, b] = ids;
    const d = run(withPostal, { name: 'set-one-of-group', args: { id: a!, group: 'stableProof' } }, { name: 'set-one-of-group', args: { id: b!, group: 'stableProof' } });
    expect(situationOf(d, {}).groups).toEqual([{ id: 'stableProof', members: [a, b], required: true }]);
    const out = run(d, { name: 'set-one-of-group', args: { id: b!, group: undefined } });
    expect(out.materials.find((m) => m.id === b)!.oneOfGroup).toBeUndefined();
    expect(text(run(out, { name: 'set-one-of-group', args: { id: a!, group: undefined } }))).toBe(text(withPostal));
  });

  it('refuses a group name that is not an identifier and a material that is not there', () => {
    expect(refused(withPostal, { name: 'set-one-of-group', args: { id: 'proxyIdentity', group: '就业 或 住所' } })).toThrow(/not a group name/);
    expect(refused(withPostal, { name: 'set-one-of-group', args: { id: 'nope', group: 'g' } })).toThrow(/no material/);
  });
});

describe('what the commands leave', () => {
  // the baseline as a file of the real catalogue: every rule (conditions on known fields, groups of two or more sharing
  // a necessity, waiver reasons in both languages) runs on the result
  const file = 'definitions/matters/residence-permit/baseline.json';
  const problems = (d: MatterDefinition) => problemsInCatalogue(file, d).map((p) => `${p.code} ${p.pointer}`);
  const onPermit: MatterDefinition = { ...permit, materials: [...permit.materials, ...withPostal.materials.slice(-2)], fees: withPostal.fees };
  const mail = materialAt(onPermit, 'mailAuthorisation');

  it('is a definition the validator accepts: a situation, a one-of group of two, a fee charged and waived', () => {
    expect(problems(onPermit)).toEqual([]);
    const d = run(onPermit,
      { name: 'set-situation-clause', args: { target: `/materials/${mail}/when`, index: 0, clause: byPost } },
      { name: 'set-situation-clause', args: { target: `/materials/${mail}/when`, index: 1, clause: { field: '/residence/reason', op: 'one-of', values: ['就业', '经商'] } } },
      { name: 'set-one-of-group', args: { id: 'mailAuthorisation', group: 'delivery' } },
      { name: 'set-one-of-group', args: { id: 'proxyIdentity', group: 'delivery' } },
      { name: 'set-situation-clause', args: { target: '/fees/0/when', index: 0, clause: byPost } },
      { name: 'set-situation', args: { target: '/fees/0/waivedWhen', condition: { properties: { residence: { properties: { reason: { const: '就读' } }, required: ['reason'] } }, required: ['residence'] } } },
      { name: 'set-value', args: { pointer: '/fees/0/waiverReason', value: { zh: '在校学生免收', en: 'Free for students' } } });
    expect(problems(d)).toEqual([]);
  });

  it('leaves to the validator what an official may pass through on the way: a group of one, a misspelt field in JSON', () => {
    const alone = run(onPermit, { name: 'set-one-of-group', args: { id: 'proxyIdentity', group: 'delivery' } });
    expect(problems(alone)).toEqual([`materials.one-of-single /materials/${materialAt(onPermit, 'proxyIdentity')}/oneOfGroup`]);
    const misspelt = run(onPermit, { name: 'set-situation', args: { target: `/materials/${mail}/when`, condition: { properties: { delivery: { properties: { metod: { const: '邮寄送达' } }, required: ['metod'] } }, required: ['delivery'] } } });
    expect(problems(misspelt)).toEqual([expect.stringMatching(new RegExp(`^condition\\.unknown-field /materials/${mail}/when/properties/delivery/`))]);
  });
});

describe('renaming a field', () => {
  it('renames it in every situation that asks about it', () => {
    const d = run(withPostal,
      { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } },
      { name: 'set-situation', args: { target: '/fees/0/waivedWhen', condition: { anyOf: [{ properties: { delivery: { properties: { method: { const: '窗口领取' } }, required: ['method'] } } }] } } });
    const renamed = run(d, { name: 'rename-field', args: { field: '/delivery/method', to: 'how' } });
    expect(readSituation(at(renamed, target))).toEqual([{ ...byPost, field: '/delivery/how' }]);
    expect(at(renamed, '/fees/0/waivedWhen/anyOf/0/properties/delivery/properties/how')).toEqual({ const: '窗口领取' });
    expect(at(renamed, '/fees/0/waivedWhen/anyOf/0/properties/delivery/required')).toEqual(['how']);
    expect(asked(renamed, { delivery: { how: '邮寄送达' } })).toContain('mailAuthorisation');
  });
});

describe("the preview's situation, from the worker", () => {
  it('names the materials, groups and fees that apply to the answers, and the amount due', () => {
    const d = run(withPostal,
      { name: 'set-situation-clause', args: { target, index: 0, clause: byPost } },
      { name: 'set-situation-clause', args: { target: '/fees/0/when', index: 0, clause: byPost } },
      { name: 'set-one-of-group', args: { id: 'proxyIdentity', group: 'stable' } });
    const post = situate(d, answers('邮寄送达'));
    expect(post.materials.find((m) => m.id === 'mailAuthorisation')).toEqual({ id: 'mailAuthorisation', conditional: true });
    expect(post.materials.find((m) => m.id === 'proxyIdentity')).toEqual({ id: 'proxyIdentity', conditional: false, group: 'stable' });
    expect(post.groups).toEqual([{ id: 'stable', members: ['proxyIdentity'], required: true }]);
    expect(post.fees).toEqual([{ id: 'postage', amount: 12, waived: false }]);
    expect(post.amountDue).toBe(12);
    const window = situate(d, answers('窗口领取'));
    expect(window.materials.map((m) => m.id)).not.toContain('mailAuthorisation');
    expect(window.amountDue).toBe(0);
    expect(JSON.parse(JSON.stringify(post))).toEqual(post); // plain data: it crosses postMessage whole
  });

  it('answers for a half-typed draft instead of failing', () => {
    expect(situate({ materials: [{ id: 'x' }, null], fees: 'no' } as never, {}).materials.map((m) => m.id)).toEqual(['x']);
    expect(situate({} as never, undefined)).toEqual({ materials: [], groups: [], fees: [], amountDue: 0 });
  });
});

describe('problems inside a situation', () => {
  it('take the official to the material or the fee that holds it', () => {
    expect(sectionOf(`/materials/${postal}/when/properties/delivery`)).toBe('materials');
    expect(/^\/materials\/(\d+)/.exec(`/materials/${postal}/when`)?.[1]).toBe(String(postal));
    expect(sectionOf('/fees/0/waivedWhen')).toBe('service');
  });

  it('are analysed without failing, whatever the condition holds', () => {
    const broken = run(withPostal, { name: 'set-situation', args: { target, condition: { properties: { delivery: { type: 12 } } } } });
    const analysis = analyze({ revision: 1, draft: broken, against: permit }, []);
    expect(analysis.revision).toBe(1);
    expect(analysis.changes.some((c) => c.path.startsWith('/materials'))).toBe(true);
  });
});

describe("the service section's form, rendered from the meta-schema", () => {
  it('edits the new elements: status, dates, codes, implementing body, locations, contact, time-limit unit and extension, validity, delivery', () => {
    for (const key of ['status', 'effectiveFrom', 'codes', 'standardOwner', 'locations', 'contact', 'serviceObject', 'acceptanceScope', 'timeLimit', 'fees', 'outputs']) {
      expect(Object.keys(serviceSchema.properties!), key).toContain(key);
    }
    const ui = serviceUiSchema(serviceSchema as Record<string, unknown>, texts.zh, edited) as any;
    expect(ui.timeLimit.unit['ui:title']).toBe('时限单位');
    expect(ui.timeLimit.unit['ui:enumNames']).toEqual({ 'working-days': '工作日', days: '自然日' });
    expect(ui.timeLimit.extendableTo['ui:title']).toBe('可延长至');
    expect(ui.timeLimit.onSiteMinutes['ui:title']).toBe('现场办理时长（分钟）');
    expect(ui.timeLimit.statutoryDays['ui:placeholder']).toBe('法律未规定时限'); // an empty box: no statutory limit
    expect(ui.timeLimit.extendableTo['ui:placeholder']).toBe('不可延长');
    expect(ui.outputs.items.validity.kind['ui:enumNames']['long-term']).toBe('长期');
    expect(ui.outputs.items.delivery['ui:widget']).toBe('checkboxes');
    expect(ui.outputs.items.delivery.items['ui:enumNames'].mail).toBe('邮寄送达');
    expect(ui.acceptanceScope['ui:enumNames'].province).toBe('全省通办');
    expect(ui.department.level['ui:enumNames'].province).toBe('省级');
    expect(ui.fees.items.when['ui:field']).toBe('situation');
    expect(ui.fees.items.waivedWhen['ui:field']).toBe('situation');
    expect(ui.fees.items.waiverReason['ui:field']).toBe('besideSituation'); // drawn with its waiver
    expect(ui['ui:order'].slice(0, 3)).toEqual(['title', 'summary', 'matterType']);
  });

  it.each(['zh', 'en'] as const)('has a label, help and option labels in %s for every element the meta-schema declares', (locale) => {
    const missing: Lookups = { labels: [], help: [], values: [] };
    serviceUiSchema(serviceSchema as Record<string, unknown>, texts[locale], edited, missing);
    expect([...new Set(missing.labels)]).toEqual([]);
    expect([...new Set(missing.help)]).toEqual([]);
    expect([...new Set(missing.values)]).toEqual([]);
  });
});
