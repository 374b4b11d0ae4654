/**
 * Words for the model's enumerated values, as messages and plans show them to people (the values themselves stay in
 * pointers and JSON output). One place, so the diff, the level-up plans and the validator's messages agree.
 */
import type { LocalizedText } from './index.ts';

export const necessityLabels: Readonly<Record<string, LocalizedText>> = {
  required: { zh: '必要', en: 'required' },
  optional: { zh: '非必要', en: 'optional' },
  'tolerated-missing': { zh: '容缺', en: 'tolerated-missing' },
  exempted: { zh: '免提交', en: 'exempted' },
};

export const sourceLabels: Readonly<Record<string, LocalizedText>> = {
  applicant: { zh: '申请人提供', en: 'the applicant' },
  'government-issued': { zh: '政府部门核发', en: 'a government department' },
  'third-party': { zh: '第三方出具', en: 'a third party' },
  'shared-data': { zh: '数据共享', en: 'shared data' },
};

export const formatLabels: Readonly<Record<string, LocalizedText>> = {
  paper: { zh: '纸质', en: 'paper' },
  electronic: { zh: '电子', en: 'electronic' },
};

/** The label of `value` in `locale`, or the value itself when the vocabulary does not know it. */
export function labelOf(labels: Readonly<Record<string, LocalizedText>>, value: unknown, locale: 'zh' | 'en'): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value]![locale] : String(value);
}
