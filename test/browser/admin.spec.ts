import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  expectAxeCleanAndNoSidewaysScroll,
  expectNoViolations,
  freshPage,
  newStaffAccount,
  signIn,
  STAFF_SCREENSHOTS as SCREENSHOTS,
} from './page-helpers';

const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}@council.test`;

/** A new browser context with a freshly created admin signed in. */
async function signedInAdmin(
  browser: Browser,
  baseURL: string | undefined,
  width = 1280,
): Promise<Page> {
  const admin = await newStaffAccount('admin');
  const page = await freshPage(browser, baseURL, width);
  await page.goto('/sign-in');
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

test.describe('administration pages', () => {
  test('an admin creates a PSW, binds and unbinds LAs, and disables the account', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInAdmin(browser, baseURL);
    await page.getByRole('link', { name: 'Staff accounts' }).first().click();
    await page.getByRole('button', { name: 'Create a staff account' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Create a staff account' }),
    ).toBeVisible();

    // Nothing filled in: every problem listed and linked.
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link', { name: 'Enter an email address' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Select a role' })).toBeVisible();
    await expect(
      summary.getByRole('link', { name: 'Password must be at least 12 characters' }),
    ).toBeVisible();
    await summary.getByRole('link', { name: 'Select a role' }).click();
    await expect(page.locator('#role')).toBeFocused();

    const email = uniqueEmail('new-psw');
    await page.locator('#email').fill(email);
    await page.getByLabel('Principal social worker').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(
      summary.getByRole('link', {
        name: 'Select the local authority this principal social worker works for',
      }),
    ).toBeVisible();
    await page.getByLabel('Local authority').selectOption('E06000003');
    await page.locator('#password').fill('an initial password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByText(`Account created for ${email}.`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: email })).toBeVisible();
    const las = page.getByRole('table');
    await expect(las).toContainText('Redcar and Cleveland');

    await page.getByLabel('Add a local authority').selectOption('E06000004');
    await page.getByRole('button', { name: 'Add local authority' }).click();
    await expect(page.getByText('Stockton-on-Tees (E06000004) added.')).toBeVisible();
    await expect(las).toContainText('Stockton-on-Tees');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-account.png`, fullPage: true });
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Remove Redcar and Cleveland' }).click();
    await expect(page.getByText('Redcar and Cleveland removed.')).toBeVisible();
    await expect(las).not.toContainText('Redcar and Cleveland');

    // A forgotten password: the admin sets a new one (at least 12 characters).
    await page.getByLabel('New password').fill('too short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(
      page
        .getByRole('alert')
        .getByRole('link', { name: 'Password must be at least 12 characters' }),
    ).toBeVisible();
    await page.getByLabel('New password').fill('a replacement password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByText(`New password set for ${email}.`)).toBeVisible();
    await expect(page.getByLabel('New password')).toHaveValue('');

    // The PSW signs in with it, then is signed out the moment the account is disabled.
    const pswContext = await browser.newContext({ baseURL });
    const psw = await pswContext.newPage();
    await psw.goto('/sign-in');
    await signIn(psw, { email, password: 'a replacement password' });
    await expect(psw).toHaveURL(/\/la\/E06000004$/);

    await page.getByRole('button', { name: 'Disable account' }).click();
    await expect(
      page.getByText(`${email} is disabled and has been signed out everywhere.`),
    ).toBeVisible();
    expect((await psw.request.get('/api/auth/me')).status()).toBe(401);
    await pswContext.close();

    await page.getByRole('link', { name: 'Back to staff accounts' }).click();
    const row = page.getByRole('row', { name: new RegExp(email) });
    await expect(row).toContainText('Disabled');
    await expect(row).toContainText('Stockton-on-Tees');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-accounts.png`, fullPage: true });
    await page.context().close();
  });

  test('an admin sets the minimum group size, never below 5, and reads the audit log', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInAdmin(browser, baseURL);
    await page.getByRole('link', { name: 'Minimum group size' }).first().click();
    const field = page.getByLabel('Minimum group size');
    await expect(field).toHaveValue('10');
    await field.fill('4');
    await page.getByRole('button', { name: 'Save minimum group size' }).click();
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Minimum group size must be 5 or more' }),
    ).toBeVisible();
    await expect(page).toHaveTitle('Error: Minimum group size – Social Work Health Check');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-settings-error.png`, fullPage: true });
    await expectNoViolations(page);
    // Saving the standard value leaves other tests' reports as they were.
    await field.fill('10');
    await page.getByRole('button', { name: 'Save minimum group size' }).click();
    await expect(page.getByText('The minimum group size is now 10.')).toBeVisible();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table).toContainText('Setting changed');
    await expect(table).toContainText('from: 10, to: 10');
    await expect(table).toContainText('Signed in');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-audit.png`, fullPage: false });
    await page.context().close();
  });

  test('axe finds no WCAG 2.2 AA problems on the admin pages (and at 320 px)', async ({
    browser,
    baseURL,
  }) => {
    for (const width of [1280, 320]) {
      const page = await signedInAdmin(browser, baseURL, width);
      await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
      await expectNoViolations(page);
      if (width === 1280)
        await page.screenshot({ path: `${SCREENSHOTS}/admin-home.png`, fullPage: true });

      for (const [path, heading] of [
        ['/admin/accounts', 'Staff accounts'],
        ['/admin/accounts/new', 'Create a staff account'],
        ['/admin/settings', 'Minimum group size'],
        ['/admin/audit', 'Audit log'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByText('Loading…')).toHaveCount(0);
        await expectAxeCleanAndNoSidewaysScroll(page, `${path} at ${width}px scrolls sideways`);
      }
      await page.goto('/admin/accounts/new');
      await page.getByLabel('Principal social worker').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByText('There is a problem')).toBeVisible();
      await expectNoViolations(page);
      await page.screenshot({
        path: `${SCREENSHOTS}/admin-create-errors-${width}.png`,
        fullPage: true,
      });
      await page.context().close();
    }
  });
});
