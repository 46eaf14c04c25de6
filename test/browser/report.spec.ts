import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import {
  createReportAccount,
  HARTLEPOOL,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import { expect, test } from './fixtures';
import { databaseUrl, expectNoViolations, freshPage, sidewaysOverflow } from './page-helpers';

const PSW = { email: 'psw.report@hartlepool.test', password: 'report browser test password' };
// Outside Playwright's outputDir, which every run empties.
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'report-screenshots');

let fixtures: ReportFixtures;

test.beforeAll(async () => {
  fixtures = await seedReportFixtures(databaseUrl());
  await createReportAccount(databaseUrl(), { ...PSW, role: 'psw', gssCodes: [HARTLEPOOL] });
});

/** A signed-in PSW in a context of its own (axe needs one). */
async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  width = 1280,
): Promise<Page> {
  const page = await freshPage(browser, baseURL, width);
  const res = await page.context().request.post('/api/auth/login', { data: PSW });
  expect(res.status()).toBe(200);
  return page;
}

const reportUrl = (query: Record<string, string>) =>
  `/la/${HARTLEPOOL}?${new URLSearchParams(query).toString()}`;

test.describe('LA report page', () => {
  test('a PSW reads the report: accessible, funnel plots with tables, small groups suppressed', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL);
    const thirdParty: string[] = [];
    page.on('request', (r) => {
      if (baseURL && !r.url().startsWith(baseURL) && !r.url().startsWith('data:')) {
        thirdParty.push(r.url());
      }
    });
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hartlepool: health check results' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Scores' })).toBeVisible();

    // Funnel plots: a canvas per scale, each with its data table.
    const funnels = page.locator('.app-funnel');
    await expect(funnels).toHaveCount(4);
    await expect(page.locator('.app-funnel canvas')).toHaveCount(4);
    await expect(page.locator('.app-funnel details table')).toHaveCount(4);
    await page.getByText('Show the data for job demands as a table').click();
    await expect(
      page.locator('.app-funnel').first().getByRole('rowheader', { name: 'Hartlepool (you)' }),
    ).toBeVisible();
    await expect(
      page.locator('.app-funnel').first().getByText('Another local authority').first(),
    ).toBeVisible();

    // The 4 agency workers: no numbers, the suppression message instead.
    const employment = page.getByRole('table', { name: 'Scores by employment (0 to 100)' });
    await expect(employment.getByRole('row', { name: /Through an agency/ })).toContainText(
      'Fewer than 10 responses',
    );
    await expect(employment.getByRole('row', { name: /Directly employed/ })).toContainText(
      'Hidden so that groups of fewer than 10 cannot be worked out',
    );

    await expectNoViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-screen.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-pickers')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByText('Download CSV')).toBeHidden();
    await page.screenshot({ path: join(SCREENSHOTS, 'report-print.png'), fullPage: true });
    expect(thirdParty).toEqual([]);
    await page.context().close();
  });

  test('the CSV link downloads the tables, and the pickers change wave and service', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toBe(
      'health-check-e06000001-children-report-test-2025.csv',
    );

    await page.getByLabel('Wave', { exact: true }).selectOption(fixtures.wave2026);
    await page.getByLabel('Service', { exact: true }).selectOption('children');
    await page.getByRole('button', { name: 'Show results' }).click();
    await expect(page).toHaveURL(new RegExp(`wave=${fixtures.wave2026}`));
    await expect(page.getByText(/Scores appear here when it closes/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Scores' })).toHaveCount(0);
    await expectNoViolations(page);
    await page.context().close();
  });

  test('the headcount turns into a response rate', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'adults' }));
    await page.getByLabel(/Number of social workers/).fill('many');
    await page.getByRole('button', { name: 'Save headcount' }).click();
    await expect(
      page.getByText('Enter the number of social workers as a whole number'),
    ).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel(/Number of social workers/).fill('80');
    await page.getByRole('button', { name: 'Save headcount' }).click();
    await expect(page.getByText('50% of the headcount')).toBeVisible();
    await page.context().close();
  });

  test('at 320 px wide the page reflows without sideways scrolling of the page', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, 320);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.app-funnel canvas')).toHaveCount(4);
    const overflow = await sidewaysOverflow(page);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (e) =>
            e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
            !e.closest('.app-table-scroll, .app-details__text'),
        )
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(overflow, wide.join('\n')).toBeLessThanOrEqual(0);
    await expectNoViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-320.png'), fullPage: true });
    await page.context().close();
  });

  test('a signed-out visitor is asked to sign in, and comes back to the same report', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(reportUrl({ wave: fixtures.wave2024, service: 'adults' }));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to see this report' }),
    ).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Email address').fill(PSW.email);
    await page.getByLabel('Password').fill(PSW.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hartlepool: health check results' }),
    ).toBeVisible();
    await expect(page.getByText('Adults’ services · Report test 2024')).toBeVisible();
    await context.close();
  });
});
