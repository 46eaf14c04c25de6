import { DataSource } from 'typeorm';
import { STARTUP_LOCK, withAdvisoryLock } from './advisory-lock';
import { type DatabaseConnection, dataSourceOptions } from './data-source-options';

export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const where = new URL(url);
    super(
      `Cannot reach the database at ${where.hostname}:${where.port || 5432}${where.pathname}: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Brings the schema up to date before the app takes traffic; returns the names it applied. On a
 * server, under the startup lock: instances starting together migrate one after the other.
 */
export async function runMigrations(connection: DatabaseConnection): Promise<string[]> {
  if (connection.embedded) return migrate(connection);
  try {
    return await withAdvisoryLock(connection.url, STARTUP_LOCK, () => migrate(connection));
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    // Failing to connect for the lock is the same "cannot reach" as failing to connect for migrations.
    if (isConnectionError(error)) throw new DatabaseUnavailableError(connection.url, error);
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|3D000|28P01|28000)$/.test(code)
  );
}

async function migrate(connection: DatabaseConnection): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(connection), logging: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(connection.url, error);
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
