/**
 * A published definition edited in SQLite: the runtime hashes the body it actually runs (once per loaded version)
 * and refuses a body that no longer matches its hash — a DefinitionError naming the matter, version and region —
 * so giving the approval step to the clerk does not let a clerk approve, and the case does not change.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { definitionHash, DefinitionError } from '../runtime/index.ts';
import { applicant, approver, clerk, permit, permitCase, runtimeSandbox, snapshotOf } from './support/runtime-sandbox.ts';

const sandbox = runtimeSandbox('definition-tamper');
afterAll(() => sandbox.remove());
beforeEach(() => void sandbox.fresh());

const giveReviewToClerk = "update definitions set body = json_set(body, '$.process.states.review.meta.role', 'clerk') where id = ? and region = ?";

describe('a published definition whose body was edited in SQLite', () => {
  it("is refused: the clerk cannot approve after the approval step's role was changed to clerk", async () => {
    let rt = await sandbox.open();
    const record = await permitCase(rt, 'review');
    await rt.store.close();
    const db = sandbox.sqlite();
    db.prepare(giveReviewToClerk).run(permit.matterId, permit.region);
    const before = snapshotOf(db, record.id);

    rt = await sandbox.open();
    const error = await rt.act(record.id, { type: 'APPROVE' }, clerk, record.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect(error).toMatchObject({ code: 'definition-tampered' });
    expect((error as Error).message).toContain(`${permit.matterId}@${record.version}`);
    expect((error as Error).message).toContain(permit.region);
    expect(snapshotOf(db, record.id)).toEqual(before);
    // nor the approver, nor a new case: nothing runs on the edited body
    await expect(rt.act(record.id, { type: 'APPROVE' }, approver, record.revision)).rejects.toMatchObject({ code: 'definition-tampered' });
    await expect(rt.startCase({ ...permit, applicant: applicant.id })).rejects.toMatchObject({ code: 'definition-tampered' });
    expect(snapshotOf(db, record.id)).toEqual(before);
    db.close();
    await rt.store.close();
  });

  it('is refused too when the hash column was recomputed: the case stays pinned to the hash it started on', async () => {
    let rt = await sandbox.open();
    const record = await permitCase(rt, 'review');
    await rt.store.close();
    const db = sandbox.sqlite();
    db.prepare(giveReviewToClerk).run(permit.matterId, permit.region);
    const body = JSON.parse((db.prepare('select body from definitions where id = ? and region = ?').get(permit.matterId, permit.region) as { body: string }).body);
    db.prepare('update definitions set hash = ? where id = ? and region = ?').run(definitionHash(body), permit.matterId, permit.region);
    const before = snapshotOf(db, record.id);

    rt = await sandbox.open({ catalogue: undefined });
    await expect(rt.act(record.id, { type: 'APPROVE' }, clerk, record.revision)).rejects.toBeInstanceOf(DefinitionError);
    expect(snapshotOf(db, record.id)).toEqual(before);
    db.close();
    await rt.store.close();
  });

  it('runs an untouched definition after a restart', async () => {
    let rt = await sandbox.open();
    const record = await permitCase(rt, 'review');
    await rt.store.close();
    rt = await sandbox.open();
    const v = await rt.act(record.id, { type: 'APPROVE' }, approver, record.revision);
    expect(v.record.outcome).toBe('approved');
    await rt.store.close();
  });
});
