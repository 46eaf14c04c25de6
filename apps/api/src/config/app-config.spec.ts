import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000 on the embedded database with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.seedDemoData).toBe(true);
  });

  it('keeps audit events 400 days unless AUDIT_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(400);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
  });

  it('never seeds demo data on a real database', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/swhc', PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.seedDemoData).toBe(false);
  });

  it('writes emails to the outbox without SMTP settings, and uses SMTP with them', () => {
    const outbox = loadConfig({ MAIL_OUTBOX_DIR: '/tmp/outbox' });
    expect(outbox.mail.smtp).toBeNull();
    expect(outbox.mail.outboxDir).toBe('/tmp/outbox');
    expect(outbox.mail.ratePerMinute).toBe(600);
    expect(outbox.publicBaseUrl).toBe('http://localhost:3000');
    const smtp = loadConfig({
      SMTP_HOST: 'smtp.example.org',
      SMTP_SECURE: 'true',
      SMTP_USER: 'app',
      SMTP_PASSWORD: 'secret',
      MAIL_RATE_PER_MINUTE: '120',
      PUBLIC_BASE_URL: 'https://hc.example.org/',
    });
    expect(smtp.mail.smtp).toEqual({
      host: 'smtp.example.org',
      port: 465,
      secure: true,
      user: 'app',
      password: 'secret',
      poolSize: 5,
    });
    expect(smtp.mail.ratePerMinute).toBe(120);
    expect(smtp.publicBaseUrl).toBe('https://hc.example.org');
  });

  it('refuses to start in production without DATABASE_URL, instead of becoming the demo', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL must be set when NODE_ENV is production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: '  ' })).toThrow(ConfigError);
    const production = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/swhc',
    });
    expect(production.seedDemoData).toBe(false);
  });

  it('runs one worker per core on a real database and one on the embedded one; docs for staff in production', () => {
    const real = loadConfig({ DATABASE_URL: 'postgres://u@db/swhc' });
    expect(real.workers).toBe(availableParallelism());
    expect(real.apiDocs).toBe('public');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/swhc', WEB_CONCURRENCY: '3' }).workers).toBe(
      3,
    );
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).workers).toBe(1);
    const production = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/swhc' });
    expect(production.apiDocs).toBe('staff');
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/swhc', API_DOCS: 'off' })
        .apiDocs,
    ).toBe('off');
    expect(production.databasePool).toEqual({
      size: 10,
      acquireTimeoutMs: 5000,
      statementTimeoutMs: 15000,
    });
  });

  it.each([
    [{ WEB_CONCURRENCY: '0' }, 'WEB_CONCURRENCY must be a whole number from 1 to 64 (got "0")'],
    [{ API_DOCS: 'everyone' }, 'API_DOCS must be public, staff or off (got "everyone")'],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '5s' },
      'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number from 100 to 600000 (got "5s")',
    ],
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x@y/z' },
      'DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://")',
    ],
    [
      { DATABASE_URL: 'not a url' },
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)',
    ],
    [{ SECURE_COOKIES: 'maybe' }, 'SECURE_COOKIES must be true or false (got "maybe")'],
    [
      { SMTP_HOST: 'mail', SMTP_PORT: '0' },
      'SMTP_PORT must be a whole number from 1 to 65535 (got "0")',
    ],
    [
      { MAIL_RATE_PER_MINUTE: 'fast' },
      'MAIL_RATE_PER_MINUTE must be a whole number from 1 to 1000000 (got "fast")',
    ],
    [
      { PUBLIC_BASE_URL: 'ftp://x' },
      'PUBLIC_BASE_URL must be an http(s) URL such as https://healthcheck.example.org (got "ftp://x")',
    ],
    [
      { TRUST_PROXY_HOPS: 'all' },
      'TRUST_PROXY_HOPS must be a whole number from 0 to 10 (got "all")',
    ],
    [
      { AUDIT_RETENTION_DAYS: '0' },
      'AUDIT_RETENTION_DAYS must be a whole number from 1 to 3650 (got "0")',
    ],
    [
      { AUDIT_RETENTION_DAYS: '30d' },
      'AUDIT_RETENTION_DAYS must be a whole number from 1 to 3650 (got "30d")',
    ],
  ])('fails fast on %p', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([problem]);
    }
  });
});
