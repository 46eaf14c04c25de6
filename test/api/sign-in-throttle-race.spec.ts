import request from 'supertest';
import type { App } from 'supertest/types';
import { createStaffAccount, TEST_HOST, TEST_ORIGIN } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

/**
 * The sign-in throttle under concurrency: every attempt is counted before its password is
 * checked, in one statement, so a burst cannot slip past the limits while the checks run.
 * Each test comes from its own network (X-Forwarded-For behind one trusted proxy hop).
 */
describe('sign-in throttle under concurrent attempts', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    server = t.app.getHttpServer();
  });

  afterAll(async () => {
    await t?.close();
  });

  const login = (network: string, email: string, password: string) =>
    request(server)
      .post('/api/auth/login')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('X-Forwarded-For', network)
      .send({ email, password });

  const failuresAudited = async (email: string) =>
    Number(
      (
        await queryDatabase<{ n: string }>(
          t.database.url,
          `SELECT count(*) AS n FROM audit_event
            WHERE action = 'sign-in-failed' AND actor_email = $1 AND detail->>'reason' <> 'throttled'`,
          [email],
        )
      )[0]?.n,
    );

  it('50 wrong passwords at once lock the account: at most 5 are checked and the right one is refused', async () => {
    const account = await createStaffAccount(t.database.url, {
      email: 'burst-target@council.test',
      role: 'researcher',
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        login('198.51.100.7', account.email, `wrong password number ${i}`),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    // Only the five admitted attempts were checked against the password.
    expect(await failuresAudited(account.email)).toBe(5);

    const right = await login('198.51.100.7', account.email, account.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('150 attempts at once from one network cannot check more than the network limit of 100', async () => {
    const account = await createStaffAccount(t.database.url, {
      email: 'network-colleague@council.test',
      role: 'researcher',
    });
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        login('203.0.113.50', `guess-${i}@council.test`, 'a wrong password guess'),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    // The network is locked now, even for a colleague with the right password.
    expect((await login('203.0.113.51', account.email, account.password)).status).toBe(429);

    // Refused attempts are aggregated: no throttle row per new email, a few audit rows in all.
    const [rows] = await queryDatabase<{ n: string }>(
      t.database.url,
      `SELECT count(*) AS n FROM login_throttle WHERE key LIKE 'account:guess-%'`,
    );
    expect(Number(rows?.n)).toBe(100);
    const throttled = await queryDatabase<{ detail: { refusedAttempts: number } }>(
      t.database.url,
      `SELECT detail FROM audit_event
        WHERE detail->>'reason' = 'throttled' AND detail->>'key' = 'ip:203.0.113.0/24'
        ORDER BY occurred_at`,
    );
    expect(throttled.map((r) => r.detail.refusedAttempts)).toEqual([1, 10]);
  }, 120_000);

  it('a success never erases failures that raced it', async () => {
    const account = await createStaffAccount(t.database.url, {
      email: 'raced@council.test',
      role: 'researcher',
    });
    // The right password and four wrong ones at once: whatever order they are counted in, the
    // four failures stay counted, so one more failure locks the account.
    const results = await Promise.all([
      login('192.0.2.10', account.email, account.password),
      ...Array.from({ length: 4 }, (_, i) =>
        login('192.0.2.10', account.email, `wrong password ${i}`),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401]);
    const [row] = await queryDatabase<{ failures: number }>(
      t.database.url,
      'SELECT failures FROM login_throttle WHERE key = $1',
      [`account:${account.email}`],
    );
    expect(row?.failures).toBe(4);
    expect((await login('192.0.2.10', account.email, 'one more wrong one')).status).toBe(401);
    expect((await login('192.0.2.10', account.email, account.password)).status).toBe(429);
  });

  it('a success that nothing raced clears the account’s count, and successes do not fill the network’s', async () => {
    const account = await createStaffAccount(t.database.url, {
      email: 'steady@council.test',
      role: 'researcher',
    });
    for (let i = 0; i < 3; i++) {
      expect((await login('100.64.1.77', account.email, `wrong ${i} password`)).status).toBe(401);
    }
    expect((await login('100.64.1.77', account.email, account.password)).status).toBe(200);
    const rows = await queryDatabase<{ key: string; failures: number }>(
      t.database.url,
      `SELECT key, failures FROM login_throttle WHERE key IN ($1, 'ip:100.64.1.0/24')`,
      [`account:${account.email}`],
    );
    // The account starts afresh; the network keeps its three failures but not the success.
    expect(rows).toEqual([{ key: 'ip:100.64.1.0/24', failures: 3 }]);
  });
});
