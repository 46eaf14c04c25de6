import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@swhc/migrations';
import type { DatabasePoolSettings } from '../config/app-config';
import { SafeTypeOrmLogger } from '../logging/typeorm-logger';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnection {
  readonly url: string;
  /** The embedded server answers one query at a time, so the pool holds one connection. */
  readonly embedded: boolean;
  /** The app's pool size and timeouts; without them (CLI, migrations) nothing times out. */
  readonly pool?: DatabasePoolSettings;
}

/** node-postgres pool options: size, how long to wait for a connection, how long a statement may run. */
function poolOptions(connection: DatabaseConnection): Record<string, number> {
  const { pool, embedded } = connection;
  return {
    max: embedded ? 1 : (pool?.size ?? 10),
    ...(pool
      ? {
          connectionTimeoutMillis: pool.acquireTimeoutMs,
          statement_timeout: pool.statementTimeoutMs,
        }
      : {}),
  };
}

/** The one set of DataSource options used by the app, the migration CLI and the tests. */
export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // PGlite has no extensions; gen_random_uuid() is built into PostgreSQL 13+.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: poolOptions(connection),
    // TypeORM's own logger prints failed statements with their parameters (answers): never used.
    logger: new SafeTypeOrmLogger(),
    logging: ['error', 'warn'],
    maxQueryExecutionTime: 2000,
  };
}
