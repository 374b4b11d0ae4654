/**
 * A matter form's rjsf validator compiled ahead of time into plain JavaScript (ajv standalone code), so a browser
 * under a Content-Security-Policy without 'unsafe-eval' still checks the form as the applicant types. The server
 * makes one module per published definition: `export default function (require) { … return validators }`, where
 * `require` is given the few ajv runtime modules the code names (see precompiled-modules.ts). The same module exports
 * `conditions(require)`: the definition's situation conditions (materials' and fees' `when`, fees' `waivedWhen`)
 * compiled with the very ajv the engine decides them with, keyed by their JSON Pointer — so the page lists the
 * materials and fees that apply as the applicant answers, with no round trip and the server's exact semantics.
 */
import type { RJSFSchema } from '@rjsf/utils';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { MatterDefinition } from '../../engine/index.ts';
import { conditionAjv, conditionsOf } from '../../engine/situations/index.ts';
import { formValidatorOptions } from './compiling-validator.ts';
import { precompiledRequires } from './precompiled-modules.ts';
import { prepareForm } from './prepare.ts';

/** The validator module of a definition's form, as JavaScript source (ESM). */
export function precompiledFormModule(definition: MatterDefinition, sharedSchemas?: readonly object[]): string {
  const { renderSchema } = prepareForm(definition, sharedSchemas);
  const code = compileSchemaValidatorsCode(renderSchema as RJSFSchema, formValidatorOptions());
  const conditions = conditionsCode(definition);
  for (const [, name] of `${code}\n${conditions}`.matchAll(/require\("([^"]+)"\)/g)) {
    if (!(precompiledRequires as readonly string[]).includes(name!)) throw new Error(`the precompiled validator of ${definition.id}@${definition.version} needs "${name}", which the browser runtime does not provide`);
  }
  return (
    `// precompiled rjsf validators of ${definition.id}@${definition.version} (${definition.region.code})\n` +
    `export default function validators(require) {\nconst exports = {};\n${code}\nreturn exports;\n}\n` +
    `// its situation conditions, by JSON Pointer into the definition (one that does not compile is left out: it holds)\n` +
    `export function conditions(require) {\nconst exports = {};\n${conditions}\nreturn exports;\n}\n`
  );
}

// Standalone code exporting each condition that compiles, under its pointer; the engine counts the others as holding.
function conditionsCode(definition: MatterDefinition): string {
  const ajv = conditionAjv({ source: true });
  const names: Record<string, string> = {};
  for (const [i, { pointer, schema }] of conditionsOf(definition).entries()) {
    const id = `urn:onematter:condition:${i}`;
    try {
      ajv.addSchema(schema, id);
      ajv.getSchema(id);
      names[pointer] = id;
    } catch {
      ajv.removeSchema(id);
    }
  }
  return Object.keys(names).length === 0 ? '' : standaloneCode.default(ajv, names); // a CommonJS module: its function is `default`
}
