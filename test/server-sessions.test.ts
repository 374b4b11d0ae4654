/**
 * Sessions kept server-side: the cookie carries only a signed random token, the store keeps its sha256. Signing out
 * revokes the session, so a copied cookie stops working; sessions end after 30 idle minutes or 8 hours; they survive
 * a restart; a user lists their sessions and ends any other one, or all others.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-11-30T02:00:00Z'));
const minutes = (n: number) => n * 60_000;
let base: string;

beforeAll(async () => {
  base = (await sandbox.start({ clock })).url;
}, 30_000);
afterAll(() => sandbox.remove());

const tokenOf = (client: Client) => {
  const signed = decodeURIComponent(client.cookies.get('onematter_session')!);
  return signed.slice(0, signed.lastIndexOf('.'));
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('signing out', () => {
  it('revokes the session: a copy of the cookie made before is refused after (401)', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const stolen = clerk.copy();
    expect((await stolen.get('/api/session')).status).toBe(200);
    expect((await clerk.delete('/api/session')).status).toBe(204);
    const after = await stolen.get('/api/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
    expect((await stolen.get('/api/cases')).status).toBe(401);
  });

  it('a revoked session stays revoked after a restart', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const stolen = clerk.copy();
    await clerk.delete('/api/session');
    await sandbox.stop();
    base = (await sandbox.start({ clock })).url;
    const again = new Client(base);
    for (const [k, v] of stolen.cookies) again.cookies.set(k, v);
    expect((await again.get('/api/session')).status).toBe(401);
  }, 30_000);
});

describe('the cookie and the store', () => {
  it('the cookie holds a signed random token; the store keeps only its sha256, with who, when and from where', async () => {
    const li = await Client.signedIn(base, 'liNa', undefined, { 'user-agent': 'sessions-test/1.0' });
    const token = tokenOf(li);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, nothing about the user
    expect(Buffer.from(token, 'base64url').toString('utf8')).not.toContain('liNa');
    const store = openSqliteStore({ path: join(sandbox.dataDir, 'onematter.sqlite') });
    try {
      const [stored] = await store.sessionsOf('liNa');
      expect(stored).toMatchObject({
        tokenHash: sha256(token), user: { id: 'liNa', role: 'applicant' }, address: '127.0.0.1', userAgent: 'sessions-test/1.0',
        createdAt: clock.now(), lastSeenAt: clock.now(), expiresAt: clock.now() + 8 * 3600_000,
      });
    } finally {
      await store.close();
    }
    const files = readdirSync(sandbox.dataDir).filter((f) => f.startsWith('onematter.sqlite'));
    for (const f of files) expect(readFileSync(join(sandbox.dataDir, f)).includes(token)).toBe(false);
  });

  it('survives a restart on the same data folder', async () => {
    const zhang = await Client.signedIn(base, 'zhangWei');
    await sandbox.stop();
    base = (await sandbox.start({ clock })).url;
    const again = new Client(base);
    for (const [k, v] of zhang.cookies) again.cookies.set(k, v);
    const me = await again.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe('zhangWei');
  }, 30_000);
});

describe('timeouts', () => {
  it('refuses a session after 30 minutes without a request', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    clock.advance(minutes(29));
    expect((await clerk.get('/api/session')).status).toBe(200); // a request keeps it alive
    clock.advance(minutes(29));
    expect((await clerk.get('/api/session')).status).toBe(200);
    clock.advance(minutes(31));
    const idle = await clerk.get('/api/session');
    expect(idle.status).toBe(401);
    clock.advance(minutes(1));
    expect((await clerk.get('/api/session')).status).toBe(401); // and it does not come back
  });

  it('refuses a session 8 hours after sign-in, however active', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    for (let i = 0; i < 23; i++) {
      clock.advance(minutes(20));
      expect((await clerk.get('/api/session')).status).toBe(200);
    }
    clock.advance(minutes(20)); // 8 hours since sign-in
    expect((await clerk.get('/api/session')).status).toBe(401);
  });

  it('records a request at most once a minute (last seen), yet counts idle time from the last one recorded', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const store = openSqliteStore({ path: join(sandbox.dataDir, 'onematter.sqlite') });
    try {
      const lastSeen = async () => (await store.sessionsOf('clerk')).find((s) => s.createdAt === signedInAt)!.lastSeenAt;
      const signedInAt = clock.now();
      clock.advance(30_000);
      await clerk.get('/api/session');
      expect(await lastSeen()).toBe(signedInAt); // 30 s: not written
      clock.advance(31_000);
      await clerk.get('/api/session');
      expect(await lastSeen()).toBe(signedInAt + 61_000);
    } finally {
      await store.close();
    }
  });

  it('the idle and absolute timeouts are options of the server', async () => {
    await sandbox.stop();
    base = (await sandbox.start({ clock, sessions: { idleSeconds: 60, maxSeconds: 600 } })).url;
    try {
      const clerk = await Client.signedIn(base, 'clerk');
      clock.advance(59_000);
      expect((await clerk.get('/api/session')).status).toBe(200);
      clock.advance(61_000);
      expect((await clerk.get('/api/session')).status).toBe(401);
      const busy = await Client.signedIn(base, 'clerk');
      for (let i = 0; i < 11; i++) clock.advance(50_000), expect((await busy.get('/api/session')).status).toBe(200);
      clock.advance(50_000);
      expect((await busy.get('/api/session')).status).toBe(401);
    } finally {
      await sandbox.stop();
      base = (await sandbox.start({ clock })).url;
    }
  }, 30_000);
});

describe('your sessions', () => {
  it('lists the signed-in user’s sessions, the current one marked, and no one else’s', async () => {
    const laptop = await Client.signedIn(base, 'approver', undefined, { 'user-agent': 'laptop' });
    clock.advance(1000);
    const phone = await Client.signedIn(base, 'approver', undefined, { 'user-agent': 'phone' });
    await Client.signedIn(base, 'inspector');
    const list = await laptop.get('/api/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions).toEqual([
      { id: expect.any(String), current: false, createdAt: expect.any(String), lastSeenAt: expect.any(String), expiresAt: expect.any(String), address: '127.0.0.1', userAgent: 'phone' },
      { id: expect.any(String), current: true, createdAt: new Date(clock.now() - 1000).toISOString(), lastSeenAt: expect.any(String), expiresAt: expect.any(String), address: '127.0.0.1', userAgent: 'laptop' },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(tokenOf(laptop));
    expect((await phone.get('/api/sessions')).body.sessions.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
    expect((await new Client(base).get('/api/sessions')).status).toBe(401);
  });

  it('ends another session (which is refused from then on), not someone else’s, and never without a CSRF token', async () => {
    const desk = await Client.signedIn(base, 'sectionChief', undefined, { 'user-agent': 'desk' });
    const home = await Client.signedIn(base, 'sectionChief', undefined, { 'user-agent': 'home' });
    const other = await Client.signedIn(base, 'transferOutClerk');
    const homeId = (await home.get('/api/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
    const otherId = (await other.get('/api/sessions')).body.sessions[0].id;

    expect((await desk.delete(`/api/sessions/${homeId}`, { csrf: false })).status).toBe(403);
    expect((await home.get('/api/session')).status).toBe(200);
    const foreign = await desk.delete(`/api/sessions/${otherId}`);
    expect(foreign.status).toBe(404);
    expect((await other.get('/api/session')).status).toBe(200);
    expect((await desk.delete('/api/sessions/not*an*id')).status).toBe(400);

    expect((await desk.delete(`/api/sessions/${homeId}`)).status).toBe(204);
    expect((await home.get('/api/session')).status).toBe(401);
    expect((await desk.get('/api/sessions')).body.sessions.map((s: { userAgent: string }) => s.userAgent)).toEqual(['desk']);
    expect((await desk.delete(`/api/sessions/${homeId}`)).status).toBe(404);
  });

  it('ends all other sessions at once, keeping the current one', async () => {
    const clients = [];
    for (const ua of ['a', 'b', 'c']) clients.push(await Client.signedIn(base, 'official', undefined, { 'user-agent': ua }));
    const [a, b, c] = clients as [Client, Client, Client];
    expect((await b.delete('/api/sessions/others', { csrf: false })).status).toBe(403);
    const ended = await b.delete('/api/sessions/others');
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ ended: 2 });
    expect((await a.get('/api/session')).status).toBe(401);
    expect((await c.get('/api/session')).status).toBe(401);
    expect((await b.get('/api/sessions')).body.sessions).toEqual([expect.objectContaining({ current: true, userAgent: 'b' })]);
  });

  it('signing in again from the same browser replaces its session', async () => {
    const li = await Client.signedIn(base, 'liNa', undefined, { 'user-agent': 'again' });
    const before = li.copy();
    expect((await li.post('/api/session', { username: 'liNa', password: 'demo1234' })).status).toBe(200);
    expect((await before.get('/api/session')).status).toBe(401);
    expect((await li.get('/api/session')).status).toBe(200);
  });
});
