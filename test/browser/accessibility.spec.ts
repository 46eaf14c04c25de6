import {
  answerAllPages,
  expect,
  sendButton,
  showRequiredAnswerErrors,
  surveyPath,
  test,
  thankYouHeading,
} from './fixtures';
import { expectAxeCleanAndNoSidewaysScroll, expectNoViolations, freshPage } from './page-helpers';

test.describe('accessibility (axe, WCAG 2.2 AA tags)', () => {
  test('survey page, first page and with errors showing', async ({ browser, baseURL, links }) => {
    const page = await freshPage(browser, baseURL);
    await page.goto(surveyPath(links.openCode));
    await expect(page.locator('.sd-progress__text').last()).toBeVisible();
    await expectNoViolations(page);

    await showRequiredAnswerErrors(page);
    await expectNoViolations(page);
    await page.context().close();
  });

  for (const [label, width, scale] of [
    ['320 px wide', 320, 1],
    ['200% zoom (1280 px at 2x)', 640, 2],
  ] as const) {
    test(`survey page at ${label} reflows without sideways scrolling`, async ({
      browser,
      baseURL,
      links,
    }) => {
      const context = await browser.newContext({
        baseURL,
        viewport: { width, height: 900 / scale },
        deviceScaleFactor: scale,
      });
      const page = await context.newPage();
      await page.goto(surveyPath(links.openCode));
      await expect(page.locator('.sd-progress__text').last()).toBeVisible();
      await expectAxeCleanAndNoSidewaysScroll(page);
      await context.close();
    });
  }

  test('thank-you page', async ({ browser, baseURL, links }) => {
    const page = await freshPage(browser, baseURL);
    await page.goto(surveyPath(links.openCode));
    await answerAllPages(page);
    await sendButton(page).click();
    await expect(thankYouHeading(page)).toBeVisible();
    await expectNoViolations(page);
    await page.context().close();
  });

  for (const [label, code, heading] of [
    ['unknown-link', 'unknownCode', 'We do not recognise this survey link'],
    ['closed-link', 'closedCode', 'This survey has closed'],
  ] as const) {
    test(`${label} page`, async ({ browser, baseURL, links }) => {
      const page = await freshPage(browser, baseURL);
      await page.goto(surveyPath(links[code]));
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoViolations(page);
      await page.context().close();
    });
  }

  test('home and not-found pages', async ({ browser, baseURL }) => {
    const page = await freshPage(browser, baseURL);
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Social Work Health Check' }),
    ).toBeVisible();
    await expectNoViolations(page);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoViolations(page);
    await page.context().close();
  });
});
