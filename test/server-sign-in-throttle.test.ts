/**
 * Sign-in throttling, kept in the store: after 5 failed sign-ins for one user name within 15 minutes each further
 * attempt waits 2, 4, 8, … seconds (at most 15 minutes); after 20 failures from one address across user names, the
 * same from that address. A throttled attempt is 429 with Retry-After and never checks the password; unknown user
 * names are throttled alike. Every attempt, sign-out and revocation lands in the security log.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import type { Authenticator } from '../runtime/server/auth.ts';
import { addressKey } from '../runtime/server/throttle.ts';
import { UserFile } from '../runtime/server/users.ts';
import { Client, demoPassword, serverSandbox, type Reply } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-11-30T02:00:00Z'));
const checked: string[] = []; // every user name whose password was checked
let base: string;

beforeAll(async () => {
  const users = await UserFile.open(join(sandbox.dataDir, 'users.json'));
  const authenticator: Authenticator = { signIn: (username, password) => (checked.push(username), users.signIn(username, password)) };
  base = (await sandbox.start({ clock, authenticator })).url;
}, 30_000);
afterAll(() => sandbox.remove());

const signIn = (username: string, password: string, client = new Client(base, { 'user-agent': 'throttle-test' })) => client.post('/api/session', { username, password });
const expectThrottled = (reply: Reply, seconds: number) => {
  expect(reply.status).toBe(429);
  expect(reply.headers.get('retry-after')).toBe(String(seconds));
  expect(reply.body.error).toMatchObject({ code: 'throttled', retryAfter: seconds, message: expect.any(String) });
};
/** Lets every throttle lapse (window and longest wait are 15 minutes each): each test starts with none. */
beforeEach(() => clock.advance(31 * 60_000));

describe('one user name', () => {
  it('the 6th bad password in a row is 429 with Retry-After; even the right password waits it out, unchecked', async () => {
    for (let i = 1; i <= 5; i++) expect((await signIn('clerk', `wrong-${i}`)).status).toBe(401);
    const before = checked.length;
    expectThrottled(await signIn('clerk', 'wrong-6'), 2);
    expectThrottled(await signIn('clerk', demoPassword), 2);
    expect(checked.length).toBe(before); // the password was not even checked
    clock.advance(1000);
    expectThrottled(await signIn('clerk', demoPassword), 1);
    clock.advance(1000);
    expect((await signIn('clerk', demoPassword)).status).toBe(200);
  });

  it('each further failure doubles the wait, up to 15 minutes; signing in clears it', async () => {
    for (let i = 1; i <= 5; i++) await signIn('approver', 'wrong');
    let wait = 2;
    for (let n = 6; n <= 16; n++) {
      expectThrottled(await signIn('approver', 'wrong'), wait);
      clock.advance(wait * 1000);
      expect((await signIn('approver', 'wrong')).status).toBe(401);
      wait = Math.min(2 ** (n - 4), 900);
    }
    expect(wait).toBe(900);
    expectThrottled(await signIn('approver', demoPassword), 900);
    clock.advance(900_000);
    expect((await signIn('approver', demoPassword)).status).toBe(200);
    expect((await signIn('approver', 'wrong')).status).toBe(401); // the count started again
    expect((await signIn('approver', demoPassword)).status).toBe(200);
  });

  it('parallel attempts cannot slip past the limit: each is counted before its password is checked', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => signIn('clerk', 'wrong')));
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('failures older than 15 minutes are forgotten', async () => {
    for (let i = 1; i <= 4; i++) await signIn('inspector', 'wrong');
    clock.advance(16 * 60_000);
    for (let i = 1; i <= 4; i++) expect((await signIn('inspector', 'wrong')).status).toBe(401);
    expect((await signIn('inspector', demoPassword)).status).toBe(200);
  });

  it('unknown user names are throttled exactly like real ones (no account enumeration)', async () => {
    const replies: Reply[] = [];
    for (const name of ['nobody', 'sectionChief']) {
      for (let i = 1; i <= 5; i++) expect((await signIn(name, 'wrong')).status).toBe(401);
      replies.push(await signIn(name, 'wrong'));
    }
    for (const r of replies) expectThrottled(r, 2);
    expect(replies[0]!.body).toEqual(replies[1]!.body);
    expect(replies[0]!.text.includes('nobody')).toBe(false);
  });

  it('user names differing only in case share one throttle', async () => {
    for (const name of ['Official', 'OFFICIAL', 'official', 'oFFicial', 'Official']) await signIn(name, 'wrong');
    expectThrottled(await signIn('official', demoPassword), 2);
  });

  it('survives a restart: the throttle is kept in the store', async () => {
    for (let i = 1; i <= 5; i++) await signIn('transferOutClerk', 'wrong');
    await sandbox.stop();
    const users = await UserFile.open(join(sandbox.dataDir, 'users.json'));
    base = (await sandbox.start({ clock, authenticator: users })).url;
    expectThrottled(await signIn('transferOutClerk', demoPassword), 2);
  }, 30_000);
});

describe('the security log', () => {
  it('records sign-ins, failures, throttled attempts, sign-outs and revocations with address and user agent; reviewers read it', async () => {
    const start = new Date(clock.now()).toISOString();
    await signIn('zhangWei', 'wrong');
    const zhang = await Client.signedIn(base, 'zhangWei', demoPassword, { 'user-agent': 'log-test' });
    const other = await Client.signedIn(base, 'zhangWei', demoPassword, { 'user-agent': 'log-test-2' });
    const otherId = (await other.get('/api/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
    await zhang.delete(`/api/sessions/${otherId}`);
    await zhang.delete('/api/session');
    for (let i = 0; i < 5; i++) await signIn('liNa', 'wrong');
    await signIn('liNa', demoPassword);

    const reviewer = await Client.signedIn(base, 'reviewer');
    const log = await reviewer.get('/api/security-log?limit=50');
    expect(log.status).toBe(200);
    const mine = log.body.events.filter((e: { at: string; username: string }) => e.at >= start && ['zhangWei', 'liNa'].includes(e.username)).reverse();
    expect(mine.map((e: { kind: string; username: string }) => `${e.kind} ${e.username}`)).toEqual([
      'sign-in-failed zhangWei', 'sign-in zhangWei', 'sign-in zhangWei', 'session-revoked zhangWei', 'sign-out zhangWei',
      ...Array(5).fill('sign-in-failed liNa'), 'sign-in-throttled liNa',
    ]);
    expect(mine[1]).toMatchObject({ address: '127.0.0.1', userAgent: 'log-test', seq: expect.any(Number) });
    expect(mine[3].detail).toContain(otherId);
    expect(mine.at(-1).detail).toMatch(/retry after 2 s/);
    const liNa = await reviewer.get('/api/security-log?username=liNa&limit=3');
    expect(liNa.body.events.map((e: { kind: string }) => e.kind)).toEqual(['sign-in-throttled', 'sign-in-failed', 'sign-in-failed']);
    const older = await reviewer.get(`/api/security-log?username=liNa&limit=3&before=${liNa.body.events[2].seq}`);
    expect(older.body.events.map((e: { seq: number }) => e.seq).every((s: number) => s < liNa.body.events[2].seq)).toBe(true);
    const everything = (await reviewer.get('/api/security-log?limit=500')).body.events;
    expect((await reviewer.get('/api/security-log')).body.events).toEqual(everything.slice(0, 100)); // the default page
    expect((await reviewer.get('/api/security-log?limit=501')).status).toBe(400);

    for (const user of ['clerk', 'official', 'zhangWei']) {
      const refused = await (await Client.signedIn(base, user)).get('/api/security-log');
      expect(refused.status).toBe(403);
    }
    expect((await new Client(base).get('/api/security-log')).status).toBe(401);
  });
});

describe('one address', () => {
  it('is an IPv4 address, or an IPv6 address’s /64 network (a client usually holds all of it)', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('after 20 failures across user names, every attempt from that address waits, whatever the user name', async () => {
    for (let i = 1; i <= 20; i++) expect((await signIn(`guess-${i}`, 'wrong')).status).toBe(401); // never 5 for one name
    expectThrottled(await signIn('guess-21', 'wrong'), 2);
    expectThrottled(await signIn('liNa', demoPassword), 2);
    clock.advance(2000);
    expect((await signIn('liNa', demoPassword)).status).toBe(200);
    expect((await signIn('guess-22', 'wrong')).status).toBe(401); // a sign-in does not clear the address's count
    expectThrottled(await signIn('liNa', demoPassword), 4);
  });
});
