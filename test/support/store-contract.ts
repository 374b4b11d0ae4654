/** The store contract: one suite every Store implementation must pass (SQLite now, PostgreSQL later). */
import { describe, expect, it } from 'vitest';
import type { AuditEvent, CaseQuery, CaseRecord, SessionRecord, Store } from '../../runtime/store/types.ts';
import { realCatalogue } from './catalogue.ts';

const def = realCatalogue.catalogue.definitions[0]!.value;

const record = (id: string, patch: Partial<CaseRecord> = {}): CaseRecord => ({
  id, matterId: def.id, version: def.version, region: def.region.code, hash: 'h'.repeat(64), applicant: 'a1', state: 'draft', role: 'applicant',
  status: 'draft', outcome: undefined, revision: 1, data: { x: 1 }, verified: { '/x': 1 }, context: {}, auditHead: 'h1', createdAt: 1, updatedAt: 1, ...patch,
});
const event = (caseId: string, seq: number, patch: Partial<AuditEvent> = {}): AuditEvent => ({
  caseId, seq, at: seq, actor: 'a1', role: 'applicant', type: 't', from: undefined, to: 'draft', payload: { n: seq }, prevHash: 'p', hash: `h${seq}`, ...patch,
});
const session = (id: string, patch: Partial<SessionRecord> = {}): SessionRecord => ({
  id, tokenHash: `hash-${id}`, user: { id: 'u1', role: 'applicant', subject: 's1', name: '张伟' }, createdAt: 10, lastSeenAt: 10, expiresAt: 1000,
  address: '127.0.0.1', userAgent: 'test agent', ...patch,
});

/** Runs the contract against stores made by `open` (each test gets a fresh, empty store). */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const withStore = (fn: (s: Store) => Promise<void>) => async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    };

    it('publishes a version once and refuses other content under the same id, version and region', withStore(async (s) => {
      const p = { id: def.id, version: def.version, region: def.region.code, hash: 'a', definition: def, publishedAt: 1 };
      expect(await s.publish(p)).toBe('published');
      expect(await s.publish(p)).toBe('unchanged');
      expect(await s.publish({ ...p, hash: 'b' })).toBe('conflict');
      expect((await s.getDefinition(def.id, def.version, def.region.code))!.hash).toBe('a');
      expect(await s.getDefinition(def.id, '9.9.9', def.region.code)).toBeUndefined();
      expect((await s.definitionByHash('a'))!.version).toBe(def.version);
      expect(await s.definitionByHash('b')).toBeUndefined();
      expect((await s.listDefinitions()).map((d) => d.definition)).toEqual([def]);
      expect(await s.versions(def.id, def.region.code)).toEqual([def.version]);
      expect(await s.versions(def.id, '000000')).toEqual([]);
    }));

    it('round-trips a case and its first event', withStore(async (s) => {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      expect(await s.getCase('c1')).toEqual(record('c1'));
      expect(await s.events('c1')).toEqual([event('c1', 1)]);
      expect(await s.getCase('nope')).toBeUndefined();
    }));

    it('writes a transition only at the expected revision, all or nothing', withStore(async (s) => {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      const next = record('c1', { revision: 2, state: 'submitted', role: 'clerk', status: 'active' });
      const write = { record: next, events: [event('c1', 2)], deadline: { set: { caseId: 'c1', kind: 'promised' as const, dueAt: 100, metAt: undefined } } };
      expect(await s.updateCase(1, write)).toBe('ok');
      expect(await s.updateCase(1, { ...write, events: [event('c1', 3)] })).toBe('conflict');
      expect(await s.getCase('c1')).toEqual(next);
      expect((await s.events('c1')).map((e) => e.seq)).toEqual([1, 2]);
      expect(await s.deadline('c1')).toEqual({ caseId: 'c1', kind: 'promised', dueAt: 100, metAt: undefined });
    }));

    it('rolls back the case row when an event of the same write fails', withStore(async (s) => {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      const duplicateEvent = { record: record('c1', { revision: 2, state: 'x' }), events: [event('c1', 1)] };
      await expect(s.updateCase(1, duplicateEvent)).rejects.toThrow();
      expect((await s.getCase('c1'))!.revision).toBe(1);
    }));

    it('lists cases by role, status and applicant, and overdue deadlines until met', withStore(async (s) => {
      await s.createCase({ record: record('c1', { role: 'clerk', status: 'active' }), events: [event('c1', 1)], deadline: { set: { caseId: 'c1', kind: 'promised', dueAt: 50, metAt: undefined } } });
      await s.createCase({ record: record('c2', { applicant: 'a2', createdAt: 2 }), events: [event('c2', 1)], deadline: { set: { caseId: 'c2', kind: 'promised', dueAt: 500, metAt: undefined } } });
      expect((await s.listCases({ role: 'clerk' })).map((c) => c.id)).toEqual(['c1']);
      expect((await s.listCases({ status: 'draft' })).map((c) => c.id)).toEqual(['c2']);
      expect((await s.listCases({ applicant: 'a2' })).map((c) => c.id)).toEqual(['c2']);
      expect((await s.listCases({})).map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(await s.overdue(100)).toEqual([{ caseId: 'c1', dueAt: 50 }]);
      await s.updateCase(1, { record: record('c1', { revision: 2, status: 'done', role: undefined }), events: [event('c1', 2)], deadline: { meet: 60 } });
      expect(await s.overdue(1000)).toEqual([{ caseId: 'c2', dueAt: 500 }]);
      expect((await s.deadline('c1'))!.metAt).toBe(60);
    }));

    // Task B (issue 12): reference numbers and the lists' filters, order and pages
    it('gives a reference with the write that claims the year’s next number, once, and refuses a number taken', withStore(async (s) => {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      await s.createCase({ record: record('c2'), events: [event('c2', 1)] });
      expect(await s.lastReference(2026)).toBe(0);
      const numbered = (id: string, ref: string) => ({ record: record(id, { revision: 2, status: 'active', reference: ref }), events: [event(id, 2)] });
      // the first of a year is 1, never another
      expect(await s.updateCase(1, { ...numbered('c1', 'ZJ-2026-000002'), reference: { year: 2026, seq: 2 } })).toBe('reference-taken');
      expect(await s.updateCase(1, { ...numbered('c1', 'ZJ-2026-000001'), reference: { year: 2026, seq: 1 } })).toBe('ok');
      expect(await s.lastReference(2026)).toBe(1);
      // a racing write that read the same last number is refused whole: no row, no event, no number
      expect(await s.updateCase(1, { ...numbered('c2', 'ZJ-2026-000001'), reference: { year: 2026, seq: 1 } })).toBe('reference-taken');
      expect(await s.getCase('c2')).toEqual(record('c2'));
      expect(await s.events('c2')).toHaveLength(1);
      // a write refused for its revision gives its number back
      expect(await s.updateCase(5, { ...numbered('c2', 'ZJ-2026-000002'), reference: { year: 2026, seq: 2 } })).toBe('conflict');
      expect(await s.lastReference(2026)).toBe(1);
      expect(await s.updateCase(1, { ...numbered('c2', 'ZJ-2026-000002'), reference: { year: 2026, seq: 2 } })).toBe('ok');
      expect((await s.getCase('c2'))!.reference).toBe('ZJ-2026-000002');
      // once given, later writes neither change nor drop it
      expect(await s.updateCase(2, { record: record('c1', { revision: 3, status: 'active' }), events: [event('c1', 3)] })).toBe('ok');
      expect((await s.getCase('c1'))!.reference).toBe('ZJ-2026-000001');
      expect(await s.lastReference(2027)).toBe(0);
    }));

    it('filters, counts, orders and pages cases in the store, and says what the selected cases hold', withStore(async (s) => {
      const add = async (id: string, patch: Partial<CaseRecord>, dueAt?: number, paused?: number) =>
        s.createCase({ record: record(id, patch), events: [event(id, 1)], ...(dueAt === undefined ? {} : { deadline: { set: { caseId: id, kind: 'promised' as const, dueAt, metAt: undefined, pausedAt: paused } } }) });
      await add('a', { status: 'active', role: 'clerk', state: 'submitted', region: '330000', reference: 'ZJ-2026-000001', createdAt: 1 }, 50);
      await add('b', { status: 'active', role: 'clerk approver', state: 'review.police,review.housing', region: '330203', reference: 'ZJ-2026-000002', createdAt: 2 }, 500);
      await add('c', { status: 'active', role: 'approver', state: 'review', region: '330203', reference: 'ZJ-2026-000010', createdAt: 3 }, 40, 45);
      await add('d', { status: 'draft', role: 'applicant', state: 'draft', region: '330203', createdAt: 4 });
      await add('e', { status: 'active', role: 'clerk', state: 'submitted', matterId: 'other', reference: 'ZJ-2027-000001', createdAt: 5 }, 30);
      const ids = async (q: CaseQuery) => (await s.listCases(q)).map((c) => c.id);
      expect(await ids({ role: 'clerk' })).toEqual(['a', 'b', 'e']);
      expect(await ids({ region: '330203' })).toEqual(['b', 'c', 'd']);
      expect(await ids({ matterId: 'other' })).toEqual(['e']);
      // a state matches itself, a parallel state's leaf, and the leaves below a compound state, never a name's prefix
      expect(await ids({ state: 'review' })).toEqual(['b', 'c']);
      expect(await ids({ state: 'review.housing' })).toEqual(['b']);
      expect(await ids({ state: 'revie' })).toEqual([]);
      // a reference or its beginning, any case; cases without one never match
      expect(await ids({ reference: 'zj-2026-00000' })).toEqual(['a', 'b']);
      expect(await ids({ reference: 'ZJ-2026-000010' })).toEqual(['c']);
      expect(await ids({ reference: 'ZJ-2027' })).toEqual(['e']);
      expect(await ids({ reference: 'ZJ-2026-0000100' })).toEqual([]);
      // overdue at a time: passed, not met, not paused
      expect(await ids({ overdue: { now: 100, overdue: true } })).toEqual(['a', 'e']);
      expect(await ids({ overdue: { now: 100, overdue: false } })).toEqual(['b', 'c', 'd']);
      expect(await ids({ role: 'clerk', overdue: { now: 100, overdue: true }, matterId: def.id })).toEqual(['a']);
      // orders, and pages that end with the id so none overlaps
      expect(await ids({ order: 'newest' })).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(await ids({ order: 'due' })).toEqual(['e', 'c', 'a', 'b', 'd']);
      expect(await ids({ order: 'newest', offset: 1, limit: 2 })).toEqual(['d', 'c']);
      expect(await ids({ offset: 4, limit: 2 })).toEqual(['e']);
      expect(await s.countCases({})).toBe(5);
      expect(await s.countCases({ region: '330203', offset: 1, limit: 1 })).toBe(3);
      expect(await s.countCases({ reference: 'nothing' })).toBe(0);
      expect(await s.caseFacets({ role: 'clerk' })).toEqual([
        { matterId: def.id, version: def.version, region: '330000', state: 'submitted', count: 1 },
        { matterId: def.id, version: def.version, region: '330203', state: 'review.police,review.housing', count: 1 },
        { matterId: 'other', version: def.version, region: def.region.code, state: 'submitted', count: 1 },
      ]);
    }));

    it('replaces pending delays with a write, lists the due ones, and fires one only while it is pending', withStore(async (s) => {
      const delay = (caseId: string, name: string, dueAt: number) => ({ caseId, state: 'draft', delay: name, event: `xstate.after.${name}.p.draft`, dueAt });
      await s.createCase({ record: record('c1'), events: [event('c1', 1)], delays: [delay('c1', 'P1D', 50), delay('c1', 'P2D', 80)] });
      await s.createCase({ record: record('c2'), events: [event('c2', 1)], delays: [delay('c2', 'P1D', 60)] });
      expect((await s.dueDelays(60, 10)).map((d) => [d.caseId, d.delay])).toEqual([['c1', 'P1D'], ['c2', 'P1D']]);
      expect(await s.dueDelays(60, 1)).toEqual([delay('c1', 'P1D', 50)]);
      // paging: only those ordered after a given row (by due time, case, delay)
      expect(await s.dueDelays(60, 10, delay('c1', 'P1D', 50))).toEqual([delay('c2', 'P1D', 60)]);
      expect(await s.dueDelays(100, 10, delay('c1', 'P1D', 50))).toEqual([delay('c2', 'P1D', 60), delay('c1', 'P2D', 80)]);
      expect(await s.dueDelays(100, 10, delay('c1', 'P2D', 80))).toEqual([]);
      // a delay is the state's: another state's delay of the same name is a row of its own, fired apart
      await s.createCase({ record: record('c3'), events: [event('c3', 1)], delays: [delay('c3', 'P1D', 70), { ...delay('c3', 'P1D', 75), state: 'draft.inner', event: 'xstate.after.P1D.p.draft.inner' }] });
      expect(await s.updateCase(1, { record: record('c3', { revision: 2 }), events: [event('c3', 2)], fires: { caseId: 'c3', state: 'draft.inner', delay: 'P1D' } })).toBe('ok');
      expect(await s.delaysOf('c3')).toEqual([delay('c3', 'P1D', 70)]);
      // the write that fires a delay deletes it; a second write firing it is refused even at the right revision
      expect(await s.updateCase(1, { record: record('c1', { revision: 2 }), events: [event('c1', 2)], fires: { caseId: 'c1', state: 'draft', delay: 'P1D' } })).toBe('ok');
      expect(await s.delaysOf('c1')).toEqual([delay('c1', 'P2D', 80)]);
      expect(await s.updateCase(2, { record: record('c1', { revision: 3 }), events: [event('c1', 3)], fires: { caseId: 'c1', state: 'draft', delay: 'P1D' } })).toBe('conflict');
      expect((await s.getCase('c1'))!.revision).toBe(2);
      expect(await s.events('c1')).toHaveLength(2);
      // entering another state replaces them (here with none)
      expect(await s.updateCase(2, { record: record('c1', { revision: 3 }), events: [event('c1', 3)], delays: [] })).toBe('ok');
      expect(await s.delaysOf('c1')).toEqual([]);
      expect(await s.delaysOf('c2')).toEqual([delay('c2', 'P1D', 60)]);
    }));

    it('stores certificates with the write that issues them', withStore(async (s) => {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      const cert = { id: 'c1-out', caseId: 'c1', document: { seal: 'x' }, issuedAt: 7 };
      await s.updateCase(1, { record: record('c1', { revision: 2 }), events: [event('c1', 2)], certificates: [cert] });
      expect(await s.certificate('c1-out')).toEqual(cert);
      expect(await s.certificatesOf('c1')).toEqual([cert]);
    }));

    it('keeps sessions by the hash of their token, newest first per user, and ends them', withStore(async (s) => {
      await s.createSession(session('s1'));
      await s.createSession(session('s2', { createdAt: 20, lastSeenAt: 20 }));
      await s.createSession(session('s3', { user: { id: 'u2', role: 'clerk', subject: 'clerk', name: 'clerk' } }));
      expect(await s.session('hash-s1')).toEqual(session('s1'));
      expect(await s.session('s1')).toBeUndefined(); // looked up by the token's hash only
      expect((await s.sessionsOf('u1')).map((x) => x.id)).toEqual(['s2', 's1']);
      await s.touchSession('s1', 50);
      await s.touchSession('s1', 40); // never back in time (several nodes may touch the same session)
      expect((await s.session('hash-s1'))!.lastSeenAt).toBe(50);
      expect(await s.endSession('s3', 'u1')).toBe(false); // not u1's
      expect(await s.endSession('s1', 'u1')).toBe(true);
      expect(await s.session('hash-s1')).toBeUndefined();
      expect(await s.endSession('s1', 'u1')).toBe(false);
      await s.createSession(session('s4'));
      expect((await s.endOtherSessions('u1', 's4')).sort()).toEqual(['s2']);
      expect((await s.sessionsOf('u1')).map((x) => x.id)).toEqual(['s4']);
      expect((await s.sessionsOf('u2')).map((x) => x.id)).toEqual(['s3']);
    }));

    it('purges sessions past their expiry or idle since a given time', withStore(async (s) => {
      await s.createSession(session('live', { lastSeenAt: 500, expiresAt: 1000 }));
      await s.createSession(session('expired', { lastSeenAt: 500, expiresAt: 400 }));
      await s.createSession(session('idle', { lastSeenAt: 100, expiresAt: 1000 }));
      expect(await s.purgeSessions(450, 200)).toBe(2);
      expect((await s.sessionsOf('u1')).map((x) => x.id)).toEqual(['live']);
    }));

    it('updates a sign-in throttle atomically, deletes it on undefined, and purges quiet ones', withStore(async (s) => {
      expect(await s.throttle('user:a')).toBeUndefined();
      const bump = (at: number) => (t: { failures: number } | undefined) => ({ key: 'user:a', failures: (t?.failures ?? 0) + 1, lastFailureAt: at, blockedUntil: at + 10 });
      expect(await s.updateThrottle('user:a', bump(1))).toEqual({ key: 'user:a', failures: 1, lastFailureAt: 1, blockedUntil: 11 });
      await Promise.all([s.updateThrottle('user:a', bump(3)), s.updateThrottle('user:a', bump(3))]); // neither update is lost
      expect(await s.throttle('user:a')).toEqual({ key: 'user:a', failures: 3, lastFailureAt: 3, blockedUntil: 13 });
      await s.updateThrottle('address:x', () => ({ key: 'address:x', failures: 1, lastFailureAt: 100, blockedUntil: 100 }));
      expect(await s.purgeThrottles(50)).toBe(1); // user:a was quiet since 13
      expect(await s.throttle('user:a')).toBeUndefined();
      expect(await s.updateThrottle('address:x', () => undefined)).toBeUndefined();
      expect(await s.throttle('address:x')).toBeUndefined();
    }));

    it('appends to the security log and reads it newest first, by user name, a page at a time', withStore(async (s) => {
      const kinds = ['sign-in-failed', 'sign-in-throttled', 'sign-in', 'sign-out'] as const;
      for (const [i, kind] of kinds.entries()) await s.appendSecurityEvent({ at: i, kind, username: i < 3 ? 'clerk' : 'liNa', address: '::1', userAgent: 'ua', detail: `d${i}` });
      const all = await s.securityEvents({ limit: 10 });
      expect(all.map((e) => e.kind)).toEqual([...kinds].reverse());
      expect(all[3]).toEqual({ seq: expect.any(Number), at: 0, kind: 'sign-in-failed', username: 'clerk', address: '::1', userAgent: 'ua', detail: 'd0' });
      expect((await s.securityEvents({ limit: 10, username: 'clerk' })).map((e) => e.at)).toEqual([2, 1, 0]);
      const page = await s.securityEvents({ limit: 2 });
      expect(page.map((e) => e.at)).toEqual([3, 2]);
      expect((await s.securityEvents({ limit: 2, before: page[1]!.seq })).map((e) => e.at)).toEqual([1, 0]);
    }));

    it('keeps the catalogue at the newest version of each matter and region, and pages, filters and searches it', withStore(async (s) => {
      const defs = realCatalogue.catalogue.definitions.map((d) => d.value);
      for (const d of defs) await s.publish({ id: d.id, version: d.version, region: d.region.code, hash: `h-${d.region.code}`, definition: d, publishedAt: 1, publishedBy: 'official' });
      const all = await s.searchCatalogue({ offset: 0, limit: 1000 });
      expect(all.total).toBe(defs.length);
      expect(all.entries[0]).toMatchObject({ id: expect.any(String), kind: 'baseline', level: 'province', publishedBy: 'official', title: { zh: expect.any(String), en: expect.any(String) } });
      const permit = defs.find((d) => d.kind === 'baseline' && d.title.en.toLowerCase().includes('residence permit'))!;
      const newer = { ...permit, version: '1.10.0' };
      await s.publish({ id: permit.id, version: '1.10.0', region: permit.region.code, hash: 'newer', definition: newer, publishedAt: 2 });
      await s.publish({ id: permit.id, version: '1.9.0', region: permit.region.code, hash: 'older', definition: { ...permit, version: '1.9.0' }, publishedAt: 3 });
      const permitRows = await s.searchCatalogue({ matterId: permit.id, offset: 0, limit: 100 });
      expect(permitRows.entries.find((e) => e.kind === 'baseline')).toMatchObject({ version: '1.10.0', hash: 'newer', publishedBy: '' });
      expect(await s.versionHistory(permit.id, permit.region.code)).toEqual([
        { version: permit.version, hash: `h-${permit.region.code}`, publishedAt: 1, publishedBy: 'official' },
        { version: '1.9.0', hash: 'older', publishedAt: 3, publishedBy: '' },
        { version: '1.10.0', hash: 'newer', publishedAt: 2, publishedBy: '' },
      ]);
      expect((await s.searchCatalogue({ text: 'residence PERMIT', offset: 0, limit: 100 })).entries.map((e) => e.id)).toEqual(permitRows.entries.map((e) => e.id));
      expect((await s.searchCatalogue({ text: '居住证', offset: 0, limit: 100 })).total).toBe(permitRows.total);
      expect((await s.searchCatalogue({ text: '100%_', offset: 0, limit: 100 })).total).toBe(0); // the user's % and _ are literal
      const hangzhou = await s.searchCatalogue({ region: '330100', offset: 0, limit: 100 });
      expect(hangzhou.entries.length).toBeGreaterThan(0);
      expect(hangzhou.entries.every((e) => e.region.startsWith('3301'))).toBe(true);
      expect((await s.searchCatalogue({ kind: 'variant', level: 'county', offset: 0, limit: 100 })).entries.every((e) => e.kind === 'variant' && e.level === 'county')).toBe(true);
      const page = await s.searchCatalogue({ offset: 2, limit: 3 });
      expect(page).toEqual({ total: all.total, entries: all.entries.slice(2, 5) });
    }));

    it('saves a draft only at the revision the editor read, and deletes it the same way', withStore(async (s) => {
      const draft = { id: 'd1', matterId: def.id, region: '330100', kind: 'variant' as const, baseVersion: def.version, definition: { anything: ['goes', 1] }, revision: 1, createdBy: 'official', updatedBy: 'official', createdAt: 1, updatedAt: 1 };
      await s.createDraft(draft);
      expect(await s.draft('d1')).toEqual(draft);
      expect(await s.saveDraft('d1', 1, { title: 'edited' }, 'other', 5)).toBe('ok');
      expect(await s.saveDraft('d1', 1, { title: 'lost' }, 'official', 6)).toBe('conflict');
      expect(await s.saveDraft('nope', 1, {}, 'official', 6)).toBe('missing');
      expect(await s.draft('d1')).toEqual({ ...draft, definition: { title: 'edited' }, revision: 2, updatedBy: 'other', updatedAt: 5 });
      await s.createDraft({ ...draft, id: 'd2', region: '330200', createdBy: 'ningbo', updatedAt: 9, baseVersion: undefined });
      expect((await s.listDrafts({})).map((d) => d.id)).toEqual(['d2', 'd1']);
      expect((await s.listDrafts({ region: '330100' })).map((d) => d.id)).toEqual(['d1']);
      expect((await s.listDrafts({ createdBy: 'ningbo' }))[0]!.baseVersion).toBeUndefined();
      expect(await s.deleteDraft('d1', 1)).toBe('conflict');
      expect(await s.deleteDraft('d1', 2)).toBe('ok');
      expect(await s.deleteDraft('d1', 2)).toBe('missing');
      expect(await s.draft('d1')).toBeUndefined();
    }));
  });
}
