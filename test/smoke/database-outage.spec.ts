import { createHash, randomUUID } from 'node:crypto';
import type { Answers } from '@swhc/contracts';
import { type RunningApp, startBuiltApp } from '../support/app-server';
import { ALWAYS_SECRET, logLeaks } from '../support/log-leaks';
import { createStaffAccount } from '../support/staff-fixtures';
import { seedSurveyFixtures, type SurveyFixtures } from '../support/survey-fixtures';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';

const PASSWORD = 'an admin passphrase 7f3a9c';
const WRONG_PASSWORD = 'a wrong guess 51e0b2';

/** A complete response whose every text answer is distinctive, so the logs can be searched for it. */
const ANSWERS: Answers = {
  demands1: 4,
  demands2: 5,
  support1: 2,
  intentionToStay: 3,
  role: 'senior-practitioner',
  teamType: 'care-and-placements',
  employment: 'agency',
  yearsQualified: '11-20',
  workingPattern: 'part-time',
  gender: 'prefer-not-to-say',
  ethnicity: 'mixed',
  disability: 'yes',
};

interface Outcome {
  readonly status: number;
  readonly retryAfter: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The built app (two workers) under a steady load of survey responses, sign-ins and signed-in
 * requests while its PostgreSQL is killed and brought back. Nothing it logs meanwhile may carry
 * an answer, a password, a session token or id, or a submission id; a request it cannot serve is
 * told 503 with Retry-After, never 500; afterwards it serves again without a restart.
 */
describe('a database outage under load', () => {
  let pg: ThrowawayPostgres;
  let app: RunningApp;
  let fixtures: SurveyFixtures;
  let cookie = '';
  const outcomes: Outcome[] = [];
  const submissionIds: string[] = [];

  const send = async (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${app.baseUrl}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        origin: app.baseUrl,
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const record = async (response: Promise<Response>): Promise<void> => {
    try {
      const r = await response;
      await r.arrayBuffer();
      outcomes.push({ status: r.status, retryAfter: r.headers.get('retry-after') });
    } catch {
      outcomes.push({ status: 0, retryAfter: null });
    }
  };
  const submit = () => {
    const submissionId = randomUUID();
    submissionIds.push(submissionId);
    return send(`/api/surveys/${fixtures.openCode}/responses`, {
      method: 'POST',
      body: JSON.stringify({ submissionId, answers: ANSWERS }),
    });
  };

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    app = await startBuiltApp(pg.url, { env: { WEB_CONCURRENCY: '2' } });
    fixtures = await seedSurveyFixtures(pg.url);
    await createStaffAccount(pg.url, {
      email: 'outage-admin@council.test',
      role: 'admin',
      password: PASSWORD,
    });
    const signedIn = await send('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'outage-admin@council.test', password: PASSWORD }),
    });
    expect(signedIn.status).toBe(200);
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^swhc_session=/);
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    pg?.stop();
  });

  it('answers 503 with Retry-After while the database is down, never 500, and serves again after', async () => {
    let running = true;
    const load = Array.from({ length: 6 }, async (_, i) => {
      while (running) {
        if (i === 0) {
          await record(
            send('/api/auth/login', {
              method: 'POST',
              body: JSON.stringify({
                email: 'outage-admin@council.test',
                password: WRONG_PASSWORD,
              }),
            }),
          );
        } else if (i === 1) {
          await record(send('/api/auth/me', { headers: { cookie } }));
        } else {
          await record(submit());
        }
      }
    });
    await sleep(1000);
    pg.crash();
    await sleep(3000);
    pg.start();
    // Serving again without a restart: health, then a few more seconds of load.
    for (let i = 0; i < 120; i++) {
      const health = await fetch(`${app.baseUrl}/api/health`).catch(() => null);
      if (health?.status === 200) break;
      await sleep(250);
    }
    await sleep(2000);
    running = false;
    await Promise.all(load);

    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 500)).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((o) => !o.retryAfter)).toEqual([]);
    expect(statuses).toContain(201);
    const afterwards = await submit();
    expect(afterwards.status).toBe(201);
    expect((await send('/api/auth/me', { headers: { cookie } })).status).toBe(200);
  }, 120_000);

  it('logs structured lines only, none carrying an answer, a password, a session token or id, or a submission id', () => {
    const token = cookie.split('=')[1] ?? '';
    const secrets = [
      ...ALWAYS_SECRET,
      ...Object.values(ANSWERS).flatMap((v) => (typeof v === 'string' ? [`"${v}"`] : [])),
      PASSWORD,
      WRONG_PASSWORD,
      token,
      createHash('sha256').update(token).digest('hex'),
      ...submissionIds,
    ];
    const output = app.output();
    expect(output.split('\n').length).toBeGreaterThan(20);
    expect(logLeaks(output, secrets).map((line) => line.slice(0, 300))).toEqual([]);
  });
});
