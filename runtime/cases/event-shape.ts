/**
 * The shape of an event callers send (`act`, and the materials of `submit`): one JSON Schema, compiled once, plus
 * the one rule a schema cannot know — materials must be ones the definition declares. Checked before the process
 * or the store sees the event, so a malformed one changes nothing.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { MatterDefinition } from '../../engine/index.ts';
import { join } from '../../engine/json/pointer.ts';
import { InvalidEventPayloadError, type FieldError } from './errors.ts';
import type { CaseEvent } from './machine.ts';
import { checkPayload } from './payload-limits.ts';

/** What an event may hold: an UPPER_SNAKE type and the optional note, payment, materials and on-site flag. */
export const eventSchema = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_-]{0,63})?$', maxLength: 129 },
    note: { type: 'string', maxLength: 2000 },
    paid: { type: 'number', minimum: 0 },
    materials: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } },
    onsiteCheck: { type: 'boolean' },
  },
} as const;

let compiled: ValidateFunction | undefined;
// compiled on first use, not at import: a cold start that takes no event pays nothing
const validator = () => (compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(eventSchema));
const declared = new WeakMap<MatterDefinition, ReadonlySet<string>>();

/** Checks an event's size, depth and shape before anything else touches it; throws PayloadError or InvalidEventPayloadError. */
export function checkEventShape(event: unknown): asserts event is CaseEvent {
  checkPayload(event);
  const validate = validator();
  if (!validate(event)) throw new InvalidEventPayloadError((validate.errors ?? []).map(fieldErrorOf));
}

/** Checks that the event's materials are ones `definition` declares; throws InvalidEventPayloadError naming the others. */
export function checkDeclaredMaterials(definition: MatterDefinition, event: CaseEvent): void {
  if (!event.materials?.length) return;
  let ids = declared.get(definition);
  if (!ids) declared.set(definition, (ids = new Set(definition.materials.map((m) => m.id))));
  const errors: FieldError[] = [];
  event.materials.forEach((id, i) => {
    if (!ids.has(id)) errors.push({ pointer: `/materials/${i}`, keyword: 'declared', message: `${JSON.stringify(id)} is not a material of ${definition.id}; it declares ${[...ids].join(', ')}` });
  });
  if (errors.length > 0) throw new InvalidEventPayloadError(errors);
}

// A missing or unknown property points at the property itself, not at the event.
function fieldErrorOf(e: ErrorObject): FieldError {
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  const property = e.keyword === 'required' ? params.missingProperty : e.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  return { pointer: property === undefined ? e.instancePath : join(e.instancePath, property), keyword: e.keyword, message: e.message ?? e.keyword };
}
