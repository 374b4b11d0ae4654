import { canonical } from '../../json/equal.ts';
import { rel, replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';

/**
 * rjsf's `enumNames` (labels for `enum` values; not JSON Schema) becomes `oneOf` of `{ const, title }`: the same
 * values, each with its label, as JSON Schema 2020-12 and rjsf spell it. (Repeated values make it `anyOf`, as
 * `oneOf` would refuse them.)
 */
export const enumNamesRule = importRule({
  name: 'enum-names',
  changes: {
    'import.enum-names': {
      en: (p) => `"enum" with "enumNames" (rjsf's labels, not JSON Schema) became "${p.keyword}" of ${p.values} { "const", "title" }: the same values, each with its label${p.unlabelled ? `; ${p.unlabelled} value(s) had no label and show as they are` : ''}${p.extra ? `; ${p.extra} label(s) beyond the values dropped` : ''}`,
      zh: (p) => `"enum" 加 "enumNames"（rjsf 的选项标签，不属于 JSON Schema）改为由 ${p.values} 个 { "const", "title" } 组成的 "${p.keyword}"：取值不变，各带标签${p.unlabelled ? `；${p.unlabelled} 个取值没有标签，按原值显示` : ''}${p.extra ? `；多出取值的 ${p.extra} 个标签已删除` : ''}`,
    },
    'import.enum-names-dropped': {
      en: (p) => `"enumNames" removed: ${p.reason === 'no-enum' ? 'it labels the values of "enum", and this subschema has none' : `its labels cannot become "oneOf" here, as this subschema already has "${p.reason}"`} (rjsf's labels, not JSON Schema)`,
      zh: (p) => `已删除 "enumNames"：${p.reason === 'no-enum' ? '它为 "enum" 的取值提供标签，而此子模式没有 "enum"' : `此子模式已有 "${p.reason}"，标签无法改写为 "oneOf"`}（rjsf 的选项标签，不属于 JSON Schema）`,
    },
  },
  apply(node, ctx) {
    if (!Object.hasOwn(node, 'enumNames')) return;
    const names = Array.isArray(node.enumNames) ? node.enumNames : [];
    const values = node.enum;
    delete node.enumNames;
    if (!Array.isArray(values) || values.length === 0) {
      ctx.change('import.enum-names-dropped', '/enumNames', { reason: 'no-enum' });
      return;
    }
    const distinct = new Set(values.map(canonical)).size === values.length;
    const keyword = distinct ? 'oneOf' : 'anyOf';
    const taken = [keyword, 'const'].find((k) => Object.hasOwn(node, k));
    if (taken) {
      ctx.change('import.enum-names-dropped', '/enumNames', { reason: taken });
      return;
    }
    const labelled = (i: number) => i < names.length && names[i] !== null && names[i] !== undefined;
    const alternatives = values.map((value, i) => (labelled(i) ? { const: value, title: String(names[i]) } : { const: value }));
    ctx.moved(`/${keyword}`, '/enum');
    values.forEach((_, i) => ctx.moved(rel(keyword, i), rel('enum', i)));
    const unlabelled = values.filter((_, i) => !labelled(i)).length;
    ctx.change('import.enum-names', '/enumNames', { keyword, values: values.length, unlabelled, extra: Math.max(0, names.length - values.length) }, `/${keyword}`);
    replaceKey(node, 'enum', [[keyword, alternatives]]);
  },
});
