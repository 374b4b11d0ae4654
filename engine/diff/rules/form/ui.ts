import { jsonEqual } from '../../../json/equal.ts';
import type { DefinitionRule } from '../../rule.ts';

/** Layout and field order (uiSchema) change how the form looks, not what it asks. */
export const uiRule: DefinitionRule = {
  code: 'form.ui',
  area: 'form',
  scope: 'definition',
  reads: ['/form/uiSchema'],
  describe: { en: () => 'changes the form layout or field order', zh: () => '调整表单布局或字段顺序' },
  compare(a, b, emit) {
    const ua = a.form.uiSchema;
    const ub = b.form.uiSchema;
    if (ua === ub || jsonEqual(ua ?? {}, ub ?? {})) return;
    emit({
      kind: ub === undefined ? 'added' : ua === undefined ? 'removed' : 'changed',
      path: '/form/uiSchema',
      burden: 'neutral',
      weight: 0,
      params: {},
      fix: ub === undefined ? [{ op: 'remove', path: '/form/uiSchema' }] : [{ op: 'set', path: '/form/uiSchema', value: ub }],
    });
  },
};
