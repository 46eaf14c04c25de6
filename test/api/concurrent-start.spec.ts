import { runMigrations } from '../../apps/api/src/database/run-migrations';
import { MIGRATIONS } from '@swhc/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestAppOn } from '../support/test-app';
import {
  provisionServerDatabase,
  queryDatabase,
  type TestDatabase,
} from '../support/test-database';

/**
 * Several instances starting at once on one empty database (a deployment scaled to three, or
 * restarted together) must all come up: migrations and reference data run under a PostgreSQL
 * advisory lock, one instance after the other.
 */
describe('instances starting at once on an empty database', () => {
  let database: TestDatabase;
  const apps: NestExpressApplication[] = [];

  beforeAll(async () => {
    database = await provisionServerDatabase();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('five migration runs at once all succeed, and every migration is applied once', async () => {
    const connection = { url: database.url, embedded: database.embedded };
    const runs = await Promise.allSettled(
      Array.from({ length: 5 }, () => runMigrations(connection)),
    );
    expect(runs.filter((r) => r.status === 'rejected')).toEqual([]);
    const applied = runs.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    expect(applied).toHaveLength(MIGRATIONS.length);
    const rows = await queryDatabase<{ name: string }>(database.url, 'SELECT name FROM migration');
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  it('three apps starting at once all load the reference data without tripping over each other', async () => {
    const started = await Promise.allSettled(
      Array.from({ length: 3 }, () => startTestAppOn(database)),
    );
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
    const [instruments] = await queryDatabase<{ n: string }>(
      database.url,
      'SELECT count(*) AS n FROM instrument',
    );
    expect(Number(instruments?.n)).toBeGreaterThan(0);
    const [organisations] = await queryDatabase<{ n: string }>(
      database.url,
      'SELECT count(*) AS n FROM organisation',
    );
    expect(Number(organisations?.n)).toBe(154);
  });
});
