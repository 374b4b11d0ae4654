import { isObject } from '../../json/pointer.ts';
import { rel } from '../edit.ts';
import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/** Draft-03's `"required": true` on a property is the property's name in its object's `required` list. */
export const requiredBooleanRule = importRule({
  name: 'required-boolean',
  changes: {
    'import.required-boolean': {
      en: (p) =>
        p.property === undefined
          ? `"required": ${p.value} removed: a boolean "required" (draft-03) marks a property of an object, and this subschema is none`
          : p.value === true
            ? `"required": true on ${q(p.property)} (draft-03) is ${q(p.property)} in its object's "required" list since draft-04`
            : `"required": false on ${q(p.property)} (draft-03) removed: properties are optional unless listed in "required"`,
      zh: (p) =>
        p.property === undefined
          ? `已删除 "required": ${p.value}：布尔型 "required"（draft-03 写法）用于标记对象的属性，而此子模式不是属性`
          : p.value === true
            ? `${q(p.property)} 上的 "required": true（draft-03 写法）自 draft-04 起写作在所属对象的 "required" 列表中列出 ${q(p.property)}`
            : `已删除 ${q(p.property)} 上的 "required": false（draft-03 写法）：未在 "required" 中列出的属性本就是选填`,
    },
  },
  apply(node, ctx) {
    if (typeof node.required === 'boolean') {
      ctx.change('import.required-boolean', '/required', { value: node.required });
      delete node.required;
    }
    // a malformed `required` is the form check's to report, not to be overwritten here
    if (!isObject(node.properties) || (Object.hasOwn(node, 'required') && !Array.isArray(node.required))) return;
    const marked = Object.entries(node.properties).filter(([, s]) => isObject(s) && typeof s.required === 'boolean');
    if (marked.length === 0) return;
    const properties: Record<string, unknown> = { ...node.properties };
    const required = [...((node.required as unknown[] | undefined) ?? [])];
    for (const [property, schema] of marked) {
      const { required: value, ...rest } = schema as Record<string, unknown>;
      properties[property] = rest;
      if (value === true && !required.includes(property)) required.push(property);
      ctx.change('import.required-boolean', rel('properties', property, 'required'), { property, value }, value === true ? '/required' : undefined);
    }
    node.properties = properties;
    if (required.length > 0) node.required = required;
  },
});
