import type { Page, Route } from '@playwright/test';
import { insertMembers, openPoll, RESEARCH_USE, WELLBEING } from '../support/panel-fixtures';
import { linkIn, waitForOutboxEmail } from '../support/outbox';
import { createStaffAccount } from '../support/staff-fixtures';
import {
  answerAllPages,
  expect,
  progress,
  recordSubmissions,
  sendButton,
  surveyPath,
  test,
  thankYouHeading,
} from './fixtures';
import { databaseUrl, expectNoViolations, focusedElement } from './page-helpers';

const SCREENSHOTS = 'test-results/screenshots/first-question';

/** SurveyJS's chunk, which a slow phone is still downloading when the first page shows. */
const SURVEYJS_CHUNK = /\/assets\/survey-form-[^/]+\.js$/;

/** Holds SurveyJS's chunk back until `release` is called (as a slow network would). */
async function holdSurveyJs(page: Page): Promise<{ release: () => void; asked: () => boolean }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(SURVEYJS_CHUNK, async (route: Route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

/**
 * Keyboard only on the native first page: Tab to each group of radios, Space on its first option,
 * on to the button named `button`, Enter. Returns the groups answered.
 */
async function answerNativePageByKeyboard(page: Page, button: RegExp): Promise<number> {
  const picked = new Set<string>();
  for (let step = 0; step < 200; step += 1) {
    const now = await focusedElement(page);
    if (now.type === 'radio') {
      if (!picked.has(now.name)) {
        await page.keyboard.press('Space');
        picked.add(now.name);
      }
      await page.keyboard.press('Tab');
    } else if (now.tag === 'button' && button.test(now.text)) {
      await page.keyboard.press('Enter');
      return picked.size;
    } else {
      await page.keyboard.press('Tab');
    }
  }
  throw new Error(`never reached the button ${button}`);
}

test('answers the first page by keyboard before SurveyJS has arrived; SurveyJS goes on at page 2 and the first answers are sent', async ({
  page,
  links,
  storedResponses,
}) => {
  const before = await storedResponses();
  const definition = (await (
    await page.request.get(`/api/surveys/${encodeURIComponent(links.openCode)}`)
  ).json()) as {
    survey: { pages: { elements: { name: string; choices: { value: unknown }[] }[] }[] };
  };
  const firstPage = definition.survey.pages[0]?.elements ?? [];
  const sent: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/responses$/.test(request.url()))
      sent.push((request.postDataJSON() as { answers: Record<string, unknown> }).answers);
  });
  const submissions = recordSubmissions(page);
  const surveyJs = await holdSurveyJs(page);

  await page.goto(surveyPath(links.openCode));
  const native = page.locator('.app-first-page');
  await expect(native.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(native.getByText(`Page 1 of ${definition.survey.pages.length}`)).toBeVisible();
  expect(surveyJs.asked()).toBe(true);
  await expectNoViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/survey-first-page.png`, fullPage: true });

  const answered = await answerNativePageByKeyboard(page, /^Continue$/);
  expect(answered).toBe(firstPage.length);
  // SurveyJS is still on its way: the page says so, and nothing is lost.
  await expect(page.getByRole('status').filter({ hasText: 'Loading the survey…' })).toBeVisible();
  surveyJs.release();

  await expect.poll(async () => (await progress(page)).page).toBe(2);
  await expect(page.locator('.sd-page__title').first()).toBeFocused();
  await answerAllPages(page);
  await sendButton(page).click();
  await expect(thankYouHeading(page)).toBeVisible();
  expect(await storedResponses()).toBe(before + 1);
  expect(new Set(submissions).size).toBe(1);
  // Space on the first option of each group: the first page's answers are each question's first
  // choice, sent with the rest.
  for (const question of firstPage)
    expect(sent[0]?.[question.name]).toEqual(question.choices[0]?.value);
});

test('a saved first page comes back natively after a reload, before SurveyJS has arrived', async ({
  page,
  links,
}) => {
  await holdSurveyJs(page);
  await page.goto(surveyPath(links.openCode));
  const native = page.locator('.app-first-page');
  const firstGroup = native.locator('fieldset').first();
  await firstGroup.locator('label').nth(2).click();
  await page.reload();
  await expect(native.locator('fieldset').first().locator('input').nth(2)).toBeChecked();
});

test('a one-page poll is answered by keyboard and sent without SurveyJS at all', async ({
  page,
  baseURL,
}) => {
  const [member = ''] = await insertMembers(databaseUrl(), `fast-${Date.now()}`, 1);
  const admin = { email: `fast-admin-${Date.now()}@panel.test`, password: 'fast admin password' };
  await createStaffAccount(databaseUrl(), { ...admin, role: 'admin' });
  const api = page.context().request;
  const headers = { Origin: baseURL ?? '' };
  expect((await api.post('/api/auth/login', { data: admin, headers })).status()).toBe(200);
  const created = await api.post('/api/panel/polls', {
    // Names of their own: a question's name belongs to the poll that first asked it.
    data: openPoll({
      title: 'Fast pulse',
      questions: [
        { ...WELLBEING, name: 'fast-wellbeing' },
        { ...RESEARCH_USE, name: 'fast-research-use' },
      ],
    }),
    headers,
  });
  expect(created.status()).toBe(201);
  await api.post('/api/auth/logout', { headers });
  const outbox = process.env['SWHC_BROWSER_OUTBOX'] ?? '';
  const invitation = await waitForOutboxEmail(outbox, member, 'New poll: Fast pulse');

  const surveyJs = await holdSurveyJs(page);
  let pollRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/panel/invitation')) pollRequests += 1;
  });
  await page.goto(linkIn(invitation, '/panel/poll'));
  const native = page.locator('.app-first-page');
  await expect(native.getByRole('heading', { level: 1, name: 'Fast pulse' })).toBeVisible();
  await expectNoViolations(page);
  // Sent with nothing answered: the GOV.UK error summary, focused, a line per required question
  // (a poll's questions are all required, in the JSON SurveyJS reads too).
  await native.getByRole('button', { name: /^Send( my)? answers$/ }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(summary).toContainText(`Select an answer – ${WELLBEING.title}`);
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/poll-first-page-errors.png`, fullPage: true });
  // The summary's link leads to the question's first option.
  await summary.getByRole('link').first().click();
  await expect(native.locator('input[type="radio"]').first()).toBeFocused();

  expect(await answerNativePageByKeyboard(page, /^Send( my)? answers$/)).toBe(2);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  expect(surveyJs.asked()).toBe(true);
  // The page's early start asked for the poll; the app took that answer instead of asking again.
  expect(pollRequests).toBe(1);
  // The link was used: the poll says so politely.
  await page.goto(linkIn(invitation, '/panel/poll'));
  await expect(
    page.getByRole('heading', { level: 1, name: 'You have already answered this poll' }),
  ).toBeVisible();
});
