import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '@swhc/csv';
import { cli } from '../support/cli-runner';
import { provisionTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database';

/**
 * Each run starts a process that compiles the api's sources (tsx) and loads the reference data:
 * several seconds each on two busy cores, and the embedded database starts from nothing.
 */
const CLI_TEST_MS = 180_000;

/** The operator's commands for a wave, on a database the app has never started on. */
describe('api CLI: create-wave, enrol, list-links, close-wave', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await provisionTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it(
    'runs a wave from the command line: create, enrol a region and a list, list the links, close',
    async () => {
      const created = await cli(database.url, [
        'create-wave',
        '--name',
        'Health Check 2030',
        '--opens',
        '2020-01-01',
        '--closes',
        '2030-03-31',
      ]);
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(
        /Created open wave "Health Check 2030" .*closes 31 March 2030 at 11:59pm \(London time\)/,
      );

      const region = await cli(database.url, [
        'enrol',
        '--wave',
        'Health Check 2030',
        '--region',
        'North East',
        '--services',
        'children',
      ]);
      expect(region.status).toBe(0);
      expect(region.stdout).toMatch(/Enrolled 12 LAs \(12 links\)/);
      const list = await cli(database.url, [
        'enrol',
        '--wave',
        'Health Check 2030',
        '--gss',
        'E09000001,E09000002',
      ]);
      expect(list.stdout).toMatch(/Enrolled 2 LAs \(4 links\)/);

      const links = await cli(database.url, [
        'list-links',
        '--wave',
        'Health Check 2030',
        '--format',
        'csv',
        '--base-url',
        'https://healthcheck.example.gov.uk/',
      ]);
      expect(links.status).toBe(0);
      const rows = parseCsv(links.stdout);
      expect(rows.header).toEqual([
        'wave',
        'gss_code',
        'organisation',
        'region',
        'service',
        'code',
        'link',
      ]);
      expect(rows.records).toHaveLength(16);
      const stored = await queryDatabase<{ code: string }>(
        database.url,
        'SELECT code FROM survey_link',
      );
      for (const row of rows.records) {
        const code = row[5] ?? '';
        expect(stored.map((s) => s.code)).toContain(code);
        expect(row[6]).toBe(`https://healthcheck.example.gov.uk/s/${code}`);
      }

      const closed = await cli(database.url, ['close-wave', '--wave', 'Health Check 2030']);
      expect(closed.status).toBe(0);
      expect(closed.stdout).toMatch(/Closed "Health Check 2030" at .*its reports are released/);
      const again = await cli(database.url, ['close-wave', '--wave', 'Health Check 2030']);
      expect(again.status).toBe(1);
      expect(again.stderr).toBe(
        'Health Check 2030 has closed: only a wave that is open can be closed\n',
      );
      const audit = await queryDatabase<{ action: string; actor_role: string }>(
        database.url,
        `SELECT DISTINCT action, actor_role FROM audit_event ORDER BY action`,
      );
      expect(audit).toEqual([
        { action: 'enrolled', actor_role: 'cli' },
        { action: 'wave-closed', actor_role: 'cli' },
        { action: 'wave-created', actor_role: 'cli' },
      ]);
    },
    CLI_TEST_MS,
  );

  it(
    'refuses bad input in one line with exit code 1, and a bad command line with 2',
    async () => {
      // Each usage error is checked in cli-commands.spec.ts; here, once, the exit code of the process.
      const order = await cli(database.url, [
        'create-wave',
        '--name',
        'Backwards',
        '--opens',
        '2031-03-01',
        '--closes',
        '2031-02-01',
      ]);
      expect(order.status).toBe(1);
      expect(order.stderr).toBe('The wave is not valid: closesAt must be after the opening time\n');
      const usage = await cli(database.url, [
        'enrol',
        '--wave',
        'x',
        '--all',
        '--region',
        'London',
      ]);
      expect(usage.status).toBe(2);
      expect(usage.stderr.split('\n')[0]).toBe(
        'enrol needs exactly one of --all, --region <region>, --gss <codes>',
      );
      expect(usage.stderr).toMatch(/Usage: npm run -s api:cli/);
      const [waves] = await queryDatabase<{ n: string }>(
        database.url,
        'SELECT count(*) AS n FROM wave',
      );
      expect(waves?.n).toBe('1');
    },
    CLI_TEST_MS,
  );

  it(
    'works on the embedded database too',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'swhc-cli-pglite-'));
      try {
        const env = { PGLITE_DATA_DIR: dir };
        const created = await cli(
          null,
          [
            'create-wave',
            '--name',
            'Embedded',
            '--opens',
            '2030-01-01',
            '--closes',
            '2030-02-01',
            '--draft',
          ],
          { env },
        );
        expect(created.stderr).toBe('');
        expect(created.stdout).toMatch(/Created draft wave "Embedded"/);
        const refused = await cli(null, ['enrol', '--wave', 'Embedded', '--gss', 'E06000001'], {
          env,
        });
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(
          /Embedded is a draft: LAs can be enrolled only in a scheduled or open wave/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    CLI_TEST_MS,
  );
});
