/**
 * The session's new routes called by every demo role and with hostile input, on a real server: the simulator
 * (POST /api/designer/simulate), the reviewers' workspace (GET /api/review/*, POST …/proposal/draft) and running-case
 * migration (GET/POST /api/matters/:id/regions/:region/migration). Each answers exactly the status its role allows
 * (401 anonymous, 403 for roles that may not, 2xx/404 for those that may), and hostile input is a 4xx with an error
 * body naming the problem — never a 500, never a hang. Ten simulations at once all succeed alike.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Reply, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
const permit = '330000-GA-0101';
const licence = '330000-GA-0201'; // has a Shaoxing (330600) variant
const newborn = '330000-GA-0102'; // gets a newer version here, for migrations (the permit keeps its variants' baseline for the review)
const published = (JSON.parse(readFileSync(new URL('../definitions/matters/newborn-registration/baseline.json', import.meta.url), 'utf8')) as { version: string }).version;
const shaoxingVersion = (JSON.parse(readFileSync(new URL('../definitions/matters/driving-licence-renewal/shaoxing.json', import.meta.url), 'utf8')) as { version: string }).version;
const next = (() => {
  const [major, minor] = published.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
})();

/** Every demo user; `anonymous` is a client that never signed in. */
const users = ['anonymous', 'zhangWei', 'liNa', 'clerk', 'approver', 'inspector', 'sectionChief', 'transferOutClerk', 'reviewer', 'official', 'officialShaoxing'] as const;
type Who = (typeof users)[number];
const as: Record<Who, Client> = {} as Record<Who, Client>;
let provinceDraft: { id: string; definition: Record<string, any> };
let shaoxingDraft: { id: string; definition: Record<string, any> };

/** The expected status for each user: `allowed` maps the users who may; everyone else signed in gets 403. */
function expected(allowed: Partial<Record<Who, number>>): Record<Who, number> {
  return Object.fromEntries(users.map((u) => [u, u === 'anonymous' ? 401 : (allowed[u] ?? 403)])) as Record<Who, number>;
}

/** The status each user gets, in one record (so a failure shows the whole matrix). */
async function matrix(call: (c: Client) => Promise<Reply>): Promise<Record<Who, number>> {
  const out = {} as Record<Who, number>;
  for (const u of users) out[u] = (await call(as[u])).status;
  return out;
}

/** A refusal: a 4xx with `{ error: { code, message } }`. */
function refused(reply: Reply, status: number, code?: string): void {
  expect(reply.status, reply.text.slice(0, 500)).toBe(status);
  expect(reply.body?.error?.message, reply.text.slice(0, 500)).toEqual(expect.any(String));
  expect(reply.body.error.message.length).toBeGreaterThan(5);
  if (code) expect(reply.body.error.code).toBe(code);
}

/** A 4xx with an error body, whichever (for inputs the router may refuse in more than one way). */
function clientError(reply: Reply): void {
  expect(reply.status, reply.text.slice(0, 500)).toBeGreaterThanOrEqual(400);
  expect(reply.status, reply.text.slice(0, 500)).toBeLessThan(500);
  // a path parameter over 100 characters is refused by Fastify's router before the server's error handler: its body
  // is Fastify's own ({ error: 'URI Too Long', code: 'FST_ERR_MAX_PARAM_LENGTH', message }), not { error: { code } }
  if (reply.body?.code === 'FST_ERR_MAX_PARAM_LENGTH') expect(reply.status).toBe(414);
  else expect(reply.body?.error?.code, reply.text.slice(0, 500)).toEqual(expect.any(String));
}

const simulate = (c: Client, body: unknown, raw?: string) => c.post('/api/designer/simulate', body, raw === undefined ? undefined : { raw });
const normalSteps = [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'event', type: 'ACCEPT' }, { kind: 'event', type: 'APPROVE' }];
const migration = (id: string, region: string) => `/api/matters/${id}/regions/${region}/migration`;

beforeAll(async () => {
  base = (await sandbox.start()).url;
  as.anonymous = new Client(base);
  for (const u of users) if (u !== 'anonymous') as[u] = await Client.signedIn(base, u);
  const started = await as.official.post('/api/drafts', { edit: { id: permit, region: '330000' } });
  if (started.status !== 201) throw new Error(started.text);
  provinceDraft = started.body;
  const city = await as.officialShaoxing.post('/api/drafts', { edit: { id: licence, region: '330600' } });
  if (city.status !== 201) throw new Error(city.text);
  shaoxingDraft = city.body;
  // a newer published version of the newborn registration in the province, so a migration has somewhere to go
  const edit = (await as.official.post('/api/drafts', { edit: { id: newborn, region: '330000' } })).body;
  const done = await as.official.post(`/api/drafts/${edit.id}/publish`, { revision: 1, version: next });
  if (done.status !== 201) throw new Error(done.text);
}, 60_000);
afterAll(() => sandbox.remove());

describe('every route as every role', () => {
  it('POST /api/designer/simulate: officials (their scope) and reviewers; a city official gets 404 for the province draft', async () => {
    expect(await matrix((c) => simulate(c, { draftId: provinceDraft.id, steps: [] }))).toEqual(expected({ reviewer: 200, official: 200, officialShaoxing: 404 }));
    expect(await matrix((c) => simulate(c, { draftId: shaoxingDraft.id, steps: [] }))).toEqual(expected({ reviewer: 200, official: 200, officialShaoxing: 200 }));
    expect(await matrix((c) => simulate(c, { definition: provinceDraft.definition, steps: [] }))).toEqual(expected({ reviewer: 200, official: 200, officialShaoxing: 200 }));
    refused(await simulate(as.officialShaoxing, { draftId: provinceDraft.id, steps: [] }), 404, 'not-found');
  });

  it('GET /api/review/*: officials and reviewers read; everyone else is refused', async () => {
    const readers = expected({ reviewer: 200, official: 200, officialShaoxing: 200 });
    for (const path of [
      '/api/review/province', '/api/review/province.csv', '/api/review/report.html', `/api/review/matters/${permit}`,
      `/api/review/matters/${permit}/variants/330100`, `/api/review/matters/${permit}/proposal`,
    ]) {
      expect({ path, statuses: await matrix((c) => c.get(path)) }).toEqual({ path, statuses: readers });
    }
    const missing = expected({ reviewer: 404, official: 404, officialShaoxing: 404 });
    expect(await matrix((c) => c.get('/api/review/matters/330000-XX-9999'))).toEqual(missing);
    expect(await matrix((c) => c.get(`/api/review/matters/${permit}/variants/330600`))).toEqual(missing);
  });

  it('POST /api/review/matters/:id/proposal/draft: province officials only; reviewers and city officials 403', async () => {
    expect(await matrix((c) => c.post(`/api/review/matters/${permit}/proposal/draft`, {}))).toEqual(expected({ official: 201 }));
    expect(await matrix((c) => c.post('/api/review/matters/330000-XX-9999/proposal/draft', {}))).toEqual(expected({ official: 404, officialShaoxing: 404 }));
    refused(await as.reviewer.post(`/api/review/matters/${permit}/proposal/draft`, {}), 403, 'forbidden');
  });

  it('GET …/migration: officials in scope and reviewers; a city official outside the region 403', async () => {
    expect(await matrix((c) => c.get(migration(permit, '330000')))).toEqual(expected({ reviewer: 200, official: 200 }));
    expect(await matrix((c) => c.get(migration(permit, '330100')))).toEqual(expected({ reviewer: 200, official: 200 }));
    expect(await matrix((c) => c.get(migration(licence, '330600')))).toEqual(expected({ reviewer: 200, official: 200, officialShaoxing: 200 }));
    expect(await matrix((c) => c.get(migration('330000-XX-9999', '330000')))).toEqual(expected({ reviewer: 404, official: 404 }));
  });

  it('POST …/migration: officials in scope only; reviewers never', async () => {
    expect(await matrix((c) => c.post(migration(newborn, '330000'), { from: published, to: next }))).toEqual(expected({ official: 200 }));
    expect(await matrix((c) => c.post(migration(licence, '330600'), { from: shaoxingVersion, to: '9.9.9' }))).toEqual(expected({ official: 404, officialShaoxing: 404 }));
    expect(await matrix((c) => c.post(migration(permit, '330100'), { from: '1.0.0', to: '9.9.9' }))).toEqual(expected({ official: 404 }));
  });
});

describe('migrations at once', () => {
  it('moves each running case exactly once when five officials migrate together; no 500', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = await as.zhangWei.post('/api/cases', { matterId: newborn, region: '330000' });
      expect(started.status, started.text).toBe(201);
      expect(started.body.version).toBe(next);
      ids.push(started.body.id);
    }
    const third = `${next.split('.')[0]}.${Number(next.split('.')[1]) + 1}.0`;
    const edit = (await as.official.post('/api/drafts', { edit: { id: newborn, region: '330000' } })).body;
    expect((await as.official.post(`/api/drafts/${edit.id}/publish`, { revision: 1, version: third })).status).toBe(201);
    const path = migration(newborn, '330000');
    const replies = await Promise.all(Array.from({ length: 5 }, () => as.official.post(path, { from: next, to: third })));
    for (const r of replies) expect(r.status, r.text.slice(0, 300)).toBe(200);
    const migrated = replies.flatMap((r) => r.body.migrated as string[]);
    expect([...migrated].sort()).toEqual([...ids].sort());
    for (const r of replies) expect(r.body.refused).toEqual([]);
    for (const id of ids) {
      const view = (await as.zhangWei.get(`/api/cases/${id}`)).body;
      expect(view.version).toBe(third);
      expect(view.audit.filter((e: { type: string }) => e.type === 'migrate')).toHaveLength(1);
    }
  });
});

describe('writing routes without a CSRF token or JSON', () => {
  it('refuses them with 403 csrf and 415, before anything runs', async () => {
    const writes: [string, unknown][] = [
      ['/api/designer/simulate', { draftId: provinceDraft.id, steps: [] }],
      [`/api/review/matters/${permit}/proposal/draft`, {}],
      [migration(newborn, '330000'), { from: published, to: next }],
    ];
    for (const [path, body] of writes) {
      refused(await as.official.post(path, body, { csrf: false }), 403, 'csrf');
      refused(await as.official.post(path, undefined, { raw: JSON.stringify(body), contentType: 'text/plain' }), 415, 'unsupported-media-type');
      refused(await as.official.post(path, undefined, { raw: '', contentType: 'application/json' }), 400);
      // reading verbs on a writing route find no route
      refused(await as.official.request('DELETE', path), 404, 'not-found');
    }
    refused(await as.reviewer.post('/api/designer/simulate', { draftId: provinceDraft.id, steps: [] }, { csrf: false }), 403, 'csrf');
  });
});

describe('GET /api/cases/:id (now with delays)', () => {
  it('shows an unsubmitted case, with its pending delays, to its applicant and reviewers only', async () => {
    const started = await as.zhangWei.post('/api/cases', { matterId: permit, region: '330000' });
    expect(started.status, started.text).toBe(201);
    const path = `/api/cases/${started.body.id}`;
    expect(await matrix((c) => c.get(path))).toEqual(expected({ zhangWei: 200, reviewer: 200 }));
    expect((await as.reviewer.get(path)).body.delays).toEqual([]);
    for (const id of ['..%2F..%2Fetc', 'a%00b', 'x'.repeat(99), encodeURIComponent('案件')]) clientError(await as.reviewer.get(`/api/cases/${id}`));
    refused(await as.reviewer.get('/api/cases/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
  });
});

describe('hostile ids, regions, versions and mappings', () => {
  const badIds = ['..%2F..%2Fetc%2Fpasswd', '%2E%2E', 'a%00b', encodeURIComponent('事项'), 'x'.repeat(5000), encodeURIComponent("'; drop table cases; --"), '-leading-dash'];

  it('review routes refuse odd ids with a 4xx and an error body', async () => {
    for (const id of badIds) {
      for (const path of [`/api/review/matters/${id}`, `/api/review/matters/${id}/proposal`, `/api/review/matters/${permit}/variants/${id}`]) {
        const reply = await as.reviewer.get(path);
        clientError(reply);
      }
      clientError(await as.official.post(`/api/review/matters/${id}/proposal/draft`, {}));
    }
    for (const region of ['33010', '3301000', 'abcdef', '330100%00', '%20330100']) refused(await as.reviewer.get(`/api/review/matters/${permit}/variants/${region}`), 400, 'bad-request');
    refused(await as.reviewer.get('/api/review/province?levelled=-1'), 400, 'bad-request');
    refused(await as.reviewer.get('/api/review/province?sort=__proto__'), 400, 'bad-request');
    refused(await as.reviewer.get(`/api/review/matters/${permit}?city=abc`), 400, 'bad-request');
    refused(await as.official.post(`/api/review/matters/${permit}/proposal/draft`, { x: 1 }), 400, 'bad-request');
    refused(await as.official.post(`/api/review/matters/${permit}/proposal/draft`, undefined, { raw: '{', contentType: 'application/json' }), 400, 'malformed-json');
  });

  it('migration refuses odd ids and regions that are not 6, 9 or 12 digits', async () => {
    for (const id of badIds) {
      clientError(await as.official.get(migration(id, '330000')));
      clientError(await as.official.post(migration(id, '330000'), { from: published, to: next }));
    }
    for (const region of ['33000', '3300000', 'abcdef', '330000%00', '..%2F330000', encodeURIComponent('三三〇〇〇〇'), '9'.repeat(2000)]) {
      clientError(await as.official.get(migration(permit, region)));
      clientError(await as.official.post(migration(permit, region), { from: published, to: next }));
    }
    refused(await as.official.get(migration(permit, '33000')), 400, 'bad-request');
  });

  it('migration: `to` that does not exist is 404, malformed 400, older or the same changes nothing or is 400', async () => {
    const path = migration(newborn, '330000');
    refused(await as.official.get(`${path}?to=9.9.9`), 404, 'not-found');
    refused(await as.official.get(`${path}?to=0.0.1`), 404, 'not-found');
    for (const to of ['1.x', '../1.0.0', '1.0.0%00', '1.0.0-beta', '1'.repeat(100), encodeURIComponent('一.二.三')]) refused(await as.official.get(`${path}?to=${to}`), 400, 'bad-request');
    const older = await as.official.get(`${path}?to=${published}`);
    expect(older.status, older.text).toBe(200);
    expect(older.body.versions.every((v: { version: string }) => v.version !== next)).toBe(true);
    refused(await as.official.post(path, { from: next, to: published }), 400, 'invalid-argument');
    refused(await as.official.post(path, { from: published, to: published }), 400, 'invalid-argument');
    refused(await as.official.post(path, { from: published, to: '9.9.9' }), 404, 'not-found');
    refused(await as.official.post(path, { from: '0.0.1', to: next }), 404, 'not-found');
    refused(await as.official.post(path, { from: published, to: next, caseIds: ['../../x'] }), 400, 'bad-request');
    refused(await as.official.post(path, { from: published, to: next, caseIds: ['00000000-0000-4000-8000-000000000000'] }), 404, 'not-found');
    // a case named twice would be moved, then reported again as skipped
    refused(await as.official.post(path, { from: published, to: next, caseIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'] }), 400, 'bad-request');
  });

  it('migration: a mapping that is not JSON, not an array, too long, or with bad or overlapping pointers is 400', async () => {
    const path = migration(newborn, '330000');
    const get = (mapping: string) => as.official.get(`${path}?mapping=${encodeURIComponent(mapping)}`);
    const post = (mapping: unknown) => as.official.post(path, { from: published, to: next, mapping });
    refused(await get('[{from'), 400, 'bad-request');
    refused(await get('not json'), 400, 'bad-request');
    refused(await get('{"from":"/a","to":"/b"}'), 400, 'invalid-argument');
    refused(await get('"a string"'), 400, 'invalid-argument');
    refused(await get('null'), 400, 'invalid-argument');
    refused(await get('7'), 400, 'invalid-argument');
    refused(await get('[1]'), 400, 'invalid-argument');
    refused(await get('[null]'), 400, 'invalid-argument');
    refused(await get(JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ from: `/a${i}`, to: `/b${i}` })))), 400, 'invalid-argument');
    refused(await post(Array.from({ length: 101 }, (_, i) => ({ from: `/a${i}`, to: `/b${i}` }))), 400, 'bad-request');
    refused(await get('x'.repeat(10_000)), 400, 'bad-request');
    // past Node's 16 KiB header limit the request never reaches the route
    expect((await get('x'.repeat(40_001))).status).toBe(431);
    const hostile: [string, string][] = [
      ['/', '/x'], ['/x', '/'], ['/__proto__/x', '/y'], ['/y', '/__proto__/x'], ['/constructor/prototype', '/y'], ['', '/x'], ['/x', ''],
      ['x', '/y'], ['/a//b', '/c'], ['/a', '/a'], ['/a', '/a/b'], ['/a/b', '/a'], ['/a~2', '/b'], ['/a\u0000', '/b'], [`/${'z'.repeat(300)}`, '/b'],
    ];
    for (const [from, to] of hostile) {
      const g = await get(JSON.stringify([{ from, to }]));
      expect({ from, to, status: g.status }).toEqual({ from, to, status: 400 });
      clientError(g);
      const p = await post([{ from, to }]);
      expect({ from, to, status: p.status }).toEqual({ from, to, status: 400 });
      clientError(p);
    }
    // two entries that overlap each other
    for (const pair of [[{ from: '/a', to: '/b' }, { from: '/a/c', to: '/d' }], [{ from: '/a', to: '/b' }, { from: '/c', to: '/b' }], [{ from: '/a', to: '/b' }, { from: '/b', to: '/c' }]]) {
      refused(await get(JSON.stringify(pair)), 400, 'invalid-argument');
      refused(await post(pair), 400, 'invalid-argument');
    }
    refused(await get(JSON.stringify([{ from: '/a', to: '/b', extra: 1 }])), 400, 'invalid-argument');
    refused(await get(JSON.stringify([{ from: 1, to: '/b' }])), 400, 'invalid-argument');
    // a unicode field name is a fine pointer
    const unicode = await get(JSON.stringify([{ from: '/申请人', to: '/applicant/名字' }]));
    expect(unicode.status, unicode.text).toBe(200);
  });
});

describe('hostile simulations', () => {
  const steps = (n: number) => Array.from({ length: n }, () => ({ kind: 'advance', days: 0 }));

  it('refuses malformed steps with 400 naming the place', async () => {
    const sim = (body: unknown) => simulate(as.official, body);
    refused(await sim({ draftId: provinceDraft.id, steps: steps(201) }), 400, 'bad-request');
    expect((await sim({ draftId: provinceDraft.id, steps: steps(200) })).status).toBe(200);
    for (const days of [-1, 1e9, 1.5, 3661, 'one', {}]) refused(await sim({ draftId: provinceDraft.id, steps: [{ kind: 'advance', days }] }), 400, 'bad-request');
    for (const kind of ['jump', 'FILL', '', '__proto__', 'constructor']) refused(await sim({ draftId: provinceDraft.id, steps: [{ kind }] }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, steps: [{ kind: 'event', type: 'A'.repeat(1000) }] }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, steps: [{ kind: 'event', type: '' }] }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, steps: [{ kind: 'fill', role: '../admin' }] }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, steps: 'fill' }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, definition: provinceDraft.definition, steps: [] }), 400, 'bad-request');
    refused(await sim({ draftId: '../../etc/passwd', steps: [] }), 400, 'bad-request');
    refused(await sim({ draftId: provinceDraft.id, steps: [], applicant: '__proto__' }), 400, 'bad-request');
    refused(await sim({ draftId: '00000000-0000-4000-8000-000000000000', steps: [] }), 404, 'not-found');
    refused(await simulate(as.official, undefined, '{"draftId":'), 400, 'malformed-json');
    refused(await simulate(as.official, undefined, '[]'), 400, 'bad-request');
  });

  it('answers an event the state does not accept (lowercase, unknown, unicode) as a frame with the runtime error', async () => {
    for (const type of ['accept', 'NOPE', '受理', '__proto__', 'toString']) {
      const reply = await simulate(as.official, { draftId: provinceDraft.id, steps: [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'event', type }] });
      expect(reply.status, reply.text.slice(0, 300)).toBe(200);
      const last = reply.body.frames.at(-1);
      expect({ type, state: last.state, code: last.error?.code }).toEqual({ type, state: 'submitted', code: expect.stringMatching(/event/) });
    }
  });

  it('an invalid definition is 422 with problems and pointers; a non-definition too; a deep object never crashes', async () => {
    const definition = structuredClone(provinceDraft.definition);
    definition.materials[0].copies = -3;
    definition.timeLimit = 'soon';
    const reply = await simulate(as.official, { definition, steps: [] });
    refused(reply, 422, 'invalid-definition');
    for (const p of reply.body.error.problems) expect(p).toEqual({ pointer: expect.stringMatching(/^(\/.*)?$/), code: expect.any(String), message: expect.any(String) });
    expect(reply.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual(expect.arrayContaining(['/materials/0/copies', '/timeLimit']));
    const unreachable = structuredClone(provinceDraft.definition);
    unreachable.process.initial = 'nowhere';
    const second = await simulate(as.official, { definition: unreachable, steps: [] });
    refused(second, 422, 'invalid-definition');
    expect(second.body.error.problems.map((p: { pointer: string }) => p.pointer)).toContain('/process/initial');

    const deep = (depth: number) => {
      let v: Record<string, unknown> = {};
      for (let i = 0; i < depth; i++) v = { a: v };
      return v;
    };
    refused(await simulate(as.official, { definition: deep(100), steps: [] }), 422, 'invalid-definition');
    // deeper than any document the engine reads: refused before hashing or validating recurse (was a 500)
    const deeper = (n: number) => `{"definition":${'{"a":'.repeat(n)}{}${'}'.repeat(n)},"steps":[]}`;
    for (const n of [10_000, 200_000]) {
      const tooDeep = await simulate(as.official, undefined, deeper(n));
      refused(tooDeep, 422, 'invalid-definition');
      expect(tooDeep.body.error.problems[0]).toMatchObject({ code: 'json.too-deep', pointer: expect.stringMatching(/^(\/a)+$/) });
    }
    for (const n of [10_000, 200_000]) {
      const save = await simulate(as.official, undefined, `{"draftId":"${provinceDraft.id}","steps":[{"kind":"save","data":${'{"a":'.repeat(n)}{}${'}'.repeat(n)}}]}`);
      expect(save.status, save.text.slice(0, 300)).toBe(200);
      expect(save.body.frames.at(-1).error.code).toBe('payload-too-deep');
    }
    const nested = structuredClone(provinceDraft.definition);
    nested.form.schema.properties.deep = deep(100);
    clientError(await simulate(as.official, { definition: nested, steps: [{ kind: 'fill' }] }));
    refused(await simulate(as.official, { definition: { ...provinceDraft.definition, id: '../../etc', region: { code: '../' } }, steps: [] }), 422, 'invalid-definition');
    refused(await simulate(as.official, { definition: { ...provinceDraft.definition, kind: 'variant', baseline: { id: '__proto__', version: '../../1.0.0' } }, steps: [] }), 422, 'invalid-definition');
    // a variant's baseline is looked up in the store by the draft's id: odd ids are only not found
    for (const id of ['x'.repeat(1_000_000), '" OR 1=1 --', 'matter* NEAR', '%', permit]) {
      const variant = { ...provinceDraft.definition, id, kind: 'variant', baseline: { id, version: '../../1.1.0' }, region: { code: '330600', name: { zh: '绍兴市', en: 'Shaoxing' }, level: 'city' } };
      refused(await simulate(as.official, { definition: variant, steps: [] }), 422, 'invalid-definition');
    }
  }, 30_000);

  it('takes a 2.9 MiB body, refuses a 3.1 MiB one with 413', async () => {
    const pad = (bytes: number) => {
      const body = { draftId: provinceDraft.id, steps: [{ kind: 'save', data: { pad: '' } }] };
      body.steps[0]!.data.pad = 'x'.repeat(bytes - JSON.stringify(body).length);
      return JSON.stringify(body);
    };
    const small = await simulate(as.official, undefined, pad(2.9 * 1024 * 1024));
    expect(small.status, small.text.slice(0, 300)).toBe(200);
    expect(small.body.frames.at(-1).error.code).toBe('payload-too-large'); // the runtime's own limit on case data
    refused(await simulate(as.official, undefined, pad(3.1 * 1024 * 1024)), 413, 'body-too-large');
  }, 30_000);

  it('a definition that validates but whose delays loop is bounded: the answer comes, in time', async () => {
    const definition = structuredClone(provinceDraft.definition);
    definition.process.states.submitted.after = { 1: { target: 'review' } };
    definition.process.states.review.after = { 1: { target: 'submitted' } };
    const one = await simulate(as.official, { definition, steps: [{ kind: 'fill' }, { kind: 'submit' }, { kind: 'advance', days: 1 }] });
    expect(one.status, one.text.slice(0, 500)).toBe(200);
    expect(one.body.frames.at(-1).fired.length).toBeGreaterThan(10);
    expect(one.body.frames.at(-1).error).toMatchObject({ code: 'delays-loop', message: expect.stringContaining('after') });
    expect(one.body.frames.at(-1).fired.length).toBeLessThanOrEqual(200);
    const started = Date.now();
    const many = await simulate(as.official, { definition, steps: [{ kind: 'fill' }, { kind: 'submit' }, ...Array.from({ length: 198 }, () => ({ kind: 'advance', days: 3660 }))] });
    const took = Date.now() - started;
    expect(many.status, many.text.slice(0, 500)).toBe(200);
    expect(many.body.frames.at(-1).error.code).toBe('delays-loop');
    expect(many.text.length).toBeLessThan(32 * 1024 * 1024);
    console.log(`simulate: delay loop, 200 steps: ${took} ms, ${(many.text.length / 1024 / 1024).toFixed(1)} MiB`);
    expect(took).toBeLessThan(20_000);
  }, 60_000);

  it('fills a form whose schema multiplies (nested quantifiers, huge minLength, nested arrays, recursive $ref) in time', async () => {
    let nested: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 8; i++) nested = { type: 'array', minItems: 10, items: nested };
    const fields: Record<string, Record<string, unknown>> = {
      quantifiers: { type: 'string', pattern: '^((a{1000}){1000}){100}$' }, // was 30 s and 3 GB
      longer: { type: 'string', pattern: '^(((a{1000}){1000}){1000}){1000}$' }, // was a 500 (Invalid string length)
      minLength: { type: 'string', minLength: 100_000_000 },
      arrays: nested, // 10^8 strings
      tree: { type: 'object', required: ['l', 'r'], properties: { l: { $ref: '#/properties/applicant/properties/tree' }, r: { $ref: '#/properties/applicant/properties/tree' } } }, // 2^32 objects
    };
    for (const [name, field] of Object.entries(fields)) {
      const definition = structuredClone(provinceDraft.definition);
      definition.form.schema.properties.applicant.properties[name] = { title: 'x', description: 'x', ...field };
      definition.form.schema.properties.applicant.required.push(name);
      const started = Date.now();
      const reply = await simulate(as.reviewer, { definition, steps: [{ kind: 'fill' }] });
      const took = Date.now() - started;
      expect({ name, status: reply.status, fast: took < 5_000 }, reply.text.slice(0, 300)).toEqual({ name, status: 200, fast: true });
      expect(reply.text.length).toBeLessThan(2 * 1024 * 1024);
    }
  }, 60_000);

  it('refuses with 413 a simulation whose frames would be huge (400 KB of data copied into 200 frames was 80 MB, 6 s)', async () => {
    const filled = (await simulate(as.official, { draftId: provinceDraft.id, steps: [{ kind: 'fill' }] })).body.frames[1].data;
    const data = { ...filled, applicant: { ...filled.applicant, mobile: 'x'.repeat(400_000) } };
    const started = Date.now();
    const reply = await simulate(as.reviewer, { draftId: provinceDraft.id, steps: [{ kind: 'save', data }, ...Array.from({ length: 199 }, () => ({ kind: 'advance', days: 0 }))] });
    refused(reply, 413, 'simulation-too-large');
    expect(reply.body.error).toMatchObject({ limit: 16 * 1024 * 1024, index: expect.any(Number) });
    expect(Date.now() - started).toBeLessThan(5_000);
    // the same data over a few steps is fine
    const few = await simulate(as.reviewer, { draftId: provinceDraft.id, steps: [{ kind: 'save', data }, { kind: 'advance', days: 1 }] });
    expect(few.status, few.text.slice(0, 300)).toBe(200);
    expect(few.body.frames[1].error).toBeNull();
  }, 30_000);

  it('one simulation of a draft answers quickly, and ten at once all succeed alike', async () => {
    await simulate(as.official, { draftId: provinceDraft.id, steps: normalSteps }); // warm the validation cache
    const started = Date.now();
    const one = await simulate(as.official, { draftId: provinceDraft.id, steps: normalSteps });
    const took = Date.now() - started;
    expect(one.status, one.text.slice(0, 300)).toBe(200);
    expect(took).toBeLessThan(2_000);
    const shape = (r: Reply) => r.body.frames.map((f: any) => [f.kind, f.state, f.role, f.status, f.error?.code ?? null, f.audit.length, f.certificates.length]);
    const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => simulate(i % 2 ? as.reviewer : as.official, i % 3 ? { draftId: provinceDraft.id, steps: normalSteps } : { definition: provinceDraft.definition, steps: normalSteps })));
    for (const r of concurrent) {
      expect(r.status, r.text.slice(0, 300)).toBe(200);
      expect(shape(r)).toEqual(shape(one));
    }
    // no two simulations share a case
    const ids = concurrent.map((r) => r.body.frames.at(-1).audit[0].at + JSON.stringify(r.body.frames.at(-1).certificates));
    expect(new Set(ids).size).toBe(10);
    console.log(`simulate: one call ${took} ms`);
  }, 60_000);
});
