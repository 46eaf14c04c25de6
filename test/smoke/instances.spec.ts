import { randomUUID } from 'node:crypto';
import { SurveyCatalogue } from '../../apps/api/src/waves/survey-catalogue';
import { type RunningApp, startBuiltApp } from '../support/app-server';
import { HARTLEPOOL, seedReportFixtures } from '../support/report-fixtures';
import { createStaffAccount } from '../support/staff-fixtures';
import { seedSurveyFixtures, type SurveyFixtures } from '../support/survey-fixtures';
import { startTestAppOn } from '../support/test-app';
import {
  provisionServerDatabase,
  queryDatabase,
  type TestDatabase,
} from '../support/test-database';

const ANSWERS = {
  demands1: 2,
  support1: 5,
  intentionToStay: 4,
  role: 'asye',
  employment: 'permanent',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Several instances of the built app on one database, as a deployment scaled out runs them:
 * three started at once on an empty database all come up; two then serve the survey and the
 * report alike, whichever one a request reaches; a change to a wave made through the
 * SurveyCatalogue's invalidate() on one instance reaches the others' memory; and so do an
 * administrator's replaced link and close-now, made through the API on one instance.
 */
describe('several instances on one database', () => {
  let database: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let survey: SurveyFixtures;

  const fetchFrom = (app: RunningApp, path: string, init: RequestInit = {}) =>
    fetch(`${app.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', origin: app.baseUrl, ...init.headers },
    });
  const json = async (app: RunningApp, path: string, init: RequestInit = {}) => {
    const res = await fetchFrom(app, path, init);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const submit = (app: RunningApp, code: string, submissionId: string, answers = ANSWERS) =>
    json(app, `/api/surveys/${code}/responses`, {
      method: 'POST',
      body: JSON.stringify({ submissionId, answers }),
    });

  beforeAll(async () => {
    database = await provisionServerDatabase();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('three instances started at once on an empty database all come up', async () => {
    const started = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        startBuiltApp(database.url, { env: { WEB_CONCURRENCY: '1' }, timeoutMs: 180_000 }),
      ),
    );
    const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
    [a, b] = [up[0], up[1]];
    await up[2]?.stop();
    survey = await seedSurveyFixtures(database.url);
  }, 240_000);

  it('serve the survey journey alike, whichever instance each request reaches', async () => {
    const page = await Promise.all([a, b].map((app) => fetchFrom(app, `/s/${survey.openCode}`)));
    expect(page.map((p) => p.status)).toEqual([200, 200]);
    const [fromA, fromB] = await Promise.all(
      [a, b].map((app) => json(app, `/api/surveys/${survey.openCode}`)),
    );
    expect(fromA?.status).toBe(200);
    expect(fromB).toEqual(fromA);

    const submissionId = randomUUID();
    expect(await submit(a, survey.openCode, submissionId)).toEqual({
      status: 201,
      body: { submissionId },
    });
    // The retry lands on the other instance: the same receipt, stored once.
    expect(await submit(b, survey.openCode, submissionId)).toEqual({
      status: 200,
      body: { submissionId },
    });
    expect(
      (await submit(b, survey.openCode, submissionId, { ...ANSWERS, demands1: 5 })).status,
    ).toBe(409);
    const [stored] = await queryDatabase<{ n: string }>(
      database.url,
      'SELECT count(*) AS n FROM survey_response WHERE submission_id = $1',
      [submissionId],
    );
    expect(stored?.n).toBe('1');
    for (const app of [a, b]) {
      expect((await json(app, `/api/surveys/${survey.closedCode}`)).status).toBe(410);
      expect((await json(app, `/api/surveys/${survey.unknownCode}`)).status).toBe(404);
    }
  });

  it('serve the same report, with a session started on either', async () => {
    await seedReportFixtures(database.url);
    const psw = await createStaffAccount(database.url, {
      email: 'instances-psw@council.test',
      role: 'psw',
      gssCodes: [HARTLEPOOL],
    });
    const login = await fetchFrom(a, '/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: psw.email, password: psw.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const reports = await Promise.all(
      [a, b].map((app) =>
        json(app, `/api/organisations/${HARTLEPOOL}/report`, { headers: { cookie } }),
      ),
    );
    expect(reports[0]?.status).toBe(200);
    // The same report but for the moment each was made.
    const withoutTime = (r: { body: unknown } | undefined) => ({
      ...(r?.body as Record<string, unknown>),
      generatedAt: 'when it was made',
    });
    expect(withoutTime(reports[1])).toEqual(withoutTime(reports[0]));
    const csv = await Promise.all(
      [a, b].map(async (app) =>
        (
          await fetchFrom(app, `/api/organisations/${HARTLEPOOL}/report.csv`, {
            headers: { cookie },
          })
        ).text(),
      ),
    );
    expect(csv[1]).toBe(csv[0]);
    expect(csv[0]?.length).toBeGreaterThan(100);
  }, 120_000);

  it('hear of a wave change made on another instance through SurveyCatalogue.invalidate()', async () => {
    // Both instances hold the open link in memory now.
    for (const app of [a, b])
      expect((await json(app, `/api/surveys/${survey.openCode}`)).status).toBe(200);
    await queryDatabase(database.url, 'UPDATE wave SET closes_at = now() WHERE id = $1', [
      survey.openWaveId,
    ]);
    // Changed behind their backs, both still describe the survey from memory…
    for (const app of [a, b])
      expect((await json(app, `/api/surveys/${survey.openCode}`)).status).toBe(200);
    // …but memory is not the authority: a response is refused by the INSERT itself.
    expect((await submit(b, survey.openCode, randomUUID())).status).toBe(410);
    expect((await json(a, `/api/surveys/${survey.openCode}`)).status).toBe(200);

    // The change made the way the app makes changes: on a third instance, which invalidates.
    const third = await startTestAppOn(database);
    try {
      await third.get(SurveyCatalogue).invalidate({ waveId: survey.openWaveId });
    } finally {
      await third.close();
    }
    for (const app of [a, b]) {
      let status = 0;
      for (let i = 0; i < 40 && status !== 410; i++) {
        status = (await json(app, `/api/surveys/${survey.openCode}`)).status;
        if (status !== 410) await sleep(50);
      }
      expect(status).toBe(410);
    }
  });

  it("take an administrator's replaced link and close-now, made on one instance, at once on the other", async () => {
    const fresh = await seedSurveyFixtures(database.url);
    const admin = await createStaffAccount(database.url, {
      email: 'instances-admin@council.test',
      role: 'admin',
      gssCodes: [],
    });
    const login = await fetchFrom(a, '/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    /** What `app` answers for `code`, once the other instance's change has been heard. */
    const heard = async (app: RunningApp, code: string, expected: number) => {
      let answer = await json(app, `/api/surveys/${code}`);
      // NOTIFY arrives within milliseconds; without it memory would serve the old answer a minute.
      for (let i = 0; i < 40 && answer.status !== expected; i++) {
        await sleep(50);
        answer = await json(app, `/api/surveys/${code}`);
      }
      return answer;
    };
    // Both instances hold the link in memory.
    for (const app of [a, b])
      expect((await json(app, `/api/surveys/${fresh.openCode}`)).status).toBe(200);

    const replaced = await json(
      a,
      `/api/admin/waves/${fresh.openWaveId}/enrolments/E06000001/children/replace-link`,
      { method: 'POST', headers: { cookie } },
    );
    expect(replaced.status).toBe(200);
    const newCode = (replaced.body as { code: string }).code;
    expect(newCode).not.toBe(fresh.openCode);
    // The instance that made the change forgot the old code before it answered.
    expect((await json(a, `/api/surveys/${fresh.openCode}`)).status).toBe(410);
    const old = await heard(b, fresh.openCode, 410);
    expect(old).toMatchObject({
      status: 410,
      body: { errors: [{ field: 'code', message: 'was replaced by a new link' }] },
    });
    expect((await submit(b, fresh.openCode, randomUUID())).status).toBe(410);
    expect((await json(b, `/api/surveys/${newCode}`)).status).toBe(200);
    expect((await submit(b, newCode, randomUUID())).status).toBe(201);

    const closed = await json(a, `/api/admin/waves/${fresh.openWaveId}/close`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(closed.status).toBe(200);
    expect((await json(a, `/api/surveys/${newCode}`)).status).toBe(410);
    expect((await heard(b, newCode, 410)).status).toBe(410);
    expect((await submit(b, newCode, randomUUID())).status).toBe(410);
  });
});
