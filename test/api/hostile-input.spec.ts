import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { collectDeclaredRoutes } from '../../apps/api/src/common/route-table';
import {
  createStaffAccount,
  signIn,
  type StaffFixture,
  TEST_HOST,
  TEST_ORIGIN,
} from '../support/staff-fixtures';
import {
  countResponses,
  seedSurveyFixtures,
  type SurveyFixtures,
  VALID_ANSWERS,
} from '../support/survey-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors: { field: string; message: string }[];
}

/** `{"answers":[[[…]]]}` nested `depth` deep: 2.6 kB at 1,300 levels. */
const deepJson = (depth: number): string => `{"answers":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/**
 * Input built to break the api rather than to answer a survey: deep nesting, NUL bytes, keys
 * named like Object.prototype members, time-carrying ids. Each gets a 400 naming the problem and
 * stores nothing.
 */
describe('hostile input', () => {
  let t: TestApp;
  let server: App;
  let fixtures: SurveyFixtures;
  let admin: StaffFixture;
  let adminCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedSurveyFixtures(t.database.url);
    admin = await createStaffAccount(t.database.url, {
      email: 'hostile-admin@council.test',
      role: 'admin',
    });
    adminCookie = await signIn(server, admin);
  });

  afterAll(async () => {
    await t?.close();
  });

  const submit = (body: unknown, code = fixtures.openCode) =>
    request(server)
      .post(`/api/surveys/${code}/responses`)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  const expectFieldError = (res: request.Response, status: number, field: string) => {
    expect(res.status).toBe(status);
    const body = res.body as ErrorBody;
    expect(typeof body.message).toBe('string');
    expect(body.errors.map((e) => e.field)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/ at .*\.(js|ts):\d+/);
  };

  it.each([1300, 20_000])(
    'answers 400 to JSON nested %i deep on every route that takes a body, before validation',
    async (depth) => {
      const body = deepJson(depth);
      const routes = collectDeclaredRoutes(t.app).filter((r) =>
        ['POST', 'PUT', 'PATCH'].includes(r.method),
      );
      expect(routes.length).toBeGreaterThan(5);
      const before = await countResponses(t.database.url);
      for (const route of routes) {
        const url = route.path
          .replace(':code', fixtures.openCode)
          .replace(':gssCode', 'E06000001')
          .replace(':id', randomUUID());
        const method = route.method.toLowerCase() as 'post' | 'put' | 'patch';
        const agent = request(server);
        const res = await agent[method](url)
          .set('Host', TEST_HOST)
          .set('Origin', TEST_ORIGIN)
          .set('Cookie', adminCookie)
          .set('Content-Type', 'application/json')
          .send(body);
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 400,
        });
        expectFieldError(res, 400, 'body');
      }
      expect(await countResponses(t.database.url)).toBe(before);
    },
  );

  it('still accepts the nesting real requests have', async () => {
    await submit({ submissionId: randomUUID(), answers: VALID_ANSWERS }).expect(201);
  });

  it('answers 400 to a NUL byte in a survey code, in the path or the answers', async () => {
    const before = await countResponses(t.database.url);
    expectFieldError(
      await request(server).get(`/api/surveys/${fixtures.openCode}%00`),
      400,
      'code',
    );
    expectFieldError(
      await submit(
        { submissionId: randomUUID(), answers: VALID_ANSWERS },
        `%00${fixtures.openCode}`,
      ),
      400,
      'code',
    );
    expectFieldError(
      await submit({
        submissionId: randomUUID(),
        answers: { ...VALID_ANSWERS, role: 'asye\u0000' },
      }),
      400,
      'answers.role',
    );
    expectFieldError(
      await submit({
        submissionId: randomUUID(),
        answers: { ...VALID_ANSWERS, 'role\u0000': 'x' },
      }),
      400,
      'answers.role\u0000',
    );
    expect(await countResponses(t.database.url)).toBe(before);
  });

  it('refuses a sign-in with a NUL byte in the email before any password is checked or counted', async () => {
    const audited = async () =>
      (await queryDatabase(t.database.url, 'SELECT 1 FROM audit_event')).length;
    const throttled = async () =>
      (await queryDatabase(t.database.url, 'SELECT 1 FROM login_throttle')).length;
    const [auditBefore, throttleBefore] = [await audited(), await throttled()];
    for (let i = 0; i < 10; i++) {
      const res = await request(server)
        .post('/api/auth/login')
        .set('Host', TEST_HOST)
        .set('Origin', TEST_ORIGIN)
        .send({ email: `${admin.email}\u0000`, password: `guess ${i} at the password` });
      expectFieldError(res, 400, 'email');
    }
    // A 400 checks no password, so there is nothing to throttle or audit.
    expect([await audited(), await throttled()]).toEqual([auditBefore, throttleBefore]);
    await signIn(server, admin);
  });

  describe.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a key named %s',
    (key) => {
      it('inside answers is refused like any unknown question', async () => {
        const before = await countResponses(t.database.url);
        const body = `{"submissionId":"${randomUUID()}","answers":{${JSON.stringify(key)}:1,${JSON.stringify(VALID_ANSWERS).slice(1)}}`;
        expectFieldError(await submit(body), 400, `answers.${key}`);
        expect(await countResponses(t.database.url)).toBe(before);
      });

      it('at the top level is refused like any unknown field', async () => {
        const before = await countResponses(t.database.url);
        const body = `{${JSON.stringify(key)}:{"x":1},"submissionId":"${randomUUID()}","answers":${JSON.stringify(VALID_ANSWERS)}}`;
        expectFieldError(await submit(body), 400, key);
        expect(await countResponses(t.database.url)).toBe(before);
        const login = await request(server)
          .post('/api/auth/login')
          .set('Host', TEST_HOST)
          .set('Origin', TEST_ORIGIN)
          .set('Content-Type', 'application/json')
          .send(
            `{${JSON.stringify(key)}:1,"email":"${admin.email}","password":"${admin.password}"}`,
          );
        expectFieldError(login, 400, key);
      });
    },
  );

  it.each([
    ['v1 (time and node id)', 'c232ab00-9414-11ec-b3c8-9f6bdeced846'],
    ['v7 (time)', '017f22e2-79b0-7cc3-98c4-dc0c0c07398f'],
    ['v3 (name hash)', 'a3bb189e-8bf9-3888-9912-ace4e6543002'],
    ['nil', '00000000-0000-0000-0000-000000000000'],
  ])('refuses a submission id that is a UUID %s, naming the field', async (_kind, id) => {
    const before = await countResponses(t.database.url);
    const res = await submit({ submissionId: id, answers: VALID_ANSWERS });
    expectFieldError(res, 400, 'submissionId');
    expect(res.body).toMatchObject({
      errors: [{ field: 'submissionId', message: expect.stringMatching(/version 4/) as string }],
    });
    expect(await countResponses(t.database.url)).toBe(before);
  });

  it('accepts a version 4 submission id in capitals, stored in lower case', async () => {
    const id = randomUUID();
    await submit({ submissionId: id.toUpperCase(), answers: VALID_ANSWERS }).expect(201);
    expect(await countResponses(t.database.url, id)).toBe(1);
  });

  it('answers a replay of a stored submission with 200 and its receipt, even after the wave closed', async () => {
    const [closing] = await queryDatabase<{ id: string }>(
      t.database.url,
      `INSERT INTO wave (name, instrument_id, opens_at, closes_at)
       SELECT 'Closing soon', instrument_id, opens_at, closes_at FROM wave WHERE id = $1 RETURNING id`,
      [fixtures.openWaveId],
    );
    const code = `closing-${randomUUID()}`;
    await queryDatabase(
      t.database.url,
      `INSERT INTO survey_link (code, wave_id, organisation_id, service)
       SELECT $1, $2, organisation_id, 'adults' FROM survey_link WHERE code = $3`,
      [code, closing?.id, fixtures.openCode],
    );
    const submissionId = randomUUID();
    await submit({ submissionId, answers: VALID_ANSWERS }, code).expect(201);
    await queryDatabase(t.database.url, `UPDATE wave SET closes_at = now() WHERE id = $1`, [
      closing?.id,
    ]);

    const replay = await submit({ submissionId, answers: VALID_ANSWERS }, code);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ submissionId });
    // A new submission is too late, and so are different answers under the same id.
    await submit({ submissionId: randomUUID(), answers: VALID_ANSWERS }, code).expect(410);
    await submit({ submissionId, answers: { ...VALID_ANSWERS, demands1: 1 } }, code).expect(409);
    expect(await countResponses(t.database.url, submissionId)).toBe(1);
  });
});
