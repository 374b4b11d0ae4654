/**
 * Where else a definition names a field by its data pointer: prefill entries and the legal basis of fields. Removing
 * or renaming a field carries these along, so no reference dangles.
 */
import type { MatterDefinition } from '../../../engine/index.ts';
import type { Op } from '../patch.ts';

const lists = ['prefill', 'fieldBasis'] as const;
const within = (pointer: string, field: string) => pointer === field || pointer.startsWith(`${field}/`);

/** Ops that drop every reference to `field` or a field inside it (highest index first, so indices stay valid). */
export function dropReferences(definition: MatterDefinition, field: string): Op[] {
  const ops: Op[] = [];
  for (const list of lists) {
    const entries = definition.form[list] ?? [];
    for (let i = entries.length - 1; i >= 0; i--) if (within(entries[i]!.field, field)) ops.push({ op: 'remove', path: `/form/${list}`, index: i });
  }
  return ops;
}

/** Ops that point every reference to `from` (or inside it) at `to` instead. */
export function moveReferences(definition: MatterDefinition, from: string, to: string): Op[] {
  const ops: Op[] = [];
  for (const list of lists) {
    (definition.form[list] ?? []).forEach((entry, i) => {
      if (within(entry.field, from)) ops.push({ op: 'set', path: `/form/${list}/${i}/field`, value: to + entry.field.slice(from.length) });
    });
  }
  return ops;
}
