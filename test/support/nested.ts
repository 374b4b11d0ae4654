/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The residence permit's baseline with nested states, for the runtime's and the server's tests: acceptance leads to
 * two departments' checks side by side (a parallel state, overdue after 10 days as a whole; the records check passes
 * by itself after 2 days), joined into a two-level decision (a compound state) that issues the permit.
 */
const step = (zh: string, en: string) => ({ zh, en });

export function nestedPermit(baseline: unknown): any {
  const nested = structuredClone(baseline) as any;
  nested.process.states.submitted.on.ACCEPT.target = 'checks';
  delete nested.process.states.review;
  nested.process.states.checks = {
    type: 'parallel',
    after: { P10D: { target: 'rejected', actions: ['recordDecision'] } },
    on: { REJECT: { target: 'rejected', actions: ['recordDecision'] } },
    onDone: 'decision',
    states: {
      police: { initial: 'checking', meta: { role: 'clerk' }, states: { checking: { meta: { step: step('户籍核查', 'Residence check') }, on: { POLICE_OK: 'ok' } }, ok: { type: 'final' } } },
      records: { initial: 'checking', meta: { role: 'approver' }, states: { checking: { meta: { step: step('档案核查', 'Records check') }, after: { P2D: 'ok' }, on: { RECORDS_OK: 'ok' } }, ok: { type: 'final' } } },
    },
  };
  nested.process.states.decision = {
    initial: 'first',
    meta: { role: 'approver' },
    onDone: { target: 'approved', actions: ['recordDecision', 'issueCertificate', 'notifyApplicant'] },
    states: {
      first: { meta: { step: step('初审', 'First review') }, on: { PASS: 'second' } },
      second: { meta: { step: step('复审', 'Second review') }, on: { APPROVE: 'done', SEND_BACK: '#residence-permit.decision.first' } },
      done: { type: 'final' },
    },
  };
  return nested;
}
