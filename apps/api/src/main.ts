import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import type { DatabaseConnection } from './database/data-source-options';
import { startEmbeddedDatabase } from './database/embedded-database';
import { DatabaseUnavailableError, runMigrations } from './database/run-migrations';
import { bootstrapLogger } from './logging/bootstrap-logger';
import { superviseWorkers } from './worker-supervisor';

/** Starts the HTTP app in this process and returns how to stop it. */
async function serve(
  config: AppConfig,
  connection: DatabaseConnection,
): Promise<() => Promise<void>> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, connection),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  await configureApp(app, config);
  await app.listen(config.port);
  return () => app.close();
}

function announce(config: AppConfig, logger: Logger): void {
  const base = `http://localhost:${config.port}`;
  logger.log(`Social Work Health Check is running at ${base}`);
  if (config.apiDocs !== 'off') logger.log(`API documentation: ${base}/api/docs`);
  if (config.seedDemoData) {
    logger.log(`Demo survey: ${base}/s/demo-e06000001-children`);
    // Logs never carry a password, not even the demo's published one: the README gives it.
    logger.log('Demo sign-in: psw-e06000001@demo.test / admin@demo.test (details in README.md)');
  }
}

/**
 * One process, or a primary that prepares the database and then runs WEB_CONCURRENCY worker
 * processes sharing the port (Node's cluster). The embedded database lives in its process and
 * serves one connection at a time, so it always runs as one process.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(bootstrapLogger(config.logLevel));
  const logger = new Logger('Bootstrap');
  if (cluster.isWorker) {
    const stopServing = await serve(config, {
      url: config.databaseUrl ?? '',
      embedded: false,
      pool: config.databasePool,
    });
    // The primary asks for a stop with SIGTERM; a worker whose primary died exits by itself.
    process.once('SIGTERM', () => void stopServing().then(() => process.exit(0)));
    return;
  }
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.embeddedDataDir);
  const connection: DatabaseConnection = {
    url: config.databaseUrl ?? embedded?.url ?? '',
    embedded: embedded !== null,
    pool: config.databasePool,
  };
  logger.log(
    embedded
      ? `Embedded PostgreSQL (PGlite) with data in ${config.embeddedDataDir}`
      : 'PostgreSQL from DATABASE_URL',
  );
  const applied = await runMigrations(connection);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  let stopServing: () => Promise<void>;
  if (config.workers > 1) {
    const workers = superviseWorkers(config.workers, logger);
    await workers.listening;
    stopServing = workers.stop;
    logger.log(`${config.workers} worker processes`);
  } else {
    stopServing = await serve(config, connection);
  }
  announce(config, logger);
  const stop = async (): Promise<void> => {
    await stopServing();
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
