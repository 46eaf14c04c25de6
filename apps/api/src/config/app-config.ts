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
  /** Where people reach the app, for links in emails, e.g. https://healthcheck.example.org. */
  readonly publicBaseUrl: string;
  readonly mail: MailSettings;
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

function parseHops(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 10) {
    problems.push(`TRUST_PROXY_HOPS must be a whole number from 0 to 10 (got "${raw}")`);
    return 0;
  }
  return Number(raw);
}

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  [min, max]: [number, number],
  problems: string[],
): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
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
  const host = env['SMTP_HOST']?.trim() ?? '';
  const secure = parseBoolean('SMTP_SECURE', env['SMTP_SECURE'], false, problems);
  const smtp: SmtpSettings | null =
    host === ''
      ? null
      : {
          host,
          port: parseWholeNumber(
            'SMTP_PORT',
            env['SMTP_PORT'],
            secure ? 465 : 587,
            [1, 65535],
            problems,
          ),
          secure,
          user: env['SMTP_USER'] || null,
          password: env['SMTP_PASSWORD'] || null,
          poolSize: parseWholeNumber('SMTP_POOL_SIZE', env['SMTP_POOL_SIZE'], 5, [1, 50], problems),
        };
  return {
    smtp,
    from: env['MAIL_FROM']?.trim() || 'Social Work Health Check <no-reply@localhost>',
    outboxDir: resolve(env['MAIL_OUTBOX_DIR'] || '.data/outbox'),
    ratePerMinute: parseWholeNumber(
      'MAIL_RATE_PER_MINUTE',
      env['MAIL_RATE_PER_MINUTE'],
      600,
      [1, 1_000_000],
      problems,
    ),
    sendTimeoutSeconds: parseWholeNumber(
      'MAIL_SEND_TIMEOUT_SECONDS',
      env['MAIL_SEND_TIMEOUT_SECONDS'],
      120,
      [2, 3600],
      problems,
    ),
  };
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
    auditRetentionDays: parseWholeNumber(
      'AUDIT_RETENTION_DAYS',
      env['AUDIT_RETENTION_DAYS'],
      DEFAULT_AUDIT_RETENTION_DAYS,
      [1, 3650],
      problems,
    ),
    publicBaseUrl: parseBaseUrl(env['PUBLIC_BASE_URL'], port, problems),
    mail: parseMail(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
