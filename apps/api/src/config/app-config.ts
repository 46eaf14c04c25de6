import { resolve } from 'node:path';

/** Everything the api reads from the environment, checked once at boot. */
export interface AppConfig {
  readonly port: number;
  /** A real PostgreSQL server; null means the embedded PGlite database. */
  readonly databaseUrl: string | null;
  /** Where the embedded database keeps its files (git-ignored). */
  readonly embeddedDataDir: string;
  /** Demo data is seeded only on the embedded database, never in production. */
  readonly seedDemoData: boolean;
  /** Built web app to serve on the same port; absent in api-only tests. */
  readonly webRoot: string;
  readonly secureCookies: boolean;
  /** Reverse-proxy hops to trust for the client address (0: none), so throttling sees real clients. */
  readonly trustProxyHops: number;
  /** Days the audit log keeps an event; a daily job deletes older ones. */
  readonly auditRetentionDays: number;
}

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseDatabaseUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      problems.push(
        `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}//")`,
      );
    } else if (!url.hostname && !url.searchParams.get('host')) {
      problems.push('DATABASE_URL has no host');
    }
  } catch {
    problems.push(
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)',
    );
  }
  return raw;
}

function parseBoolean(
  name: string,
  raw: string | undefined,
  fallback: boolean,
  problems: string[],
): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function parseHops(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 10) {
    problems.push(`TRUST_PROXY_HOPS must be a whole number from 0 to 10 (got "${raw}")`);
    return 0;
  }
  return Number(raw);
}

function parseRetentionDays(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 3650) {
    problems.push(`AUDIT_RETENTION_DAYS must be a whole number from 1 to 3650 (got "${raw}")`);
    return DEFAULT_AUDIT_RETENTION_DAYS;
  }
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = parsePort(env['PORT'], problems);
  const databaseUrl = parseDatabaseUrl(env['DATABASE_URL'], problems);
  const config: AppConfig = {
    port,
    databaseUrl,
    embeddedDataDir: resolve(env['PGLITE_DATA_DIR'] || '.data/pglite'),
    seedDemoData: databaseUrl === null,
    webRoot: resolve(env['WEB_ROOT'] || 'dist/apps/web'),
    secureCookies: parseBoolean('SECURE_COOKIES', env['SECURE_COOKIES'], false, problems),
    trustProxyHops: parseHops(env['TRUST_PROXY_HOPS'], problems),
    auditRetentionDays: parseRetentionDays(env['AUDIT_RETENTION_DAYS'], problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
