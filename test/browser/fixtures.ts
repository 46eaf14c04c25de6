import { test as base, expect, type Page, type Request } from '@playwright/test';
import { countResponses } from '../support/survey-fixtures';

export interface SurveyLinks {
  openCode: string;
  closedCode: string;
  unknownCode: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run through playwright.config.ts (global setup)`);
  return value;
}

export const test = base.extend<{
  links: SurveyLinks;
  /** Responses stored in the database right now. */
  storedResponses: () => Promise<number>;
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture needs from this pattern
  links: async ({}, use) => {
    await use(JSON.parse(required('SWHC_BROWSER_LINKS')) as SurveyLinks);
  },
  // eslint-disable-next-line no-empty-pattern
  storedResponses: async ({}, use) => {
    const databaseUrl = required('SWHC_BROWSER_DATABASE_URL');
    await use(() => countResponses(databaseUrl));
  },
});

export { expect };

export const surveyPath = (code: string) => `/s/${encodeURIComponent(code)}`;

/** The "Page x of y" progress text, as numbers. */
export async function progress(page: Page): Promise<{ page: number; of: number }> {
  const text = await page.locator('.sd-progress__text').last().innerText();
  const match = /Page (\d+) of (\d+)/.exec(text);
  if (!match) throw new Error(`No "Page x of y" in "${text}"`);
  return { page: Number(match[1]), of: Number(match[2]) };
}

/**
 * Answers every question on the current page by clicking its options (the keyboard-only test does
 * not use this). Varies the choice so answers are not all the same.
 */
export async function answerCurrentPage(page: Page, choice = 1): Promise<void> {
  const groups = page.locator('.sd-page [role="radiogroup"]');
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    const options = groups.nth(i).locator('label');
    const n = await options.count();
    await options.nth((choice + i) % n).click();
  }
}

/** Answers every page and stops on the last one, before "Send answers". */
export async function answerAllPages(page: Page): Promise<void> {
  await expect(page.locator('.sd-progress__text').last()).toBeVisible();
  for (let guard = 0; guard < 50; guard += 1) {
    await answerCurrentPage(page, guard);
    const next = page.getByRole('button', { name: 'Continue' });
    if (!(await next.isVisible())) return;
    const before = (await progress(page)).page;
    await next.click();
    await expect.poll(async () => (await progress(page)).page).toBe(before + 1);
  }
  throw new Error('The survey never reached its last page');
}

/** The button that sends the answers, on the last page. */
export const sendButton = (page: Page) =>
  page.getByRole('button', { name: /^Send( my)? answers$/ });

/**
 * Moves on with "Continue" (answering nothing) until a page with a required question is on screen,
 * then presses "Continue" once more so the survey shows its errors.
 */
export async function showRequiredAnswerErrors(page: Page): Promise<void> {
  const required = page.locator('.sd-page [role="radiogroup"][aria-required="true"]');
  await expect(page.locator('.sd-page [role="radiogroup"]').first()).toBeVisible();
  for (let guard = 0; guard < 50 && (await required.count()) === 0; guard += 1) {
    const before = (await progress(page)).page;
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await progress(page)).page).toBe(before + 1);
  }
  const next = page.getByRole('button', { name: 'Continue' });
  await ((await next.isVisible()) ? next : sendButton(page)).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
}

/** Submission ids of every response POST the page made. */
export function recordSubmissions(page: Page): string[] {
  const ids: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && /\/api\/surveys\/[^/]+\/responses$/.test(request.url())) {
      const body = request.postDataJSON() as { submissionId?: string } | null;
      ids.push(body?.submissionId ?? '(none)');
    }
  });
  return ids;
}

/**
 * Notes how many responses are stored and starts recording submission ids, then opens the open
 * survey link and answers every page, stopping before "Send answers".
 */
export async function answerAllPagesRecorded({
  page,
  links,
  storedResponses,
}: {
  page: Page;
  links: SurveyLinks;
  storedResponses: () => Promise<number>;
}): Promise<{ before: number; submissions: string[] }> {
  const before = await storedResponses();
  const submissions = recordSubmissions(page);
  await page.goto(surveyPath(links.openCode));
  await answerAllPages(page);
  return { before, submissions };
}

export const thankYouHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Thank you' });
