import type { Browser, Page } from '@playwright/test';
import { createReportAccount, seedReportFixtures } from '../support/report-fixtures';
import { expect, test } from './fixtures';
import {
  databaseUrl,
  expectNoViolations,
  freshPage,
  sidewaysOverflow,
  STAFF_SCREENSHOTS,
} from './page-helpers';

const RESEARCHER = {
  email: 'researcher.validation@research.test',
  password: 'validation browser test password',
};

test.beforeAll(async () => {
  await seedReportFixtures(databaseUrl());
  await createReportAccount(databaseUrl(), { ...RESEARCHER, role: 'researcher' });
});

async function researcherPage(browser: Browser, baseURL: string | undefined, width = 1280) {
  const page = await freshPage(browser, baseURL, width);
  const res = await page.context().request.post('/api/auth/login', { data: RESEARCHER });
  expect(res.status()).toBe(200);
  return page;
}

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
    const page = await researcherPage(browser, baseURL);
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
    const page = await researcherPage(browser, baseURL, 320);
    await page.goto('/research/validation/health-check/1');
    await expect(reportHeading(page)).toBeVisible({ timeout: 60_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page);
    await page.goto('/research/exports');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Anonymised data exports' }),
    ).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page);
    await page.screenshot({ path: `${STAFF_SCREENSHOTS}/exports-320.png`, fullPage: true });
    await page.context().close();
  });
});
