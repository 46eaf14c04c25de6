import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** How much the app logs (pino's levels; `silent` logs nothing). */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Who may read the OpenAPI documentation at /api/docs: anyone, signed-in staff, or nobody. */
export type ApiDocsAccess = 'public' | 'staff' | 'off';
const API_DOCS_ACCESS: readonly ApiDocsAccess[] = ['public', 'staff', 'off'];

/** How the app uses its database connections; overload fails fast instead of queueing without end. */
export interface DatabasePoolSettings {
  /** Connections per worker process. */
  readonly size: number;
  /** How long a request may wait for a free connection before it is answered 503. */
  readonly acquireTimeoutMs: number;
  /** How long one SQL statement may run before PostgreSQL cancels it. */
  readonly statementTimeoutMs: number;
}

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
  /** Where people reach the app, for links in emails, e.g. https://healthcheck.example.org. */
  readonly publicBaseUrl: string;
  readonly mail: MailSettings;
  /** NODE_ENV=production: a real database is required, API docs are for staff by default. */
  readonly production: boolean;
  /** HTTP worker processes (WEB_CONCURRENCY); always 1 on the embedded database. */
  readonly workers: number;
  readonly apiDocs: ApiDocsAccess;
  readonly logLevel: LogLevel;
  readonly databasePool: DatabasePoolSettings;
}

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user: string | null;
  readonly password: string | null;
  /** Connections kept open to the server. */
  readonly poolSize: number;
}

export interface MailSettings {
  /** Null: no mail server; emails are written to outboxDir instead. */
  readonly smtp: SmtpSettings | null;
  readonly from: string;
  readonly outboxDir: string;
  /** Emails sent per minute by all instances together (the mail provider's limit). */
  readonly ratePerMinute: number;
  /**
   * An email claimed by a sender that has not finished within this time is taken to be lost with its
   * sender (a crash) and is sent again by another.
   */
  readonly sendTimeoutSeconds: number;
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

/**
 * Reads whole-number environment variables: the value of `name` within `range`, or its fallback when
 * unset or wrong (noted in `problems`).
 */
function wholeNumberReader(
  env: NodeJS.ProcessEnv,
  problems: string[],
): (name: string, range: { min: number; max: number; fallback: number }) => number {
  return (name, range) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return range.fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < range.min || Number(raw) > range.max) {
      problems.push(
        `${name} must be a whole number from ${range.min} to ${range.max} (got "${raw}")`,
      );
      return range.fallback;
    }
    return Number(raw);
  };
}

function parseLogLevel(raw: string | undefined, problems: string[]): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return 'info';
}

function parseApiDocs(
  raw: string | undefined,
  production: boolean,
  problems: string[],
): ApiDocsAccess {
  if (raw === undefined || raw === '') return production ? 'staff' : 'public';
  if ((API_DOCS_ACCESS as readonly string[]).includes(raw)) return raw as ApiDocsAccess;
  problems.push(`API_DOCS must be public, staff or off (got "${raw}")`);
  return 'staff';
}

function parseBaseUrl(raw: string | undefined, port: number, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url.toString().replace(/\/+$/, '');
  } catch {
    problems.push(
      `PUBLIC_BASE_URL must be an http(s) URL such as https://healthcheck.example.org (got "${raw}")`,
    );
    return `http://localhost:${port}`;
  }
}

function parseMail(env: NodeJS.ProcessEnv, problems: string[]): MailSettings {
  const wholeNumber = wholeNumberReader(env, problems);
  const host = env['SMTP_HOST']?.trim() ?? '';
  const secure = parseBoolean('SMTP_SECURE', env['SMTP_SECURE'], false, problems);
  const smtp: SmtpSettings | null =
    host === ''
      ? null
      : {
          host,
          port: wholeNumber('SMTP_PORT', { min: 1, max: 65535, fallback: secure ? 465 : 587 }),
          secure,
          user: env['SMTP_USER'] || null,
          password: env['SMTP_PASSWORD'] || null,
          poolSize: wholeNumber('SMTP_POOL_SIZE', { min: 1, max: 50, fallback: 5 }),
        };
  return {
    smtp,
    from: env['MAIL_FROM']?.trim() || 'Social Work Health Check <no-reply@localhost>',
    outboxDir: resolve(env['MAIL_OUTBOX_DIR'] || '.data/outbox'),
    ratePerMinute: wholeNumber('MAIL_RATE_PER_MINUTE', { min: 1, max: 1_000_000, fallback: 600 }),
    sendTimeoutSeconds: wholeNumber('MAIL_SEND_TIMEOUT_SECONDS', {
      min: 2,
      max: 3600,
      fallback: 120,
    }),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const wholeNumber = wholeNumberReader(env, problems);
  const port = parsePort(env['PORT'], problems);
  const databaseUrl = parseDatabaseUrl(env['DATABASE_URL'], problems);
  const production = env['NODE_ENV'] === 'production';
  // Without a database the app is the demo, whose admin password is published: never in production.
  if (production && databaseUrl === null) {
    problems.push(
      'DATABASE_URL must be set when NODE_ENV is production (without it the app would run the demo)',
    );
  }
  const workers = wholeNumber('WEB_CONCURRENCY', {
    min: 1,
    max: 64,
    fallback: availableParallelism(),
  });
  const config: AppConfig = {
    port,
    databaseUrl,
    embeddedDataDir: resolve(env['PGLITE_DATA_DIR'] || '.data/pglite'),
    seedDemoData: databaseUrl === null,
    webRoot: resolve(env['WEB_ROOT'] || 'dist/apps/web'),
    secureCookies: parseBoolean('SECURE_COOKIES', env['SECURE_COOKIES'], false, problems),
    trustProxyHops: wholeNumber('TRUST_PROXY_HOPS', { min: 0, max: 10, fallback: 0 }),
    auditRetentionDays: wholeNumber('AUDIT_RETENTION_DAYS', {
      min: 1,
      max: 3650,
      fallback: DEFAULT_AUDIT_RETENTION_DAYS,
    }),
    production,
    // The embedded database's socket serves one connection at a time: one process only.
    workers: databaseUrl === null ? 1 : workers,
    apiDocs: parseApiDocs(env['API_DOCS'], production, problems),
    logLevel: parseLogLevel(env['LOG_LEVEL'], problems),
    databasePool: {
      size: wholeNumber('DATABASE_POOL_SIZE', { min: 1, max: 100, fallback: 10 }),
      acquireTimeoutMs: wholeNumber('DATABASE_ACQUIRE_TIMEOUT_MS', {
        min: 100,
        max: 60_000,
        fallback: 5_000,
      }),
      statementTimeoutMs: wholeNumber('DATABASE_STATEMENT_TIMEOUT_MS', {
        min: 100,
        max: 600_000,
        fallback: 15_000,
      }),
    },
    publicBaseUrl: parseBaseUrl(env['PUBLIC_BASE_URL'], port, problems),
    mail: parseMail(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
