/**
 * rjsf's in-page validator: ajv draft 2020-12 compiling the form's schema in the browser (with `new Function`, which a
 * page without 'unsafe-eval' refuses). MatterForm falls back to it for embedders that pass no validator. It is a
 * module of its own so a page that always passes one (the portal: precompiled on the server) can build without it —
 * runtime/web/vite.config.ts puts no-compiling-validator.ts in its place, and the ajv compiler is most of a form's
 * JavaScript.
 */
import type { ValidatorType } from '@rjsf/utils';
import { customizeValidator, type CustomValidatorOptionsType } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** The options rjsf's ajv is made with: draft 2020-12, own properties only, as the runtime's (rjsf adds ajv-formats). */
export function formValidatorOptions(): CustomValidatorOptionsType {
  // rjsf types AjvClass as the draft-07 `Ajv` class; Ajv2020 has the same constructor and API
  const AjvClass = Ajv2020 as unknown as NonNullable<CustomValidatorOptionsType['AjvClass']>;
  return { AjvClass, ajvOptionsOverrides: { ownProperties: true } };
}

/** A fresh rjsf validator with formValidatorOptions (it compiles in the page: see precompiled.ts for the alternative). */
export function createFormValidator(): ValidatorType {
  return customizeValidator(formValidatorOptions());
}
