import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFormAjv, diff, type MatterDefinition } from '../engine/index.ts';
import { resolvePointer } from '../engine/json/pointer.ts';
import { CommandError } from '../designer/model/commands/index.ts';
import { execute, initialState } from '../designer/model/editor.ts';
import { MatterForm } from '../runtime/form/MatterForm.tsx';
import { indexFields, nearestField } from '../designer/views/fields/tree.ts';
import { matters, problemsInCatalogue, sharedSchemas } from './support/catalogue.ts';
import { runCommands, text } from './support/commands.ts';

const permit = matters().find((m) => m.id === '330000-GA-0101')!.baseline;
const permitFile = 'definitions/matters/residence-permit/baseline.json';
const shared = [...sharedSchemas.values()] as object[];
const at = (d: MatterDefinition, pointer: string) => resolvePointer(d, pointer) as any;
const props = (field: string) => `/form/schema/properties/${field.slice(1).split('/').join('/properties/')}`;

const run = runCommands;

const formProblems = (d: MatterDefinition) => problemsInCatalogue(permitFile, d).map((p) => `${p.code} ${p.pointer}`);
const render = (d: MatterDefinition, locale: 'zh' | 'en', formData: unknown = {}) =>
  renderToStaticMarkup(createElement(MatterForm, { definition: d, locale, formData, locked: {}, waived: [], sharedSchemas: shared }));

describe('the residence permit as the fields editor starts from', () => {
  it('is valid, so any problem below comes from the command', () => {
    expect(formProblems(permit)).toEqual([]);
  });
});

describe('set-options', () => {
  const reason = '/residence/reason';
  const labelled = [
    { value: '就业', zh: '就业', en: 'Employment' },
    { value: '就读', zh: '就读', en: 'Study' },
    { value: '其他', zh: '其他' },
  ];

  it('turns a labelled list into oneOf of { const, title, description } where the enum was', () => {
    const d = run(permit, { name: 'set-options', args: { field: reason, options: labelled } });
    const field = at(d, props(reason));
    expect(Object.keys(field)).toEqual(['type', 'title', 'description', 'oneOf']);
    expect(field.oneOf).toEqual([
      { const: '就业', title: '就业', description: 'Employment' },
      { const: '就读', title: '就读', description: 'Study' },
      { const: '其他', title: '其他' },
    ]);
    // the field is prefilled from shared data and locked: three options refuse 经商, which a verified applicant may have
    expect(formProblems(d)).toEqual([`prefill.locked-field-rejects ${props(reason)}`]);
    const all = run(permit, { name: 'set-options', args: { field: reason, options: [...labelled, { value: '经商', zh: '经商' }, { value: '投靠亲友', zh: '投靠亲友' }] } });
    expect(formProblems(all)).toEqual([]);
  });

  it('renders the labels in Chinese and English in the portal form, and the diff compares the alternatives', () => {
    const d = run(permit, { name: 'set-options', args: { field: reason, options: labelled } });
    const zh = render(d, 'zh');
    const en = render(d, 'en');
    expect(zh).toMatch(/<option[^>]*>就读<\/option>/);
    expect(en).toMatch(/<option[^>]*>Study<\/option>/);
    expect(en).toMatch(/<option[^>]*>其他<\/option>/); // no English label: the Chinese one
    const changes = diff(d, permit);
    expect(changes.map((c) => c.code)).toEqual(expect.arrayContaining(['form.alternatives', 'form.enum']));
    expect(changes.filter((c) => c.code.includes('incomparable'))).toEqual([]);
  });

  it('keeps unlabelled options a plain enum, and an empty list removes them', () => {
    const plain = run(permit, { name: 'set-options', args: { field: reason, options: [{ value: '就业' }, { value: '经商' }] } });
    expect(at(plain, props(reason)).enum).toEqual(['就业', '经商']);
    expect(at(plain, props(reason)).oneOf).toBeUndefined();
    const none = run(permit, { name: 'set-options', args: { field: reason, options: [] } });
    expect(Object.keys(at(none, props(reason)))).toEqual(['type', 'title', 'description']);
  });

  it('turns labelled options back into an enum when no label is left, in the same place', () => {
    const d = run(permit,
      { name: 'set-options', args: { field: reason, options: labelled } },
      { name: 'set-options', args: { field: reason, options: [{ value: 'a' }, { value: 'b' }] } });
    expect(Object.keys(at(d, props(reason)))).toEqual(['type', 'title', 'description', 'enum']);
  });

  it('gives numbers to a number field, and refuses repeated values, shared formats and alternatives that are not options', () => {
    const withAge = run(permit, { name: 'add-field', args: { parent: '/applicant', name: 'floor', schema: { type: 'integer' } } },
      { name: 'set-options', args: { field: '/applicant/floor', options: [{ value: 1, zh: '一楼' }, { value: 2, zh: '二楼', en: 'Second floor' }] } });
    expect(at(withAge, props('/applicant/floor')).oneOf).toEqual([{ const: 1, title: '一楼' }, { const: 2, title: '二楼', description: 'Second floor' }]);
    const state = initialState(permit);
    expect(() => execute(state, { name: 'set-options', args: { field: reason, options: [{ value: 'x' }, { value: 'x', zh: '叉' }] } })).toThrow(/twice/);
    expect(() => execute(state, { name: 'set-options', args: { field: '/applicant/mobile', options: [{ value: 'x' }] } })).toThrow(/shared schema/);
    const branched = execute(execute(state, { name: 'set-value', args: { pointer: `${props(reason)}/enum`, value: undefined } }),
      { name: 'set-value', args: { pointer: `${props(reason)}/oneOf`, value: [{ minLength: 2 }, { const: 'x', title: '叉' }] } });
    expect(() => execute(branched, { name: 'set-options', args: { field: reason, options: [{ value: 'x' }] } })).toThrow(CommandError);
    const both = execute(state, { name: 'set-value', args: { pointer: `${props(reason)}/oneOf`, value: [{ const: '就业', title: '就业' }] } }); // beside the enum
    expect(() => execute(both, { name: 'set-options', args: { field: reason, options: [{ value: 'x' }] } })).toThrow(/more than labelled values/);
  });
});

describe('set-prefill', () => {
  const ethnicity = '/applicant/ethnicity';

  it('adds an entry (locked unless told), replaces it in place, and removes it', () => {
    const added = run(permit,
      { name: 'add-field', args: { parent: '/applicant', name: 'maritalStatus', schema: { type: 'string', title: '婚姻状况' } } },
      { name: 'set-prefill', args: { field: '/applicant/maritalStatus', prefill: { item: 'marriage', value: 'maritalStatus' } } });
    expect(added.form.prefill!.at(-1)).toEqual({ field: '/applicant/maritalStatus', item: 'marriage', value: 'maritalStatus', locked: true });
    expect(Object.keys(added.form.prefill!.at(-1)!)).toEqual(['field', 'item', 'value', 'locked']);
    expect(formProblems(added)).toEqual([]);

    const position = permit.form.prefill!.findIndex((p) => p.field === ethnicity);
    const replaced = run(permit, { name: 'set-prefill', args: { field: ethnicity, prefill: { item: 'household', value: 'name', locked: false } } });
    expect(replaced.form.prefill![position]).toEqual({ field: ethnicity, item: 'household', value: 'name', locked: false });
    expect(replaced.form.prefill).toHaveLength(permit.form.prefill!.length);

    const removed = run(permit, { name: 'set-prefill', args: { field: ethnicity, prefill: undefined } });
    expect(removed.form.prefill!.map((p) => p.field)).toEqual(permit.form.prefill!.map((p) => p.field).filter((f) => f !== ethnicity));
  });

  it('creates the list for the first entry and drops it with the last', () => {
    const bare = run(permit, { name: 'set-value', args: { pointer: '/form/prefill', value: undefined } });
    const one = run(bare, { name: 'set-prefill', args: { field: '/applicant/name', prefill: { item: 'identity', value: 'name' } } });
    expect(one.form.prefill).toEqual([{ field: '/applicant/name', item: 'identity', value: 'name', locked: true }]);
    const none = run(one, { name: 'set-prefill', args: { field: '/applicant/name', prefill: undefined } });
    expect('prefill' in none.form).toBe(false);
  });

  it('refuses a field that is not there, and the items of a list', () => {
    const state = initialState(run(permit, { name: 'add-field', args: { parent: '', name: 'children', schema: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } } }));
    expect(() => execute(state, { name: 'set-prefill', args: { field: '/applicant/nope', prefill: { item: 'identity', value: 'name' } } })).toThrow(/no field/);
    expect(() => execute(state, { name: 'set-prefill', args: { field: '/children/-/name', prefill: { item: 'identity', value: 'name' } } })).toThrow(/inside a list/);
  });
});

describe('set-condition', () => {
  // the catalogue's permit already shows the postal address only when mailed: these start from it shown always
  const permit = (() => {
    const d = structuredClone(matters().find((m) => m.id === '330000-GA-0101')!.baseline);
    delete (d.form.schema as { properties: { delivery: Record<string, unknown> } }).properties.delivery.allOf;
    return d;
  })();
  const postal = '/delivery/postalAddress';
  const byPost = { field: '/delivery/method', equals: '邮寄送达' };
  const delivery = props('/delivery');

  it('writes an if/then/else entry into the parent object, so the field is asked only when the sibling has the value', () => {
    const d = run(permit, { name: 'set-condition', args: { field: postal, when: byPost } });
    expect(at(d, delivery).allOf).toEqual([{ if: { properties: { method: { const: '邮寄送达' } }, required: ['method'] }, else: { properties: { postalAddress: false } } }]);
    expect(Object.keys(at(d, delivery)).at(-1)).toBe('allOf');
    expect(formProblems(d)).toEqual([]);
  });

  it('moves a required field into the condition, required once shown, and back when the condition goes', () => {
    const required = run(permit,
      { name: 'set-required', args: { field: postal, required: true } },
      { name: 'set-condition', args: { field: postal, when: byPost } });
    expect(at(required, delivery).required).toEqual(['method']);
    expect(at(required, delivery).allOf[0].then).toEqual({ required: ['postalAddress'] });
    const optional = run(required, { name: 'set-required', args: { field: postal, required: false } });
    expect(at(optional, delivery).allOf[0]).not.toHaveProperty('then');
    expect(at(optional, delivery).required).toEqual(['method']);
    const always = run(required, { name: 'set-condition', args: { field: postal, when: undefined } });
    expect(at(always, delivery).required).toEqual(['method', 'postalAddress']);
    expect(at(always, delivery)).not.toHaveProperty('allOf');
  });

  it("is what the runtime's ajv enforces: required when shown, refused when hidden", () => {
    const d = run(permit,
      { name: 'set-required', args: { field: postal, required: true } },
      { name: 'set-condition', args: { field: postal, when: byPost } });
    const check = createFormAjv(shared).compile(at(d, '/form/schema'));
    const data = (delivery: Record<string, unknown>) => ({ ...structuredClone(validData), delivery });
    const address = { regionCode: '330106', detail: '杭州市西湖区文三路100号' };
    expect(check(data({ method: '邮寄送达' }))).toBe(false);
    expect(check(data({ method: '邮寄送达', postalAddress: address })), JSON.stringify(check.errors)).toBe(true);
    expect(check(data({ method: '窗口领取' }))).toBe(true);
    expect(check(data({ method: '窗口领取', postalAddress: address }))).toBe(false);
  });

  it('is rendered conditionally by the portal form (rjsf merges the branch that holds)', () => {
    const d = run(permit, { name: 'set-condition', args: { field: postal, when: byPost } });
    expect(render(permit, 'zh', { delivery: { method: '窗口领取' } })).toContain('id="root_delivery_postalAddress');
    expect(render(d, 'zh', { delivery: { method: '邮寄送达' } })).toContain('id="root_delivery_postalAddress');
    expect(render(d, 'zh', { delivery: { method: '窗口领取' } })).not.toContain('id="root_delivery_postalAddress');
  });

  it('follows the deciding field when it is renamed, and lets the field show always when it is removed', () => {
    const d = run(permit,
      { name: 'set-required', args: { field: postal, required: true } },
      { name: 'set-condition', args: { field: postal, when: byPost } },
      { name: 'rename-field', args: { field: '/delivery/method', to: 'how' } });
    expect(at(d, delivery).allOf[0].if).toEqual({ properties: { how: { const: '邮寄送达' } }, required: ['how'] });
    expect(formProblems(d)).toEqual([]);
    const removed = run(d, { name: 'remove-field', args: { field: '/delivery/how' } });
    expect(at(removed, delivery)).not.toHaveProperty('allOf');
    expect(at(removed, delivery).required).toEqual(['postalAddress']);
  });

  it('goes with the field it governs, which can be renamed too', () => {
    const d = run(permit, { name: 'set-condition', args: { field: postal, when: byPost } }, { name: 'rename-field', args: { field: postal, to: 'post' } });
    expect(at(d, delivery).allOf[0].else).toEqual({ properties: { post: false } });
    const removed = run(d, { name: 'remove-field', args: { field: '/delivery/post' } });
    expect(at(removed, delivery)).not.toHaveProperty('allOf');
    expect(at(removed, delivery).required).toEqual(['method']);
  });

  it('leaves hand-written entries of allOf alone', () => {
    const own = { if: { properties: { method: { enum: ['邮寄送达'] } } }, then: { required: ['postalAddress'] } };
    const start = run(permit, { name: 'set-value', args: { pointer: `${delivery}/allOf`, value: [own] } });
    const d = run(start, { name: 'set-condition', args: { field: postal, when: byPost } }, { name: 'set-condition', args: { field: postal, when: undefined } });
    expect(at(d, delivery).allOf).toEqual([own]);
  });

  it('refuses a deciding field that is not a sibling, or the field itself', () => {
    const state = initialState(permit);
    expect(() => execute(state, { name: 'set-condition', args: { field: postal, when: { field: '/applicant/gender', equals: '男' } } })).toThrow(/not a field beside/);
    expect(() => execute(state, { name: 'set-condition', args: { field: postal, when: { field: postal, equals: 'x' } } })).toThrow(/itself/);
  });
});

describe('change-type', () => {
  it('drops the constraints of the old type and keeps the labels, in their places', () => {
    const d = run(permit, { name: 'change-type', args: { field: '/residence/address', type: 'integer' } });
    expect(at(d, props('/residence/address'))).toEqual({ type: 'integer', title: '居住地址', description: 'Residential address' });
    expect(text(Object.keys(at(d, props('/residence/address'))))).toBe(text(['type', 'title', 'description']));
  });

  it('keeps what still applies: numeric bounds from integer to number, a number format, whole-number options', () => {
    const start = run(permit, { name: 'add-field', args: { parent: '', name: 'rooms', schema: { type: 'integer', minimum: 1, maximum: 9, format: 'int32', enum: [1, 2] } } });
    const d = run(start, { name: 'change-type', args: { field: '/rooms', type: 'number' } });
    expect(at(d, props('/rooms'))).toEqual({ type: 'number', minimum: 1, maximum: 9, format: 'int32', enum: [1, 2] });
    const textual = run(d, { name: 'change-type', args: { field: '/rooms', type: 'string' } });
    expect(at(textual, props('/rooms'))).toEqual({ type: 'string' });
  });

  it('drops the options whose values the new type refuses', () => {
    const d = run(permit, { name: 'change-type', args: { field: '/applicant/gender', type: 'boolean' } });
    expect(at(d, props('/applicant/gender'))).toEqual({ type: 'boolean', title: '性别', description: 'Gender' });
  });

  it('leaving an object drops its fields with their prefill entries; a new object or list starts empty', () => {
    const d = run(permit, { name: 'change-type', args: { field: '/residence', type: 'string' } });
    expect(at(d, props('/residence'))).toEqual({ type: 'string', title: '居住信息', description: 'Residence' });
    expect(d.form.prefill!.filter((p) => p.field.startsWith('/residence/'))).toEqual([]);
    expect(d.form.prefill!.length).toBe(permit.form.prefill!.filter((p) => !p.field.startsWith('/residence/')).length);
    const object = run(permit, { name: 'change-type', args: { field: '/applicant/ethnicity', type: 'object' } });
    expect(at(object, props('/applicant/ethnicity'))).toEqual({ type: 'object', title: '民族', description: 'Ethnicity', properties: {}, additionalProperties: false });
    const list = run(permit, { name: 'change-type', args: { field: '/applicant/ethnicity', type: 'array' } });
    expect(at(list, props('/applicant/ethnicity')).items).toEqual({ type: 'string' });
  });

  it('leaves a form the validator accepts, and refuses shared formats and unknown types', () => {
    const d = run(permit,
      { name: 'change-type', args: { field: '/employment/employerCreditCode', type: 'number' } },
      { name: 'change-type', args: { field: '/delivery/method', type: 'integer' } },
      { name: 'change-type', args: { field: '/employment', type: 'array' } });
    expect(formProblems(d)).toEqual([]);
    // a prefilled field is the official's to reconcile: the validator names the prefill that no longer fits
    const prefilled = run(permit, { name: 'change-type', args: { field: '/residence/reason', type: 'integer' } });
    expect(formProblems(prefilled)).toEqual([`ref.prefill-type-mismatch /form/prefill/${permit.form.prefill!.findIndex((p) => p.field === '/residence/reason')}/field`]);
    const state = initialState(permit);
    expect(() => execute(state, { name: 'change-type', args: { field: '/applicant/idNumber', type: 'integer' } })).toThrow(/shared schema/);
    expect(() => execute(state, { name: 'change-type', args: { field: '/applicant/name', type: 'date' as never } })).toThrow(/not one of/);
  });
});

describe('the fields view of a form', () => {
  const d = permit; // its postal address shows only when mailed (the designer's if/then/else shape)
  const index = indexFields(d);

  it('selects the nearest field of any pointer into the form', () => {
    const name = props('/applicant/name');
    expect(nearestField(d, index, name)).toBe(name);
    expect(nearestField(d, index, `${name}/maxLength`)).toBe(name);
    expect(nearestField(d, index, '/form/prefill/0/item')).toBe(schemaOf(d.form.prefill![0]!.field));
    expect(nearestField(d, index, `${props('/delivery')}/allOf/0/if/properties/method/const`)).toBe(props('/delivery/postalAddress'));
    expect(nearestField(d, index, `${props('/delivery')}/additionalProperties`)).toBe(props('/delivery'));
    expect(nearestField(d, index, '/form/schema/title')).toBeUndefined();
    expect(nearestField(d, index, '/materials/0')).toBeUndefined();
  });

  it('marks shared formats and conditional fields, and lists the objects a field can be added to', () => {
    expect(index.byPointer.get(props('/applicant/mobile'))!.ref).toMatch(/mobile-phone\.json$/);
    expect(index.byPointer.get(props('/delivery/postalAddress'))!.condition).toMatchObject({ field: 'method', equals: '邮寄送达' });
    expect(index.containers.map((c) => c.node.field)).toEqual(['/applicant', '/residence', '/employment', '/delivery']);
  });

  const schemaOf = (field: string) => props(field);
});

const validData = {
  applicant: { name: '张三', idNumber: '33010619900101123X', gender: '男', birthDate: '1990-01-01', householdAddress: '浙江省杭州市西湖区文三路1号', mobile: '13800138000' },
  residence: { regionCode: '330106', address: '杭州市西湖区文三路100号', registrationDate: '2024-01-01', reason: '就业', housingType: '租赁住房' },
  delivery: { method: '电子证照' },
};
