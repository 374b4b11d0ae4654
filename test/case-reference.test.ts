/**
 * Reference numbers (ZJ-<year>-<6 digits>) on real SQLite files: given at the first submission only, numbered per
 * year of submission in China Standard Time, unique and gapless when two runtimes submit on one file at once, and
 * kept across restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { formatReference, referencePattern, referenceYear } from '../runtime/cases/reference.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import type { Store } from '../runtime/store/types.ts';
import { realCatalogue } from './support/catalogue.ts';
import { applicant, clerk, complete, monday, newClock, permit, signer } from './support/permit-runtime.ts';

const clock = newClock();
const dir = mkdtempSync(join(tmpdir(), 'onematter-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file: string;
let n = 0;
beforeEach(() => {
  file = join(dir, `reference-${++n}.sqlite`);
  clock.set(monday);
});

const open = (store: Store = openSqliteStore({ path: file })): Promise<Runtime> => createRuntime({ store, catalogue: realCatalogue.catalogue, clock, signer });

// Starts a case and submits it; the submitted case's reference.
async function submit(rt: Runtime): Promise<string> {
  const c = await rt.startCase({ ...permit, applicant: applicant.id });
  const s = await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
  return s.record.reference!;
}

// A store that counts the writes refused because a racing submit took their reference first.
function counting(store: Store): { store: Store; raced: () => number } {
  let raced = 0;
  const proxy = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'updateCase') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<Store['updateCase']>) => {
        const result = await target.updateCase(...args);
        if (result === 'reference-taken') raced++;
        return result;
      };
    },
  });
  return { store: proxy, raced: () => raced };
}

describe('case reference numbers', () => {
  it('formats ZJ-<year>-<6 digits> and counts the year in China Standard Time', () => {
    expect(formatReference(2026, 123)).toBe('ZJ-2026-000123');
    expect(formatReference(2026, 1_234_567)).toBe('ZJ-2026-1234567');
    expect(referencePattern.test('ZJ-2026-000123')).toBe(true);
    expect(referencePattern.test('ZJ-2026-12')).toBe(false);
    expect(referenceYear(Date.parse('2026-12-31T15:59:59.999Z'))).toBe(2026); // 23:59:59.999 CST
    expect(referenceYear(Date.parse('2026-12-31T16:00:00.000Z'))).toBe(2027); // midnight CST
  });

  it('gives none to a draft, the next of the year at the first submission, in the audit event too, and never another', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: applicant.id });
    expect(c.record.reference).toBeUndefined();
    const saved = await rt.saveDraft(c.record.id, complete(c.record.data), applicant, 1);
    expect(saved.record.reference).toBeUndefined();
    const submitted = await rt.submit(c.record.id, complete(c.record.data), applicant, 2);
    expect(submitted.record.reference).toBe('ZJ-2026-000001');
    expect(submitted.event).toMatchObject({ type: 'SUBMIT', payload: { reference: 'ZJ-2026-000001' } });
    expect((await rt.getCase(c.record.id)).record.reference).toBe('ZJ-2026-000001');
    // a supplement and the resubmission keep it; the next case takes the next number
    await rt.act(c.record.id, { type: 'REQUEST_SUPPLEMENT', note: '请补充' }, clerk, 3);
    const again = await rt.submit(c.record.id, complete(c.record.data), applicant, 4);
    expect(again.record.reference).toBe('ZJ-2026-000001');
    expect(again.event.payload).not.toHaveProperty('reference');
    expect(await submit(rt)).toBe('ZJ-2026-000002');
    expect(await rt.verifyAudit(c.record.id)).toMatchObject({ ok: true });
    await rt.store.close();
  });

  it('numbers each year from 1, the year turning at midnight China Standard Time', async () => {
    const rt = await open();
    clock.set(Date.parse('2026-12-31T15:59:59.999Z'));
    expect(await submit(rt)).toBe('ZJ-2026-000001');
    expect(await submit(rt)).toBe('ZJ-2026-000002');
    clock.set(Date.parse('2026-12-31T16:00:00.000Z'));
    expect(await submit(rt)).toBe('ZJ-2027-000001');
    expect(await rt.store.lastReference(2026)).toBe(2);
    expect(await rt.store.lastReference(2027)).toBe(1);
    await rt.store.close();
  });

  it('gives racing submits of two runtimes on one file distinct, consecutive numbers (the losers retry)', async () => {
    const setup = await open();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await setup.startCase({ ...permit, applicant: applicant.id })).record.id);
    const data = complete((await setup.getCase(ids[0]!)).record.data);
    await setup.store.close();
    const a = counting(openSqliteStore({ path: file, busyTimeoutMs: 10_000 }));
    const b = counting(openSqliteStore({ path: file, busyTimeoutMs: 10_000 }));
    const [ra, rb] = [await open(a.store), await open(b.store)];
    // each case submitted by one runtime or the other, all at once: both read the same next number, one write loses
    const references = await Promise.all(ids.map((id, i) => (i % 2 ? ra : rb).submit(id, data, applicant, 1).then((s) => s.record.reference!)));
    expect(a.raced() + b.raced()).toBeGreaterThan(0);
    expect(new Set(references).size).toBe(ids.length);
    expect([...references].sort()).toEqual(ids.map((_, i) => formatReference(2026, i + 1)));
    for (const id of ids) expect(await ra.verifyAudit(id)).toMatchObject({ ok: true, events: 2 });
    await ra.store.close();
    await rb.store.close();
  }, 60_000);

  it('keeps references and the counter across a restart', async () => {
    const first = await open();
    const c = await first.startCase({ ...permit, applicant: applicant.id });
    await first.submit(c.record.id, complete(c.record.data), applicant, 1);
    expect(await submit(first)).toBe('ZJ-2026-000002');
    await first.store.close();
    const again = await open();
    expect((await again.getCase(c.record.id)).record.reference).toBe('ZJ-2026-000001');
    expect(await submit(again)).toBe('ZJ-2026-000003');
    await again.store.close();
  });
});
