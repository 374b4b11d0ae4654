/**
 * The parts of a definition the diff rules read, with the shape each must have to be compared: lists of elements
 * matched by key (materials, fees, …) and single members (time limits, visits, …). Process and form are walked
 * on their own (process.ts, form/walk.ts). Only what a rule reads is checked: a material's legal basis may be
 * anything, its necessity may not.
 */
import type { LocalizedText } from '../../model/index.ts';
import { isObject, parsePointer } from '../../json/pointer.ts';
import type { Area } from '../change.ts';
import { anyObject, arrayOf, boolean, object, oneOf, optional, range, string, text, type Check } from './check.ts';

/** A list whose elements the diff matches by key; a malformed element is left out, and so is its counterpart. */
export interface ListPart {
  readonly area: Area;
  /** Where the list lives (a parent that is not an object is handled by the part holding it). */
  readonly pointer: string;
  /** How a message names the whole list. */
  readonly title: LocalizedText;
  /** The list may be absent (a rule reads it as empty). */
  readonly optional: boolean;
  readonly element: Check;
  /** The keys the diff matches an element by: the other side's elements with one of them are its counterparts. */
  readonly keys: (element: unknown) => readonly unknown[];
  /** How a message names the element (`index` counts from 0). */
  readonly label: (element: unknown, index: number) => LocalizedText;
}

/** A single member; a malformed one is not compared on either side. */
export interface MemberPart {
  readonly area: Area;
  readonly pointer: string;
  readonly check: Check;
  readonly label: LocalizedText;
}

const nameOf = (e: unknown, lang: 'zh' | 'en'): string | undefined => {
  const name = isObject(e) && isObject(e.name) ? e.name[lang] : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
};
const member = (e: unknown, key: string): unknown => (isObject(e) && Object.hasOwn(e, key) ? e[key] : undefined);
// `the material “Household register”`, else `material #3`.
const named = (en: string, zh: string) => (e: unknown, index: number): LocalizedText => {
  const nameEn = nameOf(e, 'en');
  const nameZh = nameOf(e, 'zh');
  return { en: nameEn ? `the ${en} “${nameEn}”` : `${en} #${index + 1}`, zh: nameZh ? `${zh}“${nameZh}”` : `第 ${index + 1} 项${zh}` };
};

export const channels = ['online', 'mobile', 'onsite', 'self-service', 'mail'] as const;
export const sources = ['applicant', 'government-issued', 'shared-data', 'third-party'] as const;
export const validityKinds = ['years', 'long-term', 'conditional'] as const;
export const deliveryMethods = ['electronic', 'mail', 'window', 'self-service'] as const;
export const timeUnits = ['working-days', 'days'] as const;
export const acceptanceScopes = ['national', 'cross-province', 'province', 'city', 'county'] as const;

export const listParts: readonly ListPart[] = [
  {
    area: 'form',
    pointer: '/form/prefill',
    title: { en: 'the prefills', zh: '预填设置' },
    optional: true,
    element: object({ field: string, item: string, locked: optional(boolean) }),
    keys: (e) => [member(e, 'field')],
    label: (e, i) => {
      const field = member(e, 'field');
      return typeof field === 'string' ? { en: `the prefill of ${field}`, zh: `字段 ${field} 的预填` } : { en: `prefill #${i + 1}`, zh: `第 ${i + 1} 项预填` };
    },
  },
  {
    area: 'materials',
    pointer: '/materials',
    title: { en: 'the materials', zh: '申请材料' },
    optional: false,
    element: object({
      id: string,
      name: text,
      necessity: oneOf(['required', 'optional', 'tolerated-missing', 'exempted']),
      source: oneOf(sources),
      format: arrayOf(oneOf(['paper', 'electronic'])),
      copies: object({ originals: range(0, 20, true), photocopies: range(0, 20, true) }),
      when: optional(anyObject),
      oneOfGroup: optional(string),
    }),
    keys: (e) => [member(e, 'id'), member(member(e, 'name'), 'zh')],
    label: named('material', '材料'),
  },
  {
    area: 'service',
    pointer: '/fees',
    title: { en: 'the fees', zh: '收费项目' },
    optional: false,
    element: object({ id: string, name: text, amount: range(0, 1_000_000, false), when: optional(anyObject), waivedWhen: optional(anyObject) }),
    keys: (e) => [member(e, 'id')],
    label: named('fee', '收费'),
  },
  {
    area: 'service',
    pointer: '/outputs',
    title: { en: 'the outputs', zh: '办理结果' },
    optional: false,
    element: object({
      id: string,
      name: text,
      electronic: boolean,
      validity: optional(object({ kind: oneOf(validityKinds), years: optional(range(1, 100, true)) })),
      delivery: optional(arrayOf(oneOf(deliveryMethods))),
    }),
    keys: (e) => [member(e, 'id')],
    label: named('output', '办理结果'),
  },
  {
    area: 'service',
    pointer: '/channels',
    title: { en: 'the channels', zh: '办理渠道' },
    optional: false,
    element: oneOf(channels),
    keys: (e) => [e],
    label: (_, i) => ({ en: `channel #${i + 1}`, zh: `第 ${i + 1} 项办理渠道` }),
  },
  {
    area: 'service',
    pointer: '/requires',
    title: { en: 'the matters required first', zh: '前置事项' },
    optional: true,
    element: string,
    keys: (e) => [e],
    label: (e, i) => (typeof e === 'string' ? { en: `the matter required first ${e}`, zh: `前置事项 ${e}` } : { en: `matter required first #${i + 1}`, zh: `第 ${i + 1} 项前置事项` }),
  },
  {
    area: 'service',
    pointer: '/acceptanceConditions',
    title: { en: 'the acceptance conditions', zh: '受理条件' },
    optional: true,
    element: text,
    keys: (e) => [member(e, 'zh')],
    label: (_, i) => ({ en: `acceptance condition #${i + 1}`, zh: `第 ${i + 1} 项受理条件` }),
  },
];

/** Single members, parents first (a malformed time limit is reported once, not again for its days). */
export const memberParts: readonly MemberPart[] = [
  { area: 'service', pointer: '/handlingType', check: oneOf(['immediate', 'promised']), label: { en: 'the handling type', zh: '办件类型' } },
  { area: 'service', pointer: '/timeLimit', check: anyObject, label: { en: 'the time limit', zh: '办理时限' } },
  { area: 'service', pointer: '/timeLimit/promisedDays', check: range(0, 365, true), label: { en: 'the promised days', zh: '承诺时限' } },
  { area: 'service', pointer: '/timeLimit/statutoryDays', check: optional(range(0, 365, true)), label: { en: 'the statutory days', zh: '法定时限' } },
  { area: 'service', pointer: '/timeLimit/unit', check: optional(oneOf(timeUnits)), label: { en: 'the unit of the time limits', zh: '时限单位' } },
  { area: 'service', pointer: '/timeLimit/extendableTo', check: optional(range(0, 365, true)), label: { en: 'the extended statutory days', zh: '延长后的法定时限' } },
  { area: 'service', pointer: '/timeLimit/onSiteMinutes', check: optional(range(0, 1440, true)), label: { en: 'the minutes on site', zh: '现场办理时长' } },
  { area: 'service', pointer: '/visits', check: range(0, 20, true), label: { en: 'the on-site visits', zh: '到现场次数' } },
  { area: 'service', pointer: '/onlineDepth', check: optional(range(0, 4, true)), label: { en: 'the online depth', zh: '网办深度' } },
  { area: 'service', pointer: '/acceptanceScope', check: optional(oneOf(acceptanceScopes)), label: { en: 'the acceptance scope', zh: '通办范围' } },
];

const schemaLike = (v: unknown) => isObject(v) || typeof v === 'boolean';
/** The form: an object whose schema is a schema (an object or a boolean). */
export const formShape: Check = (v) => {
  if (!isObject(v)) return anyObject(v);
  const schema = Object.hasOwn(v, 'schema') ? v.schema : undefined;
  return schemaLike(schema) ? undefined : { at: '/schema', found: schema === undefined ? 'missing' : anyObject(schema)!.found, expected: 'a schema' };
};

const tokenCache = new Map<string, readonly string[]>();
/** The value at one of the parts' pointers (own members only). */
export function readPart(doc: unknown, pointer: string): unknown {
  let tokens = tokenCache.get(pointer);
  if (!tokens) tokenCache.set(pointer, (tokens = parsePointer(pointer) ?? []));
  let node = doc;
  for (const t of tokens) node = isObject(node) && Object.hasOwn(node, t) ? node[t] : undefined;
  return node;
}
