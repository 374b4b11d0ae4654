import { isObject } from '../../json/pointer.ts';
import { checkPattern } from '../../validate/regex-safety.ts';
import { rel } from '../edit.ts';
import { admits, typesOf } from '../keywords.ts';
import { importRule } from '../rule.ts';

// Keywords that check nothing: a pattern's schema holding only these (and a type) adds no check to a property.
const annotations = new Set(['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
const escape = (name: string) => name.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&');

/** Whether the pattern's schema asks nothing of a value that `property` does not already ask. */
function addsNothing(pattern: unknown, property: unknown): boolean {
  if (pattern === true || (isObject(pattern) && Object.keys(pattern).every((k) => annotations.has(k)))) return true;
  if (!isObject(pattern) || !isObject(property) || Object.keys(pattern).some((k) => k !== 'type' && !annotations.has(k))) return false;
  const allowed = typesOf(pattern.type);
  const declared = typesOf(property.type);
  return !!allowed && !!declared && declared.every((t) => admits(allowed, t));
}

/** Whether `|` separates alternatives at the top level of a pattern (so it cannot be anchored by prefixing). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * ajv's strict mode refuses a property that a `patternProperties` pattern also matches (checked by both, which is
 * almost always a mistake). Where the pattern's schema adds nothing to the property's own, the property's name is
 * taken out of the pattern: the same keys are checked by the same schemas.
 */
export const patternOverlapRule = importRule({
  name: 'pattern-overlap',
  changes: {
    'import.pattern-overlap': {
      en: (p) => `pattern ${JSON.stringify(p.from)} is ${JSON.stringify(p.to)}: it also matched ${(p.properties as string[]).map((n) => JSON.stringify(n)).join(', ')}, declared in "properties" with a schema that already asks what the pattern's asks, and strict mode refuses a property that a pattern also matches (almost always a mistake); the same keys are checked as before`,
      zh: (p) => `模式 ${JSON.stringify(p.from)} 改为 ${JSON.stringify(p.to)}：它还匹配已在 "properties" 中声明的 ${(p.properties as string[]).map((n) => JSON.stringify(n)).join('、')}，而这些属性的模式已包含该模式的要求；严格模式拒绝同时被模式匹配的属性（几乎总是错误）；各键的校验与之前相同`,
    },
  },
  apply(node, ctx) {
    if (!isObject(node.properties) || !isObject(node.patternProperties)) return;
    const properties = node.properties;
    const names = Object.keys(properties);
    let patterns: Record<string, unknown> | undefined;
    for (const [pattern, schema] of Object.entries(node.patternProperties)) {
      // only patterns that are safe to run on the names, and whose rewrite stays a pattern of its own
      if (!checkPattern(pattern).ok) continue;
      const regex = new RegExp(pattern, 'u');
      const matched = names.filter((n) => regex.test(n));
      if (matched.length === 0 || !matched.every((n) => addsNothing(schema, properties[n]))) continue;
      const excluded = `^(?!(?:${matched.map(escape).join('|')})$)`;
      const to = pattern.startsWith('^') && !topLevelAlternation(pattern) ? `${excluded}(?:${pattern.slice(1)})` : `${excluded}[\\s\\S]*?(?:${pattern})`;
      if (Object.hasOwn(node.patternProperties, to) || !checkPattern(to).ok) continue;
      patterns ??= { ...node.patternProperties };
      patterns = Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k === pattern ? to : k, v]));
      ctx.moved(rel('patternProperties', to), rel('patternProperties', pattern));
      ctx.change('import.pattern-overlap', rel('patternProperties', pattern), { from: pattern, to, properties: matched }, rel('patternProperties', to));
    }
    if (patterns) node.patternProperties = patterns;
  },
});
