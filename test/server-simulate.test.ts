/**
 * The designer's simulator over HTTP: a real server, the real runtime replaying a draft's case in a throwaway store.
 * A residence-permit draft runs applicant → clerk → approver to a certificate; a step the runtime refuses is a frame
 * carrying its error; time passing fires a delayed transition; an invalid draft is 422 with pointers; reviewers may
 * simulate (nothing is written), applicants and anonymous callers may not; and the server's store is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, exampleData } from '../runtime/cases/simulate-example.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
let official: Client;
let draft: { id: string; definition: Record<string, any> };
const permit = '330000-GA-0101';
const simulate = (client: Client, body: unknown) => client.post('/api/designer/simulate', body);
const day = 86_400_000;

beforeAll(async () => {
  base = (await sandbox.start()).url;
  official = await Client.signedIn(base, 'official');
  const started = await official.post('/api/drafts', { edit: { id: permit, region: '330000' } });
  expect(started.status).toBe(201);
  draft = started.body;
}, 30_000);
afterAll(() => sandbox.remove());

describe('POST /api/designer/simulate', () => {
  it('runs the residence permit as applicant → clerk → approver, each step acted by its role, to a certificate in the trail', async () => {
    const reply = await simulate(official, { draftId: draft.id, steps: [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'event', type: 'ACCEPT' }, { kind: 'event', type: 'APPROVE', note: '材料齐全' }] });
    expect(reply.status, reply.text).toBe(200);
    const frames = reply.body.frames as any[];
    expect(frames.map((f) => [f.kind, f.state, f.role, f.status])).toEqual([
      ['start', 'draft', 'applicant', 'draft'],
      ['fill', 'draft', 'applicant', 'draft'],
      ['submit', 'submitted', 'clerk', 'active'],
      ['event', 'review', 'approver', 'active'],
      ['event', 'approved', null, 'done'],
    ]);
    expect(frames.map((f) => f.actor?.role ?? null)).toEqual([null, 'applicant', 'applicant', 'clerk', 'approver']);
    expect(frames[1].actor.id).toBe(demoCitizens.zhangWei);
    // the events each state accepts, tried with the runtime's own step logic
    expect(frames[2].events.map((e: any) => [e.type, e.allowed, e.to])).toEqual([['ACCEPT', true, 'review'], ['REQUEST_SUPPLEMENT', true, 'supplement'], ['REJECT', true, 'rejected']]);
    expect(frames[4].events).toEqual([]);
    expect(frames[0].stepName).toEqual({ zh: '填写申请', en: 'Application' });
    // prefilled and waived from the demo citizen's shared data; the example answers fill what the form still needs
    expect(frames[0].verified['/applicant/idNumber']).toBe(demoCitizens.zhangWei);
    expect(frames[0].waived).toEqual(expect.arrayContaining(['identityCard', 'photo']));
    expect(frames[1].data.delivery.method).toBe('电子证照');
    expect(frames[1].data.applicant.mobile).toMatch(/^1[3-9][0-9]{9}$/);
    // the deadline the submission set: 3 calendar days promised, met when approved
    expect(frames[1].deadline).toBeNull();
    const submittedAt = frames[2].now;
    expect(frames[2].deadline).toEqual({ dueAt: expect.any(Number), metAt: null });
    expect(frames[2].deadline.dueAt - submittedAt).toBeGreaterThan(2 * day);
    expect(frames[2].deadline.dueAt - submittedAt).toBeLessThanOrEqual(4 * day);
    expect(frames[2].timeLimit).toMatchObject({ unit: 'days', promisedDays: 3, statutoryDays: 15, extendableTo: 30, startedAt: submittedAt });
    expect(frames[4].deadline.metAt).toBe(frames[4].now);
    // the audit trail as the runtime wrote it
    const audit = frames[4].audit as any[];
    expect(audit.map((e) => [e.role, e.type, e.from, e.to])).toEqual([
      ['applicant', 'started', null, 'draft'],
      ['applicant', 'draft-saved', 'draft', 'draft'],
      ['applicant', 'SUBMIT', 'draft', 'submitted'],
      ['clerk', 'ACCEPT', 'submitted', 'review'],
      ['approver', 'APPROVE', 'review', 'approved'],
    ]);
    expect(audit[4].payload.actions).toContain('issueCertificate');
    expect(audit[4].payload.note).toBe('材料齐全');
    expect(audit[4].payload.certificates).toEqual(frames[4].certificates);
    expect(frames[4].certificates).toHaveLength(1);
    expect(frames[4].outcome).toBe('approved');
  });

  it('answers a step the runtime refuses with a frame carrying its typed error, and goes on from the unchanged case', async () => {
    const reply = await simulate(official, {
      draftId: draft.id,
      steps: [{ kind: 'submit' }, { kind: 'fill' }, { kind: 'event', type: 'ACCEPT' }, { kind: 'submit' }, { kind: 'event', type: 'APPROVE' }, { kind: 'event', type: 'ACCEPT', role: 'approver' }, { kind: 'event', type: 'ACCEPT' }],
    });
    expect(reply.status, reply.text).toBe(200);
    const [, unfilled, , wrongEvent, submitted, notAccepted, wrongRole, accepted] = reply.body.frames as any[];
    // the form lacks the mobile number and delivery: the runtime's field errors, with pointers
    expect(unfilled.error.code).toBe('invalid-data');
    expect(unfilled.error.details.errors.map((e: any) => e.pointer)).toEqual(expect.arrayContaining(['/applicant/mobile', '/delivery']));
    expect(unfilled.state).toBe('draft');
    expect(unfilled.audit).toHaveLength(1);
    // ACCEPT in the applicant's step: the applicant acts, and the state does not accept it
    expect(wrongEvent.error).toMatchObject({ code: 'invalid-event', details: { event: 'ACCEPT', state: 'draft', accepted: ['SUBMIT', 'WITHDRAW'] } });
    expect(submitted.state).toBe('submitted');
    expect(notAccepted.error).toMatchObject({ code: 'invalid-event', details: { event: 'APPROVE', state: 'submitted' } });
    expect(wrongRole.error.code).toBe('forbidden');
    expect(wrongRole.error.message).toMatch(/acted on by clerk, not approver/);
    expect(wrongRole.actor).toBeNull();
    expect(accepted.state).toBe('review');
    expect(accepted.audit.map((e: any) => e.type)).toEqual(['started', 'draft-saved', 'SUBMIT', 'ACCEPT']);
  });

  it('lets time pass: a delayed transition (`after`) fires as the system actor, and the frame shows it', async () => {
    const definition = structuredClone(draft.definition);
    definition.process.states.submitted.after = { P5D: { target: 'rejected', actions: ['recordDecision', 'notifyApplicant'] } };
    const reply = await simulate(official, { definition, steps: [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'advance', days: 4 }, { kind: 'advance', days: 1 }] });
    expect(reply.status, reply.text).toBe(200);
    const [, , submitted, fourDays, fiveDays] = reply.body.frames as any[];
    expect(submitted.delays).toEqual([{ delay: 'P5D', dueAt: submitted.now + 5 * day }]);
    expect(fourDays.now - submitted.now).toBe(4 * day);
    expect(fourDays.fired).toEqual([]);
    expect(fourDays.state).toBe('submitted');
    expect(fiveDays.fired).toEqual([{ delay: 'P5D', outcome: 'fired', to: 'rejected' }]);
    expect(fiveDays.state).toBe('rejected');
    expect(fiveDays.audit.at(-1)).toMatchObject({ actor: 'system', role: 'system', type: 'after P5D', from: 'submitted', to: 'rejected' });
  });

  it('chains delays falling due while time passes, each fired at its own due time', async () => {
    const definition = structuredClone(draft.definition);
    // the clerk's step escalates to the section chief after 2 days; the chief's step to rejection after 3 more
    definition.roles.push({ id: 'sectionChief', name: { zh: '科长', en: 'Section chief' } });
    definition.process.states.escalated = { meta: { role: 'sectionChief', step: { zh: '督办', en: 'Escalated' } }, on: { ACCEPT: 'review' }, after: { P3D: 'rejected' } };
    definition.process.states.submitted.after = { P2D: 'escalated' };
    const reply = await simulate(official, { definition, steps: [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'advance', days: 10 }] });
    expect(reply.status, reply.text).toBe(200);
    const [, , submitted, later] = reply.body.frames as any[];
    expect(later.fired).toEqual([{ delay: 'P2D', outcome: 'fired', to: 'escalated' }, { delay: 'P3D', outcome: 'fired', to: 'rejected' }]);
    expect(later.state).toBe('rejected');
    expect(later.now - submitted.now).toBe(10 * day);
    expect(later.audit.slice(-2).map((e: any) => [e.type, e.at - submitted.now])).toEqual([['after P2D', 2 * day], ['after P3D', 5 * day]]);
  });

  it('refuses an invalid draft with 422 and the validator’s problems, with pointers', async () => {
    const definition = structuredClone(draft.definition);
    definition.process.states.submitted.on.ACCEPT = { target: 'nowhere' };
    const reply = await simulate(official, { definition, steps: [] });
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.error.code).toBe('invalid-definition');
    expect(reply.body.error.problems).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: expect.stringContaining('/process/states/submitted/on/ACCEPT') })]));
    const notADefinition = await simulate(official, { definition: { hello: 'world' }, steps: [] });
    expect(notADefinition.status).toBe(422);
    expect(notADefinition.body.error.problems.length).toBeGreaterThan(0);
  });

  it('refuses malformed steps with 400 naming the place, and an unknown draft with 404', async () => {
    const badDays = await simulate(official, { draftId: draft.id, steps: [{ kind: 'advance', days: -1 }] });
    expect(badDays.status).toBe(400);
    expect(badDays.body.error.code).toBe('bad-request');
    expect(badDays.body.error.message).toMatch(/\/steps\/0/);
    expect((await simulate(official, { draftId: draft.id, steps: [{ kind: 'dance' }] })).status).toBe(400);
    expect((await simulate(official, { steps: [] })).status).toBe(400);
    expect((await simulate(official, { draftId: '00000000-0000-4000-8000-000000000000', steps: [] })).status).toBe(404);
  });

  it("simulates a city's variant in the context of its baseline, and hides drafts outside an official's scope (404)", async () => {
    const shaoxing = await Client.signedIn(base, 'officialShaoxing');
    const variant = await shaoxing.post('/api/drafts', { variantOf: { id: permit }, region: '330600' });
    expect(variant.status, variant.text).toBe(201);
    const reply = await simulate(shaoxing, { draftId: variant.body.id, steps: [{ kind: 'fill' }, { kind: 'submit' }], applicant: 'liNa' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ matterId: permit, region: '330600', applicant: demoCitizens.liNa });
    // Li Na's shared data holds no residence registration: fewer materials waived than Zhang Wei's
    expect(reply.body.frames[0].waived).not.toContain('residenceProof');
    expect((await simulate(shaoxing, { draftId: draft.id, steps: [] })).status).toBe(404); // the province's draft
  });

  it('lets reviewers simulate (nothing is written) and refuses applicants (403) and anonymous callers (401)', async () => {
    const reviewer = await Client.signedIn(base, 'reviewer');
    const reviewed = await simulate(reviewer, { draftId: draft.id, steps: [{ kind: 'fill' }, { kind: 'submit' }] });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.body.frames.at(-1).state).toBe('submitted');
    const applicant = await Client.signedIn(base, 'zhangWei');
    expect((await simulate(applicant, { draftId: draft.id, steps: [] })).status).toBe(403);
    expect((await simulate(new Client(base), { draftId: draft.id, steps: [] })).status).toBe(401);
    // no simulated case reached the server's store: a reviewer sees every case, and there are none
    const cases = await reviewer.get('/api/cases');
    expect(cases.status).toBe(200);
    expect(cases.body.cases).toEqual([]);
  });
});

describe('exampleData()', () => {
  it('samples strings for simple patterns, and gives up on what it cannot read', () => {
    for (const pattern of ['^1[3-9][0-9]{9}$', '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^(?:ab|cd)+\\d{2,4}-?x*$', '^[^0-9]{3}$']) {
      const text = sample(pattern);
      expect(text, pattern).toBeDefined();
      expect(new RegExp(pattern).test(text!), `${pattern} ${text}`).toBe(true);
    }
    expect(sample('^(?=a)b$')).toBeUndefined();
    expect(sample('^(a)\\1$')).toBeUndefined();
  });

  it('fills the required fields a form lacks, keeps what it has, and follows shared $refs', () => {
    const shared = [{ $id: 'https://x/mobile.json', type: 'string', pattern: '^1[3-9][0-9]{9}$' }];
    const schema = {
      type: 'object', required: ['a', 'n', 'kind', 'when', 'nested'],
      properties: {
        a: { $ref: 'https://x/mobile.json' }, n: { type: 'integer', minimum: 3 }, kind: { enum: ['x', 'y'] }, when: { type: 'string', format: 'date' },
        nested: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 3 } } }, optional: { type: 'string' },
      },
    };
    expect(exampleData(schema, shared, { kind: 'y' })).toEqual({ a: '13000000000', n: 3, kind: 'y', when: '2025-01-15', nested: { name: '示例示例' } });
  });

  it('fills the section a condition opens (if/then), and leaves one it keeps closed (else) empty', () => {
    const delivery = {
      type: 'object', required: ['method'],
      properties: { method: { enum: ['邮寄送达', '窗口领取'] }, address: { type: 'object', required: ['detail'], properties: { detail: { type: 'string', minLength: 2 } } } },
      allOf: [{ if: { properties: { method: { const: '邮寄送达' } }, required: ['method'] }, then: { required: ['address'] }, else: { properties: { address: false } } }],
    };
    expect(exampleData(delivery, [], {})).toEqual({ method: '邮寄送达', address: { detail: '示例' } });
    expect(exampleData(delivery, [], { method: '窗口领取' })).toEqual({ method: '窗口领取' });
  });
});
