import type { NestExpressApplication } from '@nestjs/platform-express';
import { TestClock } from 'pg-boss';
import { DataSource } from 'typeorm';
import { dedupId, JOBS_SCHEMA, JobsService } from '../../apps/api/src/jobs/jobs.service';
import {
  RETENTION_CLEAN_UP,
  RetentionService,
} from '../../apps/api/src/retention/retention.service';
import { createTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { provisionTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database';
import { tickUntil } from '../support/tick-until';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

async function insertAuditEvents(url: string, times: readonly Date[]): Promise<void> {
  for (const [i, time] of times.entries()) {
    await queryDatabase(
      url,
      `INSERT INTO audit_event (occurred_at, action, target) VALUES ($1, 'sign-in-failed', $2)`,
      [time, `event-${i}`],
    );
  }
}

const auditTargets = async (url: string): Promise<string[]> =>
  (
    await queryDatabase<{ target: string }>(url, 'SELECT target FROM audit_event ORDER BY target')
  ).map((r) => r.target);

/** The clean-up jobs pg-boss holds, by state. */
const cleanUpJobs = (url: string) =>
  queryDatabase<{ state: string; n: string }>(
    url,
    `SELECT state, count(*) AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    [RETENTION_CLEAN_UP.name],
  ).then((rows) => Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])));

describe('retention clean-up', () => {
  const now = new Date('2031-06-10T12:00:00Z');
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUDIT_RETENTION_DAYS: '400' }, { clock: new TestClock(now) });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('deletes exactly the audit events older than the retention and the expired throttle rows', async () => {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await insertAuditEvents(t.database.url, [
      ago(400 * DAY + 1), // expired by a millisecond
      ago(400 * DAY), // exactly 400 days: kept
      ago(399 * DAY),
      now,
    ]);
    const throttles: [string, Date, Date | null][] = [
      ['account:window-over@la.test', ago(16 * MINUTE), null],
      ['account:window-running@la.test', ago(14 * MINUTE), null],
      ['account:still-locked@la.test', ago(16 * MINUTE), new Date(now.getTime() + MINUTE)],
      ['ip:203.0.113.0/24', ago(30 * MINUTE), ago(MINUTE)],
    ];
    for (const [key, windowStartedAt, lockedUntil] of throttles) {
      await queryDatabase(
        t.database.url,
        `INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES ($1, 3, $2, $3)`,
        [key, windowStartedAt, lockedUntil],
      );
    }

    expect(await t.app.get(RetentionService).cleanUp(now)).toBe(1);

    expect(await auditTargets(t.database.url)).toEqual(['event-1', 'event-2', 'event-3']);
    const left = await queryDatabase<{ key: string }>(
      t.database.url,
      'SELECT key FROM login_throttle ORDER BY key',
    );
    expect(left.map((r) => r.key)).toEqual([
      'account:still-locked@la.test',
      'account:window-running@la.test',
    ]);
  });

  it('queues a job once per dedup key', async () => {
    const jobs = t.app.get(JobsService);
    const first = await jobs.send(RETENTION_CLEAN_UP, {}, { dedupKey: 'by hand 1' });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobs.send(RETENTION_CLEAN_UP, {}, { dedupKey: 'by hand 1' })).toBeNull();
    const other = await jobs.send(RETENTION_CLEAN_UP, {}, { dedupKey: 'by hand 2' });
    expect(other).not.toBeNull();
    expect(other).not.toBe(first);
    const stored = await queryDatabase<{ id: string }>(
      t.database.url,
      `SELECT id FROM ${JOBS_SCHEMA}.job WHERE name = $1 ORDER BY id`,
      [RETENTION_CLEAN_UP.name],
    );
    expect(stored.map((r) => r.id).sort()).toEqual([first, other].sort());
  });

  it('queues a job sent in a transaction only if the transaction commits', async () => {
    const jobs = t.app.get(JobsService);
    const dataSource = t.app.get(DataSource);
    await expect(
      dataSource.transaction(async (transaction) => {
        await jobs.send(RETENTION_CLEAN_UP, {}, { dedupKey: 'rolled back', transaction });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const committed = await dataSource.transaction((transaction) =>
      jobs.send(RETENTION_CLEAN_UP, {}, { dedupKey: 'committed', transaction }),
    );
    const stored = await queryDatabase<{ id: string }>(
      t.database.url,
      `SELECT id FROM ${JOBS_SCHEMA}.job WHERE id = ANY($1::uuid[])`,
      [[dedupId(RETENTION_CLEAN_UP.name, 'rolled back'), committed]],
    );
    expect(stored.map((r) => r.id)).toEqual([committed]);
  });
});

describe('jobs with two app instances on one database', () => {
  // 03:13:30 UTC: the daily clean-up is due at 03:15.
  const clock = new TestClock('2031-06-10T03:13:30Z');
  let database: TestDatabase;
  let instances: NestExpressApplication[] = [];

  beforeAll(async () => {
    database = await provisionTestDatabase();
    instances = [await startTestAppOn(database, {}, { clock })];
    instances.push(await startTestAppOn(database, {}, { clock }));
  });

  afterAll(async () => {
    for (const app of instances) await app.close();
    await database?.drop();
  });

  it('both instances run pg-boss, and the daily schedule sends one job a day, not one per instance', async () => {
    const running = await queryDatabase<{ n: string }>(
      database.url,
      `SELECT count(*) AS n FROM ${JOBS_SCHEMA}.instance`,
    );
    expect(Number(running[0]?.n)).toBe(2);
    await insertAuditEvents(database.url, [new Date('2029-01-01T00:00:00Z')]);

    await tickUntil(
      clock,
      async () => (await cleanUpJobs(database.url))['completed'] === 1,
      10 * MINUTE,
    );
    expect(await auditTargets(database.url)).toEqual([]);
    // Long enough for every cron pass of both instances to have come round several times.
    await clock.tick(3 * MINUTE);
    expect(await cleanUpJobs(database.url)).toEqual({ completed: 1 });

    await clock.setTime('2031-06-11T03:13:30Z');
    await tickUntil(
      clock,
      async () => (await cleanUpJobs(database.url))['completed'] === 2,
      10 * MINUTE,
    );
    await clock.tick(3 * MINUTE);
    expect(await cleanUpJobs(database.url)).toEqual({ completed: 2 });
  });
});
