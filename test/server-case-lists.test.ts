/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The case lists over real HTTP and SQLite (task B of issue 12): references in the lists, filters by matter, region,
 * step and overdue, search by reference, pages, refusals naming the parameter, the filters' choices, and that no
 * filter or search shows anyone a case their role may not list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { Client, serverSandbox } from './support/server.ts';

const monday = Date.parse('2026-11-30T02:00:00Z');
const clock = manualClock(monday);
const matter = '330000-GA-0101';
const sandbox = serverSandbox();
afterAll(async () => {
  await sandbox.stop();
  await sandbox.remove();
});

let url: string;
let zhang: Client;
let li: Client;
let clerk: Client;
let approver: Client;
let reviewer: Client;
// the cases by name: [id, reference]
const cases: Record<string, { id: string; reference: string | null }> = {};

// Starts (and unless `draft`, submits) a residence permit case in `region` as `who`.
async function apply(who: Client, name: string, region: string, draft = false): Promise<void> {
  const started = await who.post('/api/cases', { matterId: matter, region });
  expect(started.status, started.text).toBe(201);
  const id = started.body.id as string;
  if (draft) {
    cases[name] = { id, reference: null };
    return;
  }
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  // the form asks where the applicant lives; shared data may not know it
  data.residence ??= { regionCode: '330106', address: '杭州市西湖区文三路100号', registrationDate: '2024-01-01', reason: '就业', housingType: '租赁住房' };
  const submitted = await who.post(`/api/cases/${id}/submit`, { data, revision: 1 });
  expect(submitted.status, submitted.text).toBe(200);
  cases[name] = { id, reference: submitted.body.reference };
}

const ids = (reply: { body: any }) => reply.body.cases.map((c: { id: string }) => c.id);
const idsOf = (...names: string[]) => names.map((n) => cases[n]!.id);

beforeAll(async () => {
  ({ url } = await sandbox.start({ clock, sweepSeconds: 0 }));
  [zhang, li, clerk, approver, reviewer] = (await Promise.all(['zhangWei', 'liNa', 'clerk', 'approver', 'reviewer'].map((u) => Client.signedIn(url, u)))) as [Client, Client, Client, Client, Client];
  // submitted one after another (a minute apart), so the queue's order is theirs
  for (const [who, name, region] of [[zhang, 'p1', '330000'], [zhang, 'p2', '330000'], [li, 'h1', '330100'], [li, 'p3', '330000'], [zhang, 'h2', '330100']] as const) {
    await apply(who, name, region);
    clock.advance(60_000);
  }
  await apply(zhang, 'draft', '330000', true);
  // the clerk accepts p3: it leaves the clerks' queue for the approvers'
  const p3 = await clerk.get(`/api/cases/${cases.p3!.id}`);
  const materials = p3.body.situation.materials.filter((m: { waived: boolean }) => !m.waived).map((m: { id: string }) => m.id);
  expect((await clerk.post(`/api/cases/${cases.p3!.id}/actions`, { event: 'ACCEPT', revision: p3.body.revision, materials })).status).toBe(200);
}, 120_000);

describe('server: case lists', () => {
  it('numbers submitted cases in order and lists them with reference, matter, region, submitted date, step and deadline', async () => {
    expect(['p1', 'p2', 'h1', 'p3', 'h2'].map((n) => cases[n]!.reference)).toEqual(['ZJ-2026-000001', 'ZJ-2026-000002', 'ZJ-2026-000003', 'ZJ-2026-000004', 'ZJ-2026-000005']);
    const mine = await zhang.get('/api/cases');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    // an applicant's own, newest first: the draft has no reference and no submitted date yet
    expect(ids(mine)).toEqual(idsOf('draft', 'h2', 'p2', 'p1'));
    expect(mine.body.cases[0]).toMatchObject({ reference: null, submittedAt: null, status: 'draft' });
    expect(mine.body.cases[1]).toMatchObject({
      reference: 'ZJ-2026-000005', matterId: matter, region: '330100', regionName: { zh: '杭州市', en: 'Hangzhou' }, step: { zh: expect.any(String), en: expect.any(String) },
      submittedAt: new Date(monday + 4 * 60_000).toISOString(), title: { zh: expect.stringContaining('居住证'), en: expect.any(String) }, deadline: { dueAt: expect.any(String) }, overdue: false,
    });
    // the case itself says its reference and when it was submitted
    const whole = await zhang.get(`/api/cases/${cases.p1!.id}`);
    expect(whole.body).toMatchObject({ reference: 'ZJ-2026-000001', submittedAt: new Date(monday).toISOString() });
    expect(whole.body.audit.find((e: any) => e.type === 'SUBMIT').payload.reference).toBe('ZJ-2026-000001');
  });

  it('gives the clerk their queue, the soonest deadline first, filtered by matter, region and step', async () => {
    const queue = await clerk.get('/api/cases');
    expect(queue.body.total).toBe(4);
    expect(new Set(ids(queue))).toEqual(new Set(idsOf('p1', 'p2', 'h1', 'h2')));
    expect(ids(await clerk.get('/api/cases?region=330100'))).toEqual(idsOf('h1', 'h2'));
    expect((await clerk.get('/api/cases?region=330200')).body).toMatchObject({ cases: [], total: 0 });
    expect((await clerk.get(`/api/cases?matter=${matter}&region=330000`)).body.total).toBe(2);
    expect((await clerk.get(`/api/cases?matterId=${matter}`)).body.total).toBe(4); // the older name still works
    expect((await clerk.get('/api/cases?matter=330000-GA-0201')).body.total).toBe(0);
    expect((await clerk.get('/api/cases?step=submitted')).body.total).toBe(4);
    expect((await approver.get('/api/cases?step=review')).body.cases.map((c: any) => c.reference)).toEqual(['ZJ-2026-000004']);
  });

  it('searches by reference, whole or its beginning, in any case', async () => {
    expect(ids(await clerk.get('/api/cases?q=ZJ-2026-000002'))).toEqual(idsOf('p2'));
    expect(ids(await clerk.get('/api/cases?q=zj-2026-000002'))).toEqual(idsOf('p2'));
    expect((await clerk.get('/api/cases?q=zj-2026-00000')).body.total).toBe(4);
    expect((await clerk.get('/api/cases?q=ZJ-2025')).body.total).toBe(0);
    expect(ids(await zhang.get('/api/cases?q=ZJ-2026-000001'))).toEqual(idsOf('p1'));
  });

  it('pages with total, page and pageSize; pages never overlap', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const reply = await reviewer.get(`/api/cases?pageSize=2&page=${page}`);
      expect(reply.body).toMatchObject({ total: 6, page, pageSize: 2 });
      expect(reply.body.cases).toHaveLength(2);
      seen.push(...ids(reply));
    }
    expect(new Set(seen).size).toBe(6);
    expect((await reviewer.get('/api/cases?pageSize=2&page=4')).body).toMatchObject({ cases: [], total: 6, page: 4 });
    expect((await reviewer.get('/api/cases?pageSize=100')).body.cases).toHaveLength(6);
  });

  it('refuses a bad parameter with 400 naming it', async () => {
    for (const [query, name] of [
      ['page=0', 'page'], ['page=x', 'page'], ['pageSize=101', 'pageSize'], ['pageSize=0', 'pageSize'], ['q=ZJ%202026', 'q'], ['q=', 'q'], ['q=' + 'Z'.repeat(33), 'q'],
      ['region=hangzhou', 'region'], ['overdue=maybe', 'overdue'], ['step=a%20b', 'step'], ['matter=%2F..', 'matter'], [`matter=${matter}&matterId=330000-GA-0201`, 'matter'], ['status=lost', 'status'],
    ] as const) {
      const reply = await clerk.get(`/api/cases?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe('bad-request');
      expect(reply.body.error.errors.map((e: any) => e.pointer), query).toContain(`/${name}`);
    }
    const unknown = await clerk.get('/api/cases?sort=reference');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.errors[0].params).toEqual({ additionalProperty: 'sort' });
  });

  it('never shows a case through a filter or a search to anyone whose role may not list it', async () => {
    const p3 = cases.p3!;
    // the case at the approvers' step: not the clerk's, whatever the clerk asks
    for (const query of ['step=review', `q=${p3.reference}`, 'region=330000&pageSize=100', 'overdue=false', `matter=${matter}&step=review&q=ZJ`]) {
      expect(ids(await clerk.get(`/api/cases?${query}`)), query).not.toContain(p3.id);
    }
    expect(ids(await approver.get(`/api/cases?q=${p3.reference}`))).toEqual([p3.id]);
    // another applicant's case is never an applicant's, nor a draft a clerk's
    expect((await zhang.get(`/api/cases?q=${p3.reference}`)).body.total).toBe(0);
    expect((await li.get('/api/cases?region=330000')).body.cases.map((c: any) => c.id)).toEqual([p3.id]);
    expect(ids(await clerk.get('/api/cases?step=draft'))).toEqual([]);
    // a reviewer reads every case, and one role's queue when asked
    expect((await reviewer.get('/api/cases?role=approver')).body.cases.map((c: any) => c.id)).toEqual([p3.id]);
  });

  it('offers the filters’ choices from the cases the user may list', async () => {
    const filters = await clerk.get('/api/cases/filters');
    expect(filters.status).toBe(200);
    expect(filters.body.matters).toEqual([{ id: matter, title: expect.objectContaining({ zh: expect.stringContaining('居住证') }) }]);
    expect(filters.body.regions).toEqual([{ code: '330000', name: { zh: '浙江省', en: 'Zhejiang' } }, { code: '330100', name: { zh: '杭州市', en: 'Hangzhou' } }]);
    expect(filters.body.steps).toEqual([{ state: 'submitted', name: { zh: expect.any(String), en: expect.any(String) }, matters: [matter] }]);
    const approvers = await approver.get('/api/cases/filters');
    expect(approvers.body.steps.map((s: any) => s.state)).toEqual(['review']);
    expect((await clerk.get('/api/cases/filters?role=clerk')).status).toBe(200);
    expect((await clerk.get('/api/cases/filters?region=1')).status).toBe(400);
  });
  // last: it moves the clock on
  it('filters overdue cases (the promised deadline passed, not met, not paused) in SQL', async () => {
    expect((await clerk.get('/api/cases?overdue=true')).body.total).toBe(0);
    // 90 days on (sessions end meanwhile: sign in again)
    clock.advance(90 * 86_400_000);
    const [later, zhangLater] = await Promise.all([Client.signedIn(url, 'clerk'), Client.signedIn(url, 'zhangWei')]);
    expect((await later.get('/api/cases?overdue=true')).body.total).toBe(4);
    const hangzhou = (await later.get('/api/cases?overdue=true&region=330100')).body.cases;
    expect(hangzhou.map((c: any) => [c.region, c.overdue])).toEqual([['330100', true], ['330100', true]]);
    expect((await later.get('/api/cases?overdue=false')).body.total).toBe(0);
    expect((await zhangLater.get('/api/cases?overdue=false')).body.cases.map((c: any) => c.status)).toEqual(['draft']);
  });
});
