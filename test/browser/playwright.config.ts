import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the respondent's journey, against the built app (`npm run build` first) on a fresh
 * database. Debian's Chromium only: Playwright must never download a browser here.
 */
const repoRoot = join(__dirname, '..', '..');

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  outputDir: join(repoRoot, 'test-results', 'browser'),
  globalSetup: join(__dirname, 'global-setup.ts'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env['SWHC_BROWSER_BASE_URL'],
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
