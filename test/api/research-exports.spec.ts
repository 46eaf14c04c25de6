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
  insertPoll,
  RESEARCH_USE,
  WELLBEING,
  type StoredPollAnswer,
} from '../support/panel-fixtures';
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

  /** No file of the export holds an email, an address, a timestamp, a session or an id of ours. */
  function expectNothingIdentifying(files: Map<string, Buffer>, internalIds: readonly string[]) {
    const ids = new Set(internalIds.map((id) => id.toLowerCase()));
    for (const [name, content] of files) {
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
  }

  /** Runs labels.R on the export's data.csv and compares what R made with the codebook. */
  function expectLabelsInR(files: Map<string, Buffer>) {
    const dir = mkdtempSync(join(tmpdir(), 'swhc-export-'));
    try {
      for (const [name, content] of files) writeFileSync(join(dir, name), content);
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
      const codebook = codebookOf(files);
      expect(parsed.rows).toBe(dataOf(files).records.length);
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
  }

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
    expectNothingIdentifying(first, idsInDatabase);
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
      'Rscript is not installed: the R label script tests are skipped (CI installs r-base-core).',
    );
  (rscript ? it : it.skip)(
    'reads data.csv with labels.R into the factors and labels the codebook describes',
    () => expectLabelsInR(first),
  );

  describe('of panel polls', () => {
    const REGIONS = [
      'London',
      'North West',
      'South East',
      'West Midlands',
      'Yorkshire and The Humber',
    ];
    const ROLES = ['social-worker', 'senior-practitioner', 'asye', 'team-manager'];
    const TOPIC = {
      type: 'radiogroup' as const,
      name: 'exports-topic-of-the-fortnight',
      title: 'Did you have time for supervision this fortnight?',
      choices: [
        { value: 'yes', text: 'Yes' },
        { value: 'partly', text: 'Partly' },
        { value: 'no', text: 'No' },
      ],
      twoWay: { values: ['yes'], label: 'Yes', restLabel: 'Partly or no' },
    };
    /** Answers spread over roles, regions and both services, every answer varied. */
    const answers = (n: number, withResearch: boolean): StoredPollAnswer[] =>
      Array.from({ length: n }, (_, i) => ({
        service: i % 3 === 0 ? 'adults' : 'children',
        role: ROLES[i % ROLES.length] ?? 'social-worker',
        region: REGIONS[Math.floor(i / 4) % REGIONS.length] ?? 'London',
        answers: {
          [WELLBEING.name]: 1 + ((i * 7) % 5),
          ...(withResearch
            ? {
                [RESEARCH_USE.name]:
                  ['never', 'rarely', 'sometimes', 'often', 'always'][(i * 3) % 5] ?? 'often',
              }
            : { [TOPIC.name]: ['yes', 'partly', 'no'][i % 3] ?? 'no' }),
        },
      }));
    let pollA: string;
    let pollB: string;
    let openPoll: string;
    let tinyPoll: string;
    let pollExportId: string;
    let pollFiles: Map<string, Buffer>;
    let panelIds: string[];

    beforeAll(async () => {
      pollA = await insertPoll(t.database.url, {
        title: 'Exports pulse A',
        questions: [WELLBEING, RESEARCH_USE],
        answers: [
          ...answers(400, true),
          // The only senior manager in the North East: generalised or blanked, never shown as is.
          {
            service: 'adults',
            role: 'senior-manager',
            region: 'North East',
            answers: { [WELLBEING.name]: 1, [RESEARCH_USE.name]: 'never' },
          },
        ],
      });
      // Closed, but its answers still in intake: the export seals them first.
      pollB = await insertPoll(t.database.url, {
        title: 'Exports pulse B',
        questions: [WELLBEING, TOPIC],
        answers: answers(200, false),
        sealed: false,
      });
      openPoll = await insertPoll(t.database.url, {
        title: 'Exports pulse still open',
        questions: [WELLBEING],
        answers: [],
        open: true,
      });
      tinyPoll = await insertPoll(t.database.url, {
        title: 'Exports tiny pulse',
        questions: [WELLBEING],
        answers: answers(30, false)
          .slice(0, 24)
          .map((a, i) => ({ ...a, service: i < 20 ? 'children' : 'adults' })),
        // Not sealed yet: a refused request must leave it as it was.
        sealed: false,
      });
      const created = await as(researcher).post('/api/research/exports', { polls: [pollB, pollA] });
      expect(created.status).toBe(201);
      pollExportId = (created.body as { id: string }).id;
      const status = await finished(researcher, pollExportId);
      expect(status).toMatchObject({
        state: 'ready',
        waves: [],
        polls: [
          { id: pollA, title: 'Exports pulse A' },
          { id: pollB, title: 'Exports pulse B' },
        ],
      });
      pollFiles = await download(researcher, pollExportId);
      panelIds = (
        await queryDatabase<{ id: string }>(
          t.database.url,
          `SELECT id FROM poll UNION ALL SELECT id FROM panel_question UNION ALL SELECT id FROM poll_answer
           UNION ALL SELECT id FROM staff_account`,
        )
      ).map((r) => r.id);
    }, 240_000);

    it('lists closed polls, not open ones, among the export options', async () => {
      const options = (await as(researcher).get('/api/research/export-options')).body as {
        polls: { id: string; title: string; answers: number; questions: string[] }[];
      };
      const ids = options.polls.map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([pollA, pollB, tinyPoll]));
      expect(ids).not.toContain(openPoll);
      expect(options.polls.find((p) => p.id === pollA)).toMatchObject({
        answers: 401,
        questions: [WELLBEING.title, RESEARCH_USE.title],
      });
    });

    it('gives the seven files, with a codebook of every column of data.csv and nothing else', () => {
      expect([...pollFiles.keys()]).toEqual([...EXPORT_FILES]);
      expect(pollFiles.get('data.csv')?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const codebook = codebookOf(pollFiles);
      expect(codebook.variables.map((v) => v.name)).toEqual(dataOf(pollFiles).header);
      expect(codebook.instrument).toBeUndefined();
      expect(codebook.polls).toEqual([
        { value: 1, title: 'Exports pulse A' },
        { value: 2, title: 'Exports pulse B' },
      ]);
      const names = codebook.variables.map((v) => v.name);
      expect(names.slice(0, 3)).toEqual(['row_id', 'poll', 'service']);
      expect(names).toEqual(
        expect.arrayContaining([
          'pollWellbeingFortnight',
          'pollResearchUse',
          'pollExportsTopicOfTheFortnight',
        ]),
      );
      expect(codebook.variables.find((v) => v.name === 'pollWellbeingFortnight')).toMatchObject({
        question: WELLBEING.title,
        askedIn: [1, 2],
      });
    });

    it('holds every answer of both polls, sealing those still in intake, as rows released or withheld', async () => {
      const [stored] = await queryDatabase<{ sealed: number; waiting: number }>(
        t.database.url,
        `SELECT (SELECT count(*)::int FROM poll_answer WHERE poll_id = ANY($1::uuid[])) AS sealed,
                (SELECT count(*)::int FROM poll_answer_intake WHERE poll_id = ANY($1::uuid[])) AS waiting`,
        [[pollA, pollB]],
      );
      expect(stored).toEqual({ sealed: 601, waiting: 0 });
      const report = codebookOf(pollFiles).anonymisation;
      expect(report.rows + report.rowsWithheld).toBe(601);
      expect(dataOf(pollFiles).records).toHaveLength(report.rows);
    });

    it('is k-anonymous over poll, service, role and region, and l-diverse on every answer, recomputed from data.csv', () => {
      const codebook = codebookOf(pollFiles);
      const data = recordsOf(pollFiles);
      expect(codebook.quasiIdentifiers).toEqual(expect.arrayContaining(['poll', 'service']));
      // Role and region are there, as answered or coarsened, unless they had to be left out.
      const qi = codebook.anonymisation.quasiIdentifiers;
      expect(qi.map((q) => q.variable)).toEqual(['poll', 'service', 'panelRole', 'panelRegion']);
      for (const q of qi.filter((x) => x.column !== null))
        expect(codebook.quasiIdentifiers).toContain(q.column);
      // With a few hundred answers a poll keeps some of role and region, if only coarsened.
      expect(qi.filter((q) => q.variable.startsWith('panel') && q.column !== null)).not.toEqual([]);
      expect(checkKAnonymity(data, codebook.quasiIdentifiers, codebook.anonymisation.k)).toEqual(
        [],
      );
      expect(codebook.sensitive).toEqual([
        'pollWellbeingFortnight',
        'pollResearchUse',
        'pollExportsTopicOfTheFortnight',
      ]);
      expect(checkLDiversity(data, codebook.quasiIdentifiers, codebook.sensitive, 2)).toEqual([]);
    });

    it('coarsens or blanks the one senior manager in the North East', () => {
      const codebook = codebookOf(pollFiles);
      const column = codebook.variables.find((v) => v.name === 'panelRole');
      const region = codebook.variables.find((v) => v.name === 'panelRegion');
      const code = (v: typeof column, label: RegExp) =>
        String(v?.values?.find((x) => label.test(x.label))?.value ?? 'absent');
      const data = recordsOf(pollFiles);
      expect(
        data.filter(
          (r) =>
            r['panelRole'] === code(column, /^Service manager/) &&
            r['panelRegion'] === code(region, /^North East$/),
        ),
      ).toEqual([]);
      expect(codebook.anonymisation.cellsChanged).toBeGreaterThan(0);
      const readme = pollFiles.get('README.md')?.toString('utf8') ?? '';
      expect(readme).toContain('Anonymisation report');
      expect(readme).toMatch(
        /\| panelRole \| (\w+|\(left out\)) \| (as answered|coarsened to .+|left out) \|/,
      );
      expect(readme).toContain('poll export rules');
    });

    it('holds no emails, network addresses, timestamps, session or internal ids in any file', () => {
      expectNothingIdentifying(pollFiles, panelIds);
    });

    it('puts waves and polls in one data.csv and codebook, each row one or the other', async () => {
      const created = await as(researcher).post('/api/research/exports', {
        waves: [fixtures.wave2025],
        polls: [pollA],
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      expect((await finished(researcher, id)).state).toBe('ready');
      const files = await download(researcher, id);
      const codebook = codebookOf(files);
      const data = recordsOf(files);
      expect(codebook.variables.map((v) => v.name)).toEqual(dataOf(files).header);
      expect(codebook.variables.map((v) => v.name).slice(0, 4)).toEqual([
        'row_id',
        'wave',
        'poll',
        'service',
      ]);
      for (const r of data)
        expect([r['wave'], r['poll']].filter((x) => x !== null)).toHaveLength(1);
      expect(checkKAnonymity(data, codebook.quasiIdentifiers, codebook.anonymisation.k)).toEqual(
        [],
      );
      expect(checkLDiversity(data, codebook.quasiIdentifiers, codebook.sensitive, 2)).toEqual([]);
      expect(codebook.sensitive).toEqual([
        'intentionToStay',
        'pollWellbeingFortnight',
        'pollResearchUse',
      ]);
    });

    it('answers bad polls with 400 naming the field, and stores nothing', async () => {
      const before = await queryDatabase(t.database.url, 'SELECT id FROM research_export');
      const cases: [object, string, RegExp][] = [
        [{ waves: [], polls: [] }, 'waves', /one or more wave ids/],
        [{ polls: pollA }, 'polls', /list of poll ids/],
        [{ polls: ['not-a-uuid'] }, 'polls', /poll ids/],
        [{ polls: [crypto.randomUUID()] }, 'polls', /does not exist/],
        [{ polls: [openPoll] }, 'polls', /“Exports pulse still open” has not closed/],
        [{ polls: [pollA, pollA] }, 'polls', /must not repeat/],
        [{ polls: [pollA], variables: ['demands1'] }, 'variables', /names no wave/],
        [{ waves: [fixtures.wave2025], polls: [fixtures.wave2025] }, 'polls', /does not exist/],
      ];
      for (const [body, field, message] of cases) {
        const res = await as(researcher).post('/api/research/exports', body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
      }
      const refused = await as(researcher).post('/api/research/exports', { polls: [tinyPoll] });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        {
          field: 'polls',
          message: expect.stringMatching(
            /“Exports tiny pulse”, Adults’ services, has fewer than 10 answers/,
          ),
        },
      ]);
      expect(await queryDatabase(t.database.url, 'SELECT id FROM research_export')).toHaveLength(
        before.length,
      );
      expect(
        await queryDatabase(
          t.database.url,
          `SELECT (SELECT count(*)::int FROM poll_answer_intake WHERE poll_id = $1) AS waiting,
                  (SELECT answers_sealed_at FROM poll WHERE id = $1) AS sealed`,
          [tinyPoll],
        ),
      ).toEqual([{ waiting: 24, sealed: null }]);
    });

    it('audits the polls asked for and the rules applied', async () => {
      const events = await queryDatabase<{ action: string; detail: Record<string, unknown> }>(
        t.database.url,
        `SELECT action, detail FROM audit_event WHERE target = $1 ORDER BY occurred_at`,
        [`research-export:${pollExportId}`],
      );
      expect(events.map((e) => e.action)).toEqual([
        'research-export-requested',
        'research-export-completed',
        'research-export-downloaded',
      ]);
      expect(events[0]?.detail).toMatchObject({
        waves: '',
        polls: 'Exports pulse A; Exports pulse B',
      });
      expect(events[1]?.detail).toMatchObject({
        polls: 'Exports pulse A; Exports pulse B',
        k: 10,
        l: 2,
        rules: expect.stringContaining('panelRole: '),
        cellsChanged: expect.any(Number),
      });
    });

    (rscript ? it : it.skip)(
      'reads the poll export with labels.R into the factors and labels the codebook describes',
      () => expectLabelsInR(pollFiles),
    );
  });
});
