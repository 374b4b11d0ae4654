/**
 * Field errors for rjsf: the runtime's errors (JSON Pointers into the data) as an rjsf ErrorSchema, and rjsf's own
 * ajv messages reworded per locale. Pure: no React.
 */
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { isObject, parsePointer } from '../../engine/json/pointer.ts';
import { fixMessage, schemaAt } from './fix-messages.ts';
import { messages, type Locale } from './messages.ts';
import { fieldLabel, type UiNode } from './ui-schema.ts';

/** One error from the runtime's validator: where in the data, and what to tell the applicant. */
export interface FieldError {
  pointer: string;
  message: string;
  /** The JSON Schema keyword that failed (the runtime sends it): lets the form say how to fix the field. */
  keyword?: string;
}

/** The data pointer of an rjsf error's `property` (`.applicant.mobile` → `/applicant/mobile`). */
export const pointerOfProperty = (property: string | undefined): string =>
  (property ?? '').split('.').filter(Boolean).map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The form a message is worded for: the schema with shared schemas inlined, and its built uiSchema (labels). */
export interface WordingContext {
  schema: Record<string, unknown>;
  uiSchema: UiNode;
}

/**
 * The runtime's field errors with messages in `locale` that say how to fix each field; never the validator's English
 * (a keyword without its own wording gets the generic one; an error without a keyword is an embedder's, kept). An `if` error only says a branch failed, and that
 * branch's own errors are listed too, so it is left out.
 */
export function fixFieldErrors(errors: readonly FieldError[], locale: Locale, form: WordingContext): FieldError[] {
  return errors.filter((e) => e.keyword !== 'if').map((e) => {
    if (!e.keyword) return e; // an embedder's own message, already worded
    const label = fieldLabel(form.schema, form.uiSchema, e.pointer) ?? '';
    const node = schemaAt(form.schema, e.pointer);
    return { ...e, message: fixMessage(node, e.keyword, {}, label, locale) ?? fallbackMessage(e.keyword, node, label, locale) };
  });
}

/** The wording of a keyword without a "how to fix" message: the common ones by keyword, any other generically. */
function fallbackMessage(keyword: string | undefined, node: Record<string, unknown> | undefined, label: string, locale: Locale): string {
  const word = keyword ? wording[locale][keyword] : undefined;
  if (word) return word(keyword && node && node[keyword] !== undefined ? { limit: node[keyword] } : {});
  return locale === 'zh' ? `请检查${label || '此项'}的填写内容` : `Check ${label ? (/^[A-Z]{2}/.test(label) ? label : label[0]!.toLowerCase() + label.slice(1)) : 'this answer'}`;
}

type Node = Record<string, unknown>;

/**
 * Converts pointer errors to an rjsf ErrorSchema: `/applicant/mobile` → `{ applicant: { mobile: { __errors: [...] } } }`;
 * `''` is the form itself. Malformed pointers land on the form;
 * a message repeated at one place shows once.
 */
export function toErrorSchema(errors: readonly FieldError[]): ErrorSchema {
  const root: Node = {};
  for (const { pointer, message } of errors) {
    let node = root;
    for (const token of parsePointer(pointer) ?? []) {
      // `__errors` is rjsf's own key and `__proto__` cannot be an own key: errors below them show on their parent
      if (token === '__errors' || token === '__proto__') break;
      const next = Object.hasOwn(node, token) && isObject(node[token]) ? node[token] : (node[token] = {});
      node = next;
    }
    const list = Array.isArray(node.__errors) ? (node.__errors as string[]) : (node.__errors = []);
    if (!list.includes(message)) list.push(message);
  }
  return root as ErrorSchema;
}

/** The rjsf id of the field at a data pointer (rjsf's default `root` prefix and `_` separator). */
export function fieldId(pointer: string): string {
  return ['root', ...(parsePointer(pointer) ?? [])].join('_');
}

type Wording = (params: Record<string, unknown>) => string;

const wording: Readonly<Record<Locale, Readonly<Record<string, Wording>>>> = {
  zh: {
    required: () => '此项为必填项',
    pattern: () => '格式不正确',
    format: () => '格式不正确',
    minLength: (p) => `至少 ${String(p.limit)} 个字符`,
    maxLength: (p) => `最多 ${String(p.limit)} 个字符`,
    minimum: (p) => `不能小于 ${String(p.limit)}`,
    maximum: (p) => `不能大于 ${String(p.limit)}`,
    exclusiveMinimum: (p) => `必须大于 ${String(p.limit)}`,
    exclusiveMaximum: (p) => `必须小于 ${String(p.limit)}`,
    enum: () => '请从选项中选择',
    const: () => '取值不正确',
    type: () => '类型不正确',
    minItems: (p) => `至少 ${String(p.limit)} 项`,
    maxItems: (p) => `最多 ${String(p.limit)} 项`,
  },
  en: {
    required: () => 'This field is required',
    pattern: () => 'Invalid format',
    format: () => 'Invalid format',
    minLength: (p) => `At least ${String(p.limit)} characters`,
    maxLength: (p) => `At most ${String(p.limit)} characters`,
    minimum: (p) => `Must be at least ${String(p.limit)}`,
    maximum: (p) => `Must be at most ${String(p.limit)}`,
    exclusiveMinimum: (p) => `Must be more than ${String(p.limit)}`,
    exclusiveMaximum: (p) => `Must be less than ${String(p.limit)}`,
    enum: () => 'Choose one of the options',
    const: () => 'Invalid value',
    type: () => 'Invalid type',
    minItems: (p) => `At least ${String(p.limit)} items`,
    maxItems: (p) => `At most ${String(p.limit)} items`,
  },
};

/**
 * An rjsf `transformErrors` that rewords ajv's English messages for the common keywords in `locale`; given the form,
 * each message says how to fix its field (see fixMessage).
 */
export function localizeValidationErrors(locale: Locale, form?: WordingContext): (errors: RJSFValidationError[]) => RJSFValidationError[] {
  return (errors) =>
    errors.filter((error) => error.name !== 'if').map((error) => {
      if (form && error.name) {
        const pointer = pointerOfProperty(error.property);
        const label = fieldLabel(form.schema, form.uiSchema, pointer) ?? '';
        const fixed = fixMessage(schemaAt(form.schema, pointer), error.name, isObject(error.params) ? error.params : {}, label, locale);
        if (fixed) return { ...error, message: fixed, stack: fixed };
      }
      const word = error.name ? wording[locale][error.name] : undefined;
      // never ajv's English inside the Chinese form: a keyword without wording gets the generic message
      const message = word ? word(isObject(error.params) ? error.params : {}) : fallbackMessage(error.name, undefined, '', locale);
      return { ...error, message, stack: error.title ? `${error.title}${messages[locale].labelSeparator}${message}` : message };
    });
}
