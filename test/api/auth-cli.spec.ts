import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPassword } from '../../apps/api/src/accounts/password-hasher';
import { cli } from '../support/cli-runner';
import { provisionTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database';

describe('api CLI (npm run -s api:cli)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await provisionTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates the first admin with the password from SWHC_ADMIN_PASSWORD, on an empty database', async () => {
    const run = await cli(
      database.url,
      ['create-admin', '--email', 'Head.Of.Service@Council.test'],
      {
        env: { SWHC_ADMIN_PASSWORD: 'a long production password' },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Created administrator account head.of.service@council.test/);
    const [row] = await queryDatabase<{ role: string; password_hash: string }>(
      database.url,
      `SELECT role, password_hash FROM staff_account WHERE email = 'head.of.service@council.test'`,
    );
    expect(row?.role).toBe('admin');
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row?.password_hash ?? '', 'a long production password')).toBe(true);
    const audit = await queryDatabase<{ action: string; target: string }>(
      database.url,
      `SELECT action, target FROM audit_event`,
    );
    expect(audit).toEqual([
      { action: 'account-created', target: 'account:head.of.service@council.test' },
    ]);
  });

  it('reads the password from standard input and refuses a short one or a duplicate', async () => {
    const fromStdin = await cli(database.url, ['create-admin', '--email', 'second@council.test'], {
      input: 'another long password\n',
    });
    expect(fromStdin.status).toBe(0);
    const short = await cli(database.url, ['create-admin', '--email', 'third@council.test'], {
      input: 'short\n',
    });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password must be at least 12 characters/);
    const duplicate = await cli(database.url, ['create-admin', '--email', 'SECOND@council.test'], {
      input: 'another long password\n',
    });
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const rows = await queryDatabase(
      database.url,
      'SELECT email FROM staff_account ORDER BY email',
    );
    expect(rows).toHaveLength(2);
  });

  it('imports organisations from a CSV file and reports a bad line clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swhc-cli-'));
    const good = join(dir, 'las.csv');
    writeFileSync(
      good,
      'gss_code,name,official_name,type,region\nE06000001,Hartlepool,Hartlepool Borough Council,UA,North East\nE06000002,Middlesbrough,Middlesbrough Council,UA,North East\n',
    );
    const run = await cli(database.url, ['import-organisations', good]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Imported 2 organisations/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'gss_code,name,official_name,type,region\nX123,Nowhere,,UA,North\n');
    const failed = await cli(database.url, ['import-organisations', bad]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/Line 2: "X123" is not an English GSS code/);
    const missing = await cli(database.url, ['import-organisations', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read/);
    const count = await queryDatabase<{ n: string }>(
      database.url,
      'SELECT count(*) AS n FROM organisation',
    );
    expect(Number(count[0]?.n)).toBe(2);
  });

  it('answers a usage error with exit code 2', async () => {
    const run = await cli(database.url, ['create-admin']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs --email/);
  });
});
