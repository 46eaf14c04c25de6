import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { queryDatabase } from '../support/test-database';
import { expect, progress, sendButton, test, thankYouHeading } from './fixtures';
import {
  databaseUrl,
  expectNoViolations,
  freshPage,
  newStaffAccount,
  sidewaysOverflow,
  signIn,
  STAFF_SCREENSHOTS as SCREENSHOTS,
} from './page-helpers';

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const DAY = 86_400_000;
/** The last page's button, as the questionnaire names it. */
const SEND = /^Send( my)? answers$/;

/**
 * An open wave of Health Check v2 (per-service team types) with links for one LA's services,
 * written straight into the database as the admin pages would leave it. Each call gets its own
 * LA and years, so nothing clashes with another test's waves.
 */
async function openWave(
  gssCode: string,
): Promise<{ id: string; name: string; children: string; adults: string }> {
  const url = databaseUrl();
  const name = unique('Browser wave');
  const [wave] = await queryDatabase<{ id: string }>(
    url,
    `INSERT INTO wave (name, instrument_id, opens_at, closes_at)
     SELECT $1, id, $2, $3 FROM instrument WHERE key = 'health-check' AND version = 2 RETURNING id`,
    [name, new Date(Date.now() - 3 * DAY), new Date(Date.now() + 30 * DAY)],
  );
  const codes = { children: unique('browser-children'), adults: unique('browser-adults') };
  for (const service of ['children', 'adults'] as const)
    await queryDatabase(
      url,
      `INSERT INTO survey_link (code, wave_id, organisation_id, service)
       SELECT $1, $2, id, $3 FROM organisation WHERE gss_code = $4`,
      [codes[service], wave?.id, service, gssCode],
    );
  return { id: wave?.id ?? '', name, ...codes };
}

/** Presses "Continue" until the survey shows page `target`, waiting for each page to arrive. */
async function continueTo(page: Page, target: number): Promise<void> {
  await expect(page.locator('.sd-progress__text').last()).toBeVisible();
  for (let now = (await progress(page)).page; now < target; now++) {
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await progress(page)).page).toBe(now + 1);
  }
}

async function signedIn(page: Page, role: 'admin' | 'psw', gssCodes: string[] = []) {
  const account = await newStaffAccount(role, gssCodes);
  await page.goto('/sign-in');
  await signIn(page, account);
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Presses Tab until the focused element matches, then returns; fails after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; type: string }) => boolean,
  limit = 80,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        text: (a?.textContent ?? '').trim(),
        id: a?.id ?? '',
        type: a instanceof HTMLInputElement ? a.type : '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error('never reached the element by Tab');
}

test.describe('running a health check', () => {
  test('an admin creates a wave, schedules it and enrols LAs with the keyboard alone', async ({
    browser,
    baseURL,
  }) => {
    const page = await freshPage(browser, baseURL);
    await signedIn(page, 'admin');
    await page.goto('/admin/waves');
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-waves.png`, fullPage: true });
    await tabTo(page, (el) => el.text === 'Create a wave');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Create a wave' })).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-wave-form.png`, fullPage: true });

    const name = unique('Keyboard wave');
    await tabTo(page, (el) => el.id === 'name');
    await page.keyboard.type(name);
    // The questionnaire (newest preselected) and both services are already chosen: on to the dates.
    await tabTo(page, (el) => el.id === 'opensAt-day');
    for (const text of ['1', '3', '2090']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await tabTo(page, (el) => el.id === 'closesAt-day');
    for (const text of ['29', '3', '2090']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await tabTo(page, (el) => el.text === 'Create wave');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('created as a draft')).toBeVisible();
    // 29 March 2090 is after the clocks go forward: 23:59:59 BST.
    await expect(page.getByText('end of 29 March 2090 (11:59:59pm)')).toBeVisible();

    await tabTo(page, (el) => el.text === 'Schedule this wave');
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${name} is scheduled`)).toBeVisible();
    await tabTo(page, (el) => el.type === 'radio' && el.id === 'scope');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // "Local authorities I choose by GSS code"
    await tabTo(page, (el) => el.id === 'gssCodes');
    await page.keyboard.type('E06000007, E06000008');
    await tabTo(page, (el) => el.text === 'Enrol');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Enrolled 2 local authorities (4 links)')).toBeVisible();
    await expect(page.locator('table code')).toHaveCount(4);
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-wave.png`, fullPage: true });

    await page.goto('/admin/instruments');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Questionnaire versions' }),
    ).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-instruments.png`, fullPage: true });
  });

  test('a PSW copies the link, the QR code decodes to it, and the poster fits one A4 page', async ({
    browser,
    baseURL,
  }) => {
    const wave = await openWave('E06000004');
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await signedIn(page, 'psw', ['E06000004']);
    await page.getByRole('link', { name: 'Run your health check' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Run your health check' }),
    ).toBeVisible();
    const section = page.locator('section.app-run-wave', { hasText: wave.name });
    const children = section.locator('section.app-run-service').first();
    const link = `${baseURL}/s/${wave.children}`;
    await expect(children.locator('code').first()).toHaveText(link);

    await children.getByRole('button', { name: 'Copy link' }).click();
    await expect(children.getByText('The link has been copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    await expect(children.getByTestId('qr-code')).toBeVisible();
    const png = await children.getByTestId('qr-png').getAttribute('href');
    const image = PNG.sync.read(
      Buffer.from((png ?? '').replace(/^data:image\/png;base64,/, ''), 'base64'),
    );
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(link);
    const svg = await children.getByTestId('qr-code').getAttribute('src');
    expect(decodeURIComponent(svg ?? '')).toMatch(/^data:image\/svg\+xml;charset=utf-8,<svg/);

    await expectNoViolations(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/psw-run.png`, fullPage: true });

    await children.getByRole('link', { name: /Print a poster/ }).click();
    await expect(page.getByTestId('poster-qr')).toBeVisible();
    await expect(page.getByRole('article', { name: 'Poster' })).toContainText(link);
    await expect(page.getByRole('article', { name: 'Poster' })).toContainText('anonymous');
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/psw-poster.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  test('a replaced link says so and where to get the new one', async ({ browser, baseURL }) => {
    const wave = await openWave('E06000006');
    await queryDatabase(
      databaseUrl(),
      `WITH old AS (SELECT id, code FROM survey_link WHERE code = $1)
       INSERT INTO replaced_link_code (code, survey_link_id, replaced_at) SELECT code, id, now() FROM old`,
      [wave.adults],
    );
    await queryDatabase(databaseUrl(), 'UPDATE survey_link SET code = $2 WHERE code = $1', [
      wave.adults,
      unique('browser-new'),
    ]);
    const page = await freshPage(browser, baseURL);
    await page.goto(`/s/${wave.adults}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This link was replaced' }),
    ).toBeVisible();
    await expect(
      page.getByText('Ask your principal social worker for the new link.'),
    ).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe("the respondent's side of a real wave", () => {
  test('the adults’ survey offers only adults’ team types; the closing date is shown', async ({
    page,
  }) => {
    const wave = await openWave('E06000009');
    await page.goto(`/s/${wave.adults}`);
    await expect(page.getByText(/This survey closes on \d+ \w+ \d{4} at/)).toBeVisible();
    await continueTo(page, 5);
    const teams = page.locator('[role="radiogroup"]', { hasText: 'Hospital or discharge' });
    await expect(teams).toBeVisible();
    await expect(teams).not.toContainText('Children in care');
    await expect(teams).not.toContainText('Child in need');
  });

  test('after Continue focus is on the page heading; after a failed Send on the error summary', async ({
    page,
  }) => {
    const wave = await openWave('E06000010');
    await page.goto(`/s/${wave.children}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.sd-page__title')).toBeFocused();
    await expect(page.locator('.sd-page__title')).toHaveText(
      'Support from your manager and colleagues',
    );
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Continue' }).click();
    await sendButton(page).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(3);
  });

  test('page 5 can be completed by Tab, Space and Enter alone, without going round in a loop', async ({
    page,
  }) => {
    const wave = await openWave('E06000011');
    await page.goto(`/s/${wave.children}`);
    await continueTo(page, 5);
    await expect(page.locator('.sd-page__title')).toBeFocused();
    // First try to send with nothing answered: the summary takes focus, then on from there.
    await tabTo(page, (el) => SEND.test(el.text));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
    const seen: string[] = [];
    let sent = false;
    for (let step = 0; step < 200 && !sent; step++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return {
          key: `${a?.tagName}:${a?.name ?? ''}:${a?.value ?? ''}:${(a?.textContent ?? '').trim()}`,
          radio: a?.type === 'radio',
          checked: a?.checked ?? false,
          text: (a?.textContent ?? '').trim(),
        };
      });
      if (el.radio && !el.checked) await page.keyboard.press('Space');
      if (SEND.test(el.text)) {
        await page.keyboard.press('Enter');
        sent = true;
      }
      // Going round in a loop would bring focus back to an element already passed on this page.
      if (el.radio) {
        expect(seen, `focus came back to ${el.key}`).not.toContain(el.key);
        seen.push(el.key);
      }
    }
    expect(sent).toBe(true);
    await expect(thankYouHeading(page)).toBeVisible();
  });

  test('"Start again" clears the answers saved on this device', async ({ page }) => {
    const wave = await openWave('E06000012');
    await page.goto(`/s/${wave.children}`);
    await page.locator('.sd-page [role="radiogroup"]').first().locator('label').nth(3).click();
    const notice = page.getByText('Your answers are saved on this device');
    await expect(notice).toBeVisible();
    const key = `swhc:survey:${wave.children}`;
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toContain('"demands1":4');
    await page.getByRole('button', { name: 'Start again' }).click();
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await expect(notice).toHaveCount(0);
    await expect(page.locator('.sd-page input[type="radio"]:checked')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.sd-page input[type="radio"]:checked')).toHaveCount(0);
  });
});
