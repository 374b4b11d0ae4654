/**
 * Situations in words: a material's or fee's `when` (a JSON Schema on the form data) described in Chinese and English
 * with the form's own field titles — 「提取原因」为「离休退休」 / "Reason for withdrawal is 离休退休". Covers the shapes
 * authors write (`properties` down to const / enum / bounds, `required`, allOf / anyOf / oneOf / not of those); any
 * other shape is described generically ("in some situations"). Pure; never throws; bounded in depth and size.
 */
import { isObject } from '../json/pointer.ts';
import { refTarget } from '../form/refs.ts';
import type { JsonObject, LocalizedText } from '../model/index.ts';
import type { Locale } from '../problems/index.ts';

/** A condition described in both locales; `generic` when its shape could not be described (the fallback text). */
export interface ConditionDescription extends LocalizedText {
  readonly generic: boolean;
}

/** What a condition says when its shape is beyond description. */
export const genericCondition: LocalizedText = { zh: '特定情形下', en: 'in some situations' };

/** Describes `condition` (absent: no condition) against `formSchema`, in `locale`; a bare clause, no "only when". */
export function describeCondition(condition: unknown, formSchema: unknown, locale: Locale = 'en'): string {
  return conditionDescription(condition, formSchema)[locale];
}

/** Describes `condition` in both locales; a shape it cannot describe yields {@link genericCondition} with `generic`. */
export function conditionDescription(condition: unknown, formSchema: unknown): ConditionDescription {
  let clause: Clause | undefined;
  try {
    const budget = { nodes: maxNodes };
    clause = describeNode(condition, [], isObject(formSchema) ? formSchema : {}, 0, budget);
  } catch {
    clause = undefined; // hostile input (a getter, a proxy): describe generically rather than fail
  }
  if (clause === undefined || isEmpty(clause)) return { ...genericCondition, generic: true };
  const zh = render(clause, 'zh', true);
  const en = render(clause, 'en', true);
  if (zh.length > maxText || en.length > maxText) return { ...genericCondition, generic: true };
  return { zh, en, generic: false };
}

const maxDepth = 12;
const maxNodes = 200;
const maxText = 400;
const maxValues = 20;

/** A field, named by its title in each locale. */
interface Field {
  readonly label: LocalizedText;
}
type Op = 'ge' | 'gt' | 'le' | 'lt';
type Clause =
  | { readonly k: 'is'; readonly field: Field; readonly values: readonly LocalizedText[]; readonly neg: boolean; readonly yesNo?: boolean }
  | { readonly k: 'given'; readonly field: Field; readonly neg: boolean }
  | { readonly k: 'range'; readonly field: Field; readonly op: Op; readonly n: number }
  | { readonly k: 'all' | 'any'; readonly parts: readonly Clause[] }
  | { readonly k: 'not'; readonly part: Clause };

/** Keywords that carry no condition of their own. */
const ignored = new Set(['title', 'description', '$comment', '$schema', '$id', 'type', 'examples', 'default']);
const bounds: Record<string, Op> = { minimum: 'ge', exclusiveMinimum: 'gt', maximum: 'le', exclusiveMaximum: 'lt' };
const negated: Record<Op, Op> = { ge: 'lt', gt: 'le', le: 'gt', lt: 'ge' };

function describeNode(node: unknown, path: readonly string[], form: JsonObject, depth: number, budget: { nodes: number }): Clause | undefined {
  if (depth > maxDepth || --budget.nodes < 0) return undefined;
  if (node === true || node === undefined) return { k: 'all', parts: [] };
  if (!isObject(node)) return undefined;
  const parts: Clause[] = [];
  const constrained = new Set<string>();
  for (const [key, value] of Object.entries(node)) {
    if (ignored.has(key) || key === 'required') continue;
    if (key === 'properties') {
      if (!isObject(value)) return undefined;
      for (const [name, sub] of Object.entries(value)) {
        const part = describeNode(sub, [...path, name], form, depth + 1, budget);
        if (part === undefined) return undefined;
        if (!isEmpty(part)) {
          parts.push(part);
          constrained.add(name);
        }
      }
    } else if (key === 'const' || key === 'enum') {
      const values = key === 'const' ? [value] : value;
      if (!Array.isArray(values) || values.length === 0 || values.length > maxValues || path.length === 0) return undefined;
      const texts = values.map((v) => valueText(v, path, form));
      if (texts.some((t) => t === undefined)) return undefined;
      const yesNo = values.every((v) => typeof v === 'boolean');
      parts.push({ k: 'is', field: fieldOf(path, form), values: texts as LocalizedText[], neg: false, ...(yesNo && { yesNo }) });
    } else if (key in bounds) {
      if (typeof value !== 'number' || !Number.isFinite(value) || path.length === 0) return undefined;
      parts.push({ k: 'range', field: fieldOf(path, form), op: bounds[key]!, n: value });
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const subs: Clause[] = [];
      for (const sub of value) {
        const part = describeNode(sub, path, form, depth + 1, budget);
        if (part === undefined) return undefined;
        subs.push(part);
      }
      if (key === 'allOf') parts.push(...subs.filter((s) => !isEmpty(s)));
      else if (subs.some(isEmpty)) continue; // one branch always holds: the whole alternative does
      else parts.push(subs.length === 1 ? subs[0]! : { k: 'any', parts: subs });
    } else if (key === 'not') {
      const part = describeNode(value, path, form, depth + 1, budget);
      if (part === undefined || isEmpty(part)) return undefined;
      parts.push(negate(part));
    } else {
      return undefined; // a keyword the description does not know
    }
  }
  const required = node.required;
  if (required !== undefined) {
    if (!Array.isArray(required) || required.length > maxValues) return undefined;
    for (const name of required) {
      if (typeof name !== 'string') return undefined;
      // a property constrained by value is given by implication; say only the value
      if (!constrained.has(name)) parts.push({ k: 'given', field: fieldOf([...path, name], form), neg: false });
    }
  }
  const flat = parts.flatMap((p) => (p.k === 'all' ? p.parts : [p])); // "a and (b and c)" reads as "a and b and c"
  return flat.length === 1 ? flat[0] : { k: 'all', parts: flat };
}

function negate(clause: Clause): Clause {
  switch (clause.k) {
    case 'is':
    case 'given':
      return { ...clause, neg: !clause.neg };
    case 'range':
      return { ...clause, op: negated[clause.op] };
    case 'not':
      return clause.part;
    default:
      return clause.parts.length === 1 ? negate(clause.parts[0]!) : { k: 'not', part: clause };
  }
}

const isEmpty = (c: Clause): boolean => (c.k === 'all' || c.k === 'any') && c.parts.length === 0;

/** The field at `path`: its title in each locale (the catalogue writes zh in `title`, often en in `description`). */
function fieldOf(path: readonly string[], form: JsonObject): Field {
  const node = fieldNode(path, form);
  const name = path[path.length - 1] ?? '';
  const own = isObject(node) ? node : {};
  const target = typeof own.$ref === 'string' ? refTarget(own.$ref, form, noShared)?.node : undefined;
  const pick = (locale: Locale): string =>
    localizedLabel(own.title, own.description, locale) ?? (isObject(target) ? localizedLabel(target.title, target.description, locale) : undefined) ?? name;
  return { label: { zh: pick('zh'), en: pick('en') } };
}

const noShared: ReadonlyMap<string, unknown> = new Map();
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * The label for `locale` among a title and a description: the one written in that locale's script, else the title.
 * A description may say more than a label ("Destination: Hong Kong and Macao, or Taiwan (two business items …)"):
 * used as one, it ends before a colon and drops what it puts in brackets.
 */
function localizedLabel(title: unknown, description: unknown, locale: Locale): string | undefined {
  const t = text(title);
  const d = text(description);
  const fromDescription = d === undefined ? undefined : asLabel(d);
  const wanted = (s: string | undefined) => s !== undefined && cjk.test(s) === (locale === 'zh');
  return wanted(t) ? t : wanted(fromDescription) ? fromDescription : (t ?? fromDescription);
}

function asLabel(description: string): string {
  const label = description.replace(/\s*[(（][^()（）]*[)）]/g, '').split(/[:：]/)[0]!.trim();
  return label === '' ? description : label;
}

/** The property schema at `path` (following the form's own `$ref`s and `allOf`, bounded). */
function fieldNode(path: readonly string[], form: JsonObject): unknown {
  let node: unknown = form;
  for (const token of path) {
    node = childOf(node, token, form, 0);
    if (node === undefined) return undefined;
  }
  return node;
}

function childOf(node: unknown, token: string, form: JsonObject, depth: number): unknown {
  if (depth > maxDepth || !isObject(node)) return undefined;
  const props = node.properties;
  if (isObject(props) && Object.hasOwn(props, token)) return props[token];
  if (typeof node.$ref === 'string') {
    const found = childOf(refTarget(node.$ref, form, noShared)?.node, token, form, depth + 1);
    if (found !== undefined) return found;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    for (const part of list) {
      const found = childOf(part, token, form, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A value as the applicant sees it: an option's title when the field names its options, yes/no for booleans. */
function valueText(value: unknown, path: readonly string[], form: JsonObject): LocalizedText | undefined {
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (value === null) return { zh: '空', en: 'empty' };
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if ((typeof value !== 'string' && typeof value !== 'number') || String(value).length > 200) return undefined;
  const node = fieldNode(path, form);
  const options = isObject(node) ? [node.oneOf, node.anyOf].find(Array.isArray) : undefined;
  const option = options?.find((o): o is JsonObject => isObject(o) && o.const === value);
  if (option) {
    const zh = localizedLabel(option.title, option.description, 'zh');
    const en = localizedLabel(option.title, option.description, 'en');
    if (zh !== undefined && en !== undefined) return { zh, en };
  }
  return { zh: String(value), en: String(value) };
}

const words = {
  zh: {
    is: (f: string, v: string, _yesNo?: boolean) => `「${f}」为${v}`,
    isNot: (f: string, v: string, _yesNo?: boolean) => `「${f}」不为${v}`,
    value: (v: string) => `「${v}」`,
    list: (vs: readonly string[]) => (vs.length === 1 ? vs[0]! : `${vs.slice(0, -1).join('、')}或${vs[vs.length - 1]}`),
    given: (f: string) => `已填写「${f}」`,
    notGiven: (f: string) => `未填写「${f}」`,
    range: { ge: '不小于', gt: '大于', le: '不大于', lt: '小于' } as Record<Op, string>,
    rangeText: (f: string, op: string, n: number) => `「${f}」${op} ${n}`,
    and: '，且',
    or: '，或',
    not: (s: string) => `并非（${s}）`,
    group: (s: string) => `（${s}）`,
  },
  en: {
    is: (f: string, v: string, yesNo?: boolean) => (yesNo ? `${f}: ${v}` : `${f} is ${v}`),
    isNot: (f: string, v: string, yesNo?: boolean) => (yesNo ? `${f}: not ${v}` : `${f} is not ${v}`),
    value: (v: string) => v,
    list: (vs: readonly string[]) => (vs.length === 1 ? vs[0]! : `${vs.slice(0, -1).join(', ')} or ${vs[vs.length - 1]}`),
    given: (f: string) => `${f} is given`,
    notGiven: (f: string) => `${f} is not given`,
    range: { ge: 'at least', gt: 'more than', le: 'at most', lt: 'less than' } as Record<Op, string>,
    rangeText: (f: string, op: string, n: number) => `${f} is ${op} ${n}`,
    and: ' and ',
    or: ' or ',
    not: (s: string) => `not (${s})`,
    group: (s: string) => `(${s})`,
  },
};

function render(clause: Clause, locale: Locale, top: boolean): string {
  const w = words[locale];
  switch (clause.k) {
    case 'is': {
      const values = w.list(clause.values.map((v) => w.value(v[locale])));
      return (clause.neg ? w.isNot : w.is)(clause.field.label[locale], values, clause.yesNo);
    }
    case 'given':
      return (clause.neg ? w.notGiven : w.given)(clause.field.label[locale]);
    case 'range':
      return w.rangeText(clause.field.label[locale], w.range[clause.op], clause.n);
    case 'not':
      return w.not(render(clause.part, locale, true));
    default: {
      const joined = clause.parts.map((p) => render(p, locale, false)).join(clause.k === 'all' ? w.and : w.or);
      return top || clause.parts.length < 2 ? joined : w.group(joined);
    }
  }
}
