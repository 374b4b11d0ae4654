/**
 * Every error leaving the runtime is one of its own: a form schema that cannot compile is a DefinitionError saying
 * which definition, which schema is missing and how to fix it; arguments of the wrong type are an
 * InvalidArgumentError; a failing store is a StoreError and anything else unexpected an InternalRuntimeError, both
 * with the original as `cause` — while the typed refusals (conflict, forbidden, …) pass through unchanged.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError, createRuntime, DefinitionError, ForbiddenError, InternalRuntimeError, InvalidArgumentError, NotFoundError, openSqliteStore,
  Runtime, RuntimeError, StoreError, type Clock, type SharedDataSource, type Store,
} from '../runtime/index.ts';
import { realCatalogue } from './support/catalogue.ts';
import { applicant, clerk, complete, permit, permitCase, runtimeSandbox } from './support/runtime-sandbox.ts';

const sandbox = runtimeSandbox('errors');
afterAll(() => sandbox.remove());
beforeEach(() => void sandbox.fresh());

const newborn = { matterId: '330000-GA-0102', region: '330000' };
/** The version the catalogue publishes for a matter's baseline, so the expectations follow the catalogue. */
const baselineVersion = (matterId: string) =>
  realCatalogue.catalogue.definitions.find((d) => d.value.id === matterId && d.value.kind === 'baseline')!.value.version;

describe('form schemas that do not compile', () => {
  it('are a DefinitionError naming the definition and the missing shared schema, and how to fix it', async () => {
    await (await sandbox.open()).store.close(); // publishes the catalogue
    const rt = await createRuntime({ store: openSqliteStore({ path: sandbox.file }) }); // no sharedSchemas, no catalogue
    const started = await rt.startCase({ ...newborn, applicant: applicant.id });
    const error = await rt.submit(started.record.id, started.record.data, applicant, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    const { code, message } = error as DefinitionError;
    expect(code).toBe('definition-schema-unresolved');
    expect(message).toContain(`${newborn.matterId}@${baselineVersion(newborn.matterId)} (${newborn.region})`);
    expect(message).toMatch(/https:\/\/onematter\.dev\/schemas\/shared\/(id-number|mobile-phone)\.json/);
    expect(message).toMatch(/sharedSchemas/);
    expect(message).toMatch(/catalogue/);
    await expect(rt.validate(started.record, {})).rejects.toBeInstanceOf(DefinitionError);
    await expect(rt.formValidator(started.record)).rejects.toMatchObject({ code: 'definition-schema-unresolved' });
    expect((await rt.getCase(started.record.id)).record.revision).toBe(1);
    await rt.store.close();
  });

  it('compile with the shared schemas given', async () => {
    await (await sandbox.open()).store.close();
    const rt = await createRuntime({ store: openSqliteStore({ path: sandbox.file }), sharedSchemas: realCatalogue.catalogue.schemas.map((s) => s.value) });
    const started = await rt.startCase({ ...newborn, applicant: applicant.id });
    expect(await rt.validate(started.record, started.record.data)).not.toHaveLength(0);
    await rt.store.close();
  });

  it('refuses invalid shared schemas when the runtime is created', async () => {
    const store = openSqliteStore({ path: sandbox.file });
    await expect(createRuntime({ store, sharedSchemas: [{ $id: 'https://x.test/a.json', type: 'nonsense' }] })).rejects.toBeInstanceOf(DefinitionError);
    await expect(createRuntime({ store, sharedSchemas: [{ $id: 'https://x.test/a.json' }, { $id: 'https://x.test/a.json' }] })).rejects.toBeInstanceOf(DefinitionError);
    await store.close();
  });
});

// Every argument position of every public method, with values of the wrong type or out of range.
const badIds: unknown[] = [undefined, null, 42, {}, [], '', 'x'.repeat(1_000_000), Symbol('id')];
const badRevisions: unknown[] = ['1', Number.NaN, -1, 0, 1.5, Number.POSITIVE_INFINITY, null, undefined, 2 ** 60, {}];
const badActors: unknown[] = [undefined, null, {}, { id: 'x' }, { role: 'clerk' }, { id: 1, role: 'clerk' }, { id: 'x', role: ['clerk'] }, 'clerk', { id: 'x'.repeat(1_000_000), role: 'clerk' }];
const circular: Record<string, unknown> = {};
circular.self = circular;

// Awaits `call` and returns its refusal; fails when it did not refuse or refused with anything but a RuntimeError.
async function refusal(what: string, call: () => unknown): Promise<RuntimeError> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    expect(error, `${what}: ${String(error)}`).toBeInstanceOf(RuntimeError);
    expect((error as Error).message.length, `${what}: the message stays short`).toBeLessThan(2_000);
    return error as RuntimeError;
  }
  throw new Error(`${what} was not refused: ${JSON.stringify(result)?.slice(0, 200)}`);
}

describe('hostile inputs to every public method', () => {
  it('are refused with RuntimeErrors only, and nothing changes', async () => {
    const rt = await sandbox.open();
    const record = await permitCase(rt, 'submitted');
    const id = record.id;
    const rev = record.revision;
    const label = (v: unknown) => {
      if (v === circular) return 'a circular object';
      const text = typeof v === 'symbol' ? 'a symbol' : JSON.stringify(v) ?? String(v);
      return text.length > 40 ? `${text.slice(0, 30)}… (${text.length} characters)` : text;
    };
    const cases: [string, () => unknown][] = [];
    for (const bad of badIds) {
      cases.push(
        [`getCase(${label(bad)})`, () => rt.getCase(bad as string)],
        [`verifyAudit(${label(bad)})`, () => rt.verifyAudit(bad as string)],
        [`act(${label(bad)}, …)`, () => rt.act(bad as string, { type: 'ACCEPT' }, clerk, rev)],
        [`saveDraft(${label(bad)}, …)`, () => rt.saveDraft(bad as string, {}, applicant, rev)],
        [`submit(${label(bad)}, …)`, () => rt.submit(bad as string, {}, applicant, rev)],
        [`startCase({ matterId: ${label(bad)} })`, () => rt.startCase({ ...permit, matterId: bad as string, applicant: applicant.id })],
        [`startCase({ region: ${label(bad)} })`, () => rt.startCase({ ...permit, region: bad as string, applicant: applicant.id })],
        [`startCase({ applicant: ${label(bad)} })`, () => rt.startCase({ ...permit, applicant: bad as string })],
        [`validate({ matterId: ${label(bad)} })`, () => rt.validate({ matterId: bad as string, region: permit.region, version: record.version }, {})],
        [`formValidator({ version: ${label(bad)} })`, () => rt.formValidator({ ...permit, version: bad as string })],
      );
    }
    for (const bad of badRevisions) {
      cases.push(
        [`act(…, revision ${label(bad)})`, () => rt.act(id, { type: 'ACCEPT' }, clerk, bad as number)],
        [`saveDraft(…, revision ${label(bad)})`, () => rt.saveDraft(id, {}, applicant, bad as number)],
        [`submit(…, revision ${label(bad)})`, () => rt.submit(id, {}, applicant, bad as number)],
      );
    }
    for (const bad of badActors) {
      cases.push(
        [`act(…, actor ${label(bad)})`, () => rt.act(id, { type: 'ACCEPT' }, bad as typeof clerk, rev)],
        [`saveDraft(…, actor ${label(bad)})`, () => rt.saveDraft(id, {}, bad as typeof clerk, rev)],
        [`submit(…, actor ${label(bad)})`, () => rt.submit(id, {}, bad as typeof clerk, rev)],
      );
    }
    for (const bad of [null, 'x', 42, { role: 7 }, { status: 'lost' }, { applicant: 'x'.repeat(1_000_000) }]) {
      cases.push([`listCases(${label(bad)})`, () => rt.listCases(bad as never)]);
    }
    for (const bad of [null, 'ACCEPT', circular, { type: 'ACCEPT', note: 'x'.repeat(1_000_000) }, { type: 'x'.repeat(1_000_000) }]) {
      cases.push([`act(…, event ${label(bad)})`, () => rt.act(id, bad as never, clerk, rev)]);
    }
    cases.push(
      ['startCase(null)', () => rt.startCase(null as never)],
      ['startCase of an unknown matter', () => rt.startCase({ matterId: 'nope', region: permit.region, applicant: applicant.id })],
      ['saveDraft(circular)', () => rt.saveDraft(id, circular, applicant, rev)],
      ['submit(circular)', () => rt.submit(id, circular, applicant, rev)],
      ['submit(…, materials circular)', () => rt.submit(id, {}, applicant, rev, circular as never)],
      ['validate(…, circular)', () => rt.validate({ ...permit, version: record.version }, circular)],
      ['validate(null, …)', () => rt.validate(null as never, {})],
      ['act(…, SUBMIT)', () => rt.act(id, { type: 'SUBMIT' }, clerk, rev)],
    );
    for (const [what, call] of cases) await refusal(what, call);
    expect(cases.length).toBeGreaterThan(150);

    // the typed refusals pass through as they are
    expect(await refusal('a stale revision', () => rt.act(id, { type: 'ACCEPT' }, clerk, rev - 1))).toBeInstanceOf(ConflictError);
    expect(await refusal('the wrong role', () => rt.act(id, { type: 'ACCEPT' }, applicant, rev))).toBeInstanceOf(ForbiddenError);
    expect(await refusal('an unknown case', () => rt.getCase('00000000-0000-0000-0000-000000000000'))).toBeInstanceOf(NotFoundError);
    expect(await refusal('a huge id', () => rt.getCase('x'.repeat(1_000_000)))).toBeInstanceOf(InvalidArgumentError);
    expect(await refusal('a string revision', () => rt.act(id, { type: 'ACCEPT' }, clerk, '3' as never))).toMatchObject({ code: 'invalid-argument', argument: 'revision' });

    // never throws: a check result
    expect(rt.verifyCertificate(circular)).toMatchObject({ ok: false });
    expect(rt.verifyCertificate(null, null as never)).toMatchObject({ ok: false });
    expect((await rt.getCase(id)).record.revision).toBe(rev);
    await rt.store.close();
  }, 60_000);

  it('refuses bad runtime options with RuntimeErrors', async () => {
    const store = openSqliteStore({ path: sandbox.file });
    await refusal('createRuntime(null)', () => createRuntime(null as never));
    await refusal('createRuntime({})', () => createRuntime({} as never));
    await refusal('new Runtime(null)', () => new Runtime(null as never));
    await refusal('an empty audit key', () => createRuntime({ store, auditKey: '' }));
    await refusal('an audit key that is a number', () => createRuntime({ store, auditKey: 42 as never }));
    await refusal('a circular catalogue', () => createRuntime({ store, catalogue: { definitions: [{ value: circular }], schemas: [] } as never }));
    await store.close();
  });
});

describe('failures under the runtime', () => {
  it('a store that fails is a StoreError with the original as cause', async () => {
    const rt = await sandbox.open();
    const record = await permitCase(rt, 'submitted');
    await rt.store.close();
    const error = await refusal('getCase on a closed store', () => rt.getCase(record.id));
    expect(error).toBeInstanceOf(StoreError);
    expect(error.cause).toBeInstanceOf(Error);
    expect(await refusal('act on a closed store', () => rt.act(record.id, { type: 'ACCEPT' }, clerk, record.revision))).toBeInstanceOf(StoreError);
    expect(await refusal('overdue on a closed store', () => rt.overdue())).toBeInstanceOf(StoreError);
  });

  it("a store's own RuntimeErrors are not hidden", async () => {
    const inner = openSqliteStore({ path: sandbox.file });
    const store: Store = Object.assign(Object.create(inner), { getCase: async () => { throw new ConflictError('c', 1, 2); } });
    const rt = await createRuntime({ store, catalogue: realCatalogue.catalogue });
    expect(await refusal('getCase', () => rt.getCase('c'))).toBeInstanceOf(ConflictError);
    await inner.close();
  });

  it('a clock that throws or returns no time, and a shared-data source that fails, are InternalRuntimeErrors with their cause', async () => {
    let now: () => number = () => Date.parse('2026-11-30T02:00:00Z');
    const clock: Clock = { now: () => now() };
    let fail = false;
    const sharedData: SharedDataSource = { lookup: async () => { if (fail) throw new Error('shared-data exchange down'); return undefined; } };
    const rt = await sandbox.open({ clock, sharedData });
    const started = await rt.startCase({ ...permit, applicant: applicant.id });

    now = () => { throw new Error('ntp down'); };
    let error = await refusal('a throwing clock', () => rt.saveDraft(started.record.id, started.record.data, applicant, 1));
    expect(error).toBeInstanceOf(InternalRuntimeError);
    expect((error.cause as Error).message).toBe('ntp down');
    for (const bad of [Number.NaN, -1, '2026' as never, Number.POSITIVE_INFINITY]) {
      now = () => bad;
      error = await refusal(`a clock returning ${String(bad)}`, () => rt.saveDraft(started.record.id, started.record.data, applicant, 1));
      expect(error).toBeInstanceOf(InternalRuntimeError);
      expect(error.message).toMatch(/clock/);
      await refusal(`overdue() with a clock returning ${String(bad)}`, () => rt.overdue());
    }
    now = () => Date.parse('2026-11-30T02:00:00Z');
    fail = true;
    error = await refusal('a failing shared-data source', () => rt.startCase({ ...permit, applicant: applicant.id }));
    expect(error).toBeInstanceOf(InternalRuntimeError);
    expect((error.cause as Error).message).toBe('shared-data exchange down');
    expect((await rt.getCase(started.record.id)).record.revision).toBe(1);
    await rt.store.close();
  });

  it('runs a case to the end afterwards', async () => {
    const rt = await sandbox.open();
    const started = await rt.startCase({ ...permit, applicant: applicant.id });
    const v = await rt.submit(started.record.id, complete(started.record.data), applicant, 1);
    expect(v.record.state).toBe('submitted');
    await rt.store.close();
  });
});
