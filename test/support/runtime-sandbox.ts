/**
 * Runtime test support: a fresh SQLite file per test in a temporary folder, runtimes opened on it with a fixed
 * clock and seal key, the demo actors, and a residence-permit case moved to a chosen step.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../runtime/cases/runtime.ts';
import { ed25519Signer } from '../../runtime/certificates/signer.ts';
import { manualClock } from '../../runtime/effects/clock.ts';
import { demoCitizens } from '../../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../../runtime/store/sqlite/store.ts';
import type { CaseRecord } from '../../runtime/store/types.ts';
import { realCatalogue } from './catalogue.ts';

export const permit = { matterId: '330000-GA-0101', region: '330000' };
export const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
export const clerk = { id: 'clerk-1', role: 'clerk' };
export const approver = { id: 'approver-1', role: 'approver' };
/** One seal for every runtime of a test run, as a server keeps its key across restarts. */
export const signer = ed25519Signer('zhejiang-public-security-2026');

/** A residence-permit form made complete: the mobile number and delivery the demo data does not hold. */
export const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

/** A temporary folder of SQLite files; `open` starts a runtime on the current file (publishing the real catalogue). */
export function runtimeSandbox(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `onematter-${prefix}-`));
  const clock = manualClock(Date.parse('2026-11-30T02:00:00Z')); // a Monday, 10:00 CST
  let n = 0;
  const sandbox = {
    dir,
    clock,
    file: '',
    /** Moves on to a new, empty SQLite file. */
    fresh(): string {
      return (sandbox.file = join(dir, `cases-${++n}.sqlite`));
    },
    /** A runtime on the current file; `options` override the defaults (the real catalogue, the fixed clock and seal). */
    open(options: Partial<RuntimeOptions> = {}): Promise<Runtime> {
      return createRuntime({ store: openSqliteStore({ path: sandbox.file }), catalogue: realCatalogue.catalogue, clock, signer, ...options });
    },
    /** The current file opened directly with better-sqlite3, for editing rows behind the runtime's back. */
    sqlite(): Database.Database {
      return new Database(sandbox.file);
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return sandbox;
}

/** Starts a residence-permit case and moves it to `until`: 'draft', 'submitted' (clerk's step) or 'review' (approver's). */
export async function permitCase(rt: Runtime, until: 'draft' | 'submitted' | 'review'): Promise<CaseRecord> {
  const started = await rt.startCase({ ...permit, applicant: applicant.id });
  if (until === 'draft') return started.record;
  const submitted = await rt.submit(started.record.id, complete(started.record.data), applicant, 1);
  if (until === 'submitted') return submitted.record;
  return (await rt.act(started.record.id, { type: 'ACCEPT' }, clerk, submitted.record.revision)).record;
}

/** Everything a refused call must leave alone: the case row (all columns) and its audit trail. */
export function snapshotOf(db: Database.Database, caseId: string): { row: unknown; events: unknown[] } {
  return {
    row: db.prepare('select * from cases where id = ?').get(caseId),
    events: db.prepare('select * from events where case_id = ? order by seq').all(caseId),
  };
}
