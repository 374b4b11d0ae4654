/**
 * Rows changed in the database behind the server's back — a case moved to another step (its audit seal no longer
 * matches) or a published definition's body (no longer its hash) — are refused as conflicts with a code that says
 * what failed (409 case-tampered, 409 definition-tampered), never answered with a 500, and nothing is written.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
let zhang: Client;
const db = () => new Database(join(sandbox.dataDir, 'onematter.sqlite'));

beforeAll(async () => {
  base = (await sandbox.start()).url;
  zhang = await Client.signedIn(base, 'zhangWei');
}, 60_000);
afterAll(() => sandbox.remove());

describe('rows changed behind the server', () => {
  it('refuses a case whose row no longer matches its audit seal: 409 case-tampered, nothing written', async () => {
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const sqlite = db();
    // moved past the clerk's acceptance in the database
    sqlite.prepare("update cases set state = 'review', role = 'approver', status = 'active' where id = ?").run(id);
    const events = (sqlite.prepare('select count(*) as n from events where case_id = ?').get(id) as { n: number }).n;
    const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const submitted = await zhang.post(`/api/cases/${id}/submit`, { data, revision: 1 });
    expect(submitted.body.error?.code, JSON.stringify(submitted.body)).toBe('case-tampered');
    expect(submitted.status).toBe(409);
    expect(submitted.body.error).toMatchObject({ code: 'case-tampered' });
    expect(submitted.body.error.message).toMatch(/audit seal/);
    const withdrawn = await zhang.post(`/api/cases/${id}/actions`, { event: 'WITHDRAW', revision: 1 });
    expect(withdrawn.status).toBe(409);
    expect((sqlite.prepare('select count(*) as n from events where case_id = ?').get(id) as { n: number }).n).toBe(events);
    sqlite.close();
  });

  it('refuses a matter whose stored body no longer matches its hash: 409 definition-tampered', async () => {
    const sqlite = db();
    const row = sqlite.prepare("select version, body from definitions where id = '330000-GA-0102' and region = '330000' order by published_at desc").get() as { version: string; body: string };
    const body = JSON.parse(row.body);
    body.timeLimit.promisedDays += 1;
    sqlite.prepare("update definitions set body = ? where id = '330000-GA-0102' and region = '330000' and version = ?").run(JSON.stringify(body), row.version);
    sqlite.close();
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0102', region: '330000' });
    expect(started.status).toBe(409);
    expect(started.body.error).toMatchObject({ code: 'definition-tampered' });
  });
});
