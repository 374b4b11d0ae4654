/**
 * A matter form's rjsf validator compiled ahead of time into plain JavaScript (ajv standalone code), so a browser
 * under a Content-Security-Policy without 'unsafe-eval' still checks the form as the applicant types. The server
 * makes one module per published definition: `export default function (require) { … return validators }`, where
 * `require` is given the few ajv runtime modules the code names (see precompiled-modules.ts).
 */
import type { RJSFSchema } from '@rjsf/utils';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import type { MatterDefinition } from '../../engine/index.ts';
import { precompiledRequires } from './precompiled-modules.ts';
import { formValidatorOptions, prepareForm } from './prepare.ts';

/** The validator module of a definition's form, as JavaScript source (ESM). */
export function precompiledFormModule(definition: MatterDefinition, sharedSchemas?: readonly object[]): string {
  const { renderSchema } = prepareForm(definition, sharedSchemas);
  const code = compileSchemaValidatorsCode(renderSchema as RJSFSchema, formValidatorOptions());
  for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (!(precompiledRequires as readonly string[]).includes(name!)) throw new Error(`the precompiled validator of ${definition.id}@${definition.version} needs "${name}", which the browser runtime does not provide`);
  }
  return `// precompiled rjsf validators of ${definition.id}@${definition.version} (${definition.region.code})\nexport default function validators(require) {\nconst exports = {};\n${code}\nreturn exports;\n}\n`;
}
