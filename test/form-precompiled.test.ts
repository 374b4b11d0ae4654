import { describe, expect, it } from 'vitest';
import { createFormValidator, prepareForm } from '../runtime/form/prepare.ts';
import { precompiledFormModule } from '../runtime/form/precompiled.ts';
import { precompiledValidator } from '../runtime/form/precompiled-runtime.ts';
import { realCatalogue } from './support/catalogue.ts';

const shared = realCatalogue.catalogue.schemas.map((s) => s.value);
const load = async (code: string) => (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;

// Data a form sees: empty, wrong types everywhere, and the same with strings that break patterns and formats.
function samples(schema: Record<string, any>): unknown[] {
  const filled = (node: any, value: (s: any) => unknown): unknown => {
    if (node?.type === 'object' && node.properties) return Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, filled(v, value)]));
    return value(node);
  };
  return [{}, filled(schema, () => 42), filled(schema, (s) => (s?.type === 'string' ? 'x' : s?.type === 'integer' ? 1.5 : true)), filled(schema, (s) => (s?.enum ? s.enum[0] : s?.type === 'string' ? '2024-02-30' : 0))];
}

describe('precompiled form validators (no eval in the page)', () => {
  it.each(realCatalogue.catalogue.definitions.map((d) => [d.file, d.value] as const))('check %s exactly as the in-page ajv does', async (_, definition) => {
    const code = precompiledFormModule(definition, shared);
    expect(code).not.toMatch(/new Function|eval\(/);
    const { renderSchema } = prepareForm(definition, shared);
    const precompiled = precompiledValidator(await load(code), renderSchema);
    const compiled = createFormValidator();
    for (const data of samples(renderSchema as Record<string, unknown>)) {
      const a = precompiled.validateFormData(data, renderSchema).errors.map((e) => `${e.property} ${e.name}`);
      const b = compiled.validateFormData(data, renderSchema).errors.map((e) => `${e.property} ${e.name}`);
      expect(a).toEqual(b);
      expect(a.length, JSON.stringify(data)).toBeGreaterThan(0);
    }
  });

  it('hands the code every ajv runtime module it names: deep equality, string length, URIs and formats', async () => {
    const definition = structuredClone(realCatalogue.catalogue.definitions[0]!.value);
    definition.form.schema = {
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'object', properties: { k: { type: 'string' } } }, uniqueItems: true },
        same: { const: { a: [1, 2] } },
        name: { type: 'string', maxLength: 2 },
        site: { type: 'string', format: 'uri' },
        day: { type: 'string', format: 'date' },
      },
    };
    const code = precompiledFormModule(definition, shared);
    for (const name of ['equal', 'ucs2length']) expect(code).toContain(`ajv/dist/runtime/${name}`);
    const { renderSchema } = prepareForm(definition, shared);
    const precompiled = precompiledValidator(await load(code), renderSchema);
    const errors = (data: unknown) => precompiled.validateFormData(data, renderSchema).errors.map((e) => `${e.property} ${e.name}`);
    expect(errors({ tags: [{ k: 'a' }, { k: 'b' }], same: { a: [1, 2] }, name: '张伟', site: 'https://zj.gov.cn/x', day: '2024-02-29' })).toEqual([]);
    expect(errors({ tags: [{ k: 'a' }, { k: 'a' }], same: { a: [2, 1] }, name: '张伟伟', site: 'not a uri', day: '2023-02-29' })).toEqual(
      ['.tags uniqueItems', '.same const', '.name maxLength', '.site format', '.day format'],
    );
  });
});
