import { ENGLISH_REGIONS } from '@swhc/contracts';
import { seedReportFixtures, type ReportFixtures } from '../support/report-fixtures';
import { createStaffAccount } from '../support/staff-fixtures';
import { expect, test } from './fixtures';
import { databaseUrl, expectNoViolations, sidewaysOverflow, signedInPage } from './page-helpers';

const RESEARCHER = { email: 'national.researcher@national.test', password: 'national browser pw' };
const ADMIN = { email: 'national.admin@national.test', password: 'national browser pw' };
const SCREENSHOTS = 'test-results/screens/national';
const ROLE_COUNTS = [1200, 6000, 2400, 1400, 1000];
const REGION_COUNTS = [1300, 1500, 2000, 800, 1900, 1700, 1000, 900, 900];

let fixtures: ReportFixtures;

test.describe.serial('the national picture', () => {
  test.beforeAll(async () => {
    fixtures = await seedReportFixtures(databaseUrl());
    await createStaffAccount(databaseUrl(), { ...RESEARCHER, role: 'researcher' });
    await createStaffAccount(databaseUrl(), { ...ADMIN, role: 'admin' });
  });

  test('an administrator enters the workforce margins by keyboard; a missing one is named', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, ADMIN);
    await page.goto('/admin/workforce-margins');
    await expect(page.getByRole('heading', { level: 1, name: 'Workforce margins' })).toBeVisible();
    await page.getByLabel('Where the figures come from').fill('Browser test census');
    const roles = page.getByRole('group', { name: 'By role' }).getByRole('textbox');
    const regions = page.getByRole('group', { name: 'By region' }).getByRole('textbox');
    for (const [i, n] of ROLE_COUNTS.entries()) await roles.nth(i).fill(String(n));
    // Every region but the last: the form names the gap.
    for (const [i, n] of REGION_COUNTS.slice(0, -1).entries()) await regions.nth(i).fill(String(n));
    await page.getByRole('button', { name: 'Save the margins' }).press('Enter');
    await expect(page.getByRole('alert')).toContainText(
      `${ENGLISH_REGIONS[ENGLISH_REGIONS.length - 1]}: enter the number of people`,
    );
    await expectNoViolations(page);
    await regions.last().fill(String(REGION_COUNTS[REGION_COUNTS.length - 1]));
    await page.getByRole('button', { name: 'Save the margins' }).press('Enter');
    await expect(
      page.getByText('The margins for children’s services have been saved'),
    ).toBeVisible();
  });

  test('a researcher reads it: raked figures, named LAs, tables, no axe violations, 320 px', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, baseURL, RESEARCHER);
    await page.goto('/research');
    await page.getByRole('link', { name: 'The national picture' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /National picture/ })).toBeVisible();
    // Choose the 2025 wave and children's services with the keyboard only.
    await page.getByLabel('Wave', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Service', { exact: true })).toBeFocused();
    await page.getByLabel('Wave', { exact: true }).selectOption(fixtures.wave2025);
    await page.getByRole('button', { name: 'Show' }).press('Enter');
    await expect(page).toHaveURL(new RegExp(`wave=${fixtures.wave2025}`));
    await expect(
      page.getByText('Raked to the workforce by role and region: Browser test census'),
    ).toBeVisible();
    const england = page.getByRole('table', {
      name: /Manageable workload: England and the regions/,
    });
    await expect(england.getByRole('rowheader', { name: 'England', exact: true })).toBeVisible();
    // Every LA with enough responses by name, in the table behind the funnel plot.
    await page.getByText(/Every local authority for manageable workload as a table/).click();
    await expect(
      page.getByRole('table', { name: /Manageable workload: every local authority/ }),
    ).toContainText('Hartlepool');
    await expect(
      page.getByRole('img', { name: /Funnel plot of Manageable workload/ }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download these figures as CSV' })).toHaveAttribute(
      'href',
      `/api/research/national.csv?wave=${fixtures.wave2025}&service=children`,
    );
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/national.png`, fullPage: true });

    await page.setViewportSize({ width: 320, height: 900 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/national-320.png`, fullPage: true });
  });
});
