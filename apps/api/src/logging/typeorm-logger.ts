import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';
import { describeError } from './loggable-error';

/** Long statements are cut: the log needs to know which statement, not all of it. */
const shortQuery = (query: string): string => query.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * TypeORM's log lines through the app's logger, without what its own logger prints: a failed
 * statement's parameters (answers, emails, password hashes). Only the statement's text, which has
 * placeholders, and the error's code.
 */
export class SafeTypeOrmLogger implements TypeOrmLoggerInterface {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Every statement would be noise, and its parameters must not be logged.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`Statement failed: ${describeError(error)} in ${shortQuery(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow statement (${time} ms): ${shortQuery(query)}`);
  }

  logSchemaBuild(): void {
    // Schema changes come from migrations only; start-up logs which it applied.
  }

  logMigration(): void {
    // Start-up logs the migrations it applied, once.
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : 'TypeORM message';
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
