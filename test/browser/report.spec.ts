import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  createReportAccount,
  HARTLEPOOL,
  MIDDLESBROUGH,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import { expect, test } from './fixtures';
import { databaseUrl, expectNoViolations, sidewaysOverflow, signedInPage } from './page-helpers';

const PSW = { email: 'psw.report@hartlepool.test', password: 'report browser test password' };
const ADMIN = { email: 'admin.report@report.test', password: 'report browser test password' };
// Outside Playwright's outputDir, which every run empties.
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'report-screenshots');

let fixtures: ReportFixtures;

test.beforeAll(async () => {
  fixtures = await seedReportFixtures(databaseUrl());
  await createReportAccount(databaseUrl(), {
    ...PSW,
    role: 'psw',
    gssCodes: [HARTLEPOOL, MIDDLESBROUGH],
  });
  await createReportAccount(databaseUrl(), { ...ADMIN, role: 'admin' });
});

/** A signed-in member of staff in a context of its own (axe needs one). */
const reportUrl = (query: Record<string, string>, gss = HARTLEPOOL) =>
  `/la/${gss}?${new URLSearchParams(query).toString()}`;

/** Elements wider than the window that are not inside a table's own scrolling box. */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
          !e.closest('.app-table-scroll') &&
          (e as HTMLElement).offsetParent !== null,
      )
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );

/** Every table box that scrolls sideways has its visible line saying so. */
const overflowingWithoutCue = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.app-table-scroll')]
      .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
      .filter((box) => {
        const cue = box.previousElementSibling;
        return (
          !cue?.classList.contains('app-table-scroll__cue') ||
          (cue as HTMLElement).offsetHeight === 0
        );
      })
      .map((box) => box.getAttribute('aria-label')),
  );

test.describe('LA report page', () => {
  test('a PSW reads the answer at a glance, the heatmap and the statement benchmarks', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, PSW);
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
    await page.screenshot({ path: join(SCREENSHOTS, 'report-top-desktop.png') });
    await page
      .locator('section', { has: page.locator('#at-a-glance-heading') })
      .screenshot({ path: join(SCREENSHOTS, 'report-summary-desktop.png') });
    // Staff pages do not carry the respondents' promise.
    await expect(page.getByText('Your answers are anonymous')).toHaveCount(0);

    // At a glance: the scores chart (an image with words), its table, a sentence per scale.
    const glance = page.locator('section', {
      has: page.getByRole('heading', { name: 'At a glance' }),
    });
    await expect(
      glance.getByRole('img', { name: /Hartlepool’s score on each scale/ }),
    ).toBeVisible();
    await glance.getByText('Show the scores as a table').click();
    await expect(glance.getByRole('table', { name: /Scores by scale/ })).toBeVisible();
    await expect(glance.getByText(/Manageable workload scored \d+ out of 100/)).toBeVisible();
    await expect(glance.getByRole('heading', { name: 'Most clearly below England' })).toBeVisible();

    // Statements with their benchmarks; green is always the favourable answer.
    const statements = page.locator('#statements-heading').locator('..');
    await expect(
      statements.getByText('My caseload is more than I can manage safely.'),
    ).toBeVisible();
    await expect(statements.locator('.app-statement__benchmarks').first()).toContainText('England');

    // The heatmap: the 4 agency workers carry no numbers.
    const employment = page.getByRole('table', { name: /Scores by employment/ });
    await expect(employment.getByRole('row', { name: /Through an agency/ })).toContainText(
      'Fewer than 10 responses',
    );
    await expect(employment.getByRole('row', { name: /Directly employed/ })).toContainText(
      'Hidden so that groups of fewer than 10 cannot be worked out',
    );
    await page.getByText('Show each statement by role').click();
    await expect(page.getByRole('table', { name: /Statements by role/ })).toBeVisible();

    // Funnel plots are SVG images with tables, their captions giving the one verdict.
    await expect(page.locator('.app-funnel svg')).toHaveCount(4);
    await page.getByText('Show the data for manageable workload as a table').click();
    await expect(
      page
        .locator('.app-funnel')
        .first()
        .getByRole('rowheader', { name: 'Hartlepool (this report)' }),
    ).toBeVisible();

    await expectNoViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-screen.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-pickers')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByText('Download CSV')).toBeHidden();
    expect(thirdParty).toEqual([]);
    await page.context().close();
  });

  test('downloads the PDF, the CSV and each chart; offers none while there is nothing to show', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, PSW);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    const stem = 'health-check-e06000001-children-report-test-2025';
    const pdf = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    expect((await pdf).suggestedFilename()).toBe(`${stem}.pdf`);
    const csv = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    expect((await csv).suggestedFilename()).toBe(`${stem}.csv`);
    const svg = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /Download chart \(SVG\): Scores of Hartlepool/ })
      .click();
    expect((await svg).suggestedFilename()).toBe(`${stem}-scores.svg`);
    const png = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /Download chart \(PNG\): Scores of Hartlepool/ })
      .click();
    const saved = await png;
    expect(saved.suggestedFilename()).toBe(`${stem}-scores.png`);
    const bytes = await saved.createReadStream().then(
      (stream) =>
        new Promise<Buffer>((resolve) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
        }),
    );
    // A PNG 3 × the chart's 680 px: over 200 dpi across a 10-inch slide.
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(2040);

    // An open wave and an LA under K: nothing to download or print.
    await page.getByText('Choose another wave or service').click();
    await page.getByLabel('Wave', { exact: true }).selectOption(fixtures.wave2026);
    await page.getByRole('button', { name: 'Show results' }).click();
    await expect(page).toHaveURL(new RegExp(`wave=${fixtures.wave2026}`));
    await expect(page.getByText(/Scores appear here when it closes/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Download/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Print/ })).toHaveCount(0);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }, MIDDLESBROUGH));
    await expect(page.getByText(/Fewer than 10 people responded/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Download/ })).toHaveCount(0);
    await expectNoViolations(page);
    await page.context().close();
  });

  test('the headcount turns into a response rate', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, PSW);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'adults' }));
    await page.getByLabel(/Number of social workers in Hartlepool/).fill('many');
    await page.getByRole('button', { name: 'Save headcount' }).click();
    await expect(
      page.getByText('Enter the number of social workers as a whole number'),
    ).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel(/Number of social workers/).fill('80');
    await page.getByRole('button', { name: 'Save headcount' }).click();
    await expect(page.getByText('50% of the headcount')).toBeVisible();
    await page.getByLabel(/Number of social workers/).fill('20');
    await page.getByRole('button', { name: 'Save headcount' }).click();
    await expect(
      page
        .getByText(
          '40 people responded, more than the headcount of 20 that was entered: check the headcount.',
        )
        .first(),
    ).toBeVisible();
    await expect(page.getByText(/more than everyone/)).toHaveCount(0);
    await page.context().close();
  });

  for (const [label, width] of [
    ['320 px wide', 320],
    ['200% zoom (640 CSS px of a 1280 px window)', 640],
  ] as const) {
    test(`at ${label} nothing is clipped and wide tables say they scroll`, async ({
      browser,
      baseURL,
    }) => {
      const page = await signedInPage(browser, baseURL, PSW, width);
      await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.app-funnel svg')).toHaveCount(4);
      // Open every table alternative so that their tables are measured too.
      for (const summary of await page.locator('.app-details__summary').all())
        await summary.click();
      expect(await sidewaysOverflow(page), (await clipped(page)).join('\n')).toBeLessThanOrEqual(0);
      expect(await clipped(page)).toEqual([]);
      expect(await overflowingWithoutCue(page)).toEqual([]);
      // Statement bars as wide as the column: readable on a phone.
      const bar = await page.locator('.app-stacked').first().boundingBox();
      expect(bar?.width ?? 0).toBeGreaterThan(width * 0.8 - 40);
      await expectNoViolations(page);
      if (width === 320) {
        await page.screenshot({ path: join(SCREENSHOTS, 'report-320.png'), fullPage: true });
        await page.reload();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page
          .locator('section', { has: page.locator('#at-a-glance-heading') })
          .screenshot({ path: join(SCREENSHOTS, 'report-summary-phone.png') });
        await page
          .locator('.app-statements')
          .first()
          .screenshot({ path: join(SCREENSHOTS, 'report-statements-phone.png') });
        await page
          .locator('.app-heatmap')
          .first()
          .screenshot({ path: join(SCREENSHOTS, 'report-heatmap-phone.png') });
      }
      await page.context().close();
    });
  }

  test('every control can be reached with the keyboard', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, PSW);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'main a[href], main button, main select, main input:not([type=hidden]), main summary, main [tabindex="0"]',
        ),
      ]
        // Controls inside a closed disclosure are not on screen, and not in the tab order, until opened.
        .filter((e) => e.checkVisibility())
        .map((e, i) => {
          e.dataset['kb'] = String(i);
          return `${i} ${e.tagName} ${(e.textContent ?? '').slice(0, 50)}`;
        }),
    );
    expect(controls.length).toBeGreaterThan(20);
    const reached = new Set<string>();
    await page.locator('main').focus();
    for (let i = 0; i < controls.length * 2 + 20 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset['kb'],
      );
      if (id !== undefined) reached.add(id);
    }
    expect(controls.filter((c) => !reached.has(c.split(' ')[0] ?? ''))).toEqual([]);
    // A disclosure opens with the keyboard.
    await page.getByText('Show the scores as a table').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: /Scores by scale/ })).toBeVisible();
    await page.context().close();
  });

  test('an administrator reads any LA and is never told it is theirs', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, ADMIN);
    await page.goto(reportUrl({ wave: fixtures.wave2025, service: 'children' }));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hartlepool: health check results' }),
    ).toBeVisible();
    for (const summary of await page.locator('.app-details__summary').all()) await summary.click();
    await expect(page.locator('main')).not.toContainText(/your local authority|your LA\b/i);
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
