import type { Page, Route } from '@playwright/test';
import {
  answerAllPagesRecorded,
  answerCurrentPage,
  expect,
  progress,
  recordSubmissions,
  sendButton,
  showRequiredAnswerErrors,
  surveyPath,
  test,
  thankYouHeading,
} from './fixtures';
import { focusedElement } from './page-helpers';

/** Hands the request that sends the answers to `handle` (which must continue, fulfil or abort it). */
const interceptSending = (page: Page, handle: (route: Route) => Promise<void>) =>
  page.route('**/api/surveys/*/responses', handle);

/** The thank-you page shows, one more response is stored, and the browser sent `distinct` submission ids. */
async function expectStoredOnce(
  page: Page,
  storedResponses: () => Promise<number>,
  before: number,
  submissions: readonly string[],
  distinct = 1,
): Promise<void> {
  await expect(thankYouHeading(page)).toBeVisible();
  expect(await storedResponses()).toBe(before + 1);
  expect(new Set(submissions).size).toBe(distinct);
}

test.describe('taking the survey', () => {
  test('can be completed with the keyboard alone', async ({ page, links, storedResponses }) => {
    const before = await storedResponses();
    const submissions = recordSubmissions(page);
    await page.goto(surveyPath(links.openCode));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.sd-progress__text').last()).toBeVisible();

    // Tab through the page; in each group of radios pick an option with the arrow keys or Space;
    // press Enter on "Continue" and finally on "Send answers". No mouse at all.
    let sent = false;
    let focusRingSeen = false;
    for (let step = 0; step < 600 && !sent; step += 1) {
      const now = await focusedElement(page);
      if (now.type === 'radio' && !focusRingSeen) {
        // The focused radio shows the GOV.UK yellow focus ring.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const decorator = document.activeElement?.nextElementSibling;
              return decorator ? getComputedStyle(decorator).boxShadow : '';
            }),
          )
          .toContain('rgb(255, 221, 0)');
        focusRingSeen = true;
      }
      if (now.type === 'radio' || now.type === 'checkbox') {
        if (!now.checked) await page.keyboard.press(step % 2 === 0 ? 'Space' : 'ArrowDown');
        await page.keyboard.press('Tab');
      } else if (now.tag === 'button' && now.text === 'Continue') {
        const before = (await progress(page)).page;
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await progress(page)).page).toBe(before + 1);
      } else if (now.tag === 'button' && /^Send( my)? answers$/.test(now.text)) {
        await page.keyboard.press('Enter');
        sent = true;
      } else {
        await page.keyboard.press('Tab');
      }
    }
    expect(sent, 'reached "Send answers" by keyboard').toBe(true);
    expect(focusRingSeen).toBe(true);

    await expectStoredOnce(page, storedResponses, before, submissions);
    await expect(page.getByText('Your answers have been sent')).toBeVisible();
  });

  test('resumes on the same page with the answers kept after a reload', async ({ page, links }) => {
    await page.goto(surveyPath(links.openCode));
    await answerCurrentPage(page, 3);
    const firstPageAnswers = await checkedValues(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await progress(page)).page).toBe(2);
    await page.locator('.sd-page [role="radiogroup"]').first().locator('label').nth(1).click();
    const secondPageAnswers = await checkedValues(page);

    await page.reload();

    await expect.poll(async () => (await progress(page)).page).toBe(2);
    expect(await checkedValues(page)).toEqual(secondPageAnswers);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(async () => (await progress(page)).page).toBe(1);
    expect(await checkedValues(page)).toEqual(firstPageAnswers);
  });

  test('sends once when the network drops while sending, and tells the person what is happening', async ({
    page,
    context,
    links,
    storedResponses,
  }) => {
    const { before, submissions } = await answerAllPagesRecorded({ page, links, storedResponses });

    await context.setOffline(true);
    await sendButton(page).click();
    const status = page.getByRole('status');
    await expect(status).toContainText('We’re trying to send your answers… don’t close this page.');
    await expect(thankYouHeading(page)).toHaveCount(0);
    expect(await storedResponses()).toBe(before);

    await context.setOffline(false);
    await expectStoredOnce(page, storedResponses, before, submissions);
  });

  test('a reload while sending resends the same submission, stored once', async ({
    page,
    links,
    storedResponses,
  }) => {
    const { before, submissions } = await answerAllPagesRecorded({ page, links, storedResponses });
    // The server stores the first attempt, but its answer never reaches the browser.
    await interceptSending(page, async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await sendButton(page).click();
    await expect(page.getByRole('status')).toContainText('don’t close this page');
    await expect.poll(storedResponses).toBe(before + 1);

    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    await expectStoredOnce(page, storedResponses, before, submissions);
    expect(submissions.length).toBeGreaterThanOrEqual(2);
  });

  test('a double click on "Send answers" stores one response', async ({
    page,
    links,
    storedResponses,
  }) => {
    const { before, submissions } = await answerAllPagesRecorded({ page, links, storedResponses });
    // Hold the request a little so the second click lands while the first is in flight.
    await interceptSending(page, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });

    await sendButton(page).dblclick();

    await expectStoredOnce(page, storedResponses, before, submissions);
  });

  test('stops on the page with errors tied to their questions when a required answer is missing', async ({
    page,
    links,
  }) => {
    await page.goto(surveyPath(links.openCode));
    await showRequiredAnswerErrors(page);
    const stuckOn = (await progress(page)).page;

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    expect((await progress(page)).page).toBe(stuckOn);
    // Focus goes to the error summary (GOV.UK); each question in error has its message tied to it
    // by aria-describedby.
    await expect(summary).toBeFocused();
    const invalid = page.locator('[role="radiogroup"][aria-invalid="true"]');
    await expect(invalid.first()).toBeVisible();
    const messageId = await invalid.first().getAttribute('aria-describedby');
    expect(messageId).toBeTruthy();
    await expect(page.locator(`[id="${messageId}"]`)).toHaveText(/Select an answer/);
    // Every message in the summary leads to its question.
    const lastLink = summary.getByRole('link').last();
    await expect(lastLink).toContainText('Select an answer');
    await lastLink.click();
    await expect(invalid.last().locator('input:focus')).toHaveCount(1);
    // Answering the question clears its error and lets the person go on.
    await answerCurrentPage(page);
    const next = page.getByRole('button', { name: 'Continue' });
    await ((await next.isVisible()) ? next : sendButton(page)).click();
    await expect(invalid).toHaveCount(0);
  });
});

test('shows the server’s errors when it refuses the answers, and a corrected send is stored once', async ({
  page,
  links,
  storedResponses,
}) => {
  const { before, submissions } = await answerAllPagesRecorded({ page, links, storedResponses });
  // Spoil one answer on its way out, as a bug or an old page might: the server must say which.
  let spoilt = '';
  await interceptSending(page, async (route) => {
    const body = route.request().postDataJSON() as { answers: Record<string, unknown> };
    spoilt = Object.keys(body.answers).find((name) => typeof body.answers[name] === 'number') ?? '';
    await route.continue({
      postData: JSON.stringify({ ...body, answers: { ...body.answers, [spoilt]: 99 } }),
    });
  });
  await sendButton(page).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  expect(spoilt).not.toBe('');
  // The survey is back, on the page of that question, with the message on the question.
  const question = page.locator(`.sd-question[data-name="${spoilt}"]`);
  await expect(question).toBeVisible();
  await expect(question.locator('.sd-question__erbox')).toContainText('This answer');
  expect(await storedResponses()).toBe(before);

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  for (let guard = 0; guard < 20 && !(await sendButton(page).isVisible()); guard += 1) {
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await sendButton(page).click();
  // The refused attempt stored nothing, so the corrected one is a new submission.
  await expectStoredOnce(page, storedResponses, before, submissions, 2);
});

test('recovers when the survey code fails to download (e.g. a release replaced it)', async ({
  page,
  links,
}) => {
  let failed = 0;
  await page.route(/\/assets\/survey-form-[^/]+\.js$/, async (route) => {
    if (failed === 0) {
      failed += 1;
      await route.fulfill({ status: 404, body: 'Not found' });
    } else {
      await route.continue();
    }
  });
  await page.goto(surveyPath(links.openCode));
  // One automatic reload later the survey is there.
  await expect(page.locator('.sd-page [role="radiogroup"]').first()).toBeVisible();
  expect(failed).toBe(1);
});

async function checkedValues(page: Page): Promise<string[]> {
  return page
    .locator('.sd-page input[type="radio"]:checked')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}
