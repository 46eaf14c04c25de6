import { openPoll, RESEARCH_USE, WELLBEING } from '../support/panel-fixtures';
import { linkIn, waitForOutboxEmail } from '../support/outbox';
import { createStaffAccount } from '../support/staff-fixtures';
import { queryDatabase } from '../support/test-database';
import { expect, test } from './fixtures';
import {
  databaseUrl,
  expectAxeCleanAndNoSidewaysScroll,
  expectNoViolations,
  focusedElement,
  freshPage,
  pageHeading,
  signIn,
} from './page-helpers';

function outbox(): string {
  const dir = process.env['SWHC_BROWSER_OUTBOX'];
  if (!dir) throw new Error('SWHC_BROWSER_OUTBOX is not set: run through playwright.config.ts');
  return dir;
}

const SCREENSHOTS = 'test-results/screenshots/panel';
const EMAIL = `joiner-${Date.now()}@council.test`;
const ADMIN = { email: `panel-admin-${Date.now()}@panel.test`, password: 'panel admin password' };

test.describe.serial('the polling panel', () => {
  test.beforeAll(async () => {
    await createStaffAccount(databaseUrl(), { ...ADMIN, role: 'admin' });
  });

  test('a social worker joins, confirms from the email, answers a poll by keyboard and leaves', async ({
    browser,
    baseURL,
  }) => {
    const page = await freshPage(browser, baseURL);
    await page.goto('/panel/join');
    await expect(pageHeading(page, 'Join the polling panel')).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/join.png`, fullPage: true });

    // Nothing filled in: every problem at once, in the summary and on its field.
    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter your email address');
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoViolations(page);

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Employer').selectOption({ label: 'Hartlepool' });
    await page.getByLabel('Social worker', { exact: true }).check();
    await page.getByLabel('Children’s services').check();
    // Choosing the LA suggested its region.
    await expect(page.getByLabel('Region you work in')).toHaveValue('North East');
    await page.getByLabel('I agree to my details being used as described above').check();
    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(pageHeading(page, 'Check your email')).toBeVisible();
    await expectNoViolations(page);

    // The confirmation email, from the outbox the app writes without a mail server.
    const confirmation = await waitForOutboxEmail(outbox(), EMAIL, 'Confirm that you want to join');
    await page.goto(linkIn(confirmation, '/panel/confirm'));
    await expect(pageHeading(page, 'Confirm your email address')).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Confirm and join' }).click();
    await expect(pageHeading(page, 'You have joined the polling panel')).toBeVisible();
    await expectNoViolations(page);

    // An admin opens a poll; the invitation arrives.
    const api = page.context().request;
    const login = await api.post('/api/auth/login', {
      data: ADMIN,
      headers: { Origin: baseURL ?? '' },
    });
    expect(login.status()).toBe(200);
    const created = await api.post('/api/panel/polls', {
      data: openPoll({ title: 'Browser pulse', questions: [WELLBEING, RESEARCH_USE] }),
      headers: { Origin: baseURL ?? '' },
    });
    expect(created.status()).toBe(201);
    await api.post('/api/auth/logout', { headers: { Origin: baseURL ?? '' } });
    const invitation = await waitForOutboxEmail(outbox(), EMAIL, 'New poll: Browser pulse');

    await page.goto(linkIn(invitation, '/panel/poll'));
    await expect(pageHeading(page, 'Browser pulse')).toBeVisible();
    await expect(page.locator('.sd-question').first()).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/poll.png`, fullPage: true });
    // On a phone: no sideways scrolling, still axe clean.
    await page.setViewportSize({ width: 320, height: 900 });
    await expectAxeCleanAndNoSidewaysScroll(page);
    await page.screenshot({ path: `${SCREENSHOTS}/poll-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keyboard only: Tab through, pick with Space or the arrow keys, Enter on "Send my answers".
    let sent = false;
    const picked = new Set<string>();
    for (let step = 0; step < 200 && !sent; step += 1) {
      const now = await focusedElement(page);
      if (now.type === 'radio') {
        if (!picked.has(now.name)) {
          await page.keyboard.press(picked.size === 0 ? 'ArrowRight' : 'Space');
          picked.add(now.name);
        }
        await page.keyboard.press('Tab');
      } else if (now.tag === 'button' && /^Send( my)? answers$/.test(now.text)) {
        await page.keyboard.press('Enter');
        sent = true;
      } else {
        await page.keyboard.press('Tab');
      }
    }
    expect(sent, 'reached "Send my answers" by keyboard').toBe(true);
    await expect(pageHeading(page, 'Thank you')).toBeVisible();
    await expect(page.getByText('Your answers have been sent')).toBeVisible();
    await expectNoViolations(page);

    // The link answers once, and says so politely.
    await page.goto(linkIn(invitation, '/panel/poll'));
    await expect(pageHeading(page, 'You have already answered this poll')).toBeVisible();
    await expectNoViolations(page);

    // Leaving from the link in the email.
    await page.goto(linkIn(invitation, '/panel/manage'));
    await expect(pageHeading(page, 'Manage your membership')).toBeVisible();
    await expect(page.getByText(EMAIL)).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Leave the panel' }).click();
    await expect(pageHeading(page, 'You have left the polling panel')).toBeVisible();
    await expectNoViolations(page);
    await waitForOutboxEmail(outbox(), EMAIL, 'You have left the polling panel');
    // The manage link no longer works.
    await page.goto(linkIn(invitation, '/panel/manage'));
    await expect(pageHeading(page, 'This link is not valid')).toBeVisible();
    await page.context().close();
  });

  test('an admin creates a poll on the form and reads the staff pages; axe clean on each', async ({
    browser,
    baseURL,
  }) => {
    const page = await freshPage(browser, baseURL);
    await page.goto('/sign-in?next=/admin/panel');
    await signIn(page, ADMIN);
    await expect(pageHeading(page, 'Polling panel members')).toBeVisible();
    await expectNoViolations(page);

    await page.goto('/admin/panel/polls/new');
    await expect(pageHeading(page, 'Create a poll')).toBeVisible();
    await expectNoViolations(page);
    // Sent empty: every problem, each linked to its field.
    await page.getByRole('button', { name: 'Create the poll' }).click();
    await expect(page.getByRole('alert')).toContainText('The title must not be empty');
    await expect(page.getByRole('alert')).toContainText(
      'Question 1: the question must not be empty',
    );
    await expectNoViolations(page);

    await page.getByLabel('Title').fill('Form pulse');
    await page.getByLabel('A question from an earlier poll, asked again').check();
    await page.getByLabel('Earlier question').selectOption({ label: WELLBEING.title });
    await page.getByRole('button', { name: 'Add another question' }).click();
    const second = page.locator('fieldset.app-poll-question').nth(1);
    await second.getByLabel('A new question with answers to choose from').check();
    await second
      .getByLabel('Question', { exact: true })
      .fill('Did you get supervision this fortnight?');
    await second.getByLabel('Answers', { exact: true }).fill('Yes\nPartly\nNo');
    await second.getByLabel('Yes', { exact: true }).check();
    await second.getByLabel('Name for the favourable answers').fill('Yes');
    await second.getByLabel('Name for the other answers').fill('Partly or no');
    await page.getByRole('button', { name: 'Create the poll' }).click();
    await expect(pageHeading(page, 'Form pulse')).toBeVisible();
    await expect(page.getByText(/The poll is open/)).toBeVisible();
    await expectNoViolations(page);

    for (const [path, heading] of [
      ['/admin/panel/polls', 'Polls'],
      ['/admin/panel/margins', 'Weighting margins'],
      ['/research/panel', 'Polling panel results'],
    ] as const) {
      await page.goto(path);
      await expect(pageHeading(page, heading)).toBeVisible();
      await expectNoViolations(page);
    }
    await page.getByRole('link', { name: WELLBEING.title }).first().click();
    await expect(pageHeading(page, WELLBEING.title)).toBeVisible();
    // Its polls are all open: no chart of nothing.
    await expect(page.getByText('No poll that asked this question has closed yet.')).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    await expectNoViolations(page);
    await page.context().close();
  });

  test('the join page, its errors and a trend reflow at 320 px, axe clean', async ({
    browser,
    baseURL,
  }) => {
    const page = await freshPage(browser, baseURL, 320);
    await page.goto('/panel/join');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAxeCleanAndNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter your email address');
    await expectAxeCleanAndNoSidewaysScroll(page);
    await page.screenshot({ path: `${SCREENSHOTS}/join-320.png`, fullPage: true });

    // The poll answered above closes, with 30 more answers, so the trend has a point to draw.
    await queryDatabase(
      databaseUrl(),
      `UPDATE poll SET opens_at = now() - interval '10 days', remind_at = now() - interval '3 days',
                       closes_at = now() - interval '1 day'
        WHERE title = 'Browser pulse'`,
    );
    await queryDatabase(
      databaseUrl(),
      `INSERT INTO poll_answer (poll_id, service, role, region, answers)
       SELECT p.id, 'children', 'social-worker', 'London', jsonb_build_object($1::text, 1 + g % 5)
         FROM poll p, generate_series(1, 30) g WHERE p.title = 'Browser pulse'`,
      [WELLBEING.name],
    );
    await page.goto('/sign-in?next=/research/panel');
    await signIn(page, ADMIN);
    await expect(pageHeading(page, 'Polling panel results')).toBeVisible();
    await page.getByRole('link', { name: WELLBEING.title }).first().click();
    await expect(pageHeading(page, WELLBEING.title)).toBeVisible();
    await expect(page.getByRole('img')).toBeVisible();
    await expectAxeCleanAndNoSidewaysScroll(page);
    await expect(page.getByRole('cell', { name: '31', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/trend-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/trend.png`, fullPage: true });
    await page.context().close();
  });
});
