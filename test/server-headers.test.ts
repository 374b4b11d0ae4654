/**
 * Security headers on every response — API answers, the web UI and its files, 404s and every kind of refusal: a
 * strict Content-Security-Policy, nosniff, no referrer, no framing. The certificate print page keeps its own,
 * stricter policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoPassword, serverSandbox, type Reply } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;

beforeAll(async () => {
  base = (await sandbox.start()).url;
}, 30_000);
afterAll(() => sandbox.remove());

// The policy the web UI runs under: the built UI loads only its own scripts and stylesheets, nothing inline, and
// compiles nothing (the form's validators come precompiled from the server).
const expectedCsp = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
];

const expectSecurityHeaders = (reply: Reply, what: string, csp: readonly string[] = expectedCsp, cache = 'no-store') => {
  const h = reply.headers;
  expect(h.get('content-security-policy')?.split(/;\s*/).filter(Boolean).sort(), `${what}: CSP`).toEqual([...csp].sort());
  expect(h.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(h.get('referrer-policy'), `${what}: referrer`).toBe('no-referrer');
  expect(h.get('x-frame-options'), `${what}: frames`).toBe('DENY');
  expect(h.get('cache-control'), `${what}: cache`).toBe(cache);
};

describe('every response carries the security headers', () => {
  it('API answers, the OpenAPI document and the CSRF token', async () => {
    const client = new Client(base);
    for (const path of ['/api/matters', '/api/openapi.json', '/api/csrf', '/api/matters/330000-GA-0101/regions/330000/guide']) {
      const reply = await client.get(path);
      expect(reply.status, path).toBe(200);
      expectSecurityHeaders(reply, path);
    }
  });

  it('the web UI, its assets and client-side routes', async () => {
    const client = new Client(base);
    const index = await client.get('/');
    expectSecurityHeaders(index, '/');
    expectSecurityHeaders(await client.get('/cases/some-case'), 'UI fallback');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    // hashed build files are kept for a year (their names change with their content: test/server-asset-cache.test.ts)
    if (asset) expectSecurityHeaders(await client.get(asset), asset, expectedCsp, 'public, max-age=31536000, immutable');
  });

  it('404s, 400s, 401s, 403s, 413s, 415s and 429s', async () => {
    const client = new Client(base);
    const clerk = await Client.signedIn(base, 'clerk');
    const replies: [string, Reply, number][] = [
      ['unknown API route', await client.get('/api/nothing-here'), 404],
      ['unknown case', await clerk.get('/api/cases/00000000-0000-4000-8000-000000000000'), 404],
      ['malformed JSON', await clerk.post('/api/cases', undefined, { raw: '{"x": ' }), 400],
      ['schema', await clerk.get('/api/cases?status=lost'), 400],
      ['not signed in', await client.get('/api/cases'), 401],
      ['bad password', await client.post('/api/session', { username: 'inspector', password: 'wrong' }), 401],
      ['no CSRF token', await clerk.post('/api/cases', {}, { csrf: false }), 403],
      ['wrong role', await clerk.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' }), 403],
      ['too large', await clerk.post('/api/cases', undefined, { raw: JSON.stringify({ x: 'x'.repeat(1_100_000) }) }), 413],
      ['not JSON', await clerk.post('/api/cases', undefined, { raw: 'a=1', contentType: 'text/plain' }), 415],
    ];
    for (let i = 0; i < 5; i++) await client.post('/api/session', { username: 'sectionChief', password: 'wrong' });
    replies.push(['throttled', await client.post('/api/session', { username: 'sectionChief', password: demoPassword }), 429]);
    for (const [what, reply, status] of replies) {
      expect(reply.status, what).toBe(status);
      expectSecurityHeaders(reply, what);
    }
  });

  it('signing in and out', async () => {
    const client = new Client(base);
    expectSecurityHeaders(await client.post('/api/session', { username: 'approver', password: demoPassword }), 'sign-in');
    expectSecurityHeaders(await client.delete('/api/session'), 'sign-out');
  });
});
