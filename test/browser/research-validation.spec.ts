import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { insertPoll, RESEARCH_USE, WELLBEING } from '../support/panel-fixtures';
import { createReportAccount, seedReportFixtures } from '../support/report-fixtures';
import { zipEntries } from '../../apps/api/src/research/exports/testing/zip-entries';
import { expect, test } from './fixtures';
import {
  databaseUrl,
  expectAxeCleanAndNoSidewaysScroll,
  expectNoViolations,
  signedInPage,
  STAFF_SCREENSHOTS,
} from './page-helpers';

const RESEARCHER = {
  email: 'researcher.validation@research.test',
  password: 'validation browser test password',
};

const EXPORT_POLL = 'Browser export pulse';
const REGIONS = ['London', 'North West', 'South East', 'West Midlands'];
const ROLES = ['social-worker', 'senior-practitioner', 'team-manager'];

test.beforeAll(async () => {
  await seedReportFixtures(databaseUrl());
  await createReportAccount(databaseUrl(), { ...RESEARCHER, role: 'researcher' });
  // A closed poll with enough answers in every service to be exported.
  await insertPoll(databaseUrl(), {
    title: EXPORT_POLL,
    questions: [WELLBEING, RESEARCH_USE],
    answers: Array.from({ length: 240 }, (_, i) => ({
      service: i % 3 === 0 ? 'adults' : 'children',
      role: ROLES[i % ROLES.length] ?? 'social-worker',
      region: REGIONS[Math.floor(i / 3) % REGIONS.length] ?? 'London',
      answers: {
        [WELLBEING.name]: 1 + ((i * 7) % 5),
        [RESEARCH_USE.name]:
          ['never', 'rarely', 'sometimes', 'often', 'always'][(i * 3) % 5] ?? 'often',
      },
    })),
  });
});

const reportHeading = (page: Page) =>
  page.getByRole('heading', {
    level: 1,
    name: 'Validation report: Social Work Health Check, version 1',
  });

test.describe('research pages', () => {
  test('a researcher goes from the research page to the validation report and its PDF, by keyboard', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, RESEARCHER);
    await page.goto('/research');
    await expectNoViolations(page);
    const link = page.getByRole('link', { name: 'Social Work Health Check, version 1' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(reportHeading(page)).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('heading', { level: 2, name: 'Can scores be compared?' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Reliability' }).first()).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${STAFF_SCREENSHOTS}/validation-report.png` });

    const pdf = page.getByRole('link', { name: 'Download the validation report (PDF)' });
    await pdf.focus();
    await expect(pdf).toBeFocused();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe('validation-report-health-check-v1.pdf');
    const head = await download
      .createReadStream()
      .then(
        (stream) =>
          new Promise<string>((resolve) =>
            stream.once('data', (chunk: Buffer | string) => resolve(chunk.toString().slice(0, 5))),
          ),
      );
    expect(head).toBe('%PDF-');
    await page.context().close();
  });

  test('the validation report and the exports page at 320 px: no sideways scrolling, axe clean', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, RESEARCHER, 320);
    await page.goto('/research/validation/health-check/1');
    await expect(reportHeading(page)).toBeVisible({ timeout: 60_000 });
    await expectAxeCleanAndNoSidewaysScroll(page);
    await page.goto('/research/exports');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Anonymised data exports' }),
    ).toBeVisible();
    await expectAxeCleanAndNoSidewaysScroll(page);
    await page.screenshot({ path: `${STAFF_SCREENSHOTS}/exports-320.png`, fullPage: true });
    await page.context().close();
  });

  test('a researcher exports a closed poll from the exports page by keyboard and downloads its ZIP', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, RESEARCHER);
    await page.goto('/research/exports');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Anonymised data exports' }),
    ).toBeVisible();
    await expectNoViolations(page);
    // The poll alone: its box ticked, every wave's box cleared, all by keyboard.
    const waves = page.getByRole('group', { name: /^Waves of / }).getByRole('checkbox');
    for (let i = 0; i < (await waves.count()); i++) {
      const box = waves.nth(i);
      if (!(await box.isChecked())) continue;
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).not.toBeChecked();
    }
    const poll = page.getByRole('checkbox', { name: new RegExp(`^${EXPORT_POLL} \\(closed`) });
    await expect(poll).not.toBeChecked();
    await poll.focus();
    await page.keyboard.press('Space');
    await expect(poll).toBeChecked();
    const request = page.getByRole('button', { name: 'Request export' });
    await request.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your export has been requested')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: EXPORT_POLL });
    await expect(row).toHaveCount(1);
    // Progress is shown as the job runs; then the link to the ZIP.
    const link = row.getByRole('link', { name: 'Download ZIP' });
    await expect(link).toBeVisible({ timeout: 60_000 });
    await expectNoViolations(page);
    await page.screenshot({ path: `${STAFF_SCREENSHOTS}/exports-poll.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const files = await zipEntries(readFileSync(path));
    const csv = files.get('data.csv')?.toString('utf8') ?? '';
    const header = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
      ?.split(',');
    expect(header?.slice(0, 3)).toEqual(['row_id', 'poll', 'service']);
    expect(header).toContain('pollWellbeingFortnight');
    expect(header).not.toContain('wave');
    expect(files.get('README.md')?.toString('utf8')).toContain(`polls: ${EXPORT_POLL}.`);
    await page.context().close();
  });
});
