/**
 * Situations (情形) of materials and fees, and materials' one-of groups. A condition is set whole (the JSON editor,
 * removing it) or one builder clause at a time (see ../situations.ts); typing a clause's value is set-value on its
 * keyword, so a typed word is one transaction.
 */
import type { JsonObject, LocalizedText, MatterDefinition } from '../../../engine/index.ts';
import { jsonEqual } from '../../../engine/json/equal.ts';
import { isObject } from '../../../engine/json/pointer.ts';
import type { Op } from '../patch.ts';
import { readSituation, situationSchema, situationTarget, SituationError, type Clause } from '../situations.ts';
import { command, CommandError } from './command.ts';

const identifier = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

// The material or fee a target pointer names, and its condition there.
function targetOf(definition: MatterDefinition, name: string, target: string) {
  const match = situationTarget.exec(target);
  if (!match) throw new CommandError(name, `${target} is not where a situation goes (a material's when, a fee's when or waivedWhen)`);
  const [, list, index, key] = match as unknown as [string, 'materials' | 'fees', string, 'when' | 'waivedWhen'];
  if (list === 'materials' && key !== 'when') throw new CommandError(name, 'a material has one situation: when');
  const element = (definition[list] as unknown[] | undefined)?.[Number(index)];
  if (!isObject(element)) throw new CommandError(name, `there is no ${list === 'materials' ? 'material' : 'fee'} ${index}`);
  const title = isObject(element.name) ? (element.name as unknown as LocalizedText) : { zh: String(element.id ?? index), en: String(element.id ?? index) };
  return { list, key, element, title, condition: element[key] };
}

function labelOf(list: 'materials' | 'fees', key: 'when' | 'waivedWhen', title: LocalizedText, removed: boolean): LocalizedText {
  const what = key === 'waivedWhen' ? { zh: '减免情形', en: 'waiver situation' } : { zh: '适用情形', en: 'situation' };
  const kind = list === 'materials' ? { zh: '材料', en: 'material' } : { zh: '收费', en: 'fee' };
  return removed
    ? { zh: `删除${kind.zh}「${title.zh}」的${what.zh}`, en: `remove the ${what.en} of ${kind.en} ${title.en}` }
    : { zh: `设置${kind.zh}「${title.zh}」的${what.zh}`, en: `set the ${what.en} of ${kind.en} ${title.en}` };
}

// The ops that put `next` at the target (undefined: remove it; a fee's waiver reason goes with its waiver).
function writeOps(target: string, key: 'when' | 'waivedWhen', element: Record<string, unknown>, next: JsonObject | undefined): Op[] {
  const ops: Op[] = [];
  if (next === undefined) {
    if (element[key] !== undefined) ops.push({ op: 'delete', path: target });
    if (key === 'waivedWhen' && element.waiverReason !== undefined) ops.push({ op: 'delete', path: target.replace(/waivedWhen$/, 'waiverReason') });
  } else if (!jsonEqual(element[key], next)) ops.push({ op: 'set', path: target, value: next });
  return ops;
}

/** Sets a material's or fee's condition whole (`target`: `/materials/3/when`, `/fees/0/waivedWhen`…), or removes it. */
export const setSituation = command<{ target: string; condition: JsonObject | undefined }>({
  name: 'set-situation',
  plan(definition, { target, condition }) {
    const { list, key, element, title } = targetOf(definition, 'set-situation', target);
    if (condition !== undefined && !isObject(condition)) throw new CommandError('set-situation', 'a situation is a JSON Schema object');
    return { ops: writeOps(target, key, element, condition), label: labelOf(list, key, title, condition === undefined), select: target };
  },
});

/**
 * The builder's edit: replaces the clause at `index` of the target's condition (`index` = the number of clauses adds
 * one), or removes it (`clause` undefined; the last one gone, the condition goes). Refuses a hand-written condition.
 */
export const setSituationClause = command<{ target: string; index: number; clause: Clause | undefined }>({
  name: 'set-situation-clause',
  plan(definition, { target, index, clause }) {
    const { list, key, element, title, condition } = targetOf(definition, 'set-situation-clause', target);
    const clauses = condition === undefined ? [] : readSituation(condition);
    if (!clauses) throw new CommandError('set-situation-clause', `the situation at ${target} is not one the builder writes; edit it as JSON`);
    if (!Number.isInteger(index) || index < 0 || index > clauses.length || (clause === undefined && index === clauses.length)) {
      throw new CommandError('set-situation-clause', `there is no clause ${index} (there are ${clauses.length})`);
    }
    const next = clauses.slice();
    if (clause === undefined) next.splice(index, 1);
    else next[index] = clause;
    let written: JsonObject | undefined;
    try {
      written = situationSchema(next);
    } catch (e) {
      if (e instanceof SituationError) throw new CommandError('set-situation-clause', e.message);
      throw e;
    }
    return { ops: writeOps(target, key, element, written), label: labelOf(list, key, title, written === undefined), select: target };
  },
});

/** Puts a material in a one-of group (a new or an existing one: the applicant supplies at least one member), or in none. */
export const setOneOfGroup = command<{ id: string; group: string | undefined }>({
  name: 'set-one-of-group',
  plan(definition, { id, group }) {
    const at = definition.materials.findIndex((m) => m.id === id);
    if (at < 0) throw new CommandError('set-one-of-group', `there is no material "${id}"`);
    if (group !== undefined && !identifier.test(group)) throw new CommandError('set-one-of-group', `"${group}" is not a group name: a letter, then letters, digits, _ or -`);
    const m = definition.materials[at]!;
    const path = `/materials/${at}/oneOfGroup`;
    const ops: Op[] = m.oneOfGroup === group ? [] : group === undefined ? [{ op: 'delete', path }] : [{ op: 'set', path, value: group }];
    const label = group === undefined
      ? { zh: `材料「${m.name.zh}」不再属于择一组`, en: `take material ${m.name.en} out of its one-of group` }
      : { zh: `材料「${m.name.zh}」归入择一组 ${group}`, en: `put material ${m.name.en} in one-of group ${group}` };
    return { ops, label, select: `/materials/${at}` };
  },
});
