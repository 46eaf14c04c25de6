import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app-setup';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { runMigrations } from '../../apps/api/src/database/run-migrations';
import type { TestApp } from './test-app';
import { provisionTestDatabase } from './test-database';

/** Like createTestApp, with environment overrides (e.g. SECURE_COOKIES=true). */
export async function createTestAppWithEnv(env: Record<string, string>): Promise<TestApp> {
  const database = await provisionTestDatabase();
  const connection = { url: database.url, embedded: database.embedded };
  await runMigrations(connection);
  const config = loadConfig({ DATABASE_URL: database.url, WEB_ROOT: '/nonexistent', ...env });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, connection),
    { bodyParser: false, logger: ['error'] },
  );
  configureApp(app, config);
  await app.init();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
