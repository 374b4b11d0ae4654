import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeError } from '../runtime/cases/errors.ts';
import { createRuntime } from '../runtime/cases/runtime.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { realCatalogue } from './support/catalogue.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seed = 20261128;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const junk = () => pick<unknown>([null, 0, -1, 1e308, '', 'x'.repeat(5000), '13800138000', '2026-02-30', true, [], {}, ['a'], { nested: { deep: 1 } }, '男', '电子证照', '<script>', '\u0000']);

// Mutates a JSON value at a random place: replace, delete or add a key, or swap in junk.
function mutate(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 4 || random() < 0.15) return junk();
  if (Array.isArray(value)) return value.length === 0 ? [junk()] : value.map((v) => (random() < 0.3 ? mutate(v, depth + 1) : v));
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(out);
  const r = random();
  if (r < 0.2 && keys.length) delete out[pick(keys)];
  else if (r < 0.3) out[pick(['extra', 'constructor', 'toString', 'mobile', 'applicant'])] = junk();
  else if (keys.length) out[pick(keys)] = mutate(out[pick(keys)], depth + 1);
  return out;
}

describe('runtime fuzz: random and mutated submissions against the real catalogue', () => {
  it('never crashes and never moves a case illegally', async () => {
    const rt = await createRuntime({ store: openSqliteStore({ path: join(dir, 'fuzz.sqlite') }), catalogue: realCatalogue.catalogue });
    const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
    const roles = ['applicant', 'clerk', 'approver', 'inspector', 'sectionChief', 'mayor'];
    let attempts = 0;
    let moved = 0;
    for (const { value: def } of realCatalogue.catalogue.definitions) {
      const c = await rt.startCase({ matterId: def.id, region: def.region.code, applicant: demoCitizens.zhangWei });
      let current = c.record;
      for (let i = 0; i < 100; i++) {
        attempts++;
        const before = (await rt.getCase(current.id)).record;
        const data = random() < 0.5 ? mutate(before.data) : mutate({ ...(before.data as object), applicant: { ...((before.data as any).applicant ?? {}), mobile: '13800138000' } });
        try {
          const v = random() < 0.7 || before.state === 'draft'
            ? await rt.submit(current.id, data, applicant, before.revision)
            : await rt.act(current.id, { type: pick(['ACCEPT', 'APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW', 'PAY', 'CONFIRM', 'BOGUS']), paid: pick([undefined, 5, 100]) }, { id: 'x', role: pick(roles) }, before.revision);
          moved++;
          expect(v.record.revision).toBe(before.revision + 1);
          expect(Object.keys(def.process.states)).toContain(v.record.state);
          current = v.record;
        } catch (error) {
          if (!(error instanceof RuntimeError)) throw error;
          const after = (await rt.getCase(current.id)).record;
          expect(after).toEqual(before); // a refused step changes nothing
        }
      }
      expect(await rt.verifyAudit(current.id)).toMatchObject({ ok: true });
    }
    // random steps by random roles on a case that really moves
    const permit = await rt.startCase({ matterId: '330000-GA-0101', region: '330000', applicant: demoCitizens.zhangWei });
    const valid = { ...(permit.record.data as any), applicant: { ...(permit.record.data as any).applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    let record = (await rt.submit(permit.record.id, valid, applicant, 1)).record;
    for (let i = 0; i < 500 && record.status !== 'done'; i++) {
      attempts++;
      try {
        const event = { type: pick(['ACCEPT', 'APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW', 'BOGUS']), note: 'n' };
        const actor = pick([{ id: 'x', role: pick(roles) }, applicant]);
        record = record.state === 'supplement' && random() < 0.5
          ? (await rt.submit(record.id, random() < 0.5 ? valid : mutate(valid), applicant, record.revision)).record
          : (await rt.act(record.id, event, actor, pick([record.revision, record.revision, record.revision - 1]))).record;
        moved++;
      } catch (error) {
        if (!(error instanceof RuntimeError)) throw error;
        expect((await rt.getCase(record.id)).record).toEqual(record);
      }
    }
    expect(await rt.verifyAudit(record.id)).toMatchObject({ ok: true });
    expect(attempts).toBeGreaterThanOrEqual(2500);
    expect(moved).toBeGreaterThan(0);
    await rt.store.close();
  }, 120_000);
});
