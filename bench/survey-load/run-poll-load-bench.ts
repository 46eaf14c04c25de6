/**
 * `npm run build && npm run bench:poll-load`: how long a panel member on a phone waits for the
 * first question of a poll, beside the survey page measured the same way in the same run.
 *
 * The built app on a fresh database (on DATABASE_URL's server, or a throw-away PostgreSQL 15), one
 * panel member and one open poll (its link read from the app's outbox, as a member would get it),
 * one open survey link. Debian's Chromium on DevTools' "Fast 3G" profile with the CPU slowed 4×
 * (DevTools' mid-range phone) opens each page with an empty cache and waits until the first
 * question's options are on screen. Visits, each `BENCH_RUNS` times (default 3), medians printed:
 * - the poll page, first visit as the app serves it (compressed);
 * - references, measured in the same run: the poll page with compression refused (the bytes before
 *   compression, as bench:survey-load's reference), and the survey page's first visit;
 * - the poll page's return visit with the cache kept.
 * Target: the survey page's, the first question within 3 s. Never part of npm test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { type RunningApp, startBuiltApp } from '../../test/support/app-server';
import { linkIn, waitForOutboxEmail } from '../../test/support/outbox';
import {
  insertMembers,
  openPoll,
  RESEARCH_USE,
  WELLBEING,
} from '../../test/support/panel-fixtures';
import { createStaffAccount, sessionCookieOf } from '../../test/support/staff-fixtures';
import { seedSurveyFixtures } from '../../test/support/survey-fixtures';
import { createDatabaseOn, dropDatabaseOn } from '../../test/support/test-database';
import { startThrowawayPostgres } from '../../test/support/throwaway-postgres';
import { printTable } from '../intake/markdown-table';
import {
  CHROMIUM,
  FAST_3G,
  measureVisits,
  MOBILE_CPU_SLOWDOWN,
  targetLine,
  VISIT_COLUMNS,
} from './page-load';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const TARGET_MS = 3000;
const MEMBER = 'phone-0001@panel.test';
const TITLE = 'Phone pulse';

/** SurveyJS's first question's answer options (a rating's items, or a choice's labels). */
const SURVEYJS_FIRST_QUESTION = '.sd-page .sd-rating__item, .sd-page [role="radiogroup"] label';
/**
 * The first question's answer options, ready to use: the native first page's (shown before
 * SurveyJS has loaded; rendered by the app, so visible means usable) or SurveyJS's own.
 */
const FIRST_QUESTION = `.app-first-page .app-radios__label, .app-first-page select, ${SURVEYJS_FIRST_QUESTION}`;

/** An admin opens a poll through the API; returns the member's personal poll link from the outbox. */
async function pollLink(app: RunningApp, databaseUrl: string, outbox: string): Promise<string> {
  await insertMembers(databaseUrl, 'phone', 1, { service: 'children' });
  const admin = await createStaffAccount(databaseUrl, {
    email: 'admin@bench.test',
    role: 'admin',
  });
  const headers = { 'Content-Type': 'application/json', Origin: app.baseUrl };
  const login = await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie = sessionCookieOf(login.headers.getSetCookie())?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`admin sign-in answered ${login.status}`);
  const created = await fetch(`${app.baseUrl}/api/panel/polls`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: JSON.stringify(openPoll({ title: TITLE, questions: [WELLBEING, RESEARCH_USE] })),
  });
  if (created.status !== 201) throw new Error(`creating the poll answered ${created.status}`);
  const invitation = await waitForOutboxEmail(outbox, MEMBER, `New poll: ${TITLE}`, 120_000);
  return `${app.baseUrl}${linkIn(invitation, '/panel/poll')}`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => l.toFixed(1));
  const serverUrl = process.env['DATABASE_URL'];
  const throwaway = serverUrl ? null : await startThrowawayPostgres();
  const server = serverUrl ?? throwaway?.url ?? '';
  const databaseUrl = await createDatabaseOn(server, 'bench_poll_load');
  const outbox = await mkdtemp(join(tmpdir(), 'swhc-bench-outbox-'));
  let app: RunningApp | null = null;
  let browser: Browser | null = null;
  try {
    app = await startBuiltApp(databaseUrl, {
      timeoutMs: 180_000,
      env: { WEB_CONCURRENCY: '1', MAIL_OUTBOX_DIR: outbox },
    });
    const survey = await seedSurveyFixtures(databaseUrl);
    const surveyUrl = `${app.baseUrl}/s/${encodeURIComponent(survey.openCode)}`;
    // Reading the poll does not use the link (only answering does): every visit can open it.
    const pollUrl = await pollLink(app, databaseUrl, outbox);
    browser = await chromium.launch(CHROMIUM);
    console.log(
      `bench:poll-load — Chromium on Fast 3G (${FAST_3G.latency} ms latency, ` +
        `${Math.round(FAST_3G.downloadThroughput / 1000)} kB/s down), CPU slowed ` +
        `${MOBILE_CPU_SLOWDOWN}×; load average before ${loadBefore.join(' ')}; median of ${RUNS} visits each`,
    );
    const poll = { ready: FIRST_QUESTION, cpuSlowdown: MOBILE_CPU_SLOWDOWN };
    const kinds = [
      {
        ...poll,
        name: 'poll page, first visit (as served)',
        url: pollUrl,
        identity: false,
        warm: false,
      },
      {
        ...poll,
        name: 'reference: poll page uncompressed',
        url: pollUrl,
        identity: true,
        warm: false,
      },
      {
        ...poll,
        name: 'reference: poll page, until SurveyJS shows it',
        url: pollUrl,
        identity: false,
        warm: false,
        ready: SURVEYJS_FIRST_QUESTION,
      },
      {
        ...poll,
        name: 'reference: survey page, first visit',
        url: surveyUrl,
        identity: false,
        warm: false,
      },
      {
        ...poll,
        name: 'poll page, return visit (cache kept)',
        url: pollUrl,
        identity: false,
        warm: true,
      },
    ];
    const { rows, medianMs } = await measureVisits(browser, kinds, RUNS);
    console.log('');
    printTable(VISIT_COLUMNS, rows);
    console.log('');
    console.log(targetLine('poll first visit', medianMs[0] ?? Number.NaN, TARGET_MS));
  } finally {
    await browser?.close();
    await app?.stop();
    await dropDatabaseOn(server, databaseUrl);
    await rm(outbox, { recursive: true, force: true });
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
