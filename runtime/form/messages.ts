/** The form's own words in Chinese and English: marker, buttons, notices, and rjsf's built-in strings. Pure. */
import type { TranslatableString } from '@rjsf/utils';

/** A locale the form renders in. */
export type Locale = 'zh' | 'en';

/** The words the form shows around rjsf's fields. */
export interface FormMessages {
  verified: string;
  submit: string;
  saveDraft: string;
  waivedHeading: string;
  needNotBring: (material: string) => string;
  reasonSeparator: string;
  labelSeparator: string;
  errorsHeading: string;
  /** The submit button while the request is under way. */
  working: string;
}

/** The form's words per locale. */
export const messages: Readonly<Record<Locale, FormMessages>> = {
  zh: {
    verified: '已核验',
    submit: '提交申请',
    saveDraft: '保存草稿',
    waivedHeading: '以下材料无需提交',
    needNotBring: (material) => `您无需提交“${material}”`,
    reasonSeparator: '：',
    labelSeparator: '：',
    errorsHeading: '请修改以下问题',
    working: '正在提交…',
  },
  en: {
    verified: 'Verified',
    submit: 'Submit application',
    saveDraft: 'Save draft',
    waivedHeading: 'Materials you need not bring',
    needNotBring: (material) => `You need not bring: ${material}`,
    reasonSeparator: ' — ',
    labelSeparator: ': ',
    errorsHeading: 'There is a problem',
    working: 'Submitting…',
  },
};

/** rjsf's built-in strings (TranslatableString values are the English texts) in Chinese; `%1`… are parameters. */
const rjsfZh: Readonly<Record<string, string>> = {
  Item: '项目',
  'Missing items definition': '缺少列表项定义',
  'No items yet. Use the button below to add some.': '暂无条目，请使用下方按钮添加。',
  Yes: '是',
  No: '否',
  Close: '关闭',
  Errors: '错误',
  'New Value': '新值',
  Add: '添加',
  'Add Item': '添加一项',
  Copy: '复制',
  'Move down': '下移',
  'Move up': '上移',
  Remove: '删除',
  Now: '现在',
  Clear: '清除',
  'Select a date': '选择日期',
  Preview: '预览',
  'Add data for optional field': '填写此可选项',
  'Remove data for optional field': '清除此可选项',
  'No data for optional field': '此可选项未填写',
  Type: '类型',
  Value: '值',
  'clear input': '清空输入',
  'Option %1': '选项 %1',
  '%1 option %2': '%1 选项 %2',
  '%1 Key': '%1 键',
  '%1 (deprecated)': '%1（已弃用）',
};

/** Translates one of rjsf's built-in strings into `locale`, substituting `%1`, `%2`… with `params`. */
export function translateRjsfString(locale: Locale, text: TranslatableString, params?: string[]): string {
  const template = locale === 'zh' ? (rjsfZh[text] ?? text) : text;
  return (params ?? []).reduce((out, param, i) => out.replaceAll(`%${i + 1}`, param), template as string);
}
