/**
 * `npm run build && npm run bench:intake`: how many survey responses the api accepts per second,
 * beside what the same PostgreSQL takes as plain INSERTs of the same row, measured in the same run.
 *
 * A throw-away PostgreSQL 15 (never the shared server), the built app started as `npm start` starts
 * it (WEB_CONCURRENCY workers, default one per core), one open wave and link. For each concurrency
 * (1, 8, 32, 64) it runs, back to back, node-postgres clients sending single-row INSERTs of the same
 * response row (a new submission id each), then HTTP clients with keep-alive posting that response
 * to the api. Then the api alone at a fixed arrival rate (500/s) for its latency. Prints accepted/s,
 * p50/p95/p99 and the app ÷ raw ratio, and the CPU time per request spent in the api, the database
 * server and the clients (read from /proc, so meaningful even on a loaded machine). Never part of
 * npm test.
 *
 * BENCH_SECONDS (default 8) is the measured time per step; WEB_CONCURRENCY is passed to the app.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { HEALTH_CHECK_V1, scoreResponse } from '@swhc/instruments';
import { Pool } from 'pg';
import { SeededRandom } from '../../apps/api/src/demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../apps/api/src/demo/synthetic-responses';
import { answersDigest } from '../../apps/api/src/responses/answers-digest';
import { type RunningApp, startBuiltApp } from '../../test/support/app-server';
import { seedSurveyFixtures } from '../../test/support/survey-fixtures';
import { queryDatabase } from '../../test/support/test-database';
import { startThrowawayPostgres } from '../../test/support/throwaway-postgres';
import { parentOf, processTreeCpuMs } from './process-cpu';
import { printTable } from './markdown-table';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const WARM_UP_SECONDS = 2;
const CONCURRENCIES = [1, 8, 32, 64] as const;
const FIXED_RATE = 500;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;

interface StepResult {
  readonly accepted: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latencies: number[];
  /** Requests finished, warm-up included: what the CPU readings of a step are divided by. */
  readonly sent: number;
}

const perSecond = (r: StepResult) => r.accepted / r.seconds;

/** CPU ms per request of a step, in each process that served it. */
interface CpuPerRequest {
  readonly app: number;
  readonly database: number;
  readonly client: number;
}

/**
 * Runs a step and reads the CPU the app (primary and workers), the database server (postmaster
 * and backends) and this process (the clients) spent on it, per request. Unlike requests per
 * second these hardly change when other work loads the machine: they show where the time goes.
 */
async function withCpu(
  pids: { readonly app: number; readonly database: number },
  step: () => Promise<StepResult>,
): Promise<StepResult & { readonly cpu: CpuPerRequest }> {
  const app = processTreeCpuMs(pids.app);
  const database = processTreeCpuMs(pids.database);
  const client = process.cpuUsage();
  const result = await step();
  const clientUsed = process.cpuUsage(client);
  const per = (ms: number) => ms / Math.max(1, result.sent);
  return {
    ...result,
    cpu: {
      app: per(processTreeCpuMs(pids.app) - app),
      database: per(processTreeCpuMs(pids.database) - database),
      client: per((clientUsed.user + clientUsed.system) / 1000),
    },
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** `clients` loops each sending one request after the other for `seconds` (after a warm-up). */
async function closedLoop(
  clients: number,
  seconds: number,
  send: () => Promise<boolean>,
): Promise<StepResult> {
  const warmEnd = performance.now() + WARM_UP_SECONDS * 1000;
  const end = warmEnd + seconds * 1000;
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const start = performance.now();
        if (start >= end) return;
        const ok = await send().catch(() => false);
        sent++;
        if (start < warmEnd) continue;
        latencies.push(performance.now() - start);
        if (ok) accepted++;
        else errors++;
      }
    }),
  );
  return { accepted, errors, seconds, latencies, sent };
}

/** Requests started at a fixed rate whatever the answers' speed; latency counted from the planned start. */
async function fixedRate(
  rate: number,
  seconds: number,
  send: () => Promise<boolean>,
): Promise<StepResult> {
  const total = rate * seconds;
  const start = performance.now();
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const planned = start + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send()
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - planned);
          if (ok) accepted++;
          else errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  return { accepted, errors, seconds, latencies, sent: total };
}

function appClient(app: RunningApp, code: string, body: string, maxSockets: number) {
  const url = new URL(`${app.baseUrl}/api/surveys/${code}/responses`);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const [before, after] = body.split('SUBMISSION_ID') as [string, string];
  return {
    send: () =>
      new Promise<boolean>((resolve, reject) => {
        const payload = `${before}${randomUUID()}${after}`;
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode === 201));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const latencyCells = (r: StepResult) =>
  [0.5, 0.95, 0.99].map((p) => fmt(percentile(r.latencies, p))).join(' / ');

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => l.toFixed(1));
  const pg = await startThrowawayPostgres();
  let app: RunningApp | null = null;
  try {
    app = await startBuiltApp(pg.url, { timeoutMs: 180_000 });
    const links = await seedSurveyFixtures(pg.url);
    const [link] = await queryDatabase<{
      id: string;
      wave_id: string;
      organisation_id: string;
      service: string;
    }>(pg.url, 'SELECT id, wave_id, organisation_id, service FROM survey_link WHERE code = $1', [
      links.openCode,
    ]);
    if (!link) throw new Error('No open link');
    // One complete, realistic response (every question answered), the same for both sides.
    const random = new SeededRandom(8);
    const answers = syntheticAnswers(
      HEALTH_CHECK_V1,
      'children',
      randomUnitProfile(random),
      { skipRate: 0, waveShift: [0, 0, 0, 0] },
      random,
    );
    const body = JSON.stringify({ submissionId: 'SUBMISSION_ID', answers });
    const row = [
      link.id,
      link.wave_id,
      link.organisation_id,
      link.service,
      JSON.stringify(answers),
      JSON.stringify(scoreResponse(HEALTH_CHECK_V1, answers)),
      answersDigest(answers),
      new Date().toISOString().slice(0, 10),
    ];
    const workers = process.env['WEB_CONCURRENCY'] ?? `${availableParallelism()} (one per core)`;
    console.log(
      `bench:intake — ${availableParallelism()} cores, load average before ${loadBefore.join(' ')}; ` +
        `app workers: ${workers}; ${SECONDS} s per step after ${WARM_UP_SECONDS} s warm-up; ` +
        `request body ${body.length + 28} bytes`,
    );

    // The server's postmaster is the parent of any backend (asked while that backend lives).
    const probe = new Pool({ connectionString: pg.url, max: 1 });
    const backendPid = (await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows[0]?.pid;
    const postmaster = parentOf(backendPid ?? 0);
    await probe.end();
    const pids = { app: app.pid, database: postmaster };
    const rows: string[][] = [];
    const cpuRows: string[][] = [];
    const results: { c: number; raw: StepResult; api: StepResult }[] = [];
    for (const c of CONCURRENCIES) {
      const pool = new Pool({ connectionString: pg.url, max: c });
      const raw = await withCpu(pids, () =>
        closedLoop(c, SECONDS, async () => {
          await pool.query(
            `INSERT INTO survey_response (submission_id, survey_link_id, wave_id, organisation_id,
             service, answers, scores, answers_digest, submitted_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [randomUUID(), ...row],
          );
          return true;
        }),
      );
      await pool.end();
      const client = appClient(app, links.openCode, body, c);
      const api = await withCpu(pids, () => closedLoop(c, SECONDS, client.send));
      client.close();
      results.push({ c, raw, api });
      rows.push([
        String(c),
        perSecond(raw).toFixed(0),
        latencyCells(raw),
        perSecond(api).toFixed(0),
        latencyCells(api),
        (perSecond(api) / perSecond(raw)).toFixed(2),
        String(raw.errors + api.errors),
      ]);
      const cpu = (n: number) => n.toFixed(2);
      cpuRows.push([
        String(c),
        cpu(raw.cpu.database),
        cpu(raw.cpu.client),
        cpu(api.cpu.app),
        cpu(api.cpu.database),
        cpu(api.cpu.client),
      ]);
      console.log(`  concurrency ${c} done`);
    }
    const client = appClient(app, links.openCode, body, 256);
    const steady = await fixedRate(FIXED_RATE, SECONDS, client.send);
    client.close();

    console.log('');
    printTable(
      [
        'concurrency',
        'raw INSERT/s',
        'raw p50/p95/p99 ms',
        'app accepted/s',
        'app p50/p95/p99 ms',
        'app ÷ raw',
        'errors',
      ],
      rows,
    );
    console.log('');
    console.log('CPU ms per request (load-independent: where the time goes)');
    printTable(
      ['concurrency', 'raw: database', 'raw: client', 'app: api', 'app: database', 'app: client'],
      cpuRows,
    );
    console.log('');
    printTable(
      ['fixed rate', 'accepted/s', 'p50/p95/p99 ms', 'errors'],
      [
        [
          `${FIXED_RATE}/s`,
          perSecond(steady).toFixed(0),
          latencyCells(steady),
          String(steady.errors),
        ],
      ],
    );
    const [stored] = await queryDatabase<{ n: string }>(
      pg.url,
      'SELECT count(*) AS n FROM survey_response',
    );
    const at32 = results.find((r) => r.c === 32);
    const ratio = at32 ? perSecond(at32.api) / perSecond(at32.raw) : 0;
    const p99 = percentile(steady.latencies, 0.99);
    const errors = results.reduce((n, r) => n + r.raw.errors + r.api.errors, steady.errors);
    console.log('');
    console.log(
      `rows stored: ${stored?.n ?? '?'}; load average after ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `target: app ÷ raw ≥ ${TARGET_RATIO} at concurrency 32 (${ratio.toFixed(2)}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}), ` +
        `p99 < ${TARGET_P99_MS} ms at ${FIXED_RATE}/s (${fmt(p99)} ms: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'}), ` +
        `zero errors (${errors}: ${errors === 0 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await app?.stop();
    pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
