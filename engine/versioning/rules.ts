/**
 * How each kind of change bumps a definition's version, as data. The question for major is not "more burden?"
 * but "could data submitted under the previous version fail the next one?": a new optional field is more burden
 * and breaks nothing; a field dropped from a closed object is less burden and breaks every submission that
 * filled it. Everything else a new version changes (materials, fees, process, time limits, …) is minor; texts
 * people read (titles, descriptions, labels, help) and the guide's information (places, contact, codes, status) are a
 * patch.
 */
import type { Change } from '../diff/index.ts';
import { jsonEqual } from '../json/equal.ts';
import type { LocalizedText, MatterDefinition } from '../model/index.ts';
import { fieldSchema, isOpen, requires } from './fields.ts';
import type { VersionBump } from './semver.ts';
import { schemaWording, uiWithoutWording, withoutWording } from './wording.ts';

/** What a rule reads besides the change: both versions and the shared schemas their forms refer to. */
export interface VersionContext {
  readonly previous: MatterDefinition;
  readonly next: MatterDefinition;
  readonly shared: ReadonlyMap<string, unknown>;
}

/** Why a change bumps as it does, in both languages. */
export interface Verdict {
  readonly bump: VersionBump;
  readonly why: LocalizedText;
}

export interface VersionRule {
  /** The change codes it classifies (`form.*` style prefixes end in `*`). */
  readonly codes: readonly string[];
  classify(change: Change, ctx: VersionContext): Verdict;
}

const why = {
  stricter: { en: 'data submitted under the previous version may fail the new form', zh: '按旧版本提交的数据可能无法通过新表单校验' },
  looser: { en: 'the form accepts everything it accepted before', zh: '新表单仍接受旧版本接受的全部数据' },
  newRequired: { en: 'data submitted under the previous version lacks this new required field', zh: '按旧版本提交的数据缺少这一新增必填字段' },
  newOptional: { en: 'a new optional field: earlier data still passes', zh: '新增选填字段：旧数据仍可通过校验' },
  droppedClosed: { en: 'earlier data that filled this field fails the closed object it was in', zh: '填写过该字段的旧数据无法通过不允许额外属性的对象校验' },
  droppedOpen: { en: 'a field dropped from an open object: earlier data still passes', zh: '从允许额外属性的对象中删除字段：旧数据仍可通过校验' },
  notAsserted: { en: 'an annotation the form does not check', zh: '表单不校验的注解' },
  behaviour: { en: 'changes how the form behaves, not what it accepts', zh: '改变表单的行为，不改变其接受的数据' },
  service: { en: 'changes what the matter asks or offers, not what its form accepts', zh: '改变事项的要求或服务，不改变表单接受的数据' },
  wording: { en: 'changes wording only', zh: '仅修改文字表述' },
  information: { en: 'changes what the guide publishes (places, contact, codes, status, …), not what the matter asks', zh: '仅修改办事指南公布的信息（办理地点、联系电话、编码、状态等），不改变事项的要求' },
  incomparable: { en: 'could not be compared, so earlier data cannot be shown to pass', zh: '无法比较，不能确认旧数据仍可通过校验' },
} as const satisfies Record<string, LocalizedText>;

const strictness = (stricter: boolean): Verdict => (stricter ? { bump: 'major', why: why.stricter } : { bump: 'minor', why: why.looser });
// the data path of a field's parent and the field's name
const parentOf = (field: string): [string, string] => {
  const at = field.lastIndexOf('/');
  return [field.slice(0, at), field.slice(at + 1).replaceAll('~1', '/').replaceAll('~0', '~')];
};

/** The rules, first match wins. */
export const versionRules: readonly VersionRule[] = [
  {
    codes: ['form.field'],
    classify(change, { next, shared }) {
      const [parent, name] = parentOf(String(change.params.field));
      const schema = fieldSchema(next, parent, shared);
      if (change.kind === 'added') return !schema || requires(schema, name) ? { bump: 'major', why: why.newRequired } : { bump: 'minor', why: why.newOptional };
      return !schema || !isOpen(schema) ? { bump: 'major', why: why.droppedClosed } : { bump: 'minor', why: why.droppedOpen };
    },
  },
  { codes: ['form.required'], classify: (c) => strictness(c.params.required === true) },
  { codes: ['form.type'], classify: (c) => strictness(c.params.direction !== 'widened') },
  // content* keywords are annotations in JSON Schema 2020-12: ajv does not check them
  { codes: ['form.constraint'], classify: (c) => (String(c.params.keyword).startsWith('content') ? { bump: 'minor', why: why.notAsserted } : strictness(c.kind !== 'removed')) },
  { codes: ['form.pattern', 'form.format'], classify: (c) => strictness(c.kind !== 'removed') },
  {
    codes: ['form.enum', 'form.upper-bound', 'form.lower-bound', 'form.additional-properties', 'form.alternatives', 'form.all-of'],
    classify: (c) => strictness(c.burden === 'more'),
  },
  {
    codes: ['form.annotation'],
    classify: (c) => ((schemaWording as readonly string[]).includes(String(c.params.keyword)) ? { bump: 'patch', why: why.wording } : { bump: 'minor', why: why.behaviour }),
  },
  {
    codes: ['form.ui'],
    classify: (_, { previous, next }) =>
      jsonEqual(uiWithoutWording(previous.form.uiSchema ?? {}), uiWithoutWording(next.form.uiSchema ?? {})) ? { bump: 'patch', why: why.wording } : { bump: 'minor', why: why.behaviour },
  },
  { codes: ['form.prefill'], classify: () => ({ bump: 'minor', why: why.behaviour }) },
  {
    codes: ['service.description'],
    classify(c, { previous, next }) {
      const element = String(c.params.element) as keyof MatterDefinition;
      const part = (d: MatterDefinition) => (withoutWording({ [element]: d[element] }) as Record<string, unknown>)[element];
      return jsonEqual(part(previous), part(next)) ? { bump: 'patch', why: why.wording } : { bump: 'minor', why: why.service };
    },
  },
  // places, phones, codes and the like are published like wording: a patch
  { codes: ['service.information'], classify: () => ({ bump: 'patch', why: why.information }) },
  { codes: ['form.incomparable', 'materials.incomparable', 'process.incomparable', 'service.incomparable'], classify: () => ({ bump: 'major', why: why.incomparable }) },
  { codes: ['materials.*', 'process.*', 'service.*'], classify: () => ({ bump: 'minor', why: why.service }) },
];

/** The verdict of the first rule that classifies `change`; a change no rule knows is at least minor. */
export function classify(change: Change, ctx: VersionContext): Verdict {
  const rule = versionRules.find((r) => r.codes.some((code) => code === change.code || (code.endsWith('*') && change.code.startsWith(code.slice(0, -1)))));
  return rule ? rule.classify(change, ctx) : { bump: 'minor', why: why.service };
}

/** Why a difference the diff does not classify bumps as it does. */
export const residualWhy = {
  unclassified: { en: 'changes something the diff does not classify', zh: '修改了差异比较未归类的内容' },
  wording: why.wording,
  formShape: why.stricter,
} as const;
