/**
 * Prefills a field from a field of a shared-data item (`form.prefill`), or stops prefilling it. One entry per field:
 * an existing one is replaced in place. `locked` (shown verified and read-only) is written out, true unless told.
 */
import { jsonEqual } from '../../../engine/json/equal.ts';
import type { Prefill } from '../../../engine/index.ts';
import { parsePointer } from '../../../engine/json/pointer.ts';
import type { Op } from '../patch.ts';
import { command, CommandError } from './command.ts';
import { fieldAt } from './field-at.ts';

export const setPrefill = command<{ field: string; prefill: { item: string; value: string; locked?: boolean } | undefined }>({
  name: 'set-prefill',
  plan(definition, { field, prefill }) {
    const { pointer } = fieldAt(definition, 'set-prefill', field);
    // the runtime writes a prefilled value at one data path: an array's items have none
    if (parsePointer(field)!.includes('-')) throw new CommandError('set-prefill', `${field} is inside a list: its items cannot be prefilled`);
    const list = definition.form.prefill;
    const at = (list ?? []).findIndex((p) => p.field === field);
    const label = { zh: prefill ? `预填 ${field}：${prefill.item}.${prefill.value}` : `取消预填 ${field}`, en: prefill ? `prefill ${field} from ${prefill.item}.${prefill.value}` : `stop prefilling ${field}` };
    let ops: Op[];
    if (!prefill) {
      ops = at < 0 ? [] : list!.length === 1 ? [{ op: 'delete', path: '/form/prefill' }] : [{ op: 'remove', path: '/form/prefill', index: at }];
    } else {
      if (!prefill.item || !prefill.value) throw new CommandError('set-prefill', 'a prefill names a shared-data item and one of its fields');
      const entry: Prefill = { field, item: prefill.item, value: prefill.value, locked: prefill.locked ?? true };
      if (at >= 0) ops = jsonEqual(list![at], entry) ? [] : [{ op: 'set', path: `/form/prefill/${at}`, value: entry }];
      else ops = list ? [{ op: 'insert', path: '/form/prefill', index: list.length, value: entry }] : [{ op: 'set', path: '/form/prefill', value: [entry] }];
    }
    return { ops, label, select: pointer };
  },
});
