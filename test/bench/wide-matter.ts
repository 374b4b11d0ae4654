/**
 * Generated matters with many fields, for the benches: the residence-permit baseline with its form replaced by
 * `fields` text fields the applicant types, in groups of twenty (titles in Chinese, help in English), under an id of
 * its own.
 */
import { readFileSync } from 'node:fs';
import type { MatterDefinition } from '../../engine/index.ts';
import { projectRoot } from '../support/catalogue.ts';

/** A baseline with `fields` typed fields; its id is `330000-BENCH-<fields, 4 digits>`. */
export function wideMatter(fields: number, perGroup = 20): MatterDefinition {
  const base = JSON.parse(readFileSync(`${projectRoot}definitions/matters/residence-permit/baseline.json`, 'utf8')) as MatterDefinition;
  const properties: Record<string, unknown> = {};
  for (let g = 0; g * perGroup < fields; g++) {
    const group: Record<string, unknown> = {};
    for (let f = 0; f < perGroup && g * perGroup + f < fields; f++) group[`f${f}`] = { type: 'string', title: `字段 ${g}-${f}`, description: `Field ${g}-${f}`, maxLength: 100 };
    properties[`g${g}`] = { type: 'object', title: `分组 ${g}`, description: `Group ${g}`, properties: group };
  }
  const id = `330000-BENCH-${String(fields).padStart(4, '0')}`;
  return { ...base, id, title: { zh: `${fields}字段事项`, en: `${fields}-field matter` }, form: { schema: { type: 'object', properties } } } as MatterDefinition;
}
