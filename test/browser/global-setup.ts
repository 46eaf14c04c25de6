import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/app-server';
import { ALWAYS_SECRET, logLeaks } from '../support/log-leaks';
import { seedSurveyFixtures } from '../support/survey-fixtures';

/**
 * Starts the built app, exactly as `npm start` runs it, on a free port and a fresh database, and seeds
 * an open and a closed survey link. Tests read what they need from the environment (see fixtures.ts).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // No SMTP: emails are written to this outbox, as `npm start` does, and the panel test reads them.
  const outbox = await mkdtemp(join(tmpdir(), 'swhc-browser-outbox-'));
  const app = await startApp({ MAIL_OUTBOX_DIR: outbox });
  try {
    if (!app.databaseUrl) throw new Error('The browser tests need the database URL of the app');
    const links = await seedSurveyFixtures(app.databaseUrl);
    process.env['SWHC_BROWSER_BASE_URL'] = app.baseUrl;
    process.env['SWHC_BROWSER_DATABASE_URL'] = app.databaseUrl;
    process.env['SWHC_BROWSER_LINKS'] = JSON.stringify(links);
    process.env['SWHC_BROWSER_OUTBOX'] = outbox;
  } catch (error) {
    await app.stop();
    throw error;
  }
  return async () => {
    await app.stop();
    await rm(outbox, { recursive: true, force: true });
    // Nothing the app logged while the browsers used it may carry an answer, a password or a session.
    const leaks = logLeaks(app.output(), ALWAYS_SECRET);
    if (leaks.length > 0) {
      throw new Error(`The app logged what it must not:\n${leaks.slice(0, 10).join('\n')}`);
    }
  };
}
