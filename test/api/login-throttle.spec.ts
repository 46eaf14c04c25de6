import { randomBytes } from 'node:crypto';
import {
  ACCOUNT_RULE,
  NETWORK_RULE,
  type ThrottleRule,
} from '../../apps/api/src/auth/login-throttle-policy';
import {
  type CountedAttempt,
  LoginThrottleService,
} from '../../apps/api/src/auth/login-throttle.service';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const start = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** The counting statement over time, with an injected clock (the rules in login-throttle-policy.ts). */
describe('login throttle counting (real database)', () => {
  let t: TestApp;
  let throttle: LoginThrottleService;

  beforeAll(async () => {
    t = await createTestApp();
    throttle = t.app.get(LoginThrottleService);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A fresh network and account for each test, so they do not share counts. */
  const keys = () => {
    const tag = randomBytes(4).toString('hex');
    return {
      network: { key: `ip:test-${tag}`, rule: NETWORK_RULE },
      account: { key: `account:${tag}@council.test`, rule: ACCOUNT_RULE },
    };
  };
  const attempts = async (
    k: ReturnType<typeof keys>,
    times: number,
    minute: number,
  ): Promise<CountedAttempt[]> => {
    const results: CountedAttempt[] = [];
    for (let i = 0; i < times; i++)
      results.push(await throttle.countAttempt(k.network, k.account, at(minute)));
    return results;
  };
  const failuresOf = (attempt: CountedAttempt | undefined, rule: ThrottleRule = ACCOUNT_RULE) =>
    attempt?.admitted
      ? (rule === ACCOUNT_RULE ? attempt.account : attempt.network).failures
      : undefined;

  it('locks an account for 15 minutes at the 5th failure within 15 minutes', async () => {
    const k = keys();
    const four = await attempts(k, 4, 0);
    expect(four.map((a) => failuresOf(a))).toEqual([1, 2, 3, 4]);
    const [fifth] = await attempts(k, 1, 1);
    expect(fifth?.admitted && fifth.account.lockedUntil).toEqual(at(16));
    const [refused] = await attempts(k, 1, 15.99);
    expect(refused).toMatchObject({ admitted: false, lockedUntil: at(16) });
    const [after] = await attempts(k, 1, 16);
    expect(after?.admitted).toBe(true);
    expect(failuresOf(after)).toBe(1);
  });

  it('starts counting again once the window has passed', async () => {
    const k = keys();
    await attempts(k, 4, 0);
    const [later] = await attempts(k, 1, 15);
    expect(later).toMatchObject({
      admitted: true,
      account: { failures: 1, windowStartedAt: at(15), lockedUntil: null },
    });
  });

  it('counts refused attempts during a lock instead of adding to the failures', async () => {
    const k = keys();
    await attempts(k, 5, 0);
    const refused = await attempts(k, 3, 1);
    expect(refused.map((a) => (a.admitted ? 0 : a.refusedBy.refused))).toEqual([1, 2, 3]);
    const [after] = await attempts(k, 1, 15);
    expect(after).toMatchObject({ admitted: true, account: { failures: 1, refused: 0 } });
  });

  it('locks a network at its 100th attempt, and then adds no account rows', async () => {
    const k = keys();
    for (let i = 0; i < 100; i++) {
      const attempt = await throttle.countAttempt(
        k.network,
        { key: `account:${i}-${k.account.key}`, rule: ACCOUNT_RULE },
        at(0),
      );
      expect(attempt.admitted).toBe(true);
    }
    const refused = await throttle.countAttempt(k.network, k.account, at(1));
    expect(refused).toMatchObject({ admitted: false, refusedBy: { key: k.network.key } });
    const rows = await queryDatabase(
      t.database.url,
      'SELECT 1 FROM login_throttle WHERE key = $1',
      [k.account.key],
    );
    expect(rows).toEqual([]);
  });

  it('a success takes back its own count and the lock it set', async () => {
    const k = keys();
    await attempts(k, 4, 0);
    const [fifth] = await attempts(k, 1, 0);
    if (!fifth?.admitted) throw new Error('the 5th attempt should be admitted');
    expect(fifth.account.lockedUntil).toEqual(at(15));
    await throttle.recordSuccess(fifth);
    // Nothing raced it: the account starts afresh; the network keeps the four failures.
    const [next] = await attempts(k, 1, 1);
    expect(next).toMatchObject({ admitted: true, account: { failures: 1 } });
    expect(failuresOf(next, NETWORK_RULE)).toBe(5);
  });
});
