/**
 * compose(bundle, members) on minimal pairs: two members differing in one thing at a time, so each rule of the
 * composition (facts by mapping and by shared-data item, conflicts, parallel regions, materials, metrics) is seen
 * to make its difference.
 */
import { describe, expect, it } from 'vitest';
import { bundleSaving, compose, composeBundles, resolveMembers, validateSources, type BundleDefinition, type MatterDefinition } from '../engine/index.ts';
import { createFormAjv } from '../engine/form/ajv.ts';
import { codesAt, miniDoc, miniSources } from './support/fixtures.ts';
import { realCatalogue } from './support/catalogue.ts';

const first = (): MatterDefinition => miniDoc('matters/baseline.json');
const second = (): MatterDefinition => miniDoc('matters/other.json');
const bundle = (change: (b: BundleDefinition) => void = () => {}): BundleDefinition => {
  const b = miniDoc('bundle.json') as BundleDefinition;
  b.members[1]!.department = 'health';
  change(b);
  return b;
};
const composeWith = (b: BundleDefinition, a = first(), c = second()) =>
  compose(b, [{ file: 'matters/baseline.json', value: a }, { file: 'matters/other.json', value: c }], 'bundle.json');
const properties = (def: MatterDefinition | undefined, key: string) => Object.keys(((def!.form.schema as any).properties[key] as any).properties);
const phoneFact = (b: BundleDefinition) => {
  b.facts = [{ id: 'phone', fields: [{ member: 'first', field: '/phone' }, { member: 'second', field: '/phone' }] }];
};

/** Validates a composed definition as a file of the mini catalogue. */
function problemsOf(definition: MatterDefinition) {
  const sources = [...miniSources(), { file: 'matters/composed.json', text: JSON.stringify(definition) }];
  return validateSources(sources).problems.filter((p) => p.file === 'matters/composed.json');
}

describe('one form', () => {
  it('asks a fact the bundle maps once: the first member keeps it, the second no longer asks it', () => {
    const without = composeWith(bundle());
    expect(properties(without.definition, 'second')).toContain('phone');
    const mapped = composeWith(bundle(phoneFact));
    expect(mapped.problems).toEqual([]);
    expect(properties(mapped.definition, 'first')).toContain('phone');
    expect(properties(mapped.definition, 'second')).not.toContain('phone');
    expect((mapped.definition!.form.schema as any).properties.second.required).not.toContain('phone');
    expect(mapped.merged.get('second/phone')).toBe('/first/phone');
  });

  it('asks a fact both members prefill from one shared-data item and value once, unlisted', () => {
    const merged = composeWith(bundle());
    expect(Object.keys((merged.definition!.form.schema as any).properties.second.properties.applicant.properties)).toEqual(['birthYear']);
    expect(merged.definition!.form.prefill!.map((p) => p.field)).toEqual(['/first/applicant/name', '/first/applicant/idNumber']);
    // the same field prefilled from another value of the item is another fact: kept
    const other = second();
    other.form.prefill![0]!.value = 'formerName';
    const apart = composeWith(bundle(), first(), other);
    expect(Object.keys((apart.definition!.form.schema as any).properties.second.properties.applicant.properties)).toEqual(['name', 'birthYear']);
  });

  it('joins facts that share a field: typed in the first member, prefilled alike in the others, asked once', () => {
    const a = first();
    a.form.prefill = a.form.prefill!.filter((p) => p.field !== '/applicant/name'); // the first member types the name
    const third = { ...second(), id: '330000-TEST-0003' };
    const b = bundle((x) => {
      x.members.push({ key: 'third', matter: { id: '330000-TEST-0003' }, department: 'hrss' });
      x.facts = [{ id: 'name', fields: [{ member: 'first', field: '/applicant/name' }, { member: 'second', field: '/applicant/name' }] }];
    });
    const result = compose(b, [{ file: 'a.json', value: a }, { file: 'b.json', value: second() }, { file: 'c.json', value: third }], 'bundle.json');
    expect(result.problems).toEqual([]);
    const props = (key: string) => Object.keys((result.definition!.form.schema as any).properties[key].properties.applicant.properties);
    expect([props('first'), props('second'), props('third')]).toEqual([['name', 'idNumber', 'birthYear'], ['birthYear'], ['birthYear']]);
    expect(result.merged.get('third/applicant/name')).toBe('/first/applicant/name');
    // still typed: a prefilled copy elsewhere does not prefill the kept field
    expect(result.definition!.form.prefill!.map((p) => p.field)).toEqual(['/first/applicant/idNumber']);
  });

  it('drops an object whose every field another member asks, rather than leave an empty box', () => {
    const other = second();
    delete (other.form.schema as any).properties.applicant.properties.birthYear;
    const { definition } = composeWith(bundle(), first(), other);
    expect(properties(definition, 'second')).toEqual(['phone', 'address']);
    expect((definition!.form.schema as any).properties.second.required).toEqual(['phone']);
  });

  it('reports a mapped fact whose constraints differ, pointing into both members, and keeps both fields', () => {
    const other = second();
    (other.form.schema as any).properties.phone = { type: 'string', pattern: '^[0-9]{11}$' };
    const result = composeWith(bundle(phoneFact), first(), other);
    expect(codesAt(result.problems)).toEqual([{ code: 'bundle.fact-conflict', pointer: '/form/schema/properties/phone' }]);
    expect(result.problems[0]).toMatchObject({ file: 'matters/other.json', params: { member: 'second', otherMember: 'first', otherFile: 'matters/baseline.json', otherPointer: '/form/schema/properties/phone' } });
    expect(properties(result.definition, 'second')).toContain('phone');
    // wording is not a constraint: a different title still merges
    const retitled = second();
    (retitled.form.schema as any).properties.phone = { $ref: '#/$defs/phone', title: '手机' };
    expect(composeWith(bundle(phoneFact), first(), retitled).problems).toEqual([]);
  });

  it('never makes a merged field optional: required in either member, required in the bundle', () => {
    const a = first();
    (a.form.schema as any).required = ['applicant'];
    const result = composeWith(bundle(phoneFact), a);
    expect((result.definition!.form.schema as any).properties.first.required).toContain('phone');
  });

  it('keeps a field a member\u2019s own condition looks at, even when the bundle maps it', () => {
    const other = second();
    other.materials[1]!.when = { properties: { phone: { const: '13800000000' } }, required: ['phone'] };
    const result = composeWith(bundle(phoneFact), first(), other);
    expect(properties(result.definition, 'second')).toContain('phone');
    expect(result.definition!.materials.find((m) => m.id === 'rental')).not.toHaveProperty('when'); // asked by the first member always
  });

  it('reports a mapped field that a member does not have', () => {
    const result = composeWith(bundle((b) => (b.facts = [{ id: 'x', fields: [{ member: 'first', field: '/nope' }, { member: 'second', field: '/phone' }] }])));
    expect(codesAt(result.problems)).toEqual([{ code: 'bundle.fact-field-missing', pointer: '/facts/0/fields/0' }]);
  });

  it('moves each member\u2019s local $refs under its part, so the composed form compiles and checks both parts', () => {
    const { definition } = composeWith(bundle());
    expect((definition!.form.schema as any).properties.second.properties.phone).toEqual({ $ref: '#/properties/second/$defs/phone' });
    const ajv = createFormAjv(realCatalogue.catalogue.schemas.map((s) => s.value));
    const validate = ajv.compile(definition!.form.schema);
    const data = { first: { applicant: { name: '张伟', idNumber: '330106199001011237' }, phone: '13800000000' }, second: { applicant: {}, phone: '12' } };
    expect(validate(data)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(['/second/phone']);
  });
});

describe('one process', () => {
  it('runs the members as parallel regions joined at 办结, each with its department\u2019s roles and its own staff events', () => {
    const { definition, submissions } = composeWith(bundle());
    const process = definition!.process;
    expect(process.initial).toBe('draft');
    expect(process.states.draft!.on).toEqual({ SUBMIT: 'members', WITHDRAW: 'withdrawn' });
    const members = process.states.members!;
    expect(members.type).toBe('parallel');
    expect(members.onDone).toBe('completed');
    expect(process.states.completed).toMatchObject({ type: 'final', meta: { outcome: 'completed' } });
    expect(Object.keys(members.states!)).toEqual(['first', 'second']);
    const firstRegion = members.states!.first!;
    expect(firstRegion.initial).toBe('submitted'); // the draft is the bundle's one application
    expect(firstRegion.states!.submitted!.meta!.role).toBe('test-clerk');
    expect(members.states!.second!.states!.submitted!.meta!.role).toBe('health-clerk');
    expect(Object.keys(firstRegion.states!.submitted!.on!)).toEqual(['ACCEPT.first', 'REJECT.first']);
    expect(definition!.roles.map((r) => r.id)).toEqual(['applicant', 'test-clerk', 'test-approver', 'health-clerk', 'health-approver']);
    expect(submissions).toBe(1);
    expect(problemsOf(definition!)).toEqual([]);
  });

  it('keeps each member submitted on its own when the bundle says so: its draft in its region, SUBMIT addressed to it', () => {
    const { definition, submissions } = composeWith(bundle((b) => (b.submission = 'separate')));
    expect(definition!.process.initial).toBe('members');
    const region = definition!.process.states.members!.states!.second!;
    expect(region.initial).toBe('draft');
    expect(Object.keys(region.states!.draft!.on!)).toEqual(['SUBMIT.second', 'WITHDRAW.second']);
    expect(submissions).toBe(2);
    expect(problemsOf(definition!)).toEqual([]);
  });

  it('keeps a member\u2019s guarded submission as its own draft step, answered by the applicant\u2019s next SUBMIT', () => {
    const other = second();
    other.process.states.draft!.on!.SUBMIT = { target: 'submitted', guard: 'materialsComplete' };
    const { definition, submissions } = composeWith(bundle(), first(), other);
    const region = definition!.process.states.members!.states!.second!;
    expect(region.initial).toBe('draft');
    expect(Object.keys(region.states!.draft!.on!)).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(submissions).toBe(2);
    expect(problemsOf(definition!)).toEqual([]);
  });
});

describe('a member\u2019s process moved into its region', () => {
  it('keeps its targets: by id into the region, root-level ones to the region\u2019s own states', () => {
    const other = second();
    other.process.states.review!.on!.REJECT = `#${other.process.id}.rejected`;
    other.process.on = { WITHDRAW: 'withdrawn' };
    const { definition, problems } = composeWith(bundle(), first(), other);
    expect(problems).toEqual([]);
    const region = definition!.process.states.members!.states!.second!;
    expect(region.states!.review!.on!['REJECT.second']).toBe('#oneThing.members.second.rejected');
    expect(region.on).toEqual({ WITHDRAW: '.withdrawn' });
    expect(problemsOf(definition!)).toEqual([]);
  });

  it('reports a member nested too deep to sit two levels down in the bundle', () => {
    const other = second();
    other.process.states.review = { initial: 'a', meta: { role: 'approver', step: { zh: '审核', en: 'Review' } }, states: { a: { initial: 'b', states: { b: { initial: 'c', states: { c: { on: { APPROVE: '#test.approved' } } } } } } } } as never;
    const result = composeWith(bundle(), first(), other);
    expect(codesAt(result.problems)).toEqual([{ code: 'bundle.member-too-deep', pointer: '/members/1/matter' }]);
    expect(result.problems[0]).toMatchObject({ file: 'bundle.json', params: { file: 'matters/other.json', depth: 4, limit: 2 } });
  });
});

describe('one set of materials, fees and outputs', () => {
  it('lists a material both members ask once, supplied through shared data when either member fetches it', () => {
    const { definition } = composeWith(bundle());
    expect(definition!.materials.map((m) => [m.id, m.source])).toEqual([['idCard', 'shared-data'], ['rental', 'applicant']]);
    const fetched = second();
    fetched.materials[1] = { ...fetched.materials[1]!, source: 'shared-data', sharedData: { item: 'household' }, name: { zh: '租赁合同', en: 'Rental contract' } };
    const waived = composeWith(bundle(), first(), fetched).definition!;
    expect(waived.materials.filter((m) => m.name.zh === '租赁合同').map((m) => m.source)).toEqual(['shared-data']);
  });

  it('asks a material the most any member asks: the stronger necessity, more copies', () => {
    const other = second();
    other.materials[1] = { ...other.materials[1]!, necessity: 'optional', copies: { originals: 1, photocopies: 2 } };
    const a = first();
    a.materials[1]!.necessity = 'tolerated-missing';
    const rental = composeWith(bundle(), a, other).definition!.materials.find((m) => m.id === 'rental')!;
    expect(rental).toMatchObject({ necessity: 'tolerated-missing', copies: { originals: 1, photocopies: 2 } });
  });

  it('marks each output with the member whose approval issues it, ids kept unique', () => {
    const { definition } = composeWith(bundle());
    expect(definition!.outputs.map((o) => [o.id, o.member])).toEqual([['permit', 'first'], ['second-permit', 'second']]);
    expect(definition!.legalBasis.map((l) => l.id)).toEqual(['decree663']); // one law, cited by both members, once
  });
});

describe('the saving', () => {
  it('counts fields, materials, visits, days and submissions against applying for each member on its own', () => {
    const b = bundle(phoneFact);
    b.timeLimit = { promisedDays: 4 };
    const a = first();
    const c = second();
    c.visits = 1;
    c.visitReason = { zh: '现场核验', en: 'On-site check' };
    const { definition, submissions } = composeWith(b, a, c);
    const saving = bundleSaving([a, c], definition!, submissions);
    // each member: birthYear, phone, address typed (name and id number prefilled); the rental contract brought
    expect(saving.separately).toEqual({ fieldsTyped: 6, materials: 2, visits: 1, promisedDays: 6, submissions: 2 });
    expect(saving.together).toEqual({ fieldsTyped: 5, materials: 1, visits: 0, promisedDays: 4, submissions: 1 });
    expect(saving.saved).toEqual({ fieldsTyped: 1, materials: 1, visits: 1, promisedDays: 2, submissions: 1 });
  });
});

describe('the catalogue\u2019s bundles', () => {
  it('compose into definitions that validate (a region\u2019s bundle against the province\u2019s), members resolved to the newest versions', () => {
    expect(realCatalogue.problems).toEqual([]);
    for (const b of realCatalogue.catalogue.bundles) {
      const { members, problems } = resolveMembers(b.value, b.file, realCatalogue.catalogue.definitions);
      expect(problems).toEqual([]);
      expect(compose(b.value, members.map((m) => m!), b.file).problems).toEqual([]);
    }
    const composed = composeBundles(realCatalogue.catalogue);
    expect(composed.map((c) => c.file).sort()).toEqual(realCatalogue.catalogue.bundles.map((b) => b.file).sort());
    const { catalogue } = realCatalogue;
    const sources = [...catalogue.definitions, ...catalogue.schemas, ...catalogue.sharedData, ...catalogue.regions].map((d) => ({ file: d.file, text: JSON.stringify(d.value) }));
    const files = composed.map((c, i) => ({ file: `composed/${i}.json`, text: JSON.stringify(c.value) }));
    expect(validateSources([...sources, ...files]).problems.filter((p) => p.file.startsWith('composed/'))).toEqual([]);
  });

  it('resolve a region\u2019s members to that region\u2019s variants: Zhoushan\u2019s birth bundle registers with Zhoushan\u2019s rules', () => {
    const zhoushan = composeBundles(realCatalogue.catalogue).find((c) => c.value.region.code === '330900')!;
    expect(zhoushan.value.bundle!.members.find((m) => m.key === 'birthRegistration')!.matter).toEqual({ id: '330000-GA-0102', version: '2.0.0' });
    expect(zhoushan.members.find((m) => m.value.id === '330000-GA-0102')!.value.region.code).toBe('330900');
    expect(zhoushan.saving.together.submissions).toBe(5);
  });
});
