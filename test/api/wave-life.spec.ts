import { randomUUID } from 'node:crypto';
import type {
  EnrolResult,
  HealthCheckRun,
  InstrumentVersionView,
  LaReport,
  StaffAccountSummary,
  WaveView,
} from '@swhc/contracts';
import { HEALTH_CHECK_V2 } from '@swhc/instruments';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createAdmin } from '../../apps/api/src/cli/cli-commands';
import { asStaff, signIn } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { TestClock } from 'pg-boss';
import { queryDatabase } from '../support/test-database';
import { fullAnswers } from '../support/wave-fixtures';

/**
 * One real health check from an empty production database, over HTTP: the first administrator
 * (made by the command line's create-admin) creates a wave, enrols three LAs, a PSW reads the link,
 * responses arrive, the PSW sees the count and rate but no scores, the wave closes by its clock,
 * the report is released, and a late response is refused.
 */
describe('the whole life of a wave', () => {
  const clock = new TestClock(Date.parse('2027-02-10T12:00:00Z'));
  let t: TestApp;
  let server: App;
  let admin: string;
  let psw: string;
  let otherPsw: string;
  let waveId: string;
  let code: string;

  const as = (cookie: string) => asStaff(server, cookie);
  const respond = (linkCode: string, answers: Record<string, unknown>) =>
    request(server)
      .post(`/api/surveys/${linkCode}/responses`)
      .send({ submissionId: randomUUID(), answers });

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    server = t.app.getHttpServer();
    // The first administrator, made as an operator would, with create-admin.
    const dataSource = t.app.get(DataSource);
    await createAdmin(dataSource, 'first.admin@council.test', 'a long production password');
    admin = await signIn(server, {
      email: 'first.admin@council.test',
      password: 'a long production password',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('starts empty: no waves, no links, no responses', async () => {
    const rows = await queryDatabase<{ waves: string; links: string; responses: string }>(
      t.database.url,
      `SELECT (SELECT count(*) FROM wave) AS waves, (SELECT count(*) FROM survey_link) AS links,
              (SELECT count(*) FROM survey_response) AS responses`,
    );
    expect(rows).toEqual([{ waves: '0', links: '0', responses: '0' }]);
  });

  it('an administrator creates a wave in London time, schedules it and enrols three LAs', async () => {
    const instruments = (await as(admin).get('/api/admin/instruments').expect(200))
      .body as InstrumentVersionView[];
    const v2 = instruments.find((i) => i.key === 'health-check' && i.version === 2);
    const created = await as(admin).post('/api/admin/waves', {
      name: 'Health Check 2027',
      instrumentId: v2?.id,
      services: ['children', 'adults'],
      opensAt: '2027-03-01',
      closesAt: '2027-03-31',
    });
    expect(created.status).toBe(201);
    const wave = created.body as WaveView;
    waveId = wave.id;
    expect(wave).toMatchObject({
      state: 'draft',
      // 1 March is GMT; 31 March 2027 is BST (the clocks went forward on the 28th).
      opensAt: '2027-03-01T00:00:00.000Z',
      closesAt: '2027-03-31T22:59:59.000Z',
    });
    const draftEnrol = await as(admin).post(`/api/admin/waves/${waveId}/enrolments`, {
      scope: 'list',
      gssCodes: ['E06000001'],
    });
    expect(draftEnrol.status).toBe(409);
    expect(draftEnrol.body.message).toMatch(/is a draft/);

    const scheduled = await as(admin).post(`/api/admin/waves/${waveId}/schedule`).expect(200);
    expect((scheduled.body as WaveView).state).toBe('scheduled');
    const enrolled = await as(admin).post(`/api/admin/waves/${waveId}/enrolments`, {
      scope: 'list',
      gssCodes: ['E06000001', 'e06000002', 'E06000003'],
    });
    expect(enrolled.status).toBe(201);
    const result = enrolled.body as EnrolResult;
    expect(result.enrolled).toHaveLength(6);
    for (const e of result.enrolled) expect(e.code).toMatch(/^[A-Za-z0-9][\w-]{20}[A-Za-z0-9]$/);

    const audit = await queryDatabase<{ action: string }>(
      t.database.url,
      `SELECT action FROM audit_event WHERE target = $1 ORDER BY action`,
      [`wave:${waveId}`],
    );
    // The test clock stands still, so all three share one time.
    expect(audit.map((a) => a.action)).toEqual(['enrolled', 'wave-created', 'wave-scheduled']);
  });

  it('a PSW, made by the administrator, reads their own link and no other LA’s', async () => {
    for (const [email, gss] of [
      ['psw.hartlepool@council.test', 'E06000001'],
      ['psw.middlesbrough@council.test', 'E06000002'],
    ] as const) {
      const res = await as(admin).post('/api/admin/accounts', {
        email,
        password: 'psw account password',
        role: 'psw',
        organisationGssCodes: [gss],
      });
      expect((res.body as StaffAccountSummary).email).toBe(email);
    }
    psw = await signIn(server, {
      email: 'psw.hartlepool@council.test',
      password: 'psw account password',
    });
    otherPsw = await signIn(server, {
      email: 'psw.middlesbrough@council.test',
      password: 'psw account password',
    });
    const run = (await as(psw).get('/api/organisations/E06000001/survey').expect(200))
      .body as HealthCheckRun;
    const wave = run.waves.find((w) => w.id === waveId);
    expect(wave?.state).toBe('scheduled');
    expect(wave?.enrolments.map((e) => e.service)).toEqual(['children', 'adults']);
    code = wave?.enrolments[0]?.code ?? '';
    expect(code).not.toBe('');
    await as(otherPsw).get('/api/organisations/E06000001/survey').expect(404);
    await as(otherPsw).get('/api/organisations/E99999999/survey').expect(404);
    // Before the opening time the link says so.
    const early = await request(server).get(`/api/surveys/${code}`);
    expect(early.status).toBe(410);
  });

  it('takes responses while open; the PSW sees the count and rate, never a score', async () => {
    await clock.setTime('2027-03-02T09:00:00Z');
    for (let i = 0; i < 6; i++) await respond(code, fullAnswers(i, 'children')).expect(201);
    await clock.setTime('2027-03-03T15:00:00Z');
    for (let i = 6; i < 12; i++) await respond(code, fullAnswers(i, 'children')).expect(201);
    await as(psw)
      .put('/api/organisations/E06000001/headcount', {
        wave: waveId,
        service: 'children',
        headcount: 48,
      })
      .expect(200);

    const run = (await as(psw).get('/api/organisations/E06000001/survey').expect(200))
      .body as HealthCheckRun;
    const children = run.waves.find((w) => w.id === waveId)?.enrolments[0];
    expect(children?.responses).toMatchObject({
      count: 12,
      headcount: 48,
      responseRate: 25,
      byDay: [
        { day: '2027-03-02', count: 6 },
        { day: '2027-03-03', count: 6 },
      ],
    });
    // Adults: nobody yet, which is not hidden; nothing per day below K.
    expect(run.waves.find((w) => w.id === waveId)?.enrolments[1]?.responses).toMatchObject({
      count: 0,
      byDay: null,
    });

    const report = (
      await as(psw)
        .get(`/api/organisations/E06000001/report?wave=${waveId}&service=children`)
        .expect(200)
    ).body as LaReport;
    expect(report.scoresReleased).toBe(false);
    expect(report.responses.count).toBe(12);
    expect(JSON.stringify(report.scales)).not.toMatch(/"score"/);
    expect(report.items).toEqual([]);
    expect(report.groups).toEqual([]);
  });

  it('closes by its clock at 23:59:59 London time, releases the report and refuses late answers', async () => {
    await clock.setTime('2027-03-31T22:59:58.999Z');
    await respond(code, fullAnswers(20, 'children')).expect(201);
    await clock.setTime('2027-03-31T22:59:59.000Z');
    const late = await respond(code, fullAnswers(21, 'children'));
    expect(late.status).toBe(410);

    const report = (
      await as(psw)
        .get(`/api/organisations/E06000001/report?wave=${waveId}&service=children`)
        .expect(200)
    ).body as LaReport;
    expect(report.wave.state).toBe('closed');
    expect(report.scoresReleased).toBe(true);
    expect(report.responses.count).toBe(13);
    const scored = report.scales.filter((s) => !s.suppressed);
    expect(scored).toHaveLength(HEALTH_CHECK_V2.scales.length);

    const run = (await as(psw).get('/api/organisations/E06000001/survey').expect(200))
      .body as HealthCheckRun;
    const closed = run.waves.find((w) => w.id === waveId);
    expect(closed?.state).toBe('closed');
    expect(closed?.enrolments[0]?.responses).toMatchObject({ count: 13, byDay: null });
    expect(closed?.enrolable).toEqual([]);

    const change = await as(admin).put(`/api/admin/waves/${waveId}`, { closesAt: '2027-04-30' });
    expect(change.status).toBe(409);
    expect(change.body.message).toMatch(/has closed/);
  });
});
