import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type RunningApp, startBuiltApp } from '../support/app-server';
import { seedSurveyFixtures } from '../support/survey-fixtures';
import { provisionTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The built app installed below a folder whose name starts with a dot (e.g. /srv/.apps/swhc, or a
 * CI workspace inside a hidden cache folder): its pages must be served like anywhere else.
 */
describe('an install under a dot-folder', () => {
  const parent = mkdtempSync(join(tmpdir(), 'swhc-dot-'));
  const root = join(parent, '.apps', 'swhc');
  let database: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    cpSync(join(REPO_ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    database = await provisionTestDatabase();
    app = await startBuiltApp(database.url, { root, env: { WEB_CONCURRENCY: '1' } });
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves the app page for a survey link and its script, not a 500', async () => {
    const { openCode } = await seedSurveyFixtures(database.url);
    const page = await fetch(`${app.baseUrl}/s/${openCode}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect((await fetch(`${app.baseUrl}${script}`)).status).toBe(200);
  });
});
