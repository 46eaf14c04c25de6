import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  countResponses,
  seedSurveyFixtures,
  type SurveyFixtures,
} from '../support/survey-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const validAnswers = {
  demands1: 4,
  demands2: 5,
  demands3: 3,
  demands5: 2,
  support1: 4,
  intentionToStay: 3,
  role: 'social-worker',
  employment: 'permanent',
};

describe('public survey API', () => {
  let t: TestApp;
  let server: App;
  let fixtures: SurveyFixtures;

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedSurveyFixtures(t.database.url);
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (body: unknown, code = fixtures.openCode) =>
    request(server)
      .post(`/api/surveys/${code}/responses`)
      .send(body as object);

  it('GET /api/health answers once the database does', async () => {
    const res = await request(server).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('GET /api/surveys/{code} describes an open survey', async () => {
    const res = await request(server).get(`/api/surveys/${fixtures.openCode}`).expect(200);
    expect(res.body).toMatchObject({
      code: fixtures.openCode,
      wave: { id: fixtures.openWaveId },
      organisation: { gssCode: 'E06000001', name: 'Hartlepool' },
      service: 'children',
      instrument: { key: 'health-check', version: 1 },
    });
    expect((res.body as { survey: { pages: unknown[] } }).survey.pages).toHaveLength(5);
  });

  it('answers 404 for an unknown code and 410 for a closed wave', async () => {
    await request(server).get(`/api/surveys/${fixtures.unknownCode}`).expect(404);
    await request(server)
      .get(`/api/surveys/${'x'.repeat(500)}`)
      .expect(404);
    const closed = await request(server).get(`/api/surveys/${fixtures.closedCode}`).expect(410);
    expect((closed.body as { message: string }).message).toMatch(/has closed/);
    await post({ submissionId: randomUUID(), answers: validAnswers }, fixtures.unknownCode).expect(
      404,
    );
    await post({ submissionId: randomUUID(), answers: validAnswers }, fixtures.closedCode).expect(
      410,
    );
  });

  it('stores a response, scores it, and keeps no time finer than the day', async () => {
    const submissionId = randomUUID();
    const res = await post({ submissionId, answers: validAnswers }).expect(201);
    expect(res.body).toEqual({ submissionId });
    const [row] = await queryDatabase<{
      scores: Record<string, { mean: number | null }>;
      submitted_on: unknown;
    }>(
      t.database.url,
      `SELECT scores, submitted_on::text AS submitted_on FROM survey_response WHERE submission_id = $1`,
      [submissionId],
    );
    // demands: 4, 5, 3 and reversed demands5 = 6 − 2 = 4 → mean 4.
    expect(row?.scores['demands']?.mean).toBe(4);
    expect(row?.scores['support']?.mean).toBeNull();
    expect(row?.submitted_on).toBe(new Date().toISOString().slice(0, 10));
  });

  it('stores no IP address, user agent, cookie or timestamp column', async () => {
    const columns = await queryDatabase<{ column_name: string; data_type: string }>(
      t.database.url,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'survey_response'`,
    );
    const names = columns.map((c) => c.column_name);
    for (const forbidden of [
      'ip',
      'ip_address',
      'user_agent',
      'cookie',
      'created_at',
      'session_id',
    ]) {
      expect(names).not.toContain(forbidden);
    }
    expect(columns.filter((c) => c.data_type.startsWith('timestamp'))).toEqual([]);
  });

  it('replaying one submission 20 times at once leaves one row and the same receipt', async () => {
    const submissionId = randomUUID();
    const before = await countResponses(t.database.url);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post({ submissionId, answers: validAnswers })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    for (const r of results) expect(r.body).toEqual({ submissionId });
    expect(await countResponses(t.database.url, submissionId)).toBe(1);
    expect(await countResponses(t.database.url)).toBe(before + 1);
  });

  it('treats the same answers in another key order as the same submission', async () => {
    const submissionId = randomUUID();
    await post({ submissionId, answers: validAnswers }).expect(201);
    const reordered = Object.fromEntries(Object.entries(validAnswers).reverse());
    await post({ submissionId, answers: reordered }).expect(200);
  });

  it('answers 409 when a submission id comes back with different answers', async () => {
    const submissionId = randomUUID();
    await post({ submissionId, answers: validAnswers }).expect(201);
    const res = await post({ submissionId, answers: { ...validAnswers, demands1: 1 } }).expect(409);
    expect((res.body as { errors: unknown[] }).errors).toEqual([
      {
        field: 'submissionId',
        message: 'was already used for different answers; generate a new one',
      },
    ]);
    expect(await countResponses(t.database.url, submissionId)).toBe(1);
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    const id = () => randomUUID();
    const cases: [string, () => request.Test, number, string][] = [
      [
        'unknown question',
        () => post({ submissionId: id(), answers: { ...validAnswers, shoeSize: 9 } }),
        400,
        'answers.shoeSize',
      ],
      [
        'out-of-range value',
        () => post({ submissionId: id(), answers: { ...validAnswers, demands1: 7 } }),
        400,
        'answers.demands1',
      ],
      [
        'wrong type',
        () => post({ submissionId: id(), answers: { ...validAnswers, support2: 'four' } }),
        400,
        'answers.support2',
      ],
      [
        'missing required answer',
        () => post({ submissionId: id(), answers: { role: 'asye', employment: 'agency' } }),
        400,
        'answers.intentionToStay',
      ],
      ['missing submission id', () => post({ answers: validAnswers }), 400, 'submissionId'],
      [
        'submission id not a UUID',
        () => post({ submissionId: 'abc', answers: validAnswers }),
        400,
        'submissionId',
      ],
      [
        'answers not an object',
        () => post({ submissionId: id(), answers: [1, 2, 3] }),
        400,
        'answers',
      ],
      [
        'unexpected envelope field',
        () => post({ submissionId: id(), answers: validAnswers, ip: '1.2.3.4' }),
        400,
        'ip',
      ],
      [
        'malformed JSON',
        () =>
          request(server)
            .post(`/api/surveys/${fixtures.openCode}/responses`)
            .set('Content-Type', 'application/json')
            .send('{"submissionId": "x", '),
        400,
        'body',
      ],
      [
        'oversized body',
        () =>
          post({
            submissionId: id(),
            answers: { ...validAnswers, padding: 'x'.repeat(70 * 1024) },
          }),
        413,
        'body',
      ],
      ['JSON array body', () => post([{ submissionId: id(), answers: validAnswers }]), 400, ''],
      [
        'empty body',
        () => request(server).post(`/api/surveys/${fixtures.openCode}/responses`),
        400,
        'submissionId',
      ],
    ];

    it.each(cases)('%s', async (_label, send, status, field) => {
      const before = await countResponses(t.database.url);
      const res = await send();
      expect(res.status).toBe(status);
      const body = res.body as { message: string; errors: { field: string; message: string }[] };
      expect(typeof body.message).toBe('string');
      if (field) expect(body.errors.map((e) => e.field)).toContain(field);
      else expect(body.errors.length + body.message.length).toBeGreaterThan(0);
      for (const e of body.errors) expect(e.message.length).toBeGreaterThan(0);
      expect(await countResponses(t.database.url)).toBe(before);
    });
  });

  it('publishes an OpenAPI document describing the survey routes', async () => {
    const res = await request(server).get('/api/docs-json').expect(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/surveys/{code}',
        '/api/surveys/{code}/responses',
      ]),
    );
  });
});
