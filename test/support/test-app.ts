import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppModuleOptions } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app-setup';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { runMigrations } from '../../apps/api/src/database/run-migrations';
import { provisionTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The api in process on a fresh real database, configured exactly as main.ts does it (no demo
 * data, as with DATABASE_URL in production). `env` overrides the environment it reads, e.g.
 * SECURE_COOKIES=true or a WEB_ROOT to serve; `options` e.g. a TestClock.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: AppModuleOptions = {},
): Promise<TestApp> {
  const database = await provisionTestDatabase();
  const app = await startTestAppOn(database, env, options);
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * One more instance of the api on an existing database, as a second server would run it. Logs
 * only errors unless `env` sets LOG_LEVEL.
 */
export async function startTestAppOn(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: AppModuleOptions = {},
): Promise<NestExpressApplication> {
  // Emails go to a throw-away outbox unless the test gives SMTP settings (e.g. a test sink).
  const outbox = await mkdtemp(join(tmpdir(), 'swhc-outbox-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    WEB_ROOT: '/nonexistent',
    MAIL_OUTBOX_DIR: outbox,
    LOG_LEVEL: 'error',
    ...env,
  });
  const connection = { url: database.url, embedded: database.embedded, pool: config.databasePool };
  await runMigrations(connection);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, connection, options),
    { bodyParser: false, logger: ['error'] },
  );
  await configureApp(app, config);
  await app.init();
  return app;
}
