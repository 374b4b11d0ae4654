import { isObject } from '../../json/pointer.ts';
import { refTarget } from '../../form/refs.ts';
import { putFirst } from '../edit.ts';
import { importRule } from '../rule.ts';

const noShared: ReadonlyMap<string, unknown> = new Map();

/**
 * A root that is only a `$ref` to an object schema (as schema generators write them) says `"type": "object"` itself:
 * onematter reads a form's fields from its root, and the value must be an object already.
 */
export const rootTypeRule = importRule({
  name: 'root-type',
  changes: {
    'import.root-type': {
      en: (p) => `"type": "object" added at the root: its $ref ${JSON.stringify(p.ref)} already requires an object, and onematter needs the root of a form to say so (form data is addressed by field path); the same values are accepted`,
      zh: (p) => `在根上新增 "type": "object"：其 $ref ${JSON.stringify(p.ref)} 本已要求对象，而系统要求表单的根明确声明（表单数据按字段路径定位）；接受的取值不变`,
    },
  },
  apply(node, ctx) {
    if (!ctx.isRoot || Object.hasOwn(node, 'type') || typeof node.$ref !== 'string') return;
    const target = refTarget(node.$ref, ctx.input, noShared)?.node;
    if (!isObject(target) || target.type !== 'object') return;
    putFirst(node, 'type', 'object');
    ctx.change('import.root-type', '', { ref: node.$ref }, '/type');
  },
});
