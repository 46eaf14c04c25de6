import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResearchExportStatus } from '@swhc/contracts';
import { parseCsv } from '@swhc/csv';
import { checkKAnonymity, checkLDiversity } from '@swhc/disclosure';
import { alpha } from '@swhc/psychometrics';
import { TestClock } from 'pg-boss';
import { Client } from 'pg';
import type { App } from 'supertest/types';
import { EXPORT_FILES } from '../../apps/api/src/research/exports/export-archive';
import type { Codebook } from '../../apps/api/src/research/exports/files/codebook';
import { zipEntries } from '../../apps/api/src/research/exports/testing/zip-entries';
import {
  insertResponses,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import {
  asStaff,
  createStaffAccount,
  signIn,
  signInNewStaff,
  type StaffFixture,
} from '../support/staff-fixtures';
import { REPO_ROOT } from '../support/app-server';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const DAY = 24 * 60 * 60 * 1000;

describe('research exports', () => {
  const clock = new TestClock(new Date());
  let t: TestApp;
  let server: App;
  let fixtures: ReportFixtures;
  let researcher: string;
  let otherResearcher: string;
  let admin: string;
  let researcherAccount: StaffFixture;
  let firstId: string;
  let first: Map<string, Buffer>;
  let idsInDatabase: string[];

  const as = (cookie: string) => asStaff(server, cookie);

  async function download(cookie: string, id: string): Promise<Map<string, Buffer>> {
    const res = await as(cookie).get(`/api/research/exports/${id}/download`).responseType('blob');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    return zipEntries(res.body as Buffer);
  }

  /** Moves the clock so pg-boss polls, and waits for the export's job to finish. */
  async function finished(cookie: string, id: string): Promise<ResearchExportStatus> {
    for (let i = 0; i < 600; i++) {
      const status = (await as(cookie).get(`/api/research/exports/${id}`))
        .body as ResearchExportStatus;
      if (status.state !== 'queued' && status.state !== 'running') return status;
      if (i % 10 === 0) await clock.tick(3_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the export did not finish');
  }

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    server = t.app.getHttpServer();
    fixtures = await seedReportFixtures(t.database.url);
    // One response whose role × ethnicity × LA combination nobody else has.
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await insertResponses(
        client,
        fixtures.wave2025,
        [
          {
            organisationId: fixtures.hartlepool,
            service: 'children',
            answers: {
              demands1: 3,
              intentionToStay: 2,
              role: 'team-manager',
              employment: 'agency',
              ethnicity: 'mixed',
              gender: 'other',
              yearsQualified: '21+',
            },
          },
        ],
        new Date(),
      );
    } finally {
      await client.end();
    }
    researcherAccount = await createStaffAccount(t.database.url, {
      email: 'researcher@exports.test',
      role: 'researcher',
    });
    researcher = await signIn(server, researcherAccount);
    otherResearcher = await signInNewStaff(t, { email: 'other@exports.test', role: 'researcher' });
    admin = await signInNewStaff(t, { email: 'admin@exports.test', role: 'admin' });
    const created = await as(researcher).post('/api/research/exports', {
      waves: [fixtures.wave2024, fixtures.wave2025],
    });
    expect(created.status).toBe(201);
    firstId = (created.body as { id: string }).id;
    const status = await finished(researcher, firstId);
    expect(status).toMatchObject({ state: 'ready', progress: 1 });
    first = await download(researcher, firstId);
    idsInDatabase = (
      await queryDatabase<{ id: string }>(
        t.database.url,
        `SELECT id FROM survey_response UNION ALL SELECT id FROM wave UNION ALL SELECT id FROM organisation
         UNION ALL SELECT id FROM staff_account UNION ALL SELECT id FROM survey_link`,
      )
    ).map((r) => r.id);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  const codebookOf = (files: Map<string, Buffer>) =>
    JSON.parse(files.get('codebook.json')?.toString('utf8') ?? '{}') as Codebook;
  const dataOf = (files: Map<string, Buffer>) =>
    parseCsv(files.get('data.csv')?.toString('utf8') ?? '');
  const recordsOf = (files: Map<string, Buffer>) => {
    const table = dataOf(files);
    return table.records.map((r) =>
      Object.fromEntries(table.header.map((h, i) => [h, r[i] === '' ? null : (r[i] ?? null)])),
    );
  };

  it('runs as a job and gives a ZIP with the seven files, the CSV starting with a byte-order mark', () => {
    expect([...first.keys()]).toEqual([...EXPORT_FILES]);
    expect(first.get('data.csv')?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('lists in the codebook every column of data.csv and nothing else', () => {
    expect(codebookOf(first).variables.map((v) => v.name)).toEqual(dataOf(first).header);
  });

  it('runs the README’s hc-stats example on data.csv as it is', () => {
    const readme = first.get('README.md')?.toString('utf8') ?? '';
    const command = /`npx hc-stats (alpha [^`]+)`/.exec(readme)?.[1];
    if (!command) throw new Error('the README has no hc-stats alpha example');
    const dir = mkdtempSync(join(tmpdir(), 'swhc-export-'));
    try {
      writeFileSync(join(dir, 'data.csv'), first.get('data.csv') ?? '');
      const argv = command.split(' ').map((a) => (a === 'data.csv' ? join(dir, 'data.csv') : a));
      // The command as a researcher runs it (npx hc-stats starts bin/hc-stats.cjs).
      const run = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'apps', 'hc-stats', 'bin', 'hc-stats.cjs'), ...argv],
        { encoding: 'utf8' },
      );
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      // The same alpha as the library on the CSV's columns (empty cells missing).
      const items = (argv[argv.indexOf('--items') + 1] ?? '').split(',');
      const reverse = argv.includes('--reverse')
        ? (argv[argv.indexOf('--reverse') + 1] ?? '').split(',')
        : [];
      const table = dataOf(first);
      const data = {
        columns: items,
        rows: table.records.map((r) =>
          items.map((item) => {
            const cell = r[table.header.indexOf(item)] ?? '';
            return cell === '' ? Number.NaN : Number(cell);
          }),
        ),
      };
      const out = JSON.parse(run.stdout) as { alpha: number };
      expect(out.alpha).toBeCloseTo(alpha(data, items, { reverse }).alpha, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is k-anonymous and l-diverse when recomputed from data.csv', async () => {
    const codebook = codebookOf(first);
    const data = recordsOf(first);
    const [k] = await queryDatabase<{ value: number }>(
      t.database.url,
      `SELECT value FROM setting WHERE key = 'minimumGroupSize'`,
    );
    expect(codebook.anonymisation.k).toBe(k?.value ?? 10);
    expect(codebook.quasiIdentifiers).toEqual(expect.arrayContaining(['wave', 'service']));
    expect(checkKAnonymity(data, codebook.quasiIdentifiers, codebook.anonymisation.k)).toEqual([]);
    expect(codebook.sensitive).toEqual(['intentionToStay']);
    expect(checkLDiversity(data, codebook.quasiIdentifiers, codebook.sensitive, 2)).toEqual([]);
  });

  it('coarsens or blanks the one response with a unique role × ethnicity × LA', () => {
    const codebook = codebookOf(first);
    const data = recordsOf(first);
    const column = (name: string) => codebook.variables.find((v) => v.name === name);
    const code = (name: string, label: RegExp) =>
      String(column(name)?.values?.find((v) => label.test(v.label))?.value ?? 'absent');
    const la = code('la', /Hartlepool/);
    const manager = code('role', /^Team manager/);
    const mixed = code('ethnicity', /^Mixed/);
    const unique = data.filter(
      (r) => r['la'] === la && r['role'] === manager && r['ethnicity'] === mixed,
    );
    expect(unique).toEqual([]);
    expect(codebook.anonymisation.cellsChanged).toBeGreaterThan(0);
    expect(first.get('README.md')?.toString('utf8')).toContain('Anonymisation report');
  });

  it('holds no emails, network addresses, timestamps, session or internal ids in any file', () => {
    const ids = new Set(idsInDatabase.map((id) => id.toLowerCase()));
    for (const [name, content] of first) {
      const text = content.toString('utf8');
      expect({ name, emails: text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) }).toEqual({
        name,
        emails: null,
      });
      expect({
        name,
        ips: text.match(/\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){4,7}\b/gi),
      }).toEqual({
        name,
        ips: null,
      });
      expect({ name, times: text.match(/\d{4}-\d{2}-\d{2}(T|\s)\d{2}:\d{2}/g) }).toEqual({
        name,
        times: null,
      });
      expect({
        name,
        uuids: text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi),
      }).toEqual({
        name,
        uuids: null,
      });
      expect(text.toLowerCase()).not.toContain('swhc_session');
      for (const word of text.toLowerCase().match(/[0-9a-f-]{32,36}/g) ?? [])
        expect(ids.has(word)).toBe(false);
    }
  });

  it('gives two exports of the same data disjoint row ids, in a different order', async () => {
    const again = await as(researcher).post('/api/research/exports', {
      waves: [fixtures.wave2024, fixtures.wave2025],
    });
    const id = (again.body as { id: string }).id;
    expect((await finished(researcher, id)).state).toBe('ready');
    const second = await download(researcher, id);
    const rowIds = (files: Map<string, Buffer>) => dataOf(files).records.map((r) => r[0] ?? '');
    const a = rowIds(first);
    const b = new Set(rowIds(second));
    expect(b.size).toBe(a.length);
    expect(a.filter((x) => b.has(x))).toEqual([]);
    expect(new Set(a).size).toBe(a.length);
  });

  it('refuses an export that cannot be made anonymous, with the reason, and stores nothing', async () => {
    const [instrument] = await queryDatabase<{ instrument_id: string }>(
      t.database.url,
      'SELECT instrument_id FROM wave WHERE id = $1',
      [fixtures.wave2024],
    );
    const [small] = await queryDatabase<{ id: string }>(
      t.database.url,
      `INSERT INTO wave (name, instrument_id, opens_at, closes_at) VALUES ('Tiny wave', $1, $2, $3) RETURNING id`,
      [instrument?.instrument_id, new Date(Date.now() - 40 * DAY), new Date(Date.now() - 35 * DAY)],
    );
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    await insertResponses(
      client,
      small?.id ?? '',
      Array.from({ length: 3 }, () => ({
        organisationId: fixtures.hartlepool,
        service: 'children' as const,
        answers: {
          demands1: 2,
          intentionToStay: 4,
          role: 'social-worker',
          employment: 'permanent',
        },
      })),
      new Date(),
    );
    await client.end();
    const before = await queryDatabase(t.database.url, 'SELECT id FROM research_export');
    const res = await as(researcher).post('/api/research/exports', { waves: [small?.id] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: 'This export cannot be made anonymous',
      errors: [
        {
          field: 'waves',
          message: expect.stringMatching(
            /Tiny wave, Children’s services, has fewer than 10 responses/,
          ),
        },
      ],
    });
    expect(await queryDatabase(t.database.url, 'SELECT id FROM research_export')).toHaveLength(
      before.length,
    );
  });

  it('answers bad requests with 400 naming the field', async () => {
    const cases: [object, string, RegExp][] = [
      [{}, 'waves', /one or more wave ids/],
      [{ waves: ['not-a-uuid'] }, 'waves', /wave ids/],
      [{ waves: [crypto.randomUUID()] }, 'waves', /does not exist/],
      [{ waves: [fixtures.wave2026] }, 'waves', /has not closed/],
      [
        { waves: [fixtures.wave2025], variables: ['demands1', 'passwordHash'] },
        'variables',
        /passwordHash/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await as(researcher).post('/api/research/exports', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
  });

  it('shows an export only to the researcher who asked for it and to administrators', async () => {
    expect((await as(otherResearcher).get(`/api/research/exports/${firstId}`)).status).toBe(404);
    expect(
      (await as(otherResearcher).get(`/api/research/exports/${firstId}/download`)).status,
    ).toBe(404);
    expect((await as(admin).get(`/api/research/exports/${firstId}`)).status).toBe(200);
    const mine = (await as(researcher).get('/api/research/exports')).body as ResearchExportStatus[];
    expect(mine.map((e) => e.id)).toContain(firstId);
    const theirs = (await as(otherResearcher).get('/api/research/exports'))
      .body as ResearchExportStatus[];
    expect(theirs).toEqual([]);
  });

  it('audits who asked for what, the rules applied and the cells changed', async () => {
    const events = await queryDatabase<{
      action: string;
      actor_account_id: string;
      detail: Record<string, unknown>;
    }>(
      t.database.url,
      `SELECT action, actor_account_id, detail FROM audit_event WHERE target = $1 ORDER BY occurred_at`,
      [`research-export:${firstId}`],
    );
    expect(events.map((e) => e.action)).toEqual([
      'research-export-requested',
      'research-export-completed',
      'research-export-downloaded',
    ]);
    expect(events[0]?.actor_account_id).toBe(researcherAccount.id);
    expect(events[1]?.detail).toMatchObject({
      waves: 'Report test 2024; Report test 2025',
      k: 10,
      l: 2,
      rules: expect.stringContaining('la: '),
      cellsChanged: expect.any(Number),
    });
  });

  const rscript = spawnSync('Rscript', ['--version']).status === 0;
  if (!rscript)
    console.warn(
      'Rscript is not installed: the R label script test is skipped (CI installs r-base-core).',
    );
  (rscript ? it : it.skip)(
    'reads data.csv with labels.R into the factors and labels the codebook describes',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'swhc-export-'));
      try {
        for (const [name, content] of first) writeFileSync(join(dir, name), content);
        writeFileSync(
          join(dir, 'check.R'),
          `source("labels.R")
lines <- vapply(names(data), function(n) paste(n, class(data[[n]])[1],
  paste(levels(data[[n]]), collapse = "|"), attr(data[[n]], "label"), sep = "\\t"), "")
writeLines(c(as.character(nrow(data)), lines), stdout(), useBytes = TRUE)
`,
        );
        // In the C locale, as on a machine with no locale set: the labels must still arrive intact.
        const out = execFileSync('Rscript', ['check.R'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
        });
        const [rows, ...lines] = out.trim().split('\n');
        const parsed = {
          rows: Number(rows),
          columns: lines.map((line) => {
            const [name, cls, levels, label] = line.split('\t');
            return { name, class: cls, levels: levels ? levels.split('|') : null, label };
          }),
        };
        const codebook = codebookOf(first);
        expect(parsed.rows).toBe(dataOf(first).records.length);
        expect(parsed.columns.map((c) => c.name)).toEqual(codebook.variables.map((v) => v.name));
        for (const v of codebook.variables) {
          const c = parsed.columns.find((x) => x.name === v.name);
          expect(c?.label).toBe(v.label);
          if (v.type === 'categorical') {
            expect({ name: v.name, class: c?.class, levels: c?.levels }).toEqual({
              name: v.name,
              class: 'factor',
              levels: (v.values ?? []).map((x) => x.label),
            });
          } else if (v.type === 'string') {
            expect(c?.class).toBe('character');
          } else {
            expect({ name: v.name, class: c?.class }).toEqual({
              name: v.name,
              class: expect.stringMatching(/^(integer|numeric)$/),
            });
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
