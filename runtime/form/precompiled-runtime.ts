/**
 * Turns a precompiled validator module (made by precompiledFormModule on the server) into rjsf's validator, handing
 * its code the ajv runtime modules it names. Nothing is compiled in the browser: no eval, no `new Function`.
 */
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import * as equal from 'ajv/dist/runtime/equal.js';
import * as ucs2length from 'ajv/dist/runtime/ucs2length.js';
import * as validationError from 'ajv/dist/runtime/validation_error.js';
import * as formats from 'ajv-formats/dist/formats.js';
import type { ConditionCheck } from '../../engine/situations/index.ts';
import type { PrecompiledRequire } from './precompiled-modules.ts';
import { satisfies } from './simple-checks.ts';

type Namespace = Record<string, unknown>;

// A CommonJS module's `exports.default`, whichever way the bundler wrapped the module.
function defaultExport(ns: Namespace): unknown {
  const d = ns.default as Namespace | undefined;
  return d && typeof d === 'object' && 'default' in d ? d.default : (d ?? ns);
}

const modules: Record<PrecompiledRequire, Namespace> = {
  'ajv/dist/runtime/equal': { default: defaultExport(equal) },
  'ajv/dist/runtime/ucs2length': { default: defaultExport(ucs2length) },
  'ajv/dist/runtime/validation_error': { default: defaultExport(validationError) },
  'ajv-formats/dist/formats': { fullFormats: (formats as Namespace).fullFormats ?? ((formats as Namespace).default as Namespace).fullFormats },
};

const require = (name: string): Namespace => {
  if (!Object.hasOwn(modules, name)) throw new Error(`precompiled validator needs unknown module "${name}"`);
  return modules[name as PrecompiledRequire];
};

/** rjsf's validator from a precompiled module's default export and the render schema it was compiled from. */
export function precompiledValidator(factory: (require: (name: string) => Namespace) => Record<string, unknown>, renderSchema: RJSFSchema): ValidatorType {
  return createPrecompiledValidator(factory(require) as never, renderSchema);
}

/**
 * A validator that reports nothing: the form's stand-in until its precompiled validators arrive, and the designer's
 * preview (the server still checks). It still decides which `if` branch applies, so conditional fields show and hide.
 */
export const noLiveChecks: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: (schema, formData) => satisfies(schema, formData),
  rawValidation: () => ({}),
};

/**
 * How the page decides a situation condition: with the precompiled functions of the module's `conditions` export
 * (by pointer). A condition without one did not compile on the server, and counts as holding, as the engine counts it.
 */
export function precompiledConditions(factory: (require: (name: string) => Namespace) => Record<string, unknown>): ConditionCheck {
  const fns = factory(require);
  return (_condition, data, pointer) => {
    const fn = Object.hasOwn(fns, pointer) ? fns[pointer] : undefined;
    return typeof fn === 'function' ? fn(data) === true : true;
  };
}
