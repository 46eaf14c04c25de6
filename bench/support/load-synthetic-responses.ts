/**
 * Loads a synthetic England into a migrated database for the benchmarks: `las` LAs × 2 closed waves
 * × 2 services, `responses` responses from the demo's seeded latent-factor model (unit sizes vary
 * like real LAs), bulk-loaded with 1,000-row INSERTs; and staff accounts to sign in with.
 */
import { performance } from 'node:perf_hooks';
import type { ServiceKind, StaffRoleName } from '@swhc/contracts';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { Client } from 'pg';
import { hashPassword } from '../../apps/api/src/accounts/password-hasher';
import { SeededRandom } from '../../apps/api/src/demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../apps/api/src/demo/synthetic-responses';
import {
  healthCheckInstrumentId,
  insertStoredResponses,
  insertSurveyLink,
  insertWave,
  type StoredResponseRow,
} from '../../test/support/report-fixtures';

const SERVICES: readonly ServiceKind[] = ['children', 'adults'];
const DAY = 24 * 60 * 60 * 1000;

/** Response counts per (LA, wave, service) that vary like real LAs and add up to `responses`. */
export function unitSizes(random: SeededRandom, units: number, responses: number): number[] {
  const weights = Array.from({ length: units }, () => 0.15 + random.next() * random.next() * 3);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.round((responses * w) / total)));
  const last = sizes.length - 1;
  sizes[last] = (sizes[last] ?? 0) + responses - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export interface LoadedData {
  readonly gssCodes: string[];
  /** The two closed waves, older first. */
  readonly waveIds: string[];
}

export async function loadSyntheticResponses(
  databaseUrl: string,
  { las, responses }: { las: number; responses: number },
): Promise<LoadedData> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const instrumentId = await healthCheckInstrumentId(client);
    const organisations = (
      await client.query<{ id: string; gss_code: string }>(
        'SELECT id, gss_code FROM organisation ORDER BY gss_code LIMIT $1',
        [las],
      )
    ).rows;
    const now = Date.now();
    const waves: { id: string; shift: number[] }[] = [];
    for (const [name, opens, closes, shift] of [
      ['Bench 2024', now - 420 * DAY, now - 330 * DAY, [0, 0, 0, 0]],
      ['Bench 2025', now - 60 * DAY, now - 5 * DAY, [-0.05, 0.08, 0.03, 0.06]],
    ] as const) {
      const id = await insertWave(client, {
        name,
        instrumentId,
        opensAt: new Date(opens),
        closesAt: new Date(closes),
      });
      waves.push({ id, shift: [...shift] });
    }

    const random = new SeededRandom(20261122);
    const units = organisations.flatMap((o) =>
      waves.flatMap((w) => SERVICES.map((service) => ({ organisation: o, wave: w, service }))),
    );
    const sizes = unitSizes(random, units.length, responses);
    const profiles = new Map<string, ReturnType<typeof randomUnitProfile>>();
    const started = performance.now();
    let inserted = 0;
    const submittedOn = new Date(now - 10 * DAY).toISOString().slice(0, 10);
    let batch: StoredResponseRow[] = [];
    const flush = async (): Promise<void> => {
      await insertStoredResponses(client, batch);
      inserted += batch.length;
      batch = [];
    };
    for (const [u, unit] of units.entries()) {
      const surveyLinkId = await insertSurveyLink(client, {
        code: `bench-${u}-${crypto.randomUUID()}`,
        waveId: unit.wave.id,
        organisationId: unit.organisation.id,
        service: unit.service,
      });
      const key = `${unit.organisation.id}|${unit.service}`;
      let profile = profiles.get(key);
      if (!profile) {
        profile = randomUnitProfile(random);
        profiles.set(key, profile);
      }
      for (let i = 0; i < (sizes[u] ?? 0); i++) {
        const answers = syntheticAnswers(
          HEALTH_CHECK_V1,
          unit.service,
          profile,
          { skipRate: 0.03, waveShift: unit.wave.shift },
          random,
        );
        batch.push({
          surveyLinkId,
          waveId: unit.wave.id,
          organisationId: unit.organisation.id,
          service: unit.service,
          answers,
          submittedOn,
        });
        if (batch.length === 1000) await flush();
      }
    }
    await flush();
    await client.query('ANALYZE survey_response');
    console.log(
      `Loaded ${inserted.toLocaleString('en-GB')} responses (${units.length} LA × wave × service units) in ${Math.round(performance.now() - started)} ms`,
    );
    return { gssCodes: organisations.map((o) => o.gss_code), waveIds: waves.map((w) => w.id) };
  } finally {
    await client.end();
  }
}

/** Staff accounts with one password, to sign in with. */
export async function createBenchAccounts(
  databaseUrl: string,
  emails: readonly string[],
  role: StaffRoleName,
  password: string,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const passwordHash = await hashPassword(password);
    for (const email of emails)
      await client.query(
        `INSERT INTO staff_account (email, password_hash, role) VALUES ($1, $2, $3)`,
        [email, passwordHash, role],
      );
  } finally {
    await client.end();
  }
}

/** Signs in through the api; the session cookie (name=value). */
export async function benchSignIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('swhc_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}
