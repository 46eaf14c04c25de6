import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-plan';
import { type RunningApp, startBuiltApp } from '../support/app-server';
import { waitUntil } from '../support/panel-fixtures';

/**
 * Starts the built app as `npm start` does (no DATABASE_URL: embedded PGlite, migrations, demo
 * data) and checks it answers. Needs `npm run build` first; npm test does that.
 */
describe('npm start (built app, embedded database)', () => {
  let app: RunningApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'swhc-smoke-'));

  beforeAll(async () => {
    app = await startBuiltApp(null, { env: { PGLITE_DATA_DIR: dataDir }, timeoutMs: 180000 });
  }, 200000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 200 on /api/health', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the demo survey link of the open 2026 wave and the closed 2025 and 2024 ones', async () => {
    const open = await fetch(`${app.baseUrl}/api/surveys/demo-e06000001-children`);
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({
      organisation: { name: 'Hartlepool' },
      wave: { name: 'Health Check 2026' },
    });
    for (const closed of ['demo-e06000001-adults-2025', 'demo-e06000001-children-2024'])
      expect((await fetch(`${app.baseUrl}/api/surveys/${closed}`)).status).toBe(410);
  });

  it('serves the web app for the survey route', async () => {
    const page = await fetch(`${app.baseUrl}/s/demo-e06000001-children`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('names the demo accounts in its log but never their password', async () => {
    await waitUntil(() => Promise.resolve(app.output().includes('Demo sign-in')));
    expect(app.output()).not.toContain(DEMO_PASSWORD);
  });
});
