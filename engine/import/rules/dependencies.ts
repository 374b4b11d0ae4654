import { isObject } from '../../json/pointer.ts';
import { rel, replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/**
 * `dependencies` (until draft-07) is split as 2019-09 split it: a list of property names becomes `dependentRequired`,
 * a schema `dependentSchemas`. The meaning is unchanged.
 */
export const dependenciesRule = importRule({
  name: 'dependencies',
  changes: {
    'import.dependent-required': {
      en: (p) => `"dependencies" of ${q(p.property)} lists property names: it is "dependentRequired" since 2019-09 (the same check: when ${q(p.property)} is filled in, so must ${(p.required as string[]).map(q).join(', ') || 'nothing else'} be)`,
      zh: (p) => `${q(p.property)} 的 "dependencies" 列出的是属性名：自 2019-09 起写作 "dependentRequired"（校验不变：填写 ${q(p.property)} 时，${(p.required as string[]).map(q).join('、') || '无其他字段'} 也必须填写）`,
    },
    'import.dependent-schemas': {
      en: (p) => `"dependencies" of ${q(p.property)} is a schema: it is "dependentSchemas" since 2019-09 (the same check: when ${q(p.property)} is present, the object must also match it)`,
      zh: (p) => `${q(p.property)} 的 "dependencies" 是一个模式：自 2019-09 起写作 "dependentSchemas"（校验不变：出现 ${q(p.property)} 时，对象还须符合该模式）`,
    },
    'import.dependencies-empty': {
      en: () => `empty "dependencies" removed: it checked nothing`,
      zh: () => `已删除空的 "dependencies"：它不做任何校验`,
    },
  },
  apply(node, ctx) {
    const deps = node.dependencies;
    const malformed = ['dependentRequired', 'dependentSchemas'].some((k) => Object.hasOwn(node, k) && !isObject(node[k]));
    if (!isObject(deps) || malformed) return;
    const required: Record<string, unknown> = isObject(node.dependentRequired) ? { ...node.dependentRequired } : {};
    const schemas: Record<string, unknown> = isObject(node.dependentSchemas) ? { ...node.dependentSchemas } : {};
    for (const [property, value] of Object.entries(deps)) {
      if (Array.isArray(value)) {
        const before = Array.isArray(required[property]) ? (required[property] as unknown[]) : [];
        required[property] = [...before, ...value.filter((v) => !before.includes(v))];
        ctx.moved(rel('dependentRequired', property), rel('dependencies', property));
        ctx.change('import.dependent-required', rel('dependencies', property), { property, required: value }, rel('dependentRequired', property));
        continue;
      }
      // a schema (or anything else, which the form check then refuses where the author wrote it)
      if (Object.hasOwn(schemas, property)) {
        schemas[property] = { allOf: [schemas[property], value] };
        ctx.moved(rel('dependentSchemas', property, 'allOf', 0), rel('dependentSchemas', property));
        ctx.moved(rel('dependentSchemas', property, 'allOf', 1), rel('dependencies', property));
      } else {
        schemas[property] = value;
        ctx.moved(rel('dependentSchemas', property), rel('dependencies', property));
      }
      ctx.change('import.dependent-schemas', rel('dependencies', property), { property }, rel('dependentSchemas', property));
    }
    if (Object.keys(deps).length === 0) ctx.change('import.dependencies-empty', '/dependencies', {});
    // keywords made from `dependencies` came from there
    if (!isObject(node.dependentRequired)) ctx.moved('/dependentRequired', '/dependencies');
    if (!isObject(node.dependentSchemas)) ctx.moved('/dependentSchemas', '/dependencies');
    const entries: [string, unknown][] = [];
    if (Object.keys(required).length > 0) entries.push(['dependentRequired', required]);
    if (Object.keys(schemas).length > 0) entries.push(['dependentSchemas', schemas]);
    replaceKey(node, 'dependencies', entries);
  },
});
