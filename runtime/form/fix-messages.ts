/**
 * Error messages that say how to fix a field (GOV.UK style: "Enter …", "Select …"), worded from the field's label and
 * its constraint, for rjsf's own checks and for the runtime's field errors alike. A definition may give its own text
 * per keyword on a field: `errorMessage: { pattern: { zh, en } }` (the ajv-errors shape, bilingual). Pure: no React.
 */
import { isObject, parsePointer } from '../../engine/json/pointer.ts';
import { sharedOrigin } from './render-schema.ts';
import { deref, divisionCodeSchemaId, propertySchema } from './ui-schema.ts';
import type { Locale } from './messages.ts';

type Schema = Record<string, unknown>;

/** The schema of the field at a data pointer (following `$ref`s, `allOf`, `then`/`else` and array items), if any. */
export function schemaAt(root: Schema, pointer: string): Schema | undefined {
  let node: unknown = root;
  for (const token of parsePointer(pointer) ?? []) {
    node = deref(node, root);
    if (!isObject(node)) return undefined;
    if (/^(0|[1-9][0-9]*)$/.test(token) && isObject(node.items)) node = node.items;
    else node = propertySchema(node, token, root);
  }
  node = deref(node, root);
  return isObject(node) ? node : undefined;
}


/** What a simple anchored pattern asks for: its fixed length, whether all digits, a literal start and a last-place X. */
export interface PatternShape {
  length?: number;
  digits: boolean;
  prefix: string;
  lastMayBeX: boolean;
}

/**
 * Reads patterns made of literal digits/letters, `\d`, `[0-9]`-like classes and `{n}` counts (`^1[3-9][0-9]{9}$`,
 * `^[0-9]{17}[0-9Xx]$`, `^\d{6}$`); undefined for anything else, which then gets the generic wording.
 */
export function patternShape(pattern: string): PatternShape | undefined {
  const m = /^\^(.*)\$$/.exec(pattern);
  if (!m) return undefined;
  const atoms: { chars: string; literal: boolean; min: number; max: number }[] = [];
  const re = /(\\d|\[[^\]]+\]|[A-Za-z0-9])(\{(\d+)(,(\d*))?\}|\?|\+|\*)?/y;
  const body = m[1]!;
  re.lastIndex = 0;
  while (re.lastIndex < body.length) {
    const a = re.exec(body);
    if (!a) return undefined;
    const [, atom, quant, n, comma, max] = a;
    const literal = !atom!.startsWith('[') && atom !== '\\d';
    const lo = quant === '?' || quant === '*' ? 0 : n !== undefined ? Number(n) : 1;
    const hi = quant === '+' || quant === '*' ? Infinity : comma !== undefined ? (max ? Number(max) : Infinity) : quant === '?' ? 1 : lo;
    atoms.push({ chars: atom === '\\d' ? '[0-9]' : atom!, literal, min: lo, max: hi });
  }
  const isDigitClass = (c: string) => /^\[(?:[0-9]-[0-9]|[0-9])+\]$/.test(c) || /^[0-9]$/.test(c);
  const last = atoms[atoms.length - 1];
  const lastMayBeX = !!last && last.min === 1 && last.max === 1 && /^\[(?:0-9|\\d)(?:Xx|xX|X)\]$/.test(last.chars);
  const body2 = lastMayBeX ? atoms.slice(0, -1) : atoms;
  const digits = body2.every((a) => isDigitClass(a.chars));
  let prefix = '';
  for (const a of atoms) {
    if (!a.literal || a.min !== a.max) break;
    prefix += a.chars.repeat(a.min);
  }
  const fixed = atoms.every((a) => a.min === a.max);
  return { ...(fixed ? { length: atoms.reduce((n, a) => n + a.min, 0) } : {}), digits, prefix, lastMayBeX };
}

const pick = (value: unknown, locale: Locale): string | undefined => {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value[locale] === 'string') return value[locale] as string;
  return undefined;
};

/** A number-like parameter from rjsf's params or, for the runtime's errors (which carry none), from the schema. */
const limitOf = (params: Record<string, unknown>, node: Schema | undefined, keyword: string): string =>
  String(params.limit ?? node?.[keyword] ?? '');

/**
 * How to fix the field: `label` is the field's name in `locale`, `node` its schema, `keyword` the failed JSON Schema
 * keyword with ajv's `params`. Undefined when there is nothing better to say than the validator's own message.
 */
export function fixMessage(node: Schema | undefined, keyword: string, params: Record<string, unknown>, label: string, locale: Locale): string | undefined {
  const own = isObject(node?.errorMessage) ? pick(node.errorMessage[keyword], locale) : undefined;
  if (own) return own;
  const zh = locale === 'zh';
  // mid-sentence in English a label reads in lower case ("Enter mobile phone number"), unless it is an acronym
  const name = label ? (zh || /^[A-Z]{2}/.test(label) ? label : label[0]!.toLowerCase() + label.slice(1)) : zh ? '此项' : 'this field';
  // a region is chosen from the picker (region-picker.tsx), never typed
  const choice = Array.isArray(node?.enum) || Array.isArray(node?.oneOf) || node?.type === 'boolean' || sharedOrigin(node) === divisionCodeSchemaId;
  switch (keyword) {
    case 'required':
      return choice ? (zh ? `请选择${name}` : `Select ${name}`) : zh ? `请填写${name}` : `Enter ${name}`;
    case 'enum':
    case 'const':
      return zh ? `请从选项中选择${name}` : `Select ${name} from the options`;
    case 'pattern': {
      const shape = typeof node?.pattern === 'string' ? patternShape(node.pattern) : typeof params.pattern === 'string' ? patternShape(params.pattern) : undefined;
      if (shape?.digits && shape.length !== undefined) {
        const start = shape.prefix ? (zh ? `以 ${shape.prefix} 开头的 ` : ` starting with ${shape.prefix}`) : '';
        if (shape.lastMayBeX) return zh ? `请输入${name}（${shape.length} 位，数字，最后一位可以是 X）` : `Enter ${name} as ${shape.length} characters: digits, the last may be X`;
        const article = shape.length === 11 || shape.length === 18 || String(shape.length).startsWith('8') ? 'an' : 'a';
        return zh ? `请输入${name}（${start}${shape.length} 位数字）` : `Enter ${name} as ${article} ${shape.length}-digit number${start}`;
      }
      return zh ? `请按正确格式填写${name}` : `Enter ${name} in the correct format`;
    }
    case 'format': {
      const format = String(params.format ?? node?.format ?? '');
      if (format === 'date') return zh ? `请按“年-月-日”填写有效的${name}，例如 2026-03-31` : `${name} must be a real date, like 2026-03-31`;
      if (format === 'email') return zh ? `请按 name@example.com 的格式填写${name}` : `Enter ${name} in the correct format, like name@example.com`;
      return zh ? `请按正确格式填写${name}` : `Enter ${name} in the correct format`;
    }
    case 'minLength':
      return zh ? `${name}至少需要 ${limitOf(params, node, keyword)} 个字` : `${name} must be ${limitOf(params, node, keyword)} characters or more`;
    case 'maxLength':
      return zh ? `${name}不能超过 ${limitOf(params, node, keyword)} 个字` : `${name} must be ${limitOf(params, node, keyword)} characters or fewer`;
    case 'minimum':
      return zh ? `${name}不能小于 ${limitOf(params, node, keyword)}` : `${name} must be ${limitOf(params, node, keyword)} or more`;
    case 'maximum':
      return zh ? `${name}不能大于 ${limitOf(params, node, keyword)}` : `${name} must be ${limitOf(params, node, keyword)} or less`;
    case 'exclusiveMinimum':
      return zh ? `${name}必须大于 ${limitOf(params, node, keyword)}` : `${name} must be more than ${limitOf(params, node, keyword)}`;
    case 'exclusiveMaximum':
      return zh ? `${name}必须小于 ${limitOf(params, node, keyword)}` : `${name} must be less than ${limitOf(params, node, keyword)}`;
    case 'type':
      return node?.type === 'number' || node?.type === 'integer' ? (zh ? `${name}请填写数字` : `${name} must be a number`) : undefined;
    case 'minItems':
      return zh ? `${name}至少需要 ${limitOf(params, node, keyword)} 项` : `Add at least ${limitOf(params, node, keyword)} items to ${name}`;
    case 'maxItems':
      return zh ? `${name}最多 ${limitOf(params, node, keyword)} 项` : `${name} can have at most ${limitOf(params, node, keyword)} items`;
    default:
      return undefined;
  }
}
