/**
 * importForm: a form written elsewhere (draft-04 to 2020-12, the way rjsf forms are written) becomes a form
 * onematter accepts, with every change reported. Each conversion is held to three things: the exact output, the
 * changes reported (pointer into the input, bilingual message), and that validateSources accepts the result inside
 * a definition — and, where meaning could drift, that the converted form accepts and refuses the same data.
 */
import { describe, expect, it } from 'vitest';
import { createFormAjv, importForm, type ImportOptions, type ImportResult } from '../engine/index.ts';
import { keywordTypes } from '../engine/import/keywords.ts';
import { importRules } from '../engine/import/rules/index.ts';
import { formKeywords } from '../engine/validate/json-schema-check.ts';
import { definitionProblems, miniSharedSchemas } from './support/import.ts';
import { miniDoc } from './support/fixtures.ts';

/** Imports `input`, requiring no problem and a result the validator accepts in a definition. */
function clean(input: unknown, options?: ImportOptions): ImportResult {
  const result = importForm(input, options);
  expect(result.problems).toEqual([]);
  expect(definitionProblems(result.schema)).toEqual([]);
  return result;
}

/** Code, input pointer and output pointer of each change: what the tests pin down. */
const changes = (r: ImportResult) => r.changes.map(({ code, pointer, to }) => (to === undefined ? { code, pointer } : { code, pointer, to }));
const problems = (r: ImportResult) => r.problems.map(({ code, pointer }) => ({ code, pointer }));

/** Which of `data` the converted form accepts. */
const accepts = (schema: object, data: readonly unknown[]) => {
  const validate = createFormAjv([...miniSharedSchemas.values()] as object[]).compile(schema);
  return data.map((d) => validate(d));
};

describe('importForm: what JSON Schema drafts spell differently', () => {
  it('renames definitions to $defs and rewrites every $ref into them, a recursive one included', () => {
    const result = clean({
      type: 'object',
      definitions: {
        address: { type: 'object', properties: { street: { type: 'string' } } },
        node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/node' } } } },
      },
      properties: {
        home: { title: 'Home', $ref: '#/definitions/address' },
        street: { $ref: '#/definitions/address/properties/street' },
        tree: { $ref: '#/definitions/node' },
      },
    });
    expect(result.schema).toEqual({
      type: 'object',
      $defs: {
        address: { type: 'object', properties: { street: { type: 'string' } } },
        node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } },
      },
      properties: {
        home: { title: 'Home', $ref: '#/$defs/address' },
        street: { $ref: '#/$defs/address/properties/street' },
        tree: { $ref: '#/$defs/node' },
      },
    });
    expect(changes(result)).toEqual([
      { code: 'import.definitions-renamed', pointer: '/definitions', to: '/$defs' },
      { code: 'import.ref-rewritten', pointer: '/definitions/node/properties/children/items/$ref', to: '/$defs/node/properties/children/items/$ref' },
      { code: 'import.ref-rewritten', pointer: '/properties/home/$ref', to: '/properties/home/$ref' },
      { code: 'import.ref-rewritten', pointer: '/properties/street/$ref', to: '/properties/street/$ref' },
      { code: 'import.ref-rewritten', pointer: '/properties/tree/$ref', to: '/properties/tree/$ref' },
    ]);
    expect(result.changes[0]!.message).toEqual({
      en: `"definitions" renamed "$defs", 2020-12's name for the same thing; $refs into it follow`,
      zh: `"definitions" 改名为 "$defs"（2020-12 中同一关键字的名称），指向其中的 $ref 随之更新`,
    });
    expect(result.changes[2]!.params).toEqual({ from: '#/definitions/address', to: '#/$defs/address' });
  });

  it('keeps a definitions entry whose name $defs already has, under a new name, and follows it', () => {
    const result = clean({
      type: 'object',
      $defs: { name: { type: 'string', maxLength: 10 } },
      definitions: { name: { type: 'string', maxLength: 20 } },
      properties: { a: { $ref: '#/$defs/name' }, b: { $ref: '#/definitions/name' } },
    });
    expect(result.schema).toEqual({
      type: 'object',
      $defs: { name: { type: 'string', maxLength: 10 }, 'name-2': { type: 'string', maxLength: 20 } },
      properties: { a: { $ref: '#/$defs/name' }, b: { $ref: '#/$defs/name-2' } },
    });
    expect(result.changes[0]!.params).toEqual({ renamed: [['name', 'name-2']] });
  });

  it('splits dependencies into dependentRequired (names) and dependentSchemas (rjsf conditional fields), meaning the same', () => {
    const input = {
      type: 'object',
      properties: { creditCard: { type: 'number' }, pets: { type: 'string', enum: ['no', 'yes'] } },
      dependencies: {
        creditCard: ['billingAddress'],
        pets: {
          oneOf: [
            { properties: { pets: { enum: ['no'] } } },
            { properties: { pets: { enum: ['yes'] }, count: { type: 'integer', minimum: 1 } }, required: ['count'] },
          ],
        },
      },
    };
    const result = clean(input);
    expect(result.schema).toEqual({
      type: 'object',
      properties: input.properties,
      dependentRequired: { creditCard: ['billingAddress'] },
      dependentSchemas: { pets: input.dependencies.pets },
    });
    expect(changes(result)).toEqual([
      { code: 'import.dependent-required', pointer: '/dependencies/creditCard', to: '/dependentRequired/creditCard' },
      { code: 'import.dependent-schemas', pointer: '/dependencies/pets', to: '/dependentSchemas/pets' },
    ]);
    expect(result.changes[0]!.message.en).toContain('when "creditCard" is filled in, so must "billingAddress" be');
    expect(accepts(result.schema, [{ creditCard: 1 }, { creditCard: 1, billingAddress: 'x' }, { pets: 'yes' }, { pets: 'yes', count: 2 }, { pets: 'no' }]))
      .toEqual([false, true, false, true, true]);
  });

  it('removes an empty dependencies', () => {
    const result = clean({ type: 'object', properties: { a: { type: 'boolean' } }, dependencies: {} });
    expect(result.schema).toEqual({ type: 'object', properties: { a: { type: 'boolean' } } });
    expect(changes(result)).toEqual([{ code: 'import.dependencies-empty', pointer: '/dependencies' }]);
  });

  it('turns an items list into prefixItems and closes the tuple at the items rjsf renders', () => {
    const result = clean({
      type: 'object',
      properties: {
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'boolean' }] },
        closed: { type: 'array', items: [{ type: 'number' }], additionalItems: false, minItems: 0 },
        list: { type: 'array', items: { type: 'string' }, additionalItems: { type: 'number' } },
      },
    });
    expect(result.schema.properties).toEqual({
      pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }], items: false, minItems: 2 },
      closed: { type: 'array', prefixItems: [{ type: 'number' }], items: false, minItems: 1 },
      list: { type: 'array', items: { type: 'string' } },
    });
    expect(changes(result)).toEqual([
      { code: 'import.tuple-prefix-items', pointer: '/properties/pair/items', to: '/properties/pair/prefixItems' },
      { code: 'import.tuple-closed', pointer: '/properties/pair/items', to: '/properties/pair/items' },
      { code: 'import.tuple-min-items', pointer: '/properties/pair', to: '/properties/pair/minItems' },
      { code: 'import.tuple-prefix-items', pointer: '/properties/closed/items', to: '/properties/closed/prefixItems' },
      { code: 'import.tuple-no-more-items', pointer: '/properties/closed/additionalItems', to: '/properties/closed/items' },
      { code: 'import.tuple-min-items', pointer: '/properties/closed/minItems', to: '/properties/closed/minItems' },
      { code: 'import.additional-items-ignored', pointer: '/properties/list/additionalItems' },
    ]);
    expect(accepts(result.schema, [{ pair: ['a', true] }, { pair: ['a'] }, { pair: ['a', true, 3] }])).toEqual([true, false, false]);
  });

  it('refuses a tuple followed by items of another schema, which a closed tuple cannot express', () => {
    const result = importForm({
      type: 'object',
      properties: { members: { type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'number' } } },
    });
    expect(problems(result)).toEqual([{ code: 'import.tuple-additional-items', pointer: '/properties/members/additionalItems' }]);
    expect(result.problems[0]!.message).toContain('make the further items a separate array field');
    expect(result.schema.properties).toEqual({ members: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } } });
  });

  it('converts draft-04: boolean exclusive bounds, its `id`, its $schema', () => {
    const result = clean({
      $schema: 'http://json-schema.org/draft-04/schema#',
      id: 'http://example.com/age.json',
      type: 'object',
      properties: { age: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 150, exclusiveMaximum: false } },
    });
    expect(result.schema).toEqual({ type: 'object', properties: { age: { type: 'integer', exclusiveMinimum: 0, maximum: 150 } } });
    expect(changes(result)).toEqual([
      { code: 'import.schema-dropped', pointer: '/$schema' },
      { code: 'import.id-removed', pointer: '/id' },
      { code: 'import.exclusive-bound', pointer: '/properties/age/exclusiveMinimum', to: '/properties/age/exclusiveMinimum' },
      { code: 'import.exclusive-bound-removed', pointer: '/properties/age/exclusiveMaximum' },
    ]);
    expect(accepts(result.schema, [{ age: 0 }, { age: 1 }, { age: 150 }, { age: 151 }])).toEqual([false, true, true, false]);
  });

  it('drops the $schema of an older draft and keeps 2020-12, and refuses a dialect it cannot read', () => {
    expect(changes(clean({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }))).toEqual([{ code: 'import.schema-dropped', pointer: '/$schema' }]);
    expect(clean({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }).changes).toEqual([]);
    const spelled = clean({ $schema: 'http://json-schema.org/draft/2020-12/schema#', type: 'object' });
    expect(spelled.schema).toEqual({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    expect(changes(spelled)).toEqual([{ code: 'import.schema-spelled', pointer: '/$schema', to: '/$schema' }]);
    const unknown = importForm({ $schema: 'http://json-schema.org/draft-03/schema#', type: 'object' });
    expect(problems(unknown)).toEqual([{ code: 'import.unknown-dialect', pointer: '/$schema' }]);
  });

  it('removes every $id and rewrites the $refs that went through one (embedded resources, plain-name anchors) to JSON Pointers', () => {
    const result = clean({
      $id: 'https://example.com/person.json',
      type: 'object',
      definitions: {
        address: { $id: 'address.json', type: 'object', properties: { street: { $id: '#street', type: 'string' } } },
      },
      properties: {
        home: { $ref: 'address.json' },
        street: { $ref: 'address.json#street' },
        deep: { $ref: 'https://example.com/address.json#/properties/street' },
        again: { $ref: 'https://example.com/person.json#/definitions/address' },
      },
    });
    expect(result.schema).toEqual({
      type: 'object',
      $defs: { address: { type: 'object', properties: { street: { type: 'string' } } } },
      properties: {
        home: { $ref: '#/$defs/address' },
        street: { $ref: '#/$defs/address/properties/street' },
        deep: { $ref: '#/$defs/address/properties/street' },
        again: { $ref: '#/$defs/address' },
      },
    });
    expect(changes(result).filter((c) => c.code === 'import.id-removed').map((c) => c.pointer)).toEqual([
      '/$id', '/definitions/address/$id', '/definitions/address/properties/street/$id',
    ]);
  });

  it('keeps $anchor references and references into the shared schemas as written', () => {
    const input = {
      type: 'object',
      $defs: { phone: { $anchor: 'phone', type: 'string', pattern: '^1[3-9][0-9]{9}$' } },
      properties: { mobile: { $ref: '#phone' }, id: { $ref: 'https://onematter.dev/schemas/shared/id-number.json' } },
    };
    const result = clean(input, { sharedSchemas: miniSharedSchemas });
    expect(result.schema).toEqual(input);
    expect(result.changes).toEqual([]);
  });
});

describe('importForm: the types strict mode needs', () => {
  it('adds the type each keyword implies, a union where they imply several', () => {
    const result = clean({
      properties: {
        code: { minLength: 2, pattern: '^[A-Z]+$' },
        when: { format: 'date' },
        size: { minimum: 0, multipleOf: 0.5 },
        count: { format: 'int32' },
        tags: { items: { type: 'string' }, uniqueItems: true },
        either: { minLength: 1, maximum: 9 },
      },
    });
    expect(result.schema).toEqual({
      type: 'object',
      properties: {
        code: { type: 'string', minLength: 2, pattern: '^[A-Z]+$' },
        when: { type: 'string', format: 'date' },
        size: { type: 'number', minimum: 0, multipleOf: 0.5 },
        count: { type: 'number', format: 'int32' },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        either: { type: ['string', 'number'], minLength: 1, maximum: 9 },
      },
    });
    expect(changes(result).map((c) => [c.code, c.pointer])).toEqual([
      ['import.type-added', ''],
      ['import.type-added', '/properties/code'],
      ['import.type-added', '/properties/when'],
      ['import.type-added', '/properties/size'],
      ['import.type-added', '/properties/count'],
      ['import.type-added', '/properties/tags'],
      ['import.type-added', '/properties/either'],
    ]);
    expect(result.changes[6]!.message.en).toContain('"minLength", "maximum" apply only to "string" or "number" values');
    expect(result.changes[6]!.params).toEqual({ type: ['string', 'number'], keywords: ['minLength', 'maximum'] });
  });

  it('adds no type where an enclosing in-place subschema names one, and removes a keyword the type excludes', () => {
    const result = clean({
      type: 'object',
      properties: { name: { type: 'string', minimum: 3, maxLength: 20 } },
      anyOf: [{ required: ['a'] }, { required: ['b'], minLength: 1 }],
    });
    expect(result.schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string', maxLength: 20 } },
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(changes(result)).toEqual([
      { code: 'import.keyword-dead', pointer: '/properties/name/minimum' },
      { code: 'import.keyword-dead', pointer: '/anyOf/1/minLength' },
    ]);
    expect(result.changes[0]!.message.zh).toContain('从未起过作用');
  });

  it('says "type": "object" at a root that is only a $ref to an object schema, as schema generators write them', () => {
    const result = clean({ $ref: '#/definitions/Form', definitions: { Form: { type: 'object', properties: { a: { type: 'string' } } } } });
    expect(result.schema).toEqual({ type: 'object', $ref: '#/$defs/Form', $defs: { Form: { type: 'object', properties: { a: { type: 'string' } } } } });
    expect(changes(result)).toEqual([
      { code: 'import.definitions-renamed', pointer: '/definitions', to: '/$defs' },
      { code: 'import.root-type', pointer: '', to: '/type' },
      { code: 'import.ref-rewritten', pointer: '/$ref', to: '/$ref' },
    ]);
    expect(problems(importForm({ $ref: '#/definitions/Name', definitions: { Name: { type: 'string' } } }))).toEqual([{ code: 'form.root-not-object', pointer: '' }]);
  });

  it('holds the keyword table to the one ajv checks forms with', () => {
    const rules = (createFormAjv() as unknown as { RULES: { all: Record<string, { definition?: { type?: string[] } }> } }).RULES.all;
    const ajvTypes = Object.fromEntries(
      Object.entries(rules)
        .filter(([k, r]) => formKeywords.has(k) && typeof r === 'object' && (r.definition?.type?.length ?? 0) > 0)
        .map(([k, r]) => [k, r.definition!.type]),
    );
    expect(keywordTypes).toEqual(ajvTypes);
  });
});

describe('importForm: what rjsf and others add to JSON Schema', () => {
  it('turns enumNames into oneOf of const and title, anyOf where values repeat', () => {
    const result = clean({
      type: 'object',
      properties: {
        color: { type: 'string', enum: ['r', 'g', 'b'], enumNames: ['Red', 'Green'] },
        size: { type: 'integer', enum: [1, 1, 2], enumNames: ['one', 'uno', 'two'] },
        bare: { type: 'string', enumNames: ['x'] },
      },
    });
    expect(result.schema.properties).toEqual({
      color: { type: 'string', oneOf: [{ const: 'r', title: 'Red' }, { const: 'g', title: 'Green' }, { const: 'b' }] },
      size: { type: 'integer', anyOf: [{ const: 1, title: 'one' }, { const: 1, title: 'uno' }, { const: 2, title: 'two' }] },
      bare: { type: 'string' },
    });
    expect(changes(result)).toEqual([
      { code: 'import.enum-names', pointer: '/properties/color/enumNames', to: '/properties/color/oneOf' },
      { code: 'import.enum-names', pointer: '/properties/size/enumNames', to: '/properties/size/anyOf' },
      { code: 'import.enum-names-dropped', pointer: '/properties/bare/enumNames' },
    ]);
    expect(result.changes[0]!.message.en).toContain('1 value(s) had no label');
    expect(accepts(result.schema, [{ color: 'b' }, { color: 'x' }, { size: 1 }, { size: 3 }])).toEqual([true, false, true, false]);
  });

  it('moves rjsf ui options to the uiSchema of their field, and drops those no field addresses', () => {
    const result = clean({
      type: 'object',
      'ui:order': ['list', 'a'],
      definitions: { code: { type: 'string', 'ui:widget': 'password' } },
      properties: {
        a: { type: 'string', 'ui:widget': 'textarea' },
        list: { type: 'array', items: { type: 'string', 'ui:placeholder': 'tag' } },
        more: { type: 'object', additionalProperties: { type: 'string', 'ui:autofocus': true } },
      },
    });
    expect(result.uiSchema).toEqual({
      'ui:order': ['list', 'a'],
      a: { 'ui:widget': 'textarea' },
      list: { items: { 'ui:placeholder': 'tag' } },
      more: { additionalProperties: { 'ui:autofocus': true } },
    });
    expect(changes(result).filter((c) => c.code.startsWith('import.ui'))).toEqual([
      { code: 'import.ui-moved', pointer: '/ui:order' },
      { code: 'import.ui-dropped', pointer: '/definitions/code/ui:widget' },
      { code: 'import.ui-moved', pointer: '/properties/a/ui:widget' },
      { code: 'import.ui-moved', pointer: '/properties/list/items/ui:placeholder' },
      { code: 'import.ui-moved', pointer: '/properties/more/additionalProperties/ui:autofocus' },
    ]);
  });

  it('turns OpenAPI nullable into "null" in type, and draft-03 required booleans into required lists', () => {
    const result = clean({
      type: 'object',
      properties: { nick: { type: 'string', nullable: true }, a: { type: 'string', required: true }, b: { type: 'string', required: false } },
    });
    expect(result.schema).toEqual({
      type: 'object',
      properties: { nick: { type: ['string', 'null'] }, a: { type: 'string' }, b: { type: 'string' } },
      required: ['a'],
    });
    expect(changes(result)).toEqual([
      { code: 'import.required-boolean', pointer: '/properties/a/required', to: '/required' },
      { code: 'import.required-boolean', pointer: '/properties/b/required' },
      { code: 'import.nullable', pointer: '/properties/nick/nullable', to: '/properties/nick/type' },
    ]);
  });

  it('names each type once, and removes draft-03\'s "any"', () => {
    const result = clean({ type: 'object', properties: { a: { type: ['string', 'string', 'null'] }, b: { type: 'any', title: 'B' } } });
    expect(result.schema.properties).toEqual({ a: { type: ['string', 'null'] }, b: { title: 'B' } });
    expect(changes(result)).toEqual([
      { code: 'import.type-duplicates', pointer: '/properties/a/type', to: '/properties/a/type' },
      { code: 'import.type-any', pointer: '/properties/b/type' },
    ]);
  });

  it('removes unknown keywords, which checked nothing, naming a likely misspelling; keeps those whose removal would drop a check', () => {
    const result = clean({
      type: 'object',
      id: 'form-1',
      'x-internal': true,
      properties: { name: { type: 'string', maxLenght: 5, readonly: true } },
    });
    expect(result.schema).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    expect(result.changes.map((c) => [c.pointer, c.params])).toEqual([
      ['/id', { keyword: 'id' }],
      ['/x-internal', { keyword: 'x-internal' }],
      ['/properties/name/maxLenght', { keyword: 'maxLenght', hint: 'maxLength' }],
      ['/properties/name/readonly', { keyword: 'readonly', hint: 'readOnly' }],
    ]);
    expect(result.changes[2]!.message.en).toContain('did you mean "maxLength"?');
    const recursive = importForm({ type: 'object', properties: { tree: { $recursiveRef: '#' } } });
    expect(problems(recursive)).toEqual([{ code: 'form.unknown-keyword', pointer: '/properties/tree/$recursiveRef' }]);
  });

  it('removes keywords without effect (if without then or else, then or else without if)', () => {
    const result = clean({
      type: 'object',
      properties: { a: { type: 'integer' } },
      allOf: [{ if: { properties: { a: { const: 1 } } } }, { else: { required: ['b'] } }],
    });
    expect(result.schema.allOf).toEqual([{}, {}]);
    expect(changes(result)).toEqual([
      { code: 'import.keyword-ignored', pointer: '/allOf/0/if' },
      { code: 'import.keyword-ignored', pointer: '/allOf/1/else' },
    ]);
  });

  it('takes declared properties out of a pattern whose schema adds nothing to theirs (strict mode refuses the overlap)', () => {
    const result = clean({
      type: 'object',
      properties: { firstName: { type: 'string', title: 'First name' } },
      patternProperties: { '^[a-z][a-zA-Z]+$': { type: 'string' } },
    });
    expect(result.schema.patternProperties).toEqual({ '^(?!(?:firstName)$)(?:[a-z][a-zA-Z]+$)': { type: 'string' } });
    expect(changes(result)).toEqual([
      { code: 'import.pattern-overlap', pointer: '/patternProperties/^[a-z][a-zA-Z]+$', to: '/patternProperties/^(?!(?:firstName)$)(?:[a-z][a-zA-Z]+$)' },
    ]);
    expect(accepts(result.schema, [{ firstName: 'a', nickName: 'b' }, { nickName: 1 }, { firstName: 1 }])).toEqual([true, false, false]);
    // a pattern whose schema asks more is left alone: strict mode then refuses the form
    const stricter = importForm({ type: 'object', properties: { ab: { type: 'string' } }, patternProperties: { '^a': { type: 'string', maxLength: 3 } } });
    expect(problems(stricter)).toEqual([{ code: 'form.strict-mode', pointer: '' }]);
  });
});

describe('importForm: what it refuses, pointing into the imported form', () => {
  it('reports what onematter refuses with the validator’s codes, at the pointer in the input (not in the converted form)', () => {
    const result = importForm({
      type: 'object',
      definitions: {
        choice: { type: 'string', enum: [] },
        upload: { type: 'string', format: 'data-url' },
        words: { type: 'string', pattern: '^(\\w+\\s?)*$' },
      },
      properties: { c: { $ref: '#/definitions/choice' }, remote: { $ref: 'https://example.com/address.json' }, near: { $ref: 'address.json' } },
    }, { file: 'rjsf-form.json' });
    expect(problems(result)).toEqual([
      { code: 'form.enum-empty', pointer: '/definitions/choice/enum' },
      { code: 'form.unknown-format', pointer: '/definitions/upload/format' },
      { code: 'form.pattern-unsafe', pointer: '/definitions/words/pattern' },
      { code: 'form.ref-external', pointer: '/properties/remote/$ref' },
      { code: 'form.ref-unresolved', pointer: '/properties/near/$ref' },
    ]);
    expect(result.problems.every((p) => p.file === 'rjsf-form.json')).toBe(true);
  });

  it('refuses a root that is not an object: form data is addressed by field path', () => {
    expect(problems(importForm({ type: 'string', title: 'A single field' }))).toEqual([{ code: 'form.root-not-object', pointer: '/type' }]);
    expect(problems(importForm({ title: 'No type' }))).toEqual([{ code: 'form.root-not-object', pointer: '' }]);
    expect(problems(importForm(['not', 'a', 'schema']))).toEqual([{ code: 'form.root-not-object', pointer: '' }]);
  });

  it('refuses what is not JSON, prototype keys and nesting a definition cannot hold, without throwing', () => {
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic.properties = { self: cyclic };
    let deep: unknown = { type: 'string' };
    for (let i = 0; i < 70; i++) deep = { type: 'array', items: deep };
    const cases: [unknown, { code: string; pointer: string }[]][] = [
      [{ type: 'object', properties: { a: { type: 'string', default: () => 'x' } } }, [{ code: 'import.not-json', pointer: '/properties/a/default' }]],
      [{ type: 'object', properties: { a: { type: 'number', maximum: Number.NaN } } }, [{ code: 'import.not-json', pointer: '/properties/a/maximum' }]],
      [{ type: 'object', properties: { a: { type: 'string', default: new Date(0) } } }, [{ code: 'import.not-json', pointer: '/properties/a/default' }]],
      [{ type: 'object', properties: { a: { type: 'string', title: undefined } } }, [{ code: 'import.not-json', pointer: '/properties/a/title' }]],
      [cyclic, [{ code: 'import.not-json', pointer: '/properties/self' }]],
      [JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'), [{ code: 'json.forbidden-key', pointer: '/properties/__proto__' }]],
      [{ type: 'object', properties: { deep } }, [{ code: 'json.too-deep', pointer: `/properties/deep${'/items'.repeat(60)}` }]],
    ];
    for (const [input, expected] of cases) expect(problems(importForm(input))).toEqual(expected);
  });
});

describe('importForm: guarantees', () => {
  it('leaves a form onematter already accepts as it is, with no change', () => {
    const schema = miniDoc('matters/baseline.json').form.schema;
    const result = clean(schema, { sharedSchemas: miniSharedSchemas });
    expect(result.schema).toEqual(schema);
    expect(result.changes).toEqual([]);
  });

  it('never changes its input, and imports its own output without a change', () => {
    const input = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { t: { items: [{ type: 'string' }] } },
      properties: { x: { $ref: '#/definitions/t' }, y: { enum: ['a'], enumNames: ['A'], 'ui:widget': 'radio' } },
      dependencies: { x: ['y'] },
    };
    const copy = structuredClone(input);
    const first = clean(input);
    expect(input).toEqual(copy);
    const again = clean(first.schema);
    expect(again.schema).toEqual(first.schema);
    expect(again.changes).toEqual([]);
  });

  it('says every change in English and Chinese, each rule with its own import.* codes', () => {
    for (const rule of importRules) for (const code of Object.keys(rule.changes)) expect(code, rule.name).toMatch(/^import\.[a-z-]+$/);
    const result = clean({
      $schema: 'http://json-schema.org/draft-04/schema#',
      definitions: { a: { minimum: 1, exclusiveMinimum: true } },
      properties: { a: { $ref: '#/definitions/a' }, b: { items: [{ type: 'string' }], 'ui:widget': 'x', foo: 1 } },
    });
    expect(result.changes.length).toBeGreaterThan(6);
    for (const c of result.changes) {
      expect(c.message.en.length, c.code).toBeGreaterThan(20);
      expect(c.message.zh, c.code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
