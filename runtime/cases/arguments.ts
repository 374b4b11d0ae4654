/**
 * Argument checks at the runtime's public boundary: an embedder calling from plain JavaScript (or with `as any`)
 * gets an InvalidArgumentError naming the argument, not a TypeError from deep inside, a misleading ConflictError for a
 * revision given as a string, or a message echoing a megabyte-long id.
 */
import type { CaseQuery, CaseRecord } from '../store/types.ts';
import { InvalidArgumentError } from './errors.ts';

/** Longer than any id, code or name the runtime keeps (case ids are UUIDs, identity numbers 18 characters). */
const maxIdLength = 200;
const statuses: ReadonlySet<unknown> = new Set(['draft', 'active', 'done']);

/** An id: a non-empty string of at most 200 characters. */
export function checkId(argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new InvalidArgumentError(argument, `must be a string, not ${kindOf(value)}`);
  if (value.length === 0 || value.length > maxIdLength) throw new InvalidArgumentError(argument, `must have 1 to ${maxIdLength} characters, not ${value.length}`);
}

/** A revision: the positive integer the caller read. */
export function checkRevision(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError('revision', `must be the positive integer you read, not ${typeof value === 'number' ? String(value) : kindOf(value)}`);
  }
}

/** An actor: an object with a string id and role. */
export function checkActor(value: unknown): asserts value is { id: string; role: string } {
  if (typeof value !== 'object' || value === null) throw new InvalidArgumentError('actor', `must be { id, role }, not ${kindOf(value)}`);
  const { id, role } = value as { id?: unknown; role?: unknown };
  checkId('actor.id', id);
  checkId('actor.role', role);
}

/** An object argument (an input, a query, a record key). */
export function checkObject(argument: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(argument, `must be an object, not ${kindOf(value)}`);
}

/** A case query: optional string filters, and a known status. */
export function checkQuery(query: unknown): asserts query is CaseQuery {
  checkObject('query', query);
  for (const key of ['role', 'applicant', 'matterId'] as const) if (query[key] !== undefined) checkId(`query.${key}`, query[key]);
  if (query.roles !== undefined) {
    if (!Array.isArray(query.roles)) throw new InvalidArgumentError('query.roles', `must be an array, not ${kindOf(query.roles)}`);
    query.roles.forEach((r, i) => checkId(`query.roles[${i}]`, r));
  }
  if (query.status !== undefined && !statuses.has(query.status)) throw new InvalidArgumentError('query.status', 'must be draft, active or done');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The arguments of a call that changes a case. */
export function checkChange(caseId: unknown, actor: unknown, revision: unknown): void {
  checkId('caseId', caseId);
  checkActor(actor);
  checkRevision(revision);
}

/** The id, region and version naming a definition (validate, formValidator). */
export function checkDefinitionKey(record: unknown): asserts record is Pick<CaseRecord, 'matterId' | 'version' | 'region'> {
  checkObject('record', record);
  checkId('record.matterId', record.matterId);
  checkId('record.region', record.region);
  checkId('record.version', record.version);
}
