import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../apps/api/src/database/embedded-database';
import { startThrowawayPostgres } from './throwaway-postgres';

export interface TestDatabase {
  readonly url: string;
  /** True when this is an in-memory PGlite server (no DATABASE_URL was given). */
  readonly embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new database on the server DATABASE_URL names
 * (CI: Debian's PostgreSQL), or else an in-memory PGlite behind a loopback socket.
 */
export async function provisionTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase(null);
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const url = await createDatabaseOn(serverUrl, 'swhc_test');
  return { url, embedded: false, drop: () => dropDatabaseOn(serverUrl, url) };
}

/**
 * A fresh database on a real PostgreSQL server, for tests of what only a server does (several
 * instances on one database, NOTIFY between them): on DATABASE_URL's server, or else on a
 * throw-away PostgreSQL 15 of its own (Debian's `postgresql` package).
 */
export async function provisionServerDatabase(): Promise<TestDatabase> {
  if (process.env['DATABASE_URL']) return provisionTestDatabase();
  const server = await startThrowawayPostgres();
  return { url: server.url, embedded: false, drop: () => Promise.resolve(server.stop()) };
}

/** Creates an empty database with a random name on a server; returns its URL. */
export async function createDatabaseOn(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createDatabaseOn, closing its connections. */
export async function dropDatabaseOn(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Runs one query on its own short-lived connection (the embedded server serves one at a time). */
export async function queryDatabase<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
