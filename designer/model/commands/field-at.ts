/** Finding the field a command names (a property, or an array's item schema) by its data pointer. */
import { isObject, resolvePointer } from '../../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../../engine/index.ts';
import { schemaPointerOf } from '../fields.ts';
import { CommandError } from './command.ts';

/** The field's schema and where it is; throws a CommandError (for the command `name`) when there is no such field. */
export function fieldAt(definition: MatterDefinition, name: string, field: string): { pointer: string; schema: Record<string, unknown> } {
  const pointer = field === '' ? undefined : schemaPointerOf(definition, field);
  const schema = pointer === undefined ? undefined : resolvePointer(definition, pointer);
  if (pointer === undefined || !isObject(schema)) throw new CommandError(name, `there is no field ${field || '(the form)'}`);
  return { pointer, schema };
}

/** Refuses a field that is a `$ref` to a shared schema: its type and constraints are the shared schema's. */
export function notShared(name: string, field: string, schema: Readonly<Record<string, unknown>>): void {
  if (typeof schema.$ref === 'string') throw new CommandError(name, `${field} uses a shared schema (${schema.$ref}); edit it there`);
}
