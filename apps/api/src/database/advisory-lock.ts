import { Client } from 'pg';

/**
 * The lock every instance takes while it brings the schema and the reference data up to date, so
 * instances starting together on one database do it one after the other (the others then find
 * nothing left to do). An arbitrary constant, unique to this app within the database.
 */
export const STARTUP_LOCK = 2026_0801;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, taken on a connection of its own
 * (so `work` may use any other connection). The lock goes with that connection, also if this
 * process dies. Not for the embedded database: it serves one instance, and one query at a time.
 */
export async function withAdvisoryLock<T>(
  url: string,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'swhc-startup-lock' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    // Ending the session releases the lock, whatever state the work left it in.
    await client.end();
  }
}
