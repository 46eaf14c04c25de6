import type { Answers, ServiceKind } from '@swhc/contracts';
import { HEALTH_CHECK_V1, scoreResponse } from '@swhc/instruments';
import { Client } from 'pg';
import { hashPassword } from '../../apps/api/src/accounts/password-hasher';
import { SeededRandom } from '../../apps/api/src/demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../apps/api/src/demo/synthetic-responses';
import { answersDigest } from '../../apps/api/src/responses/answers-digest';

/**
 * A small England for report tests: three waves of Health Check v1 (2024 and 2025 closed, 2026
 * open) and synthetic responses from the demo's seeded latent-factor model for 24 LAs in several
 * regions. Written straight into the database, as stored responses would be.
 *
 * Planted facts the tests rely on:
 * - Hartlepool (E06000001, North East) has 60 children's responses per closed wave, 4 of them
 *   agency workers (a group below K whose complement must go too), and 25 in the open wave.
 * - Middlesbrough (E06000002) has 5 children's responses in 2025: below K, so nothing is shown.
 * - In the adults' 2025 data one support item is answered about two points higher by everyone:
 *   its intercept differs between waves, so scalar invariance fails for support (adults only).
 */
export interface ReportFixtures {
  readonly wave2024: string;
  readonly wave2025: string;
  readonly wave2026: string;
  readonly hartlepool: string;
  readonly middlesbrough: string;
}

export const HARTLEPOOL = 'E06000001';
export const MIDDLESBROUGH = 'E06000002';
const OTHER_LAS = [
  'E06000003',
  'E06000004',
  'E06000005',
  'E06000047',
  'E08000021',
  'E08000037',
  'E09000001',
  'E09000002',
  'E09000003',
  'E09000005',
  'E09000007',
  'E10000003',
  'E10000016',
  'E10000007',
  'E10000012',
  'E10000014',
  'E06000015',
  'E06000023',
  'E08000025',
  'E08000035',
  'E10000028',
  'E10000030',
];

const DAY = 24 * 60 * 60 * 1000;

export interface PlannedResponse {
  readonly organisationId: string;
  readonly service: ServiceKind;
  readonly answers: Answers;
}

export async function seedReportFixtures(databaseUrl: string): Promise<ReportFixtures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const instrumentId = await healthCheckInstrumentId(client);
    const organisations = new Map(
      (
        await client.query<{ id: string; gss_code: string }>(
          'SELECT id, gss_code FROM organisation WHERE gss_code = ANY($1)',
          [[HARTLEPOOL, MIDDLESBROUGH, ...OTHER_LAS]],
        )
      ).rows.map((r) => [r.gss_code, r.id]),
    );
    const orgId = (gss: string): string => {
      const id = organisations.get(gss);
      if (!id) throw new Error(`No organisation ${gss}`);
      return id;
    };
    // Already seeded on this database (a browser test worker restarted): reuse it.
    const existing = (
      await client.query<{ id: string; name: string }>(
        `SELECT id, name FROM wave WHERE name LIKE 'Report test %'`,
      )
    ).rows;
    const idOf = (name: string) => existing.find((w) => w.name === name)?.id;
    const [e2024, e2025, e2026] = ['2024', '2025', '2026'].map((y) => idOf(`Report test ${y}`));
    if (e2024 && e2025 && e2026) {
      return {
        wave2024: e2024,
        wave2025: e2025,
        wave2026: e2026,
        hartlepool: orgId(HARTLEPOOL),
        middlesbrough: orgId(MIDDLESBROUGH),
      };
    }
    const now = Date.now();
    const wave = (name: string, opensAt: number, closesAt: number): Promise<string> =>
      insertWave(client, {
        name,
        instrumentId,
        opensAt: new Date(opensAt),
        closesAt: new Date(closesAt),
      });
    const wave2024 = await wave('Report test 2024', now - 420 * DAY, now - 330 * DAY);
    const wave2025 = await wave('Report test 2025', now - 60 * DAY, now - 5 * DAY);
    const wave2026 = await wave('Report test 2026', now - 3 * DAY, now + 60 * DAY);

    const random = new SeededRandom(20240501);
    const profiles = new Map<string, ReturnType<typeof randomUnitProfile>>();
    const profileOf = (key: string) => {
      let p = profiles.get(key);
      if (!p) {
        p = randomUnitProfile(random);
        profiles.set(key, p);
      }
      return p;
    };
    const plan = (
      gss: string,
      service: ServiceKind,
      n: number,
      shift: readonly number[],
      patch?: (i: number, answers: Answers) => Answers,
    ): PlannedResponse[] =>
      Array.from({ length: n }, (_, i) => {
        const answers = syntheticAnswers(
          HEALTH_CHECK_V1,
          service,
          profileOf(`${gss}|${service}`),
          { skipRate: 0.03, waveShift: shift },
          random,
        );
        return {
          organisationId: orgId(gss),
          service,
          answers: patch ? patch(i, answers) : answers,
        };
      });
    const hartlepoolAnswers = (i: number, answers: Answers): Answers => ({
      ...answers,
      employment: i < 4 ? 'agency' : 'permanent',
    });
    const shiftedSupport = (_i: number, answers: Answers): Answers =>
      typeof answers['support2'] === 'number'
        ? { ...answers, support2: Math.min(5, answers['support2'] + 2) }
        : answers;

    for (const [waveId, shift, fraction] of [
      [wave2024, [0, 0, 0, 0], 1],
      [wave2025, [-0.1, 0.15, 0.05, 0.1], 1],
      [wave2026, [0, 0, 0, 0], 0.3],
    ] as const) {
      const responses: PlannedResponse[] = [];
      const closed = waveId !== wave2026;
      responses.push(
        ...plan(HARTLEPOOL, 'children', closed ? 60 : 25, shift, hartlepoolAnswers),
        ...plan(HARTLEPOOL, 'adults', closed ? 40 : 6, shift),
      );
      if (waveId === wave2025) responses.push(...plan(MIDDLESBROUGH, 'children', 5, shift));
      OTHER_LAS.forEach((gss, i) => {
        for (const service of ['children', 'adults'] as const) {
          const n = Math.round((30 + ((i * 17 + (service === 'adults' ? 7 : 0)) % 50)) * fraction);
          responses.push(
            ...plan(
              gss,
              service,
              n,
              shift,
              waveId === wave2025 && service === 'adults' ? shiftedSupport : undefined,
            ),
          );
        }
      });
      if (waveId === wave2025) {
        // Hartlepool's adults' responses get the same shifted item as everyone else's.
        for (const r of responses) {
          if (r.service === 'adults' && r.organisationId === orgId(HARTLEPOOL)) {
            Object.assign(r, { answers: shiftedSupport(0, r.answers) });
          }
        }
      }
      await insertResponses(client, waveId, responses, new Date(now));
    }
    return {
      wave2024,
      wave2025,
      wave2026,
      hartlepool: orgId(HARTLEPOOL),
      middlesbrough: orgId(MIDDLESBROUGH),
    };
  } finally {
    await client.end();
  }
}

export async function insertResponses(
  client: Client,
  waveId: string,
  responses: readonly PlannedResponse[],
  day: Date,
): Promise<void> {
  const links = new Map<string, string>();
  for (const r of responses) {
    const key = `${r.organisationId}|${r.service}`;
    if (links.has(key)) continue;
    links.set(
      key,
      await insertSurveyLink(client, {
        code: `report-test-${crypto.randomUUID()}`,
        waveId,
        organisationId: r.organisationId,
        service: r.service,
      }),
    );
  }
  const submittedOn = day.toISOString().slice(0, 10);
  const rows = responses.map((r) => ({
    ...r,
    waveId,
    surveyLinkId: links.get(`${r.organisationId}|${r.service}`) ?? '',
    submittedOn,
  }));
  for (let start = 0; start < rows.length; start += 200) {
    await insertStoredResponses(client, rows.slice(start, start + 200));
  }
}

// Writing rows straight into the database, as the app stores them (shared with bench:report).

/** Health Check v1's id: the app publishes it when it first starts on a database. */
export async function healthCheckInstrumentId(client: Client): Promise<string> {
  const row = (
    await client.query<{ id: string }>(
      `SELECT id FROM instrument WHERE key = 'health-check' AND version = 1`,
    )
  ).rows[0];
  if (!row) throw new Error('No Health Check v1 in this database: start the app on it first');
  return row.id;
}

/** Runs an `INSERT … RETURNING id` of one row and gives the id. */
async function insertReturningId(client: Client, sql: string, params: unknown[]): Promise<string> {
  const row = (await client.query<{ id: string }>(sql, params)).rows[0];
  if (!row) throw new Error(`insert returned nothing: ${sql}`);
  return row.id;
}

export function insertWave(
  client: Client,
  wave: { name: string; instrumentId: string; opensAt: Date; closesAt: Date },
): Promise<string> {
  return insertReturningId(
    client,
    `INSERT INTO wave (name, instrument_id, opens_at, closes_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [wave.name, wave.instrumentId, wave.opensAt, wave.closesAt],
  );
}

export function insertSurveyLink(
  client: Client,
  link: { code: string; waveId: string; organisationId: string; service: ServiceKind },
): Promise<string> {
  return insertReturningId(
    client,
    // A second batch for the same wave, LA and service (a test adding responses) reuses its link.
    `INSERT INTO survey_link (code, wave_id, organisation_id, service) VALUES ($1, $2, $3, $4)
     ON CONFLICT (wave_id, organisation_id, service) DO UPDATE SET code = survey_link.code RETURNING id`,
    [link.code, link.waveId, link.organisationId, link.service],
  );
}

export interface StoredResponseRow {
  readonly surveyLinkId: string;
  readonly waveId: string;
  readonly organisationId: string;
  readonly service: ServiceKind;
  readonly answers: Answers;
  /** YYYY-MM-DD: the app stores the day only. */
  readonly submittedOn: string;
}

/** One multi-row INSERT; each response scored and digested as the app does on submission. */
export async function insertStoredResponses(
  client: Client,
  rows: readonly StoredResponseRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((r, i) => {
    values.push(
      crypto.randomUUID(),
      r.surveyLinkId,
      r.waveId,
      r.organisationId,
      r.service,
      JSON.stringify(r.answers),
      JSON.stringify(scoreResponse(HEALTH_CHECK_V1, r.answers)),
      answersDigest(r.answers),
      r.submittedOn,
    );
    const b = i * 9;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, $${b + 7}::jsonb, $${b + 8}, $${b + 9})`;
  });
  await client.query(
    `INSERT INTO survey_response (submission_id, survey_link_id, wave_id, organisation_id, service,
       answers, scores, answers_digest, submitted_on) VALUES ${tuples.join(', ')}`,
    values,
  );
}

/** A staff account straight in the database (argon2id hash from the app's own hasher). */
export async function createReportAccount(
  databaseUrl: string,
  input: {
    email: string;
    password: string;
    role: 'psw' | 'admin' | 'researcher';
    gssCodes?: readonly string[];
  },
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const taken = await client.query('SELECT 1 FROM staff_account WHERE email = $1', [input.email]);
    if (taken.rowCount) return;
    const accountId = await insertReturningId(
      client,
      `INSERT INTO staff_account (email, password_hash, role) VALUES ($1, $2, $3) RETURNING id`,
      [input.email, await hashPassword(input.password), input.role],
    );
    for (const code of input.gssCodes ?? []) {
      await client.query(
        `INSERT INTO staff_account_organisation (staff_account_id, organisation_id)
         SELECT $1, id FROM organisation WHERE gss_code = $2`,
        [accountId, code],
      );
    }
  } finally {
    await client.end();
  }
}
