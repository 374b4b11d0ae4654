/**
 * Reviewers read; they change nothing. The server's own route table (from the Fastify app that `startServer` builds)
 * is enumerated, and a signed-in reviewer sends every writing request (POST, PUT, PATCH, DELETE) it has, with real
 * ids and well-formed bodies, so each reaches its handler's role check: every one must answer 403. Left out (see
 * `exempt`): signing in and out, ending one's own sessions, and the two POSTs that change nothing (verifying a
 * certificate, simulating a draft). A writing route added without the check fails here; a new one whose body must be
 * well-formed before the check runs needs a sample request in `samples` below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexRegions } from '../engine/index.ts';
import { createRuntime } from '../runtime/cases/runtime.ts';
import { CaseFiles } from '../runtime/files/case-files.ts';
import { localFileStore } from '../runtime/files/store.ts';
import { defaultDefinitionsDir, loadDefinitions } from '../runtime/definitions-folder.ts';
import { systemClock } from '../runtime/effects/clock.ts';
import { buildApp } from '../runtime/server/app.ts';
import { openDataFolder } from '../runtime/server/data-folder.ts';
import { DefinitionIndex } from '../runtime/server/definition-index.ts';
import { Sessions } from '../runtime/server/session.ts';
import { SignInThrottle } from '../runtime/server/throttle.ts';
import { UserFile } from '../runtime/server/users.ts';
import { demoSharedData } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { Client } from './support/server.ts';

const permit = '330000-GA-0101';
const writing = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writing routes a reviewer may call, and why. */
const exempt: Record<string, string> = {
  'POST /api/session': 'signing in',
  'DELETE /api/session': 'signing out',
  'DELETE /api/sessions/others': 'ending one’s own other sessions',
  'DELETE /api/sessions/:id': 'ending one’s own session',
  'POST /api/certificates/verify': 'verifying a seal changes nothing (public, no CSRF)',
  'POST /api/designer/simulate': 'simulating a draft writes nothing (the runtime runs in a throwaway store)',
};

let dataDir: string;
let app: FastifyInstance;
let base: string;
let routes: { method: string; url: string }[];
const ids = { draft: '', case: '' };

/**
 * The routes of a Fastify app, from `printRoutes({ commonPrefix: false })`: each line is a path segment under its
 * parent (four columns per level), followed by its methods.
 */
function routesOf(tree: string): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│├└─]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of m[3]!.split(', ')) out.push({ method, url: stack.join('') });
  }
  return out;
}

/** A request that reaches the handler of each route: real ids, a body its schema accepts. */
const samples = (): Record<string, { path: string; body?: unknown }> => ({
  'POST /api/cases': { path: '/api/cases', body: { matterId: permit, region: '330000' } },
  'PUT /api/cases/:id/draft': { path: `/api/cases/${ids.case}/draft`, body: { data: {}, revision: 1 } },
  'POST /api/cases/:id/submit': { path: `/api/cases/${ids.case}/submit`, body: { data: {}, revision: 1 } },
  'POST /api/cases/:id/actions': { path: `/api/cases/${ids.case}/actions`, body: { event: 'WITHDRAW', revision: 1 } },
  'POST /api/cases/:id/materials/checks': { path: `/api/cases/${ids.case}/materials/checks`, body: { checks: [{ material: 'photo', status: 'received' }], revision: 1 } },
  'POST /api/definitions': { path: '/api/definitions', body: {} },
  'POST /api/drafts': { path: '/api/drafts', body: { edit: { id: permit, region: '330000' } } },
  'PUT /api/drafts/:id': { path: `/api/drafts/${ids.draft}`, body: { definition: {}, revision: 1 } },
  'DELETE /api/drafts/:id': { path: `/api/drafts/${ids.draft}?revision=1` },
  'POST /api/drafts/:id/publish': { path: `/api/drafts/${ids.draft}/publish`, body: { revision: 1, version: '9.9.9' } },
  'POST /api/matters/:id/regions/:region/migration': { path: `/api/matters/${permit}/regions/330000/migration`, body: { from: '1.0.0', to: '1.1.0' } },
  'POST /api/review/matters/:id/proposal/draft': { path: `/api/review/matters/${permit}/proposal/draft`, body: {} },
});

// Any other route: its parameters filled with what they most likely name (a draft, a case, the permit, a region).
function fallback(url: string): { path: string; body: unknown } {
  const path = url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'region') return '330100';
    if (name === 'version') return '1.0.0';
    if (url.startsWith('/api/drafts/')) return ids.draft;
    if (url.startsWith('/api/cases/')) return ids.case;
    return permit;
  });
  return { path, body: {} };
}

beforeAll(async () => {
  // the app startServer builds, over a fresh data folder, so its route table can be read
  dataDir = mkdtempSync(join(tmpdir(), 'onematter-readonly-'));
  const folder = openDataFolder(dataDir);
  const { catalogue, context } = loadDefinitions(defaultDefinitionsDir);
  const store = openSqliteStore({ path: folder.databasePath });
  const sharedSchemas = catalogue.schemas.map((s) => s.value);
  const runtime = await createRuntime({ store, sharedSchemas, sharedData: demoSharedData, clock: systemClock, signer: folder.signer, catalogue });
  app = await buildApp({
    runtime, files: new CaseFiles({ files: localFileStore(folder.filesDir), store, clock: systemClock }), definitions: new DefinitionIndex(store), sharedData: demoSharedData, clock: systemClock, authenticator: await UserFile.open(folder.usersPath),
    catalogueContext: context, sharedSchemas, regions: indexRegions(catalogue.regions.flatMap((r) => r.value.regions)),
    sessions: new Sessions(store, systemClock), signInThrottle: new SignInThrottle(store, systemClock),
  }, { cookieSecret: folder.cookieSecret });
  app.addHook('onClose', () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  routes = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => writing.has(r.method));
  const official = await Client.signedIn(base, 'official');
  ids.draft = (await official.post('/api/drafts', { edit: { id: permit, region: '330000' } })).body.id;
  const applicant = await Client.signedIn(base, 'zhangWei');
  ids.case = (await applicant.post('/api/cases', { matterId: permit, region: '330000' })).body.id;
  expect(ids.draft && ids.case).toBeTruthy();
}, 60_000);
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a reviewer', () => {
  it('finds the writing routes in the route table (the enumeration itself works)', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    expect(names).toEqual(expect.arrayContaining(['POST /api/drafts', 'PUT /api/drafts/:id', 'DELETE /api/drafts/:id', 'POST /api/drafts/:id/publish', 'POST /api/cases/:id/actions', 'POST /api/review/matters/:id/proposal/draft', ...Object.keys(exempt)]));
  });

  it('is refused (403) by every route that writes', async () => {
    const reviewer = await Client.signedIn(base, 'reviewer');
    const known = samples();
    const wrong: string[] = [];
    for (const { method, url } of routes) {
      const name = `${method} ${url}`;
      if (exempt[name]) continue;
      const { path, body } = known[name] ?? fallback(url);
      const reply = await reviewer.request(method, path, body);
      if (reply.status !== 403) wrong.push(`${name}: ${reply.status} ${reply.text.slice(0, 160)}${known[name] ? '' : ' (no sample request: add one to `samples` if the body must be well-formed before the role check)'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('left nothing changed: the draft and the case are as they were', async () => {
    const official = await Client.signedIn(base, 'official');
    expect((await official.get(`/api/drafts/${ids.draft}`)).body.revision).toBe(1);
    const applicant = await Client.signedIn(base, 'zhangWei');
    expect((await applicant.get(`/api/cases/${ids.case}`)).body).toMatchObject({ status: 'draft', revision: 1 });
  });
});
