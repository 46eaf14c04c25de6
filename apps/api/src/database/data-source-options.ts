import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@swhc/migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnection {
  readonly url: string;
  /** The embedded server answers one query at a time, so the pool holds one connection. */
  readonly embedded: boolean;
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
    extra: { max: connection.embedded ? 1 : 10 },
    logging: ['error', 'warn'],
  };
}
