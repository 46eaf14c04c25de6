import { createHash } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  createStaffAccount,
  sessionCookieOf,
  signIn,
  type StaffFixture,
  TEST_HOST,
  TEST_ORIGIN,
} from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (cookie: string) => cookie.split('=')[1] ?? '';

interface AuditRow extends Record<string, unknown> {
  action: string;
  actor_email: string | null;
  actor_role: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
}

describe('staff sign-in (POST /api/auth/login, /logout, GET /api/auth/me)', () => {
  let t: TestApp;
  let server: App;
  let psw: StaffFixture;
  let admin: StaffFixture;
  let researcher: StaffFixture;

  const post = (path: string, cookie?: string) => {
    const r = request(server).post(path).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN);
    return cookie ? r.set('Cookie', cookie) : r;
  };
  const me = (cookie?: string) => {
    const r = request(server).get('/api/auth/me').set('Host', TEST_HOST);
    return cookie ? r.set('Cookie', cookie) : r;
  };
  const audit = () =>
    queryDatabase<AuditRow>(
      t.database.url,
      'SELECT action, actor_email, actor_role, target, detail FROM audit_event ORDER BY occurred_at',
    );
  const sessionRow = async (cookie: string) =>
    (
      await queryDatabase<{ id: string; last_seen_at: Date }>(
        t.database.url,
        'SELECT id, last_seen_at FROM staff_session WHERE id = $1',
        [sha256(tokenOf(cookie))],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    psw = await createStaffAccount(t.database.url, {
      email: 'PSW.Hartlepool@council.test',
      role: 'psw',
      gssCodes: ['E06000001', 'E06000002'],
    });
    admin = await createStaffAccount(t.database.url, {
      email: 'admin@council.test',
      role: 'admin',
    });
    researcher = await createStaffAccount(t.database.url, {
      email: 'researcher@uni.test',
      role: 'researcher',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('signs in, answers who is signed in, and sets a hardened session cookie', async () => {
    const res = await post('/api/auth/login')
      .send({ email: '  PSW.Hartlepool@Council.TEST ', password: psw.password })
      .expect(200);
    expect(res.body).toEqual({
      email: 'psw.hartlepool@council.test',
      role: 'psw',
      organisations: [
        { gssCode: 'E06000001', name: 'Hartlepool' },
        { gssCode: 'E06000002', name: 'Middlesbrough' },
      ],
    });
    const line = sessionCookieOf(res.headers['set-cookie']) ?? '';
    expect(line).toMatch(/^swhc_session=[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Strict/i);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/; Secure/i);
    expect(line).toMatch(/; Max-Age=43\d\d\d/); // 12 hours
    expect(res.headers['cache-control']).toBe('no-store');

    const cookie = line.split(';')[0] ?? '';
    const who = await me(cookie).expect(200);
    expect(who.body).toEqual(res.body);

    // Only the token's SHA-256 is stored.
    const rows = await queryDatabase<{ id: string }>(
      t.database.url,
      'SELECT id FROM staff_session',
    );
    expect(rows.map((r) => r.id)).toContain(sha256(tokenOf(cookie)));
    expect(rows.map((r) => r.id)).not.toContain(tokenOf(cookie));
  });

  it('answers 401 to "who am I" without a session or with a made-up one', async () => {
    await me().expect(401);
    await me('swhc_session=not-a-token').expect(401);
    const forged = await me(`swhc_session=${'A'.repeat(43)}`).expect(401);
    // A dead cookie is cleared.
    expect(sessionCookieOf(forged.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('gives the same generic 401 for a wrong password and an unknown email', async () => {
    const wrong = await post('/api/auth/login')
      .send({ email: researcher.email, password: 'not the password at all' })
      .expect(401);
    const unknown = await post('/api/auth/login')
      .send({ email: 'nobody@council.test', password: 'not the password at all' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      message: 'Enter a correct email address and password',
      errors: [],
    });
    expect(sessionCookieOf(wrong.headers['set-cookie'])).toBeUndefined();
  });

  it('answers 400 naming the fields for malformed input', async () => {
    const nothing = await post('/api/auth/login').expect(400);
    expect((nothing.body as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    await post('/api/auth/login').send([]).expect(400);
    const empty = await post('/api/auth/login').send({}).expect(400);
    const fields = (empty.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['email', 'password']));
    const badEmail = await post('/api/auth/login')
      .send({ email: 'not-an-email', password: 'x' })
      .expect(400);
    expect(badEmail.body).toMatchObject({
      errors: [{ field: 'email', message: expect.stringMatching(/correct format/) as string }],
    });
    const wrongTypes = await post('/api/auth/login')
      .send({ email: 7, password: ['a'] })
      .expect(400);
    expect((wrongTypes.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
    await post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    await post('/api/auth/login')
      .send({ email: admin.email, password: admin.password, extra: true })
      .expect(400);
  });

  it('starts a new session at every sign-in and never keeps a token from before', async () => {
    const first = await signIn(server, admin);
    const second = await post('/api/auth/login', first)
      .send({ email: admin.email, password: admin.password })
      .expect(200);
    const secondCookie = (sessionCookieOf(second.headers['set-cookie']) ?? '').split(';')[0] ?? '';
    expect(secondCookie).not.toBe(first);
    await me(first).expect(401);
    await me(secondCookie).expect(200);

    // A token planted before sign-in (session fixation) is not adopted.
    const planted = `swhc_session=${'b'.repeat(43)}`;
    const fixed = await post('/api/auth/login', planted)
      .send({ email: admin.email, password: admin.password })
      .expect(200);
    const issued = (sessionCookieOf(fixed.headers['set-cookie']) ?? '').split(';')[0];
    expect(issued).not.toBe(planted);
    await me(planted).expect(401);
  });

  it('signs out: the server-side session is deleted and the cookie cleared', async () => {
    const cookie = await signIn(server, researcher);
    await me(cookie).expect(200);
    const res = await post('/api/auth/logout', cookie).expect(204);
    expect(sessionCookieOf(res.headers['set-cookie'])).toMatch(
      /^swhc_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect(await sessionRow(cookie)).toBeUndefined();
    await me(cookie).expect(401);
    // Signing out without a session is harmless.
    await post('/api/auth/logout').expect(204);
  });

  it('ends a session idle for 30 minutes and slides an active one (writing at most once a minute)', async () => {
    const cookie = await signIn(server, researcher);
    const id = sha256(tokenOf(cookie));
    const setLastSeen = (msAgo: number) =>
      queryDatabase(t.database.url, 'UPDATE staff_session SET last_seen_at = $2 WHERE id = $1', [
        id,
        new Date(Date.now() - msAgo),
      ]);

    await setLastSeen(30 * 1000);
    const before = (await sessionRow(cookie))?.last_seen_at;
    await me(cookie).expect(200);
    expect((await sessionRow(cookie))?.last_seen_at).toEqual(before); // under a minute: no write

    await setLastSeen(29 * 60 * 1000);
    await me(cookie).expect(200);
    const slid = (await sessionRow(cookie))?.last_seen_at;
    expect(Date.now() - (slid?.getTime() ?? 0)).toBeLessThan(10_000);

    await setLastSeen(31 * 60 * 1000);
    await me(cookie).expect(401);
    expect(await sessionRow(cookie)).toBeUndefined();
  });

  it('ends a session at its absolute end however active it is', async () => {
    const cookie = await signIn(server, researcher);
    const row = await sessionRow(cookie);
    const [times] = await queryDatabase<{ created_at: Date; expires_at: Date }>(
      t.database.url,
      'SELECT created_at, expires_at FROM staff_session WHERE id = $1',
      [row?.id],
    );
    expect((times?.expires_at.getTime() ?? 0) - (times?.created_at.getTime() ?? 0)).toBe(
      12 * 60 * 60 * 1000,
    );
    await queryDatabase(
      t.database.url,
      'UPDATE staff_session SET expires_at = $2, last_seen_at = $3 WHERE id = $1',
      [row?.id, new Date(Date.now() - 1000), new Date()],
    );
    await me(cookie).expect(401);
    expect(await sessionRow(cookie)).toBeUndefined();
  });

  it('refuses cross-site state-changing requests that carry a session cookie', async () => {
    const cookie = await signIn(server, researcher);
    const evil = await request(server)
      .post('/api/auth/logout')
      .set('Host', TEST_HOST)
      .set('Origin', 'https://evil.example')
      .set('Cookie', cookie)
      .expect(403);
    expect((evil.body as { message: string }).message).toMatch(/another website/);
    await me(cookie).expect(200); // still signed in: the forged logout did nothing

    await request(server)
      .post('/api/auth/logout')
      .set('Host', TEST_HOST)
      .set('Origin', 'null')
      .set('Cookie', cookie)
      .expect(403);
    // Neither Origin nor Referer, with a cookie: refused.
    await request(server)
      .post('/api/auth/logout')
      .set('Host', TEST_HOST)
      .set('Cookie', cookie)
      .expect(403);
    // A forged admin change from a cross-site Referer.
    await request(server)
      .put('/api/admin/settings/minimum-group-size')
      .set('Host', TEST_HOST)
      .set('Referer', 'https://evil.example/page')
      .set('Cookie', cookie)
      .send({ minimumGroupSize: 5 })
      .expect(403);
    // Login from another site is refused too (login CSRF).
    await request(server)
      .post('/api/auth/login')
      .set('Host', TEST_HOST)
      .set('Origin', 'https://evil.example')
      .send({ email: researcher.email, password: researcher.password })
      .expect(403);
    // Same-origin Referer without Origin is accepted.
    await request(server)
      .post('/api/auth/logout')
      .set('Host', TEST_HOST)
      .set('Referer', `${TEST_ORIGIN}/admin`)
      .set('Cookie', cookie)
      .expect(204);
  });

  it('keeps the public survey POST working from scripts (no Origin) and our own pages', async () => {
    const body = { submissionId: '0b6f3c6e-5f55-4d7c-9a55-9bd6f4a1a111', answers: {} };
    // Unknown link: 404 means the request got past the CSRF check.
    await request(server).post('/api/surveys/no-such-link/responses').send(body).expect(404);
    await request(server)
      .post('/api/surveys/no-such-link/responses')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .send(body)
      .expect(404);
    await request(server)
      .post('/api/surveys/no-such-link/responses')
      .set('Host', TEST_HOST)
      .set('Origin', 'https://evil.example')
      .send(body)
      .expect(403);
  });

  it('disabling an account ends its sessions and stops it signing in', async () => {
    const victim = await createStaffAccount(t.database.url, {
      email: 'leaver@council.test',
      role: 'psw',
      gssCodes: ['E06000003'],
    });
    const victimCookie = await signIn(server, victim);
    const adminCookie = await signIn(server, admin);
    await post(`/api/admin/accounts/${victim.id}/disable`, adminCookie).expect(200);
    await me(victimCookie).expect(401);
    const again = await post('/api/auth/login')
      .send({ email: victim.email, password: victim.password })
      .expect(401);
    expect((again.body as { message: string }).message).toBe(
      'Enter a correct email address and password',
    );
  });

  it('writes audit rows for sign-in, failed sign-in, sign-out and permission denial, without secrets', async () => {
    const cookie = await signIn(server, researcher);
    await request(server)
      .get('/api/admin/accounts')
      .set('Host', TEST_HOST)
      .set('Cookie', cookie)
      .expect(403);
    await post('/api/auth/login')
      .send({ email: 'Typo@Council.test', password: 'secret-typed-password' })
      .expect(401);
    await post('/api/auth/logout', cookie).expect(204);

    const rows = await audit();
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['sign-in', 'sign-in-failed', 'sign-out', 'permission-denied']),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'permission-denied',
        actor_email: researcher.email,
        actor_role: 'researcher',
        target: 'GET /api/admin/accounts',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'sign-in-failed',
        actor_email: 'typo@council.test',
        detail: { reason: 'unknown-account' },
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ action: 'sign-out', actor_email: researcher.email }),
    );
    const everything = JSON.stringify(
      await queryDatabase(t.database.url, 'SELECT * FROM audit_event'),
    );
    for (const secret of [
      'secret-typed-password',
      psw.password,
      'not the password at all',
      tokenOf(cookie),
    ]) {
      expect(everything).not.toContain(secret);
    }

    // Admins can read them, most recent first.
    const adminCookie = await signIn(server, admin);
    const listed = await request(server)
      .get('/api/admin/audit-events?limit=5')
      .set('Host', TEST_HOST)
      .set('Cookie', adminCookie)
      .expect(200);
    const events = listed.body as { action: string; occurredAt: string }[];
    expect(events).toHaveLength(5);
    expect(events[0]?.action).toBe('sign-in');
    const times = events.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('locks an account after 5 failures in 15 minutes, but not another account from the same network', async () => {
    const target = await createStaffAccount(t.database.url, {
      email: 'target@council.test',
      role: 'researcher',
    });
    const colleague = await createStaffAccount(t.database.url, {
      email: 'colleague@council.test',
      role: 'researcher',
    });
    for (let i = 0; i < 5; i++) {
      await post('/api/auth/login')
        .send({ email: target.email, password: `wrong password ${i}` })
        .expect(401);
    }
    // Now even the right password is refused until the lock ends.
    const locked = await post('/api/auth/login')
      .send({ email: target.email, password: target.password })
      .expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((locked.body as { message: string }).message).toMatch(
      /Too many failed sign-in attempts/,
    );
    const [row] = await queryDatabase<{ failures: number; locked_until: Date | null }>(
      t.database.url,
      `SELECT failures, locked_until FROM login_throttle WHERE key = $1`,
      [`account:${target.email}`],
    );
    expect(row?.failures).toBe(5);
    expect(row?.locked_until).not.toBeNull();

    // The same office's other staff are unaffected.
    await signIn(server, colleague);

    // When the lock has passed, the account may sign in again, and success clears its count.
    await queryDatabase(
      t.database.url,
      `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`,
      [`account:${target.email}`],
    );
    await signIn(server, target);
    const cleared = await queryDatabase(
      t.database.url,
      'SELECT 1 FROM login_throttle WHERE key = $1',
      [`account:${target.email}`],
    );
    expect(cleared).toEqual([]);
  });

  it('locks a whole network only after 100 failures in 15 minutes', async () => {
    const rows = await queryDatabase<{ key: string; failures: number }>(
      t.database.url,
      `SELECT key, failures FROM login_throttle WHERE key LIKE 'ip:%'`,
    );
    expect(rows).toHaveLength(1);
    const key = rows[0]?.key ?? '';
    expect(key).toMatch(/^ip:127\.0\.0\.0\/24$|^ip:0:0:0::\/48$/);
    await queryDatabase(
      t.database.url,
      `UPDATE login_throttle SET failures = 99, window_started_at = now() WHERE key = $1`,
      [key],
    );
    await post('/api/auth/login')
      .send({ email: 'one-more@council.test', password: 'wrong password here' })
      .expect(401);
    await post('/api/auth/login')
      .send({ email: admin.email, password: admin.password })
      .expect(429);
    await queryDatabase(t.database.url, 'DELETE FROM login_throttle WHERE key = $1', [key]);
    await signIn(server, admin);
  });
});

describe('session cookie over HTTPS (SECURE_COOKIES=true)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SECURE_COOKIES: 'true' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('marks the cookie Secure, and clears it with the same flags', async () => {
    const server = t.app.getHttpServer();
    const account = await createStaffAccount(t.database.url, {
      email: 'secure@council.test',
      role: 'admin',
    });
    const res = await request(server)
      .post('/api/auth/login')
      .set('Host', TEST_HOST)
      .set('Origin', `https://${TEST_HOST}`)
      .send({ email: account.email, password: account.password })
      .expect(200);
    const line = sessionCookieOf(res.headers['set-cookie']) ?? '';
    expect(line).toMatch(/; Secure/i);
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Strict/i);
    const out = await request(server)
      .post('/api/auth/logout')
      .set('Host', TEST_HOST)
      .set('Origin', `https://${TEST_HOST}`)
      .set('Cookie', line.split(';')[0] ?? '')
      .expect(204);
    expect(sessionCookieOf(out.headers['set-cookie'])).toMatch(/; Secure/i);
  });
});
