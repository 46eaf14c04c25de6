import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { ConfigError, loadConfig } from './config/app-config';
import { startEmbeddedDatabase } from './database/embedded-database';
import { DatabaseUnavailableError, runMigrations } from './database/run-migrations';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.embeddedDataDir);
  const connection = {
    url: config.databaseUrl ?? embedded?.url ?? '',
    embedded: embedded !== null,
  };
  logger.log(
    embedded
      ? `Embedded PostgreSQL (PGlite) with data in ${config.embeddedDataDir}`
      : 'PostgreSQL from DATABASE_URL',
  );
  const applied = await runMigrations(connection);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, connection),
    {
      bodyParser: false,
    },
  );
  configureApp(app, config);
  await app.listen(config.port);

  const base = `http://localhost:${config.port}`;
  logger.log(`Social Work Health Check is running at ${base}`);
  logger.log(`API documentation: ${base}/api/docs`);
  if (config.seedDemoData) {
    logger.log(`Demo survey: ${base}/s/demo-e06000001-children`);
    logger.log('Demo sign-in: psw-e06000001@demo.test / admin@demo.test, password demo-password-1');
  }
  const stop = async (): Promise<void> => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error('Cannot start:', error);
  }
  process.exit(1);
});
