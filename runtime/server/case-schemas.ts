/**
 * Response schemas of cases as case-json.ts writes them, registered as OpenAPI components: a case read whole (with
 * its audit trail and definition), a case after a step (with the audit event the step appended) and a case in a list;
 * the situation its answers make and its time limits are components of their own.
 * Closed: a property the handlers add must be added here too (test/server-openapi.test.ts fails otherwise).
 */
import { materialSchema, part } from './definition-schemas.ts';

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
  properties: {
    dueAt: dateTime, metAt: { ...dateTime, type: ['string', 'null'], description: 'when the case was finished; null while open' },
    pausedAt: { ...dateTime, description: 'present while a supplement is awaited: the clock stands still (not overdue) and the due time moves by the paused working days on resubmission' },
  },
} as const;

export const waivedMaterial = {
  $id: 'WaivedMaterial',
  type: 'object',
  description: 'a material the applicant need not bring, and why',
  additionalProperties: false,
  required: ['id', 'name', 'reason'],
  properties: { id: { type: 'string' }, name: part('localizedText'), reason: part('localizedText') },
} as const;

const nullableDateTime = { ...dateTime, type: ['string', 'null'] } as const;
const days = { type: 'number', minimum: 0 } as const;

export const caseTimeLimit = {
  $id: 'CaseTimeLimit',
  type: 'object',
  description: 'the time limits in the matter’s unit; the statutory end and the longest extension are shown, not enforced (overdue follows the promised deadline)',
  additionalProperties: false,
  required: ['unit', 'promisedDays', 'statutoryDays', 'extendableTo', 'startedAt', 'statutoryDueAt', 'extendedDueAt'],
  properties: {
    unit: { type: 'string', enum: ['working-days', 'days'], description: 'working days (工作日) or calendar days (日)' },
    promisedDays: days,
    statutoryDays: { ...days, type: ['number', 'null'], description: 'null when the law sets no limit' },
    extendableTo: { ...days, type: ['number', 'null'], description: 'the longest the statutory limit may be extended to; null when it may not' },
    startedAt: { ...nullableDateTime, description: 'when the clock started (submission); null before' },
    statutoryDueAt: { ...nullableDateTime, description: 'the end of the statutory limit; null before submission or without a limit' },
    extendedDueAt: { ...nullableDateTime, description: 'the end of the longest extension; null before submission or without one' },
  },
} as const;

const caseMaterial = {
  type: 'object',
  description: 'a material that applies to the answers',
  additionalProperties: false,
  required: ['id', 'name', 'necessity', 'conditional', 'group', 'waived', 'supplied', 'missing'],
  properties: {
    id: { type: 'string' },
    name: part('localizedText'),
    necessity: materialSchema.properties.necessity, // the meta-schema's own list
    conditional: { type: 'boolean', description: 'it applies because of the answers (its `when` holds)' },
    group: { type: ['string', 'null'], description: 'its one-of group: any one member satisfies the group' },
    waived: { type: 'boolean', description: 'shared data stands in for it' },
    supplied: { type: 'boolean' },
    missing: { type: 'boolean', description: 'required, outside any group, neither waived nor supplied' },
  },
} as const;

export const caseSituation = {
  $id: 'CaseSituation',
  type: 'object',
  description: 'what applies to the case’s answers: materials, one-of groups, fees due and the amount due',
  additionalProperties: false,
  required: ['materials', 'groups', 'fees', 'amountDue', 'paid', 'complete'],
  properties: {
    materials: { type: 'array', items: caseMaterial },
    groups: {
      type: 'array',
      description: 'one-of groups among the materials that apply',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'members', 'required', 'satisfied'],
        properties: {
          id: { type: 'string' }, members: { type: 'array', items: { type: 'string' } },
          required: { type: 'boolean', description: 'an applicable member is required' }, satisfied: { type: 'boolean', description: 'a member is supplied or waived' },
        },
      },
    },
    fees: {
      type: 'array',
      description: 'fees due for the answers, waived or not',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'amount', 'waived', 'waiverReason'],
        properties: { id: { type: 'string' }, name: part('localizedText'), amount: { type: 'number', minimum: 0, description: 'yuan' }, waived: { type: 'boolean' }, waiverReason: nullable(part('localizedText')) },
      },
    },
    amountDue: { type: 'number', minimum: 0, description: 'yuan: the fees due and not waived' },
    paid: { type: 'number', minimum: 0, description: 'yuan paid so far' },
    complete: { type: 'boolean', description: 'no required material or required group is missing' },
  },
} as const;

const localized = part('localizedText');
export const caseChecklist = {
  $id: 'CaseChecklist',
  type: 'object',
  description: 'the clerk’s checks per material, what is still outstanding (with due dates when accepted missing, 容缺), and a certificate held back until it is supplied',
  additionalProperties: false,
  required: ['checks', 'outstanding', 'certificateHeld'],
  properties: {
    checks: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['material', 'status', 'by', 'role', 'at'],
        properties: {
          material: { type: 'string' }, status: { type: 'string', enum: ['received', 'verified', 'missing', 'not-applicable'] }, note: { type: 'string' },
          tolerated: { type: 'boolean' }, dueDate: { type: 'string', description: 'YYYY-MM-DD' }, by: { type: 'string' }, role: { type: 'string' }, at: { type: 'integer', description: 'milliseconds since the epoch' },
        },
      },
    },
    outstanding: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'necessity', 'group', 'dueDate'],
        properties: { id: { type: 'string' }, name: localized, necessity: materialSchema.properties.necessity, group: { type: ['string', 'null'] }, dueDate: { type: ['string', 'null'], description: 'YYYY-MM-DD when accepted missing; null otherwise' } },
      },
    },
    certificateHeld: nullable({
      type: 'object', additionalProperties: false, required: ['at', 'reason', 'materials'],
      properties: {
        at: { type: 'integer' }, reason: { const: 'materials-outstanding' }, materials: { type: 'array', items: { type: 'string' } },
        outputs: { type: 'array', items: { type: 'string' }, description: 'a one-thing bundle’s: the outputs held back (each member’s approval holds its own)' },
      },
    }),
  },
} as const;

const certificateLink = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'issuedAt', 'json', 'html'],
  properties: { id: { type: 'string' }, issuedAt: dateTime, json: { type: 'string', description: 'download URL' }, html: { type: 'string', description: 'print URL' } },
} as const;

const caseFile = {
  type: 'object',
  description: 'an evidence file uploaded for the material',
  additionalProperties: false,
  required: ['sha256', 'size', 'type', 'uploadedAt', 'referenced', 'href'],
  properties: {
    sha256: { ...sha256, description: 'its content hash: reference it in `files` of submit or the supplement step' },
    size: { type: 'integer', minimum: 1, description: 'bytes' },
    type: { type: 'string', enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'as recognised from its content' },
    uploadedAt: dateTime,
    referenced: { type: 'boolean', description: 'part of the case (an event referenced it); unreferenced uploads are deleted after an hour' },
    href: { type: 'string', description: 'download URL' },
  },
} as const;

/** The fields every case answer has (caseSummary). */
const summary = {
  id: { type: 'string', format: 'uuid' },
  matterId: { type: 'string' },
  version: { type: 'string' },
  region: { type: 'string', description: 'region code' },
  applicant: { type: 'string', description: 'the applicant’s identity number' },
  applicantName: { type: ['string', 'null'], description: 'the applicant’s name as shared data verified it (null when the form holds none): lists show people by name' },
  reference: { type: ['string', 'null'], pattern: '^ZJ-[0-9]{4}-[0-9]{6,}$', description: 'the human-readable reference (ZJ-2026-000123) given at the first submission; null while a draft' },
  submittedAt: { ...nullableDateTime, description: 'when the applicant first submitted it; null while a draft' },
  state: { type: 'string' },
  role: { type: ['string', 'null'], description: 'the role acting in the current step; null once finished' },
  status: { type: 'string', enum: ['draft', 'active', 'done'] },
  outcome: { type: ['string', 'null'], description: 'approved, rejected, withdrawn, completed (a one-thing bundle whose members have each ended: see `members`), … once finished' },
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
  eventRoles: {
    type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'who may send each accepted event: the role of the state that handles it (in a parallel state, its region\'s; the applicant too for events every state accepts)',
  },
  deadline: nullable(ref('Deadline')),
  overdue: { type: 'boolean' },
  timeLimit: ref('CaseTimeLimit'),
  waived: { type: 'array', items: ref('WaivedMaterial') },
  situation: ref('CaseSituation'),
  certificates: { type: 'array', items: certificateLink },
  files: { type: 'object', description: 'evidence files by material id', additionalProperties: { type: 'array', items: caseFile } },
  checklist: ref('CaseChecklist'),
  members: {
    description: 'a one-thing bundle (一件事): where each member stands, in the bundle’s order — one status with each department’s progress; null for a single matter',
    anyOf: [{ type: 'array', items: ref('BundleMemberProgress') }, { type: 'null' }],
  },
} as const;
const wholeRequired = Object.keys(whole);

/** A case read whole or just started: its audit trail and its definition (for rendering the form) included. */
export const caseBody = {
  $id: 'Case',
  type: 'object',
  additionalProperties: false,
  required: [...wholeRequired, 'audit', 'licences', 'delays', 'definition'],
  properties: {
    ...whole,
    audit: { type: 'array', items: ref('AuditEvent') },
    licences: {
      type: 'object', description: 'the e-licences presented for materials, by material id, as the audit trail records them (`licences` of submit and act)',
      additionalProperties: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'hash'], properties: { id: { type: 'string' }, hash: { ...sha256, description: 'the licence’s content hash when presented' } } } },
    },
    delays: {
      type: 'array',
      description: 'delayed transitions waiting for the case (the current state’s `after`), soonest first; the server fires them when due, as the system actor',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['state', 'delay', 'dueAt', 'target'],
        properties: { state: { type: 'string' }, delay: { type: 'string', description: 'the `after` key: milliseconds or an ISO 8601 duration' }, dueAt: dateTime, target: { type: ['string', 'null'], description: 'the state it leads to (its first transition)' } },
      },
    },
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
  required: [...Object.keys(summary), 'title', 'regionName', 'step', 'deadline', 'overdue', 'certificates', 'href'],
  properties: {
    ...summary,
    title: nullable(part('localizedText')),
    regionName: { ...nullable(part('localizedText')), description: 'the region’s name (GB/T 2260, definitions/regions.json); null for a code it does not list' },
    step: { ...nullable(part('localizedText')), description: 'the current step’s name; null once finished' },
    deadline: nullable(ref('Deadline')),
    overdue: { type: 'boolean' },
    certificates: { type: 'array', items: certificateLink, description: 'a finished case’s certificates' },
    href: { type: 'string', description: 'the case’s URL' },
  },
} as const;

/** One member of a one-thing bundle as a case shows it. */
export const bundleMemberProgress = {
  $id: 'BundleMemberProgress',
  type: 'object',
  description: 'a member of a one-thing bundle in a case: its step and role while its department works on it, its outcome once it ended, and the certificates its approval issued',
  additionalProperties: false,
  required: ['key', 'title', 'department', 'departmentName', 'step', 'role', 'outcome', 'certificates'],
  properties: {
    key: { type: 'string', description: 'the member’s key: its part of the form data, its region of the process, the suffix of its staff events (ACCEPT.key)' },
    title: part('localizedText'),
    department: { type: 'string', description: 'whose staff act on it (their roles are department-role: police-clerk)' },
    departmentName: part('localizedText'),
    step: { ...nullable(part('localizedText')), description: 'its current step; null once it ended or before submission' },
    role: { type: ['string', 'null'], description: 'the role acting on it now (police-clerk; applicant while it waits for a supplement); null once it ended or before submission' },
    outcome: { type: ['string', 'null'], description: 'approved, rejected or withdrawn once its part ended; null while it runs' },
    certificates: { type: 'array', items: { type: 'string' }, description: 'the ids of the certificates its approval issued (see `certificates` for their links)' },
  },
} as const;

/** The components to register with `app.addSchema`. */
export const caseSchemas = [auditEvent, deadline, caseTimeLimit, waivedMaterial, caseSituation, caseChecklist, bundleMemberProgress, caseBody, caseStepBody, caseListItem] as const;
export const caseRef = ref('Case');
export const caseStepRef = ref('CaseStep');
export const caseListItemRef = ref('CaseListItem');
