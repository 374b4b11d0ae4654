/**
 * The starting point of a new matter: a valid baseline with one applicant step, a clerk's acceptance and an approval,
 * the applicant's name and identity number prefilled from shared data, and nothing else — the official takes it from
 * there in the designer. It lacks one thing on purpose: its legal basis, which only the official can name, so it
 * cannot be published before someone does.
 */
import type { LocalizedText, MatterDefinition, Region } from '../../engine/index.ts';

/** A new baseline for matter `id` in the province `region`. */
export function newMatter(input: { id: string; title: LocalizedText; department: LocalizedText; region: Region }): MatterDefinition {
  return {
    id: input.id,
    version: '1.0.0',
    kind: 'baseline',
    region: input.region,
    title: input.title,
    summary: { zh: `${input.title.zh}：办事指南待补充。`, en: `${input.title.en}: the service guide is to be written.` },
    matterType: 'public-service',
    department: { name: input.department },
    legalBasis: [],
    handlingType: 'promised',
    channels: ['online'],
    roles: [
      { id: 'applicant', name: { zh: '申请人', en: 'Applicant' } },
      { id: 'clerk', name: { zh: '受理窗口', en: 'Clerk' } },
      { id: 'approver', name: { zh: '审批人', en: 'Approver' } },
    ],
    materials: [],
    form: {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['applicant'],
        properties: {
          applicant: {
            type: 'object',
            title: '申请人',
            description: 'Applicant',
            additionalProperties: false,
            required: ['name', 'idNumber'],
            properties: {
              name: { type: 'string', title: '姓名', description: 'Name', maxLength: 50 },
              idNumber: { $ref: 'https://onematter.dev/schemas/shared/id-number.json', title: '公民身份号码', description: 'Identity number' },
            },
          },
        },
      },
      prefill: [
        { field: '/applicant/name', item: 'identity', value: 'name', locked: true },
        { field: '/applicant/idNumber', item: 'identity', value: 'idNumber', locked: true },
      ],
    },
    process: {
      id: `matter-${input.id.toLowerCase()}`,
      initial: 'draft',
      states: {
        draft: { meta: { role: 'applicant', step: { zh: '填写申请', en: 'Application' } }, on: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn' } },
        submitted: { meta: { role: 'clerk', step: { zh: '受理', en: 'Acceptance' } }, on: { ACCEPT: 'review', REJECT: { target: 'rejected', actions: ['recordDecision'] } } },
        review: { meta: { role: 'approver', step: { zh: '审核', en: 'Review' } }, on: { APPROVE: { target: 'approved', actions: ['recordDecision'] }, REJECT: { target: 'rejected', actions: ['recordDecision'] } } },
        approved: { type: 'final', meta: { outcome: 'approved' } },
        rejected: { type: 'final', meta: { outcome: 'rejected' } },
        withdrawn: { type: 'final', meta: { outcome: 'withdrawn' } },
      },
    },
    timeLimit: { statutoryDays: 20, promisedDays: 10 },
    fees: [],
    visits: 0,
    outputs: [],
  } as MatterDefinition;
}
