import { randomUUID } from 'node:crypto';
import { type RunningApp, startBuiltApp } from '../support/app-server';
import { seedSurveyFixtures, type SurveyFixtures } from '../support/survey-fixtures';
import { provisionTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database';

const ANSWERS = {
  demands1: 4,
  support1: 2,
  intentionToStay: 3,
  role: 'social-worker',
  employment: 'agency',
};
const CLIENTS = 6;
const KILLS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Survey responses keep arriving while the api (two workers) is killed outright three times and
 * started again, as a crash or an out-of-memory kill would do it. Clients retry what got no answer
 * with the same submission id, as the web app does. Every submission the api acknowledged (201,
 * or 200 for a replay) must be stored, and exactly once.
 */
describe('durability when the api is killed under load', () => {
  let database: TestDatabase;
  let fixtures: SurveyFixtures;
  let app: RunningApp | null = null;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    app = await startBuiltApp(database.url, { env: { WEB_CONCURRENCY: '2' } });
    fixtures = await seedSurveyFixtures(database.url);
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('stores every acknowledged submission exactly once across three kill -9s', async () => {
    const acknowledged = new Set<string>();
    const unanswered: string[] = [];
    let sending = true;
    const post = async (submissionId: string): Promise<boolean> => {
      const current = app;
      if (!current) return false;
      try {
        const res = await fetch(`${current.baseUrl}/api/surveys/${fixtures.openCode}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ submissionId, answers: ANSWERS }),
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer();
        if (res.status === 201 || res.status === 200) {
          acknowledged.add(submissionId);
          return true;
        }
        return false;
      } catch {
        return false;
      }
    };
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (sending) {
        // A retry first, as a browser would after a failed send; else a new response.
        const submissionId = unanswered.shift() ?? randomUUID();
        if (!(await post(submissionId))) {
          unanswered.push(submissionId);
          await sleep(50);
        }
      }
    });

    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(1500);
      const running = app;
      app = null;
      await running?.kill();
      app = await startBuiltApp(database.url, { env: { WEB_CONCURRENCY: '2' } });
    }
    await sleep(1500);
    sending = false;
    await Promise.all(clients);
    // What was never answered is sent once more, so the count below covers retries too.
    for (const submissionId of unanswered.splice(0)) await post(submissionId);

    expect(acknowledged.size).toBeGreaterThan(50);
    const rows = await queryDatabase<{ submission_id: string; n: string }>(
      database.url,
      'SELECT submission_id, count(*) AS n FROM survey_response GROUP BY submission_id',
    );
    const stored = new Map(rows.map((r) => [r.submission_id, Number(r.n)]));
    const missing = [...acknowledged].filter((id) => !stored.has(id));
    const twice = rows.filter((r) => Number(r.n) !== 1);
    expect({ missing, twice }).toEqual({ missing: [], twice: [] });
  }, 300_000);
});
