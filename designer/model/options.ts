/**
 * A field's options (a choice list) as the designer edits them. Unlabelled options are a plain `enum`; labelled ones
 * are `oneOf` of `{ const, title, description }`, as the engine's importer turns rjsf's `enumNames` into: the portal
 * shows `title` to Chinese readers and `description` to English ones (runtime/form/ui-schema.ts gives each option
 * its `ui:title` per locale, which rjsf's select uses as the option's label), ajv checks the value against the
 * `const`s, and the diff compares the alternatives.
 */
import { canonical } from '../../engine/json/equal.ts';
import { isObject } from '../../engine/json/pointer.ts';

export type OptionValue = string | number | boolean;

export interface FieldOption {
  readonly value: OptionValue;
  /** The Chinese label (`title`). */
  readonly zh?: string;
  /** The English label (`description`). */
  readonly en?: string;
}

/** Where a schema keeps its options, and what they are. */
export interface Options {
  readonly keyword: 'enum' | 'oneOf' | 'anyOf';
  readonly options: readonly FieldOption[];
}

const optionKeys = new Set(['const', 'title', 'description']);
/** A value an option (or a condition) can hold. */
export const isOptionValue = (v: unknown): v is OptionValue => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** One alternative of a choice list: `{ const, title?, description? }` and nothing else (anything more is not a label). */
function asOption(alternative: unknown): FieldOption | undefined {
  if (!isObject(alternative) || !Object.hasOwn(alternative, 'const') || !isOptionValue(alternative.const)) return undefined;
  if (Object.keys(alternative).some((k) => !optionKeys.has(k))) return undefined;
  const { const: value, title, description } = alternative;
  if ((title !== undefined && typeof title !== 'string') || (description !== undefined && typeof description !== 'string')) return undefined;
  return { value, ...(title !== undefined && { zh: title }), ...(description !== undefined && { en: description }) };
}

/** The options of a field schema, or undefined when it has none the designer can edit (no list, or alternatives that are more than labelled values). */
export function optionsOf(schema: Readonly<Record<string, unknown>>): Options | undefined {
  // two lists at once (an enum beside a oneOf) restrict each other: not one list of options
  if (['enum', 'oneOf', 'anyOf', 'const'].filter((k) => Object.hasOwn(schema, k)).length > 1) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum.every(isOptionValue) ? { keyword: 'enum', options: schema.enum.map((value) => ({ value })) } : undefined;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const options = list.map(asOption);
    return options.every((o) => o !== undefined) ? { keyword, options: options as FieldOption[] } : undefined;
  }
  return undefined;
}

/** Whether any option carries a label (then the list must be `oneOf`). */
export const labelled = (options: readonly FieldOption[]): boolean => options.some((o) => !!o.zh || !!o.en);

/** The keyword and value that hold `options`: a plain `enum` unless an option is labelled. */
export function optionsKeyword(options: readonly FieldOption[]): ['enum', OptionValue[]] | ['oneOf', Record<string, unknown>[]] {
  if (!labelled(options)) return ['enum', options.map((o) => o.value)];
  return ['oneOf', options.map((o) => ({ const: o.value, ...(o.zh ? { title: o.zh } : {}), ...(o.en ? { description: o.en } : {}) }))];
}

/** The first value that occurs twice (`oneOf` would accept neither), or undefined. */
export function duplicateValue(options: readonly FieldOption[]): OptionValue | undefined {
  const seen = new Set<string>();
  for (const { value } of options) {
    const key = canonical(value);
    if (seen.has(key)) return value;
    seen.add(key);
  }
  return undefined;
}
