import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  expectAxeCleanAndNoSidewaysScroll,
  expectNoViolations,
  freshPage,
  newStaffAccount,
  signIn,
  STAFF_SCREENSHOTS as SCREENSHOTS,
} from './page-helpers';

/**
 * Presses Tab (or Shift+Tab, to go back) until the element with this id or text has focus, as a
 * keyboard user would.
 */
async function tabTo(
  page: Page,
  target: { id: string } | { text: string },
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(key);
    const found = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return false;
      return 'id' in t ? el.id === t.id : el.textContent?.trim() === t.text;
    }, target);
    if (found) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

test.describe('staff sign-in', () => {
  test('a PSW signs in and out with the keyboard alone, seeing who they are in the header', async ({
    browser,
    baseURL,
  }) => {
    const psw = await newStaffAccount('psw', ['E06000001']);
    const page = await freshPage(browser, baseURL);
    await page.goto('/sign-in');
    await expect(page).toHaveTitle('Sign in – Social Work Health Check');
    await expect(page.locator('#email')).toHaveAttribute('autocomplete', 'username');
    await expect(page.locator('#password')).toHaveAttribute('autocomplete', 'current-password');
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png`, fullPage: true });

    await tabTo(page, { id: 'email' });
    await page.keyboard.type(psw.email);
    await page.keyboard.press('Tab');
    await expect(page.locator('#password')).toBeFocused();
    await page.keyboard.type(psw.password);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/la\/E06000001$/);
    const header = page.getByRole('banner');
    await expect(header).toContainText(psw.email);
    await expect(header).toContainText('Principal social worker');
    await expect(header).toContainText('Hartlepool');
    await page.screenshot({ path: `${SCREENSHOTS}/psw-signed-in.png` });

    // Focus is on the report's main content, which has many controls: the header is behind it.
    await tabTo(page, { text: 'Sign out' }, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await expect(header).not.toContainText(psw.email);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await page.context().close();
  });

  test('errors are summarised, linked to their fields and announced in the title', async ({
    browser,
    baseURL,
  }) => {
    const researcher = await newStaffAccount('researcher');
    const page = await freshPage(browser, baseURL);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter your password' })).toBeVisible();
    await expect(page).toHaveTitle('Error: Sign in – Social Work Health Check');
    await expect(page.locator('#email')).toHaveAttribute('aria-describedby', 'email-error');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    await expect(page.locator('#password')).toBeFocused();
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-errors.png`, fullPage: true });

    await signIn(page, { email: researcher.email, password: 'this is not the password' });
    await expect(
      summary.getByRole('link', { name: 'Enter a correct email address and password' }),
    ).toBeVisible();
    await expect(page.locator('#password')).toHaveValue('');
    await expect(page).toHaveURL(/\/sign-in(#password)?$/);

    // Pasting a password works (no paste blocking).
    await page.locator('#password').focus();
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#password');
      const data = new DataTransfer();
      data.setData('text/plain', 'pasted');
      input?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    expect(
      await page.evaluate(() => document.querySelector('#password')?.getAttribute('onpaste')),
    ).toBeNull();

    await page.locator('#password').fill(researcher.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/research$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Research' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Validation reports' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/research.png` });
    await page.context().close();
  });

  test('an admin lands on /admin, and a signed-out visit to an admin page comes back after sign-in', async ({
    browser,
    baseURL,
  }) => {
    const admin = await newStaffAccount('admin');
    const page = await freshPage(browser, baseURL);
    await page.goto('/admin/settings');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fsettings$/);
    await signIn(page, admin);
    await expect(page).toHaveURL(/\/admin\/settings$/);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();

    // A PSW is told an admin page is not for them (the api refuses it too).
    const psw = await newStaffAccount('psw', ['E06000002']);
    const other = await freshPage(browser, baseURL);
    await other.goto('/sign-in');
    await signIn(other, psw);
    await expect(other).toHaveURL(/\/la\/E06000002$/);
    await other.goto('/admin/accounts');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(
      'You do not have permission to see this page',
    );
    await other.context().close();
    await page.context().close();
  });

  test('axe finds no WCAG 2.2 AA problems on the sign-in page, with and without errors, at 320 px too', async ({
    browser,
    baseURL,
  }) => {
    for (const width of [1280, 320]) {
      const page = await freshPage(browser, baseURL, width);
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('There is a problem')).toBeVisible();
      await expectAxeCleanAndNoSidewaysScroll(page);
      if (width === 320)
        await page.screenshot({ path: `${SCREENSHOTS}/sign-in-320.png`, fullPage: true });
      await page.context().close();
    }
  });
});
