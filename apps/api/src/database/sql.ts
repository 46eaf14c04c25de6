import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Plain SQL on the app's own connection pool (the one TypeORM made), for statements the ORM cannot
 * express or would only slow down: the intake's insert, the sign-in throttle's upserts. Nothing
 * here logs a statement or its parameters.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The rows a statement returns (SELECT, or INSERT/UPDATE/DELETE … RETURNING). */
  async rows<T extends QueryResultRow>(
    text: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> {
    return (await this.pool.query<T>(text, params as unknown[])).rows;
  }

  /**
   * Like `rows`, for a statement run very often: each connection parses and plans it once, by
   * `name`, and then only binds new values.
   */
  async prepared<T extends QueryResultRow>(
    name: string,
    text: string,
    params: readonly unknown[],
  ): Promise<T[]> {
    return (await this.pool.query<T>({ name, text, values: params as unknown[] })).rows;
  }

  /** How many rows a statement touched. */
  async count(text: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.pool.query(text, params as unknown[])).rowCount ?? 0;
  }
}
