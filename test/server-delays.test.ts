/**
 * The server's delay sweep over real HTTP and SQLite: due delayed transitions (`after`) fire at start, catching up
 * what fell due while the server was down, and then on a timer — as the system actor, with no request triggering
 * them, logged at info. A failing sweep is logged and never overlaps the next.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { startSweeper } from '../runtime/server/sweep.ts';
import { Client, serverSandbox } from './support/server.ts';

const day = 86_400_000;
const monday = Date.parse('2026-11-30T02:00:00Z'); // 10:00 CST
const permit = { matterId: '330000-GA-0101', region: '330000' };
const clock = manualClock(monday);

// the project's catalogue, with the residence permit's draft withdrawn when abandoned for 30 days
const definitionsDir = mkdtempSync(join(tmpdir(), 'onematter-delay-defs-'));
const baselineFile = join(definitionsDir, 'matters/residence-permit/baseline.json');
cpSync(fileURLToPath(new URL('../definitions/', import.meta.url)), definitionsDir, { recursive: true });
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
baseline.process.states.draft.after = { P30D: { target: 'withdrawn', actions: ['notifyApplicant'] } };
writeFileSync(baselineFile, JSON.stringify(baseline, null, 2));

const sandbox = serverSandbox();
afterAll(async () => {
  await sandbox.remove();
  rmSync(definitionsDir, { recursive: true, force: true });
});

/** A logger writing JSON lines into `lines`. */
function captured() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

const sweepLines = (lines: any[]) => lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('delay sweep'));

describe('server: the delay sweep', () => {
  let caseId: string;

  beforeAll(async () => {
    const { url } = await sandbox.start({ clock, definitionsDir, sweepSeconds: 0 });
    const zhang = await Client.signedIn(url, 'zhangWei');
    const started = await zhang.post('/api/cases', permit);
    expect(started.status).toBe(201);
    caseId = started.body.id;
    expect(started.body.state).toBe('draft');
    // the case says what waits for it: the abandoned draft closes 30 days on
    const view = await zhang.get(`/api/cases/${caseId}`);
    expect(view.body.delays).toEqual([{ state: 'draft', delay: 'P30D', dueAt: new Date(monday + 30 * day).toISOString(), target: 'withdrawn' }]);
    await sandbox.stop();
  }, 30_000);

  it('fires what fell due while the server was down when it starts, as the system actor', async () => {
    // down for 31 days: the 30-day delay fell due meanwhile
    clock.set(monday + 31 * day);
    const log = captured();
    const { url } = await sandbox.start({ clock, definitionsDir, sweepSeconds: 0, logger: log.logger });
    expect(sweepLines(log.lines)).toMatchObject([{ level: 30, sweep: { fired: 1, raced: 0, 'not-taken': 0, tampered: 0 }, msg: 'delay sweep: 1 fired, 0 not taken, 0 raced' }]);
    const zhang = await Client.signedIn(url, 'zhangWei');
    const view = await zhang.get(`/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'withdrawn', status: 'done', outcome: 'withdrawn', revision: 2 });
    expect(view.body.audit).toHaveLength(2);
    expect(view.body.delays).toEqual([]);
    expect(view.body.audit.at(-1)).toMatchObject({ actor: 'system', role: 'system', type: 'after P30D', from: 'draft', to: 'withdrawn', payload: { delay: 'P30D' } });
    expect((await zhang.get(`/api/cases/${caseId}/audit/verify`)).body).toMatchObject({ ok: true });
    await sandbox.stop();

    // once: the next start finds nothing due and logs nothing
    const again = captured();
    await sandbox.start({ clock, definitionsDir, sweepSeconds: 0, logger: again.logger });
    expect(sweepLines(again.lines)).toEqual([]);
    await sandbox.stop();
  }, 30_000);

  it('sweeps on a timer while running, with no request triggering it', async () => {
    const log = captured();
    const { url } = await sandbox.start({ clock, definitionsDir, sweepSeconds: 0.05, logger: log.logger });
    const zhang = await Client.signedIn(url, 'zhangWei');
    const started = await zhang.post('/api/cases', permit);
    const id = started.body.id as string;
    clock.advance(30 * day);
    const deadline = Date.now() + 5000;
    while (!sweepLines(log.lines).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sweepLines(log.lines)).toMatchObject([{ sweep: { fired: 1 } }]);
    const again = await Client.signedIn(url, 'zhangWei'); // 30 days on, the old session has expired
    const view = await again.get(`/api/cases/${id}`);
    expect(view.body).toMatchObject({ state: 'withdrawn', outcome: 'withdrawn' });
    expect(view.body.audit.at(-1)).toMatchObject({ actor: 'system', type: 'after P30D' });
    await sandbox.stop(); // stops the timer before the database closes
  }, 30_000);

  it('refuses a sweep interval it cannot keep', async () => {
    await expect(sandbox.start({ clock, definitionsDir, sweepSeconds: -1 })).rejects.toThrow(/sweepSeconds/);
    await expect(sandbox.start({ clock, definitionsDir, sweepSeconds: Number.NaN })).rejects.toThrow(/sweepSeconds/);
  });
});

describe('sweeper: failures and overlap', () => {
  const logger = () => {
    const entries: { level: string; obj: unknown; msg: string }[] = [];
    const at = (level: string) => (obj: unknown, msg: string) => void entries.push({ level, obj, msg });
    return { entries, log: { info: at('info'), error: at('error') } as any };
  };

  it('logs a failing sweep and sweeps again at the next call', async () => {
    const { entries, log } = logger();
    let calls = 0;
    const sweeper = startSweeper({ fireDue: async () => (++calls === 1 ? Promise.reject(new Error('disk full')) : []) }, log, 0);
    await expect(sweeper.sweep()).resolves.toBeUndefined();
    expect(entries).toMatchObject([{ level: 'error', msg: expect.stringContaining('delay sweep failed') }]);
    await sweeper.sweep();
    expect(calls).toBe(2);
    await sweeper.stop();
  });

  it('never overlaps itself, and stop waits for the sweep in flight', async () => {
    const { log } = logger();
    let active = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sweeper = startSweeper({ fireDue: async () => (active++, (most = Math.max(most, active)), await gate, active--, []) }, log, 0);
    const first = sweeper.sweep();
    const second = sweeper.sweep();
    let stopped = false;
    const stopping = sweeper.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    release();
    await Promise.all([first, second, stopping]);
    expect(most).toBe(1);
    expect(stopped).toBe(true);
    await sweeper.sweep(); // after stop: nothing
    expect(active).toBe(0);
  });
});
