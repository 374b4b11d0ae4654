/**
 * Response schemas of cases as case-json.ts writes them, registered as OpenAPI components: a case read whole (with
 * its audit trail and definition), a case after a step (with the audit event the step appended) and a case in a list.
 * Closed: a property the handlers add must be added here too (test/server-openapi.test.ts fails otherwise).
 */
import { part } from './definition-schemas.ts';

const ref = (id: string) => ({ $ref: `${id}#` }) as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] }) as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export const auditEvent = {
  $id: 'AuditEvent',
  type: 'object',
  description: 'one event of the hash-chained audit trail',
  additionalProperties: false,
  required: ['caseId', 'seq', 'at', 'actor', 'role', 'type', 'payload', 'prevHash', 'hash'],
  properties: {
    caseId: { type: 'string' },
    seq: { type: 'integer', minimum: 1 },
    at: { type: 'integer', description: 'milliseconds since the epoch' },
    actor: { type: 'string', description: 'the user id (an applicant’s identity number, staff’s user id)' },
    role: { type: 'string' },
    type: { type: 'string', description: '`started`, `draft-saved`, or the event taken (SUBMIT, ACCEPT, …)' },
    from: { type: 'string', description: 'the state before (absent for `started`)' },
    to: { type: 'string', description: 'the state after' },
    payload: { description: 'what the event carried (note, materials, …), or null' },
    prevHash: sha256,
    hash: sha256,
  },
} as const;

export const deadline = {
  $id: 'Deadline',
  type: 'object',
  description: 'the promised time limit, running from submission',
  additionalProperties: false,
  required: ['dueAt', 'metAt'],
  properties: { dueAt: dateTime, metAt: { ...dateTime, type: ['string', 'null'], description: 'when the case was finished; null while open' } },
} as const;

export const waivedMaterial = {
  $id: 'WaivedMaterial',
  type: 'object',
  description: 'a material the applicant need not bring, and why',
  additionalProperties: false,
  required: ['id', 'name', 'reason'],
  properties: { id: { type: 'string' }, name: part('localizedText'), reason: part('localizedText') },
} as const;

const certificateLink = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'issuedAt', 'json', 'html'],
  properties: { id: { type: 'string' }, issuedAt: dateTime, json: { type: 'string', description: 'download URL' }, html: { type: 'string', description: 'print URL' } },
} as const;

/** The fields every case answer has (caseSummary). */
const summary = {
  id: { type: 'string', format: 'uuid' },
  matterId: { type: 'string' },
  version: { type: 'string' },
  region: { type: 'string', description: 'region code' },
  applicant: { type: 'string', description: 'the applicant’s identity number' },
  state: { type: 'string' },
  role: { type: ['string', 'null'], description: 'the role acting in the current step; null once finished' },
  status: { type: 'string', enum: ['draft', 'active', 'done'] },
  outcome: { type: ['string', 'null'], description: 'approved, rejected, withdrawn, … once finished' },
  revision: { type: 'integer', minimum: 1, description: 'name it in the next change' },
  createdAt: dateTime,
  updatedAt: dateTime,
} as const;

/** The fields of a whole case (caseJson), without the optional parts. */
const whole = {
  ...summary,
  title: part('localizedText'),
  hash: { ...sha256, description: 'the definition version’s content hash the case is pinned to' },
  data: { type: 'object', description: 'the form data' },
  verified: { type: 'object', description: 'verified values from shared data, by JSON Pointer into data; they cannot be changed' },
  step: nullable(part('localizedText')),
  events: { type: 'array', items: { type: 'string' }, description: 'events the current step accepts' },
  deadline: nullable(ref('Deadline')),
  overdue: { type: 'boolean' },
  waived: { type: 'array', items: ref('WaivedMaterial') },
  certificates: { type: 'array', items: certificateLink },
} as const;
const wholeRequired = Object.keys(whole);

/** A case read whole or just started: its audit trail and its definition (for rendering the form) included. */
export const caseBody = {
  $id: 'Case',
  type: 'object',
  additionalProperties: false,
  required: [...wholeRequired, 'audit', 'definition'],
  properties: {
    ...whole,
    audit: { type: 'array', items: ref('AuditEvent') },
    definition: { type: 'object', description: 'the matter definition the case runs on (engine/model/definition.schema.json)' },
  },
} as const;

/** A case after a draft, a submission or an action: with the audit event that step appended. */
export const caseStepBody = {
  $id: 'CaseStep',
  type: 'object',
  additionalProperties: false,
  required: [...wholeRequired, 'event'],
  properties: { ...whole, event: ref('AuditEvent') },
} as const;

/** A case in a list: its summary, title, deadline and link. */
export const caseListItem = {
  $id: 'CaseListItem',
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(summary), 'title', 'deadline', 'overdue', 'href'],
  properties: {
    ...summary,
    title: nullable(part('localizedText')),
    deadline: nullable(ref('Deadline')),
    overdue: { type: 'boolean' },
    href: { type: 'string', description: 'the case’s URL' },
  },
} as const;

/** The components to register with `app.addSchema`. */
export const caseSchemas = [auditEvent, deadline, waivedMaterial, caseBody, caseStepBody, caseListItem] as const;
export const caseRef = ref('Case');
export const caseStepRef = ref('CaseStep');
export const caseListItemRef = ref('CaseListItem');
