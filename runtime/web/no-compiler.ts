/**
 * What the portal's build puts in place of ajv's compiler (see vite.config.ts): runtime/form/compiling-validator.ts
 * (MatterForm's in-page validator, its default for embedders) and engine/form/ajv.ts (how the engine decides situation
 * conditions when it is given no precompiled ones). The portal hands MatterForm the validator the server precompiled
 * for the form, or noLiveChecks until it arrives, and decides conditions with the precompiled ones too — so the
 * compiler, most of a form's JavaScript and refused by the page's Content-Security-Policy anyway, is not shipped to
 * applicants. A page that reaches one of these anyway gets a clear error rather than an eval the CSP blocks.
 */
import type { ValidatorType } from '@rjsf/utils';
import type { CustomValidatorOptionsType } from '@rjsf/validator-ajv8';

/** The in-page compiler was asked for in the portal, which builds without it. */
export class NoCompilerError extends Error {
  constructor(what: string) {
    super(`${what}: the portal compiles no schemas in the page; pass the form's precompiled validator and conditions (or noLiveChecks)`);
    this.name = 'NoCompilerError';
  }
}

// in place of runtime/form/compiling-validator.ts
export function formValidatorOptions(): CustomValidatorOptionsType {
  throw new NoCompilerError('formValidatorOptions');
}
export function createFormValidator(): ValidatorType {
  throw new NoCompilerError('createFormValidator');
}

// in place of engine/form/ajv.ts
export function createFormAjv(): never {
  throw new NoCompilerError('createFormAjv');
}
