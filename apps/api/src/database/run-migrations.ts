import { DataSource } from 'typeorm';
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

/** Brings the schema up to date before the app takes traffic; returns the names it applied. */
export async function runMigrations(connection: DatabaseConnection): Promise<string[]> {
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
