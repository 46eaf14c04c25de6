import { randomUUID } from 'node:crypto';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  createStaffAccount,
  signIn,
  signInNewStaff,
  TEST_HOST,
  TEST_ORIGIN,
} from '../support/staff-fixtures';
import { seedSurveyFixtures, type SurveyFixtures, VALID_ANSWERS } from '../support/survey-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

/**
 * Thousands of generated bad requests across the public and staff routes: every answer is a 4xx
 * in the one error shape (or, for a sign-in, a refusal), never a 5xx or a stack trace, and nothing
 * is stored from any of them. Bad payloads are made by breaking a valid one in one way each, so
 * each is bad by construction. FUZZ_SEED repeats a run; the seed is in every failure message.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = { submissions: 700, codes: 300, logins: 300, reports: 250, admin: 300 } as const;

const QUESTION_NAMES = HEALTH_CHECK_V1.questions.map((q) => q.name);
const OBJECT_MEMBERS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const CONTROL = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085');

/** Anything JSON can carry, and a few shapes that break code which assumes objects. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, '', [], {}, -1, 1e308, 0.5, '💥', 'a'.repeat(5000)),
);
const notAQuestion = fc
  .string({ minLength: 1, maxLength: 30 })
  .filter((k) => !QUESTION_NAMES.includes(k));
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A UUID of any version but 4 (v1/v7 carry time), or no UUID at all. */
const notAV4Uuid = fc.oneof(
  fc.uuid({ version: [1, 2, 3, 5, 6, 7, 8] }),
  fc.string({ maxLength: 40 }),
  anyValue.filter((v) => typeof v !== 'string'),
);

/** One way each to break a valid JSON body; the result is an object or raw text. */
function mutations(
  template: Record<string, unknown>,
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown> | string> {
  const keys = Object.keys(template);
  const withKey = (key: string, value: unknown) => ({ ...template, [key]: value });
  const options: fc.Arbitrary<Record<string, unknown> | string>[] = [
    // A field of the wrong kind (each field's own bad values).
    ...Object.entries(fields).map(([key, bad]) => bad.map((value) => withKey(key, value))),
    // A field missing.
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...template };
      delete copy[key];
      return copy;
    }),
    // A field nobody asked for.
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k)),
        anyValue,
      )
      .map(([key, value]) => withKey(key, value)),
    // Keys named like Object.prototype members, which copies into classes drop.
    fc.constantFrom(...OBJECT_MEMBERS).map((key) => {
      const json = JSON.stringify(template);
      return `{${JSON.stringify(key)}:1,${json.slice(1)}`;
    }),
    // Control characters in a value.
    fc
      .tuple(fc.constantFrom(...keys), CONTROL)
      .map(([key, c]) => withKey(key, `${String(template[key])}${c}`)),
    // Nested too deeply, at a field.
    fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 17, max: 3000 })).map(([key, depth]) => {
      const json = JSON.stringify({ ...template, [key]: 'DEEP' });
      return json.replace('"DEEP"', deep(depth));
    }),
    // Not JSON any more.
    fc.integer({ min: 1, max: 40 }).map((cut) => JSON.stringify(template).slice(0, -cut)),
    // Not an object.
    anyValue
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
  ];
  return fc.oneof(...options);
}

interface ErrorBody {
  statusCode?: unknown;
  message?: unknown;
  errors?: unknown;
}

describe(`fuzzing the api (FUZZ_SEED=${SEED})`, () => {
  let t: TestApp;
  let server: App;
  let fixtures: SurveyFixtures;
  let adminCookie: string;
  let pswCookie: string;
  let pswAccountId: string;
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    server = t.app.getHttpServer();
    fixtures = await seedSurveyFixtures(t.database.url);
    adminCookie = await signInNewStaff(t, { email: 'fuzz-admin@council.test', role: 'admin' });
    const psw = await createStaffAccount(t.database.url, {
      email: 'fuzz-psw@council.test',
      role: 'psw',
      gssCodes: ['E06000001'],
    });
    pswAccountId = psw.id;
    pswCookie = await signIn(server, psw);
  });

  afterAll(async () => {
    await t?.close();
  });

  const counts = async () =>
    (
      await queryDatabase<{
        responses: string;
        accounts: string;
        headcounts: string;
        k: string | null;
      }>(
        t.database.url,
        `SELECT (SELECT count(*) FROM survey_response) AS responses,
                (SELECT count(*) FROM staff_account) AS accounts,
                (SELECT count(*) FROM headcount) AS headcounts,
                (SELECT string_agg(value::text, ',') FROM setting) AS k`,
      )
    )[0];

  /** Sends one request and checks the answer's shape; returns the status. */
  async function send(
    label: string,
    method: 'get' | 'post' | 'put',
    path: string,
    body?: Record<string, unknown> | string,
    cookie?: string,
    only4xx = true,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    sent++;
    const agent = request(server);
    let req = agent[method](path)
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('X-Forwarded-For', '198.18.0.1')
      .set(headers);
    if (cookie) req = req.set('Cookie', cookie);
    if (body !== undefined) {
      req = req
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    }
    const res = await req;
    const context = `FUZZ_SEED=${SEED} ${label}: ${method.toUpperCase()} ${path.slice(0, 120)} ${
      typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200)
    } → ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`server error: ${context}`);
    if (only4xx && res.status < 400) throw new Error(`expected a 4xx: ${context}`);
    if (/\bat [^\s]+ \(?[^\s]+:\d+:\d+\)?/.test(res.text) || /node_modules/.test(res.text)) {
      throw new Error(`stack trace in the answer: ${context}`);
    }
    if (res.status >= 400) {
      const b = res.body as ErrorBody;
      const shaped =
        typeof b === 'object' &&
        b !== null &&
        typeof b.message === 'string' &&
        Array.isArray(b.errors) &&
        (b.errors as unknown[]).every(
          (e) =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as { field?: unknown }).field === 'string' &&
            typeof (e as { message?: unknown }).message === 'string',
        );
      if (!shaped) throw new Error(`not a {message, errors} body: ${context}`);
    }
    return { status: res.status, text: res.text };
  }

  /** Runs every sample through `check`, a few at a time. */
  async function each<T>(
    arbitrary: fc.Arbitrary<T>,
    runs: number,
    check: (value: T) => Promise<void>,
  ) {
    const samples = fc.sample(arbitrary, { seed: SEED + runs, numRuns: runs });
    for (let i = 0; i < samples.length; i += 8) {
      await Promise.all(samples.slice(i, i + 8).map((s) => check(s)));
    }
  }

  it('stores nothing from bad survey responses and answers each with a 4xx, by the intake lane and the Nest route alike', async () => {
    const before = await counts();
    const template = { submissionId: randomUUID(), answers: VALID_ANSWERS };
    const badAnswers = fc.oneof(
      anyValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      fc.tuple(notAQuestion, anyValue).map(([k, v]) => ({ ...VALID_ANSWERS, [k]: v })),
      fc
        .tuple(fc.constantFrom('demands1', 'support1', 'intentionToStay'), anyValue)
        .filter(([, v]) => !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5))
        .map(([k, v]) => ({ ...VALID_ANSWERS, [k]: v })),
      fc
        .tuple(fc.constantFrom('role', 'employment', 'gender'), anyValue)
        .filter(([, v]) => typeof v !== 'string' || v.length > 25)
        .map(([k, v]) => ({ ...VALID_ANSWERS, [k]: v })),
      fc.constantFrom('intentionToStay', 'role', 'employment').map((k) => {
        const copy: Record<string, unknown> = { ...VALID_ANSWERS };
        delete copy[k];
        return copy;
      }),
      fc.constantFrom(...OBJECT_MEMBERS).map((k) => ({ ...VALID_ANSWERS, [k]: 1 })),
    );
    const payloads = fc
      .tuple(
        mutations(template, { submissionId: notAV4Uuid, answers: badAnswers }),
        fc.uuid({ version: 4 }),
      )
      .map(([payload, id]) =>
        typeof payload === 'string'
          ? payload.replace(template.submissionId, id)
          : {
              ...payload,
              ...(payload['submissionId'] === template.submissionId ? { submissionId: id } : {}),
            },
      );
    const path = `/api/surveys/${fixtures.openCode}/responses`;
    await each(payloads, RUNS.submissions, async (payload) => {
      const lane = await send('submission', 'post', path, payload);
      // The intake lane leaves any content encoding to Express: the Nest route must answer alike.
      const nest = await send('submission (Nest route)', 'post', path, payload, undefined, true, {
        'Content-Encoding': 'identity',
      });
      expect(nest).toEqual(lane);
    });
    expect((await counts())?.responses).toBe(before?.responses);
  });

  it('answers survey codes of any shape with a 4xx, never a 5xx', async () => {
    const codes = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }).map(encodeURIComponent),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom(
        '%',
        '%ZZ',
        '%C0%AF',
        '%00',
        '%FF%FE',
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e',
        'a%2Fb',
      ),
      fc.string({ maxLength: 500 }).map((s) => encodeURIComponent(`x${s}`)),
    );
    await each(codes, RUNS.codes, async (code) => {
      await send('code', 'get', `/api/surveys/${code}`);
      await send('code', 'post', `/api/surveys/${code}/responses`, {
        submissionId: randomUUID(),
        answers: VALID_ANSWERS,
      });
    });
  });

  it('refuses bad sign-ins with a 4xx and signs nobody in', async () => {
    const template = { email: 'fuzz-admin@council.test', password: 'not the right password' };
    const logins = mutations(template, {
      email: fc.oneof(
        anyValue.filter((v) => typeof v !== 'string'),
        fc.string({ maxLength: 300 }),
        fc.tuple(fc.emailAddress(), CONTROL).map(([e, c]) => `${e}${c}`),
      ),
      password: fc.oneof(
        anyValue.filter((v) => typeof v !== 'string'),
        fc.string({ maxLength: 40 }),
      ),
    });
    await each(logins, RUNS.logins, async (body) => {
      await send('login', 'post', '/api/auth/login', body);
    });
  });

  it('answers report queries of any shape without a 5xx', async () => {
    const queries = fc.record({
      gss: fc.oneof(
        fc.constantFrom('E06000001', 'E06000002', 'E99999999', 'e06000001'),
        fc.string({ maxLength: 20 }).map(encodeURIComponent),
      ),
      wave: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent))),
      service: fc.option(
        fc.oneof(
          fc.constantFrom('children', 'adults', 'both'),
          fc.string({ maxLength: 10 }).map(encodeURIComponent),
        ),
      ),
      extra: fc.option(
        fc.constantFrom('&service=children&service=adults', '&wave[]=1', '&x=1', '&__proto__[a]=1'),
      ),
      csv: fc.boolean(),
      psw: fc.boolean(),
    });
    await each(queries, RUNS.reports, async (q) => {
      const query = [
        q.wave === null ? '' : `wave=${q.wave}`,
        q.service === null ? '' : `service=${q.service}`,
      ]
        .filter(Boolean)
        .join('&');
      const path = `/api/organisations/${q.gss}/report${q.csv ? '.csv' : ''}?${query}${q.extra ?? ''}`;
      // A well-formed query may be answered (the open wave's counts): only never a 5xx.
      await send('report', 'get', path, undefined, q.psw ? pswCookie : adminCookie, false);
    });
  });

  it('changes nothing from bad administration bodies and answers each with a 4xx', async () => {
    const before = await counts();
    const gss = fc
      .oneof(fc.string({ maxLength: 12 }), anyValue)
      .filter((v) => typeof v !== 'string' || !/^E\d{8}$/i.test(v));
    const routes = fc.oneof(
      mutations(
        {
          email: 'someone-new@council.test',
          password: 'a long enough password',
          role: 'researcher',
        },
        {
          email: anyValue.filter((v) => typeof v !== 'string'),
          password: anyValue.filter((v) => typeof v !== 'string'),
          role: anyValue.filter((v) => !['admin', 'psw', 'researcher'].includes(v as string)),
          // null is allowed here: the field is optional.
          organisationGssCodes: fc.oneof(
            anyValue.filter((v) => !Array.isArray(v) && v !== null),
            fc.array(gss, { minLength: 1 }),
          ),
        },
      ).map((body) => ({ method: 'post' as const, path: '/api/admin/accounts', body })),
      fc
        .tuple(
          fc.oneof(
            fc.constant(pswAccountId),
            fc.uuid(),
            fc.string({ maxLength: 30 }).map(encodeURIComponent),
          ),
          mutations(
            { gssCodes: ['E06000001'] },
            {
              gssCodes: fc.oneof(
                anyValue.filter((v) => !Array.isArray(v)),
                fc.array(gss, { minLength: 1 }),
              ),
            },
          ),
        )
        .map(([id, body]) => ({
          method: 'put' as const,
          path: `/api/admin/accounts/${id}/organisations`,
          body,
        })),
      mutations(
        { minimumGroupSize: 10 },
        {
          minimumGroupSize: anyValue.filter(
            (v) => !(Number.isInteger(v) && (v as number) >= 5 && (v as number) <= 100),
          ),
        },
      ).map((body) => ({
        method: 'put' as const,
        path: '/api/admin/settings/minimum-group-size',
        body,
      })),
      mutations(
        { wave: fixtures.openWaveId, service: 'children', headcount: 120 },
        {
          wave: fc.oneof(
            fc.string({ maxLength: 40 }),
            anyValue.filter((v) => typeof v !== 'string'),
          ),
          service: anyValue.filter((v) => v !== 'children' && v !== 'adults'),
          headcount: anyValue.filter(
            (v) => !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100000),
          ),
        },
      ).map((body) => ({
        method: 'put' as const,
        path: '/api/organisations/E06000001/headcount',
        body,
      })),
    );
    await each(routes, RUNS.admin, async ({ method, path, body }) => {
      await send('admin', method, path, body, adminCookie);
    });
    expect(await counts()).toEqual(before);
  });

  it(`sent at least 2,000 generated requests`, () => {
    expect(sent).toBeGreaterThanOrEqual(2000);
  });
});
