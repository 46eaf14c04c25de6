import { randomBytes } from 'node:crypto';
import { queryDatabase } from './test-database';

export interface SurveyFixtures {
  readonly openCode: string;
  readonly closedCode: string;
  readonly unknownCode: string;
  readonly openWaveId: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Answers to Health Check v1 that the survey route stores (a few questions; the rest left out). */
export const VALID_ANSWERS = {
  demands1: 4,
  support1: 4,
  intentionToStay: 3,
  role: 'social-worker',
  employment: 'permanent',
};

/**
 * An open and a closed wave of Health Check v1 with a link each for Hartlepool's children's
 * services. Needs a database the app has started on once (migrations and reference data done).
 */
export async function seedSurveyFixtures(databaseUrl: string): Promise<SurveyFixtures> {
  const tag = randomBytes(4).toString('hex');
  const [instrument] = await queryDatabase<{ id: string }>(
    databaseUrl,
    `SELECT id FROM instrument WHERE key = 'health-check' AND version = 1`,
  );
  const [organisation] = await queryDatabase<{ id: string }>(
    databaseUrl,
    `SELECT id FROM organisation WHERE gss_code = 'E06000001'`,
  );
  if (!instrument || !organisation)
    throw new Error('Start the app on this database before seeding fixtures');
  const now = Date.now();
  const wave = async (name: string, opensAt: number, closesAt: number): Promise<string> => {
    const [row] = await queryDatabase<{ id: string }>(
      databaseUrl,
      `INSERT INTO wave (name, instrument_id, opens_at, closes_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [name, instrument.id, new Date(opensAt), new Date(closesAt)],
    );
    if (!row) throw new Error('wave insert returned nothing');
    return row.id;
  };
  const openWaveId = await wave(`Test open ${tag}`, now - 10 * DAY, now + 30 * DAY);
  const closedWaveId = await wave(`Test closed ${tag}`, now - 60 * DAY, now - 5 * DAY);
  const openCode = `test-open-${tag}`;
  const closedCode = `test-closed-${tag}`;
  for (const [code, waveId] of [
    [openCode, openWaveId],
    [closedCode, closedWaveId],
  ]) {
    await queryDatabase(
      databaseUrl,
      `INSERT INTO survey_link (code, wave_id, organisation_id, service) VALUES ($1, $2, $3, 'children')`,
      [code, waveId, organisation.id],
    );
  }
  return { openCode, closedCode, unknownCode: `no-such-link-${tag}`, openWaveId };
}

export async function countResponses(databaseUrl: string, submissionId?: string): Promise<number> {
  const rows = await queryDatabase<{ n: string }>(
    databaseUrl,
    submissionId
      ? 'SELECT count(*) AS n FROM survey_response WHERE submission_id = $1'
      : 'SELECT count(*) AS n FROM survey_response',
    submissionId ? [submissionId] : [],
  );
  return Number(rows[0]?.n ?? 0);
}
