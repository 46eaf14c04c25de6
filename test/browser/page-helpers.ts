import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { createStaffAccount, type StaffFixture } from '../support/staff-fixtures';
import { expect } from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Screenshots of the staff pages. Outside Playwright's outputDir, which it empties at every run. */
export const STAFF_SCREENSHOTS = 'test-results/screens';

/** The database the app under test uses (set by global setup). */
export function databaseUrl(): string {
  const url = process.env['SWHC_BROWSER_DATABASE_URL'];
  if (!url)
    throw new Error('SWHC_BROWSER_DATABASE_URL is not set: run through playwright.config.ts');
  return url;
}

/** A new staff account in the app's database, with an address no other test uses (`role-…@council.test`). */
export const newStaffAccount = (
  role: StaffFixture['role'],
  gssCodes: string[] = [],
): Promise<StaffFixture> =>
  createStaffAccount(databaseUrl(), {
    email: `${role}-${randomBytes(4).toString('hex')}@council.test`,
    role,
    gssCodes,
  });

/** The page's one level-1 heading, by its text. */
export const pageHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name });

/** A page in a browser context of its own (axe needs one), 900 px high. */
export async function freshPage(
  browser: Browser,
  baseURL: string | undefined,
  width = 1280,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
  return context.newPage();
}

/** A fresh page (as {@link freshPage}) whose context is signed in through the api. */
export async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  who: { email: string; password: string },
  width = 1280,
): Promise<Page> {
  const page = await freshPage(browser, baseURL, width);
  const res = await page.context().request.post('/api/auth/login', { data: who });
  expect(res.status()).toBe(200);
  return page;
}

/** Fails listing every axe violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules on the page. */
export async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
  expect(await choicesWithoutTheirBox(page), 'radios or checkboxes drawn without a box').toEqual(
    [],
  );
}

/**
 * The app's radios and checkboxes are transparent inputs whose box their label draws (GOV.UK). A
 * label without the matching class leaves nothing to see, which axe cannot know: the ids of those.
 */
const choicesWithoutTheirBox = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('.app-checkboxes__input, .app-radios__input')]
      .filter((input) => {
        const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
        if (!label) return true;
        const box = getComputedStyle(label, '::before');
        return box.content === 'none' || box.borderTopWidth === '0px';
      })
      .map((input) => input.id || input.name),
  );

/** Fills in the sign-in form that is on screen and presses "Sign in". */
export async function signIn(
  page: Page,
  { email, password }: { email: string; password: string },
): Promise<void> {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** How far the page is wider than the window, in CSS pixels: more than 0 means sideways scrolling. */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Axe finds no WCAG A/AA problem and the page does not scroll sideways at its present width. */
export async function expectAxeCleanAndNoSidewaysScroll(
  page: Page,
  message?: string,
): Promise<void> {
  expect(await sidewaysOverflow(page), message ?? 'the page scrolls sideways').toBeLessThanOrEqual(
    0,
  );
  await expectNoViolations(page);
}

/** What has keyboard focus, described well enough to decide the next key in a keyboard-only test. */
export const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el?.tagName.toLowerCase() ?? 'none',
      type: input?.type ?? '',
      name: input?.name ?? '',
      checked: input?.checked ?? false,
      text: (el?.textContent ?? '').trim(),
    };
  });
