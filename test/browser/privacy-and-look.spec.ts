import { join } from 'node:path';
import {
  answerAllPages,
  expect,
  sendButton,
  showRequiredAnswerErrors,
  surveyPath,
  test,
  thankYouHeading,
} from './fixtures';
import { freshPage } from './page-helpers';

const screenshots = join(__dirname, '..', '..', 'test-results', 'screenshots');

test('the app requests nothing from any other host', async ({ page, baseURL, links }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));

  await page.goto('/');
  await page.goto(surveyPath(links.openCode));
  await answerAllPages(page);
  await sendButton(page).click();
  await expect(thankYouHeading(page)).toBeVisible();
  await page.goto(surveyPath(links.unknownCode));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(surveyPath(links.closedCode));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const elsewhere = requested.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
  expect(requested.length).toBeGreaterThan(5);
  expect(elsewhere).toEqual([]);
});

test('screenshots of the survey (desktop and 320 px) and the thank-you page', async ({
  browser,
  baseURL,
  links,
}) => {
  for (const [name, width] of [
    ['survey-desktop', 1280],
    ['survey-320px', 320],
  ] as const) {
    const page = await freshPage(browser, baseURL, width);
    await page.goto(surveyPath(links.openCode));
    await expect(page.locator('.sd-progress__text').last()).toBeVisible();
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
    if (name === 'survey-desktop') {
      await showRequiredAnswerErrors(page);
      await page.screenshot({ path: join(screenshots, 'survey-errors.png'), fullPage: true });
      await page.getByRole('link').filter({ hasText: 'Select an answer' }).first().click();
      await page.screenshot({ path: join(screenshots, 'survey-focus.png') });
      await answerAllPages(page);
      await page.screenshot({ path: join(screenshots, 'survey-last-page.png'), fullPage: true });
      await sendButton(page).click();
      await expect(thankYouHeading(page)).toBeVisible();
      await page.screenshot({ path: join(screenshots, 'thank-you.png'), fullPage: true });
    }
    await page.context().close();
  }
});
