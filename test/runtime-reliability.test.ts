import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../runtime/cases/runtime.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { realCatalogue } from './support/catalogue.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-reliability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const driver = new URL('./support/case-driver.ts', import.meta.url).pathname;

// Starts the driver; resolves with its output lines when it exits (or is killed).
function drive(args: string[], onLine?: (line: string, kill: () => void) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', driver, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      onLine?.(line, () => child.kill('SIGKILL'));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ lines, code, signal, stderr })),
  );
}

describe('runtime reliability on real SQLite files', () => {
  it('loses no committed transition and half-writes no case across 10 SIGKILLs at random moments', async () => {
    const file = join(dir, 'crash.sqlite');
    const committed = new Map<string, number>();
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 10; round++) {
      const killAfter = 3 + Math.floor(random() * 25); // commits, then a kill at a random moment after
      let seen = 0;
      const run = await drive(['loop', file], (line, kill) => {
        const [, id, rev] = line.split(' ');
        committed.set(id!, Math.max(committed.get(id!) ?? 0, Number(rev)));
        if (++seen === killAfter) setTimeout(kill, Math.floor(random() * 15));
      });
      expect(run.signal, run.stderr).toBe('SIGKILL');
    }
    const rt = await createRuntime({ store: openSqliteStore({ path: file }), catalogue: realCatalogue.catalogue });
    expect(committed.size).toBeGreaterThan(10);
    for (const [id, revision] of committed) {
      const c = await rt.getCase(id);
      expect(c.record.revision, id).toBeGreaterThanOrEqual(revision);
    }
    const all = await rt.listCases({});
    for (const c of all) {
      const view = await rt.getCase(c.id);
      expect(await rt.verifyAudit(c.id), c.id).toMatchObject({ ok: true, events: c.revision });
      expect(view.audit.at(-1)!.to, c.id).toBe(c.state);
      if (c.status === 'done') expect(view.deadline?.metAt, c.id).toBeDefined();
      if (c.outcome === 'approved') expect(view.certificates, c.id).toHaveLength(1);
    }
    await rt.store.close();
  }, 120_000);

  it('gives exactly one winner per race when two processes act on the same cases', async () => {
    const file = join(dir, 'race.sqlite');
    const rt = await createRuntime({ store: openSqliteStore({ path: file }), catalogue: realCatalogue.catalogue });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await rt.startCase({ matterId: '330000-GA-0101', region: '330000', applicant: demoCitizens.zhangWei });
      const data = { ...(c.record.data as any), applicant: { ...(c.record.data as any).applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
      await rt.submit(c.record.id, data, { id: demoCitizens.zhangWei, role: 'applicant' }, 1);
      ids.push(c.record.id);
    }
    await rt.store.close();
    const [a, b] = await Promise.all([drive(['race', file, ...ids]), drive(['race', file, ...[...ids].reverse()])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const won = (lines: string[]) => new Set(lines.filter((l) => l.startsWith('won ')).map((l) => l.slice(4)));
    const wa = won(a.lines);
    const wb = won(b.lines);
    for (const id of ids) expect(Number(wa.has(id)) + Number(wb.has(id)), id).toBe(1);
    const after = await createRuntime({ store: openSqliteStore({ path: file }), catalogue: realCatalogue.catalogue });
    for (const id of ids) {
      const c = await after.getCase(id);
      expect(c.record).toMatchObject({ state: 'review', revision: 3 });
      expect(await after.verifyAudit(id)).toEqual({ ok: true, events: 3 });
    }
    await after.store.close();
  }, 120_000);
});
