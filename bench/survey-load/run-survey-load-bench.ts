/**
 * `npm run build && npm run bench:survey-load`: how long a phone on a slow network waits for the
 * first question of the survey, and how many bytes it is sent.
 *
 * The built app on a fresh database (on DATABASE_URL's server, or a throw-away PostgreSQL 15), one
 * open link. Debian's Chromium with the network throttled to DevTools' "Fast 3G" profile opens
 * /s/{code} with an empty cache and waits until the first question's options are on screen. Three
 * visits, each `BENCH_RUNS` times (default 3), medians printed:
 * - first visit, as the app serves it (compressed, brotli or gzip as the browser asks);
 * - the reference, measured in the same run: the same first visit with compression refused
 *   (`Accept-Encoding: identity`), i.e. the bytes the page cost before compression;
 * - a return visit with the cache kept (hashed assets are cached immutable, so only the page and
 *   the API answers travel).
 * Target: the first visit shows the first question within 3 s. Never part of npm test.
 */
import { loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { type RunningApp, startBuiltApp } from '../../test/support/app-server';
import { seedSurveyFixtures } from '../../test/support/survey-fixtures';
import { createDatabaseOn, dropDatabaseOn } from '../../test/support/test-database';
import { startThrowawayPostgres } from '../../test/support/throwaway-postgres';
import { printTable } from '../intake/markdown-table';
import { CHROMIUM, FAST_3G, measureVisits, targetLine, VISIT_COLUMNS } from './page-load';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const TARGET_MS = 3000;

/**
 * The first question's answer options, ready to use: the native first page's radios (shown
 * before SurveyJS has loaded) or SurveyJS's own. Both are rendered by the app in the browser
 * (no server-rendered placeholder), so visible means a respondent can answer.
 */
const FIRST_QUESTION = '.app-first-page .app-radios__label, .sd-page [role="radiogroup"] label';
/** SurveyJS's own first question: how the page began before the native first page existed. */
const SURVEYJS_FIRST_QUESTION = '.sd-page [role="radiogroup"] label';

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => l.toFixed(1));
  const serverUrl = process.env['DATABASE_URL'];
  const throwaway = serverUrl ? null : await startThrowawayPostgres();
  const server = serverUrl ?? throwaway?.url ?? '';
  const databaseUrl = await createDatabaseOn(server, 'bench_survey_load');
  let app: RunningApp | null = null;
  let browser: Browser | null = null;
  try {
    app = await startBuiltApp(databaseUrl, { timeoutMs: 180_000, env: { WEB_CONCURRENCY: '1' } });
    const links = await seedSurveyFixtures(databaseUrl);
    const url = `${app.baseUrl}/s/${encodeURIComponent(links.openCode)}`;
    browser = await chromium.launch(CHROMIUM);
    console.log(
      `bench:survey-load — Chromium on Fast 3G (${FAST_3G.latency} ms latency, ` +
        `${Math.round(FAST_3G.downloadThroughput / 1000)} kB/s down); load average before ` +
        `${loadBefore.join(' ')}; median of ${RUNS} visits each`,
    );
    const kinds = [
      { name: 'first visit (as served)', url, identity: false, warm: false, ready: FIRST_QUESTION },
      {
        name: 'reference: first visit uncompressed',
        url,
        identity: true,
        warm: false,
        ready: FIRST_QUESTION,
      },
      {
        name: 'reference: first visit, until SurveyJS shows it',
        url,
        identity: false,
        warm: false,
        ready: SURVEYJS_FIRST_QUESTION,
      },
      {
        name: 'return visit (cache kept)',
        url,
        identity: false,
        warm: true,
        ready: FIRST_QUESTION,
      },
    ];
    const { rows, medianMs } = await measureVisits(browser, kinds, RUNS);
    console.log('');
    printTable(VISIT_COLUMNS, rows);
    console.log('');
    console.log(targetLine('first visit', medianMs[0] ?? Number.NaN, TARGET_MS));
  } finally {
    await browser?.close();
    await app?.stop();
    await dropDatabaseOn(server, databaseUrl);
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
