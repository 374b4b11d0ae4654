import { isObject } from '../../json/pointer.ts';
import { rel, replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';

// An `additionalItems` that lets any further item through.
const opensAll = (v: unknown) => v === undefined || v === true || (isObject(v) && Object.keys(v).length === 0);

/**
 * `items` as a list (a tuple until 2019-09) becomes `prefixItems`, and `additionalItems` becomes `items`. onematter
 * holds a tuple to exactly its items (ajv strictTuples): a tuple that let further items through unchecked is closed
 * (rjsf offers no way to add them), one that lets them through by another schema cannot be expressed.
 */
export const tupleItemsRule = importRule({
  name: 'tuple-items',
  changes: {
    'import.tuple-prefix-items': {
      en: (p) => `"items" as a list of ${p.length} schemas (a tuple) is "prefixItems" since 2020-12; the item schemas are unchanged`,
      zh: (p) => `以 ${p.length} 个模式组成列表的 "items"（元组）自 2020-12 起写作 "prefixItems"；各项模式不变`,
    },
    'import.tuple-closed': {
      en: (p) => `the array is closed after its ${p.length} fixed items ("items": false): ${p.additional === true ? '"additionalItems": true' : 'without "additionalItems", JSON Schema'} let further items through unchecked, but onematter refuses tuples that leave items unchecked (strictTuples), and rjsf offers no way to add them`,
      zh: (p) => `数组在 ${p.length} 个固定项之后封闭（"items": false）：${p.additional === true ? '"additionalItems": true' : '没有 "additionalItems" 时，JSON Schema'} 允许多出的项不经校验，但系统拒绝留有未校验项的元组（strictTuples），且 rjsf 也不提供添加这些项的方式`,
    },
    'import.tuple-no-more-items': {
      en: () => `"additionalItems": false is "items": false since 2020-12 (no item after the fixed ones)`,
      zh: () => `"additionalItems": false 自 2020-12 起写作 "items": false（固定项之后不得再有项）`,
    },
    'import.tuple-min-items': {
      en: (p) => `"minItems": ${p.length} ${p.from === undefined ? 'added' : `instead of ${p.from}`}: onematter holds a tuple to exactly its ${p.length} items (strictTuples), so that no fixed item is left out by accident; rjsf renders every fixed item, so forms filled in with it have them all`,
      zh: (p) => `${p.from === undefined ? '新增' : `将 ${p.from} 改为`} "minItems": ${p.length}：系统要求元组恰好包含 ${p.length} 项（strictTuples），以免意外缺少固定项；rjsf 会渲染每个固定项，用它填写的表单都包含全部固定项`,
    },
    'import.additional-items-ignored': {
      en: (p) => `"additionalItems" removed: ${p.reason === 'max-items' ? `it let any item through, and "maxItems": ${p.length} already ends the array after its fixed items` : 'it has effect only when "items" is a list, and here it is not'}`,
      zh: (p) => `已删除 "additionalItems"：${p.reason === 'max-items' ? `它允许任意项，而 "maxItems": ${p.length} 已让数组止于固定项` : '只有 "items" 为列表时它才起作用，此处并非如此'}`,
    },
  },
  apply(node, ctx) {
    const items = node.items;
    if (!Array.isArray(items)) {
      if (Object.hasOwn(node, 'additionalItems')) {
        ctx.change('import.additional-items-ignored', '/additionalItems', { reason: 'no-list' });
        delete node.additionalItems;
      }
      return;
    }
    // an empty list is no tuple (and no valid schema in any draft), a list beside prefixItems no draft's: left to the form check
    if (items.length === 0 || Object.hasOwn(node, 'prefixItems')) return;
    const length = items.length;
    ctx.moved('/prefixItems', '/items');
    items.forEach((_, i) => ctx.moved(rel('prefixItems', i), rel('items', i)));
    ctx.change('import.tuple-prefix-items', '/items', { length }, '/prefixItems');
    const additional = node.additionalItems;
    const entries: [string, unknown][] = [['prefixItems', items]];
    if (additional === false) {
      entries.push(['items', false]);
      ctx.change('import.tuple-no-more-items', '/additionalItems', {}, '/items');
    } else if (!opensAll(additional)) {
      entries.push(['items', additional]);
      ctx.moved('/items', '/additionalItems');
      ctx.problem('import.tuple-additional-items', '/additionalItems', { length });
    } else if (node.maxItems !== length) {
      entries.push(['items', false]);
      ctx.change('import.tuple-closed', Object.hasOwn(node, 'additionalItems') ? '/additionalItems' : '/items', { length, additional }, '/items');
    } else if (additional !== undefined) {
      ctx.change('import.additional-items-ignored', '/additionalItems', { reason: 'max-items', length });
    }
    delete node.additionalItems;
    replaceKey(node, 'items', entries);
    if (additional === false || opensAll(additional)) {
      if (node.minItems !== length && !(typeof node.minItems === 'number' && node.minItems > length)) {
        ctx.change('import.tuple-min-items', Object.hasOwn(node, 'minItems') ? '/minItems' : '', { length, from: node.minItems }, '/minItems');
        node.minItems = length;
      }
    }
  },
});
