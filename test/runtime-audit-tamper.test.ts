/**
 * Tampering with the audit trail in SQLite, behind the runtime's back, by someone who knows the (open-source) hash
 * algorithm: verifyAudit checks each event and link, that the chain ends at the case's audit head and revision, and
 * the head's keyed seal — so an altered, removed or renumbered event fails even with the chain recomputed after it,
 * and so does a whole rewritten chain with a recomputed head, unless the rewriter holds the runtime's key.
 */
import type Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eventHash } from '../runtime/cases/audit.ts';
import { ed25519Signer } from '../runtime/index.ts';
import type { AuditEvent } from '../runtime/store/types.ts';
import { approver, permitCase, runtimeSandbox, snapshotOf } from './support/runtime-sandbox.ts';

const sandbox = runtimeSandbox('audit-tamper');
afterAll(() => sandbox.remove());
beforeEach(() => void sandbox.fresh());

type EventRow = { case_id: string; seq: number; at: number; actor: string; role: string; type: string; from_state: string | null; to_state: string | null; payload: string; prev_hash: string; hash: string };

/** Renumbers a case's events 1…n and recomputes every link and hash, as a forger would; returns the new last hash. */
function rechain(db: Database.Database, caseId: string): string {
  const rows = db.prepare('select * from events where case_id = ? order by seq').all(caseId) as EventRow[];
  let prevHash = '0'.repeat(64);
  db.transaction(() => {
    rows.forEach((row, i) => {
      const e: Omit<AuditEvent, 'hash'> = { caseId, seq: i + 1, at: row.at, actor: row.actor, role: row.role, type: row.type, from: row.from_state ?? undefined, to: row.to_state ?? undefined, payload: JSON.parse(row.payload), prevHash };
      const hash = eventHash(e);
      db.prepare('update events set seq = ?, prev_hash = ?, hash = ? where case_id = ? and seq = ?').run(e.seq, prevHash, hash, caseId, row.seq);
      prevHash = hash;
    });
  })();
  return prevHash;
}

// A case at the approver's step (3 events: started, SUBMIT, ACCEPT), the file open for editing, and a check that
// opens a fresh runtime (as after a restart) to verify it.
async function tamperable(options: Parameters<typeof sandbox.open>[0] = {}) {
  const rt = await sandbox.open(options);
  const record = await permitCase(rt, 'review');
  await rt.store.close();
  const db = sandbox.sqlite();
  const verify = async (reopen = options) => {
    const fresh = await sandbox.open(reopen);
    try {
      return await fresh.verifyAudit(record.id);
    } finally {
      await fresh.store.close();
    }
  };
  return { id: record.id, db, verify };
}

describe('verifyAudit() against a trail edited in SQLite', () => {
  it('verifies an untouched trail, after a restart', async () => {
    const { db, verify } = await tamperable();
    expect(await verify()).toEqual({ ok: true, events: 3 });
    db.close();
  });

  it('fails an altered event', async () => {
    const { id, db, verify } = await tamperable();
    db.prepare("update events set actor = 'someone-else' where case_id = ? and seq = 2").run(id);
    expect(await verify()).toMatchObject({ ok: false, seq: 2, reason: 'event 2 was altered' });
    db.close();
  });

  it('fails an altered event even with the chain recomputed after it: the chain no longer ends at the audit head', async () => {
    const { id, db, verify } = await tamperable();
    db.prepare("update events set payload = json_set(payload, '$.note', 'approved by phone') where case_id = ? and seq = 2").run(id);
    rechain(db, id);
    expect(await verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/does not end at the case's audit head/) });
    db.close();
  });

  it('fails a removed last event, with or without the revision lowered to match', async () => {
    const { id, db, verify } = await tamperable();
    db.prepare('delete from events where case_id = ? and seq = 3').run(id);
    expect(await verify()).toMatchObject({ ok: false, reason: 'the case is at revision 3 but has 2 events: the last ones were removed' });
    db.prepare('update cases set revision = 2 where id = ?').run(id);
    expect(await verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/does not end at the case's audit head/) });
    db.close();
  });

  it('fails a removed middle event with the rest renumbered and rechained, and the revision lowered', async () => {
    const { id, db, verify } = await tamperable();
    db.prepare('delete from events where case_id = ? and seq = 2').run(id);
    rechain(db, id);
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/revision 3 but has 2 events/) });
    db.prepare('update cases set revision = 2 where id = ?').run(id);
    expect(await verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/does not end at the case's audit head/) });
    db.close();
  });

  it("fails a case row whose audit head or revision was changed", async () => {
    const { id, db, verify } = await tamperable();
    db.prepare("update cases set audit_head = ? where id = ?").run('f'.repeat(64), id);
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/does not end at the case's audit head/) });
    const { id: other, db: db2, verify: verify2 } = await tamperable();
    db2.prepare('update cases set revision = 4 where id = ?').run(other);
    expect(await verify2()).toMatchObject({ ok: false, reason: 'the case is at revision 4 but has 3 events: the last ones were removed' });
    db.close();
    db2.close();
  });

  it("fails a whole rewritten chain with a recomputed audit head: the head's seal needs the runtime's key", async () => {
    const { id, db, verify } = await tamperable();
    db.prepare("update events set actor = 'clerk-bribed' where case_id = ? and seq = 3").run(id);
    const head = rechain(db, id);
    db.prepare('update cases set audit_head = ? where id = ?').run(head, id);
    expect(await verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/seal does not match/) });
    db.close();
  });

  it('fails a removed seal', async () => {
    const { id, db, verify } = await tamperable();
    db.prepare("update cases set audit_seal = '' where id = ?").run(id);
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/no audit seal/) });
    db.close();
  });
});

describe('the seal key', () => {
  it("is derived from the signer by default, so a server's kept seal key keeps verifying across restarts", async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { db, verify } = await tamperable({ signer: ed25519Signer('kept', pem) });
    expect(await verify({ signer: ed25519Signer('kept', pem) })).toEqual({ ok: true, events: 3 });
    expect(await verify({ signer: ed25519Signer('kept') })).toMatchObject({ ok: false, reason: expect.stringMatching(/seal does not match/) });
    db.close();
  });

  it('can be given as auditKey (a string or bytes), and another key does not verify', async () => {
    const { db, verify } = await tamperable({ auditKey: 'a long random audit key from the vault' });
    expect(await verify({ auditKey: new TextEncoder().encode('a long random audit key from the vault') })).toEqual({ ok: true, events: 3 });
    expect(await verify({ auditKey: 'another key' })).toMatchObject({ ok: false, reason: expect.stringMatching(/seal does not match/) });
    db.close();
  });
});

describe('a case row edited in SQLite', () => {
  it.each([
    ['its step moved to approved', "update cases set state = 'approved', status = 'done' where id = ?"],
    ['handed to another applicant', "update cases set applicant = '330102199001011234' where id = ?"],
    ['pinned to another definition hash', "update cases set hash = '" + 'f'.repeat(64) + "' where id = ?"],
  ])('takes no further step when %s, and verifyAudit says the seal does not match', async (_, sql) => {
    const { id, db, verify } = await tamperable();
    db.prepare(sql).run(id);
    const before = snapshotOf(db, id);
    db.close();
    const rt = await sandbox.open();
    try {
      const record = (await rt.store.getCase(id))!;
      await expect(rt.act(id, { type: 'APPROVE' }, approver, record.revision)).rejects.toMatchObject({ code: 'case-tampered' });
    } finally {
      await rt.store.close();
    }
    const after = sandbox.sqlite();
    expect(snapshotOf(after, id)).toEqual(before);
    after.close();
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/seal does not match/) });
  });
});
