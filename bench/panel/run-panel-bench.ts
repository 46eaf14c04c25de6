/**
 * `npm run build && npm run bench:panel`: the polling panel's email sending and answer intake.
 *
 * The built app runs as `npm start` runs it, on a fresh database (DATABASE_URL's server, or a
 * throw-away PostgreSQL 15), sending through SMTP to a local smtp-server sink in this process.
 * 1. 10,000 confirmed members; an admin creates a poll that opens at once. Measured: the time to
 *    queue the invitations (the create request returns once they are queued as jobs) and the time
 *    until the sink has accepted all 10,000 emails (drain), as emails per second.
 * 2. Answer intake: BENCH_ANSWERS (default 2,000) poll answers from the emailed links, posted by
 *    BENCH_CLIENTS (default 8) clients at once; beside it, as many Health Check survey responses
 *    posted the same way in the same run, the reference.
 * Never part of npm test.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startBuiltApp, type RunningApp } from '../../test/support/app-server';
import { insertMembers, openPoll, WELLBEING } from '../../test/support/panel-fixtures';
import { linkToken, startSmtpSink } from '../../test/support/smtp-sink';
import { createStaffAccount, signIn } from '../../test/support/staff-fixtures';
import { seedSurveyFixtures } from '../../test/support/survey-fixtures';
import { createDatabaseOn, dropDatabaseOn, queryDatabase } from '../../test/support/test-database';
import { startThrowawayPostgres } from '../../test/support/throwaway-postgres';

const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 10_000);
const ANSWERS = Number(process.env['BENCH_ANSWERS'] ?? 2_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 8);

const SURVEY_ANSWERS = {
  demands1: 4,
  support1: 4,
  intentionToStay: 3,
  role: 'social-worker',
  employment: 'permanent',
};

/** Runs `count` requests with `clients` in flight; returns requests per second and failures. */
async function drive(
  count: number,
  clients: number,
  send: (i: number) => Promise<number>,
): Promise<{ perSecond: number; seconds: number; failed: number }> {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) {
        const status = await send(i);
        if (status !== 201) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, seconds, failed };
}

async function post(
  app: RunningApp,
  path: string,
  body: object,
  cookie?: string,
): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: app.baseUrl,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function main(): Promise<void> {
  const throwaway = process.env['DATABASE_URL'] ? null : await startThrowawayPostgres();
  const serverUrl = process.env['DATABASE_URL'] ?? throwaway?.url ?? '';
  const databaseUrl = await createDatabaseOn(serverUrl, 'swhc_bench_panel');
  const sink = await startSmtpSink();
  let app: RunningApp | null = null;
  try {
    app = await startBuiltApp(databaseUrl, {
      env: {
        ...sink.env,
        MAIL_RATE_PER_MINUTE: '1000000',
        PUBLIC_BASE_URL: 'https://panel.bench',
      },
    });
    await insertMembers(databaseUrl, 'bench', MEMBERS, (i) => ({
      service: i % 2 ? 'children' : 'adults',
      region: i % 3 ? 'London' : 'North West',
    }));
    const admin = await createStaffAccount(databaseUrl, {
      email: 'admin@bench.test',
      role: 'admin',
    });
    const server = app.baseUrl;
    const cookie = await signIn(server, admin);

    // 1. Queue and send the invitations.
    const started = performance.now();
    const created = await post(
      app,
      '/api/panel/polls',
      openPoll({ questions: [WELLBEING] }),
      cookie,
    );
    if (created.status !== 201) throw new Error(`Creating the poll answered ${created.status}`);
    const queued = (performance.now() - started) / 1000;
    await sink.waitFor(MEMBERS, 30 * 60_000);
    const drained = (performance.now() - started) / 1000;
    const [counts] = await queryDatabase<{ sent: string; other: string }>(
      databaseUrl,
      `SELECT count(*) FILTER (WHERE state = 'sent') AS sent, count(*) FILTER (WHERE state <> 'sent') AS other
         FROM panel_delivery WHERE kind = 'invitation'`,
    );
    const distinct = new Set(sink.received.map((e) => e.to)).size;

    // 2. Answer intake beside survey intake.
    const tokens = sink.received.slice(0, ANSWERS).map((e) => linkToken(e, '/panel/poll'));
    const polls = await drive(ANSWERS, CLIENTS, async (i) => {
      const res = await post(app!, '/api/panel/answers', {
        token: tokens[i],
        submissionId: randomUUID(),
        answers: { [WELLBEING.name]: 1 + (i % 5) },
      });
      await res.arrayBuffer();
      return res.status;
    });
    const survey = await seedSurveyFixtures(databaseUrl);
    const surveys = await drive(ANSWERS, CLIENTS, async () => {
      const res = await post(app!, `/api/surveys/${survey.openCode}/responses`, {
        submissionId: randomUUID(),
        answers: SURVEY_ANSWERS,
      });
      await res.arrayBuffer();
      return res.status;
    });

    const rows = [
      [
        'invitations queued (poll created → jobs queued)',
        `${MEMBERS.toLocaleString('en-GB')} in ${queued.toFixed(1)} s`,
      ],
      ['time to drain (poll created → last email accepted)', `${drained.toFixed(1)} s`],
      ['emails per second (end to end)', (MEMBERS / drained).toFixed(0)],
      [
        'emails received / distinct recipients / duplicates',
        `${sink.received.length} / ${distinct} / ${sink.received.length - distinct}`,
      ],
      ['deliveries sent / not sent', `${counts?.sent ?? '?'} / ${counts?.other ?? '?'}`],
      [
        `poll answers per second (${CLIENTS} clients, ${ANSWERS} answers)`,
        `${polls.perSecond.toFixed(0)} (${polls.failed} not 201)`,
      ],
      [
        `survey responses per second (same run, reference)`,
        `${surveys.perSecond.toFixed(0)} (${surveys.failed} not 201)`,
      ],
    ];
    console.log('\n| measure | value |\n| --- | --- |');
    for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);
    console.log(
      `\nLoad average at the end: ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await app?.stop();
    await sink.close();
    if (!process.env['BENCH_KEEP_DATABASE']) await dropDatabaseOn(serverUrl, databaseUrl);
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
