/**
 * The portal builds rjsf without its URI library (runtime/web/no-uri-resolver.ts, task E2): @rjsf/utils calls fast-uri
 * only when the root schema it is given declares `$schema` draft 2020-12. These check that the schema the portal hands
 * rjsf (prepareForm's renderSchema, the same path CaseForm and the server's precompiled validators take) never
 * declares one, for every form in the catalogue and for a form whose author wrote one, and that rjsf works through each such form (every
 * reference resolved, defaults computed) with fast-uri's members replaced by the stub's, which throw.
 */
import { createRequire } from 'node:module';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormValidator, prepareForm } from '../runtime/form/prepare.ts';
import { NoUriResolverError } from '../runtime/web/no-uri-resolver.ts';
import fastUriStub from '../runtime/web/no-uri-resolver.ts';
import { realCatalogue } from './support/catalogue.ts';

// the very object @rjsf/utils imports (a CommonJS module, so one instance): its members are swapped for the stub's
const fastUri = createRequire(import.meta.url)('../node_modules/@rjsf/utils/node_modules/fast-uri/index.js') as Record<'equal' | 'resolve', unknown>;
const shared = realCatalogue.catalogue.schemas.map((s) => s.value);
const draft2020 = 'https://json-schema.org/draft/2020-12/schema';

describe('the schema rjsf sees in the portal', () => {
  it.each(realCatalogue.catalogue.definitions.map((d) => [d.file, d.value] as const))('%s declares no root $schema', (_, definition) => {
    const { renderSchema } = prepareForm(definition, shared);
    expect(renderSchema).not.toHaveProperty('$schema');
  });

  it('drops a root $schema the definition\'s author declared, keeping the rest', () => {
    const definition = structuredClone(realCatalogue.catalogue.definitions[0]!.value);
    definition.form.schema = { ...definition.form.schema, $schema: draft2020 } as typeof definition.form.schema;
    const { renderSchema, schema } = prepareForm(definition, shared);
    expect(schema.$schema).toBe(draft2020); // the prepared schema (uiSchema's input) is as authored
    expect(renderSchema).not.toHaveProperty('$schema');
    expect(Object.keys(renderSchema.properties ?? {})).toEqual(Object.keys((schema.properties ?? {}) as object));
  });

  describe('rjsf with the stub in place of fast-uri', () => {
    const real = { equal: fastUri.equal, resolve: fastUri.resolve };
    beforeAll(() => Object.assign(fastUri, fastUriStub));
    afterAll(() => Object.assign(fastUri, real));
    const walk = (schema: RJSFSchema) => {
      const utils = createSchemaUtils(createFormValidator(), schema);
      const data = utils.getDefaultFormState(schema, {});
      utils.retrieveSchema(schema, data);
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        if (typeof sub === 'object') utils.retrieveSchema(sub, (data as Record<string, unknown> | undefined)?.[name]);
      }
    };

    it.each(realCatalogue.catalogue.definitions.map((d) => [d.file, d.value] as const))('%s: never reached', (_, definition) => {
      expect(() => walk(prepareForm(definition, shared).renderSchema)).not.toThrow();
    });

    it('reached for a root declaring 2020-12 (so the check above can fail)', () => {
      const schema: RJSFSchema = { $schema: draft2020, type: 'object', $defs: { n: { type: 'string' } }, properties: { a: { $ref: '#/$defs/n' } } };
      expect(() => walk(schema)).toThrow(NoUriResolverError);
      const { $schema: _, ...plain } = schema;
      expect(() => walk(plain)).not.toThrow();
    });
  });

  it('fails by name if rjsf ever reaches the missing URI library', () => {
    expect(() => fastUriStub.equal()).toThrow(NoUriResolverError);
    expect(() => fastUriStub.resolve()).toThrow(/no root \$schema/);
  });
});
