// Support finds the schedule behind a fee from the fee's page: the fee names the schedule, its
// phase and the platform's percentage, and the link opens the schedule page, which shows that phase
// and percentage. Read-only. Then screenshots of the schedule and fee pages, light and dark, at
// 1,400 and 390 px, for a person to look at (test-results/billing-schedule-screens/).
import { expect, test } from '@playwright/test';
import { SAMPLE_MONEY, SAMPLE_SCHEDULE } from '../tests/fixtures/routes';
import { feeOfSchedule } from './support/billing';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('support') });

test('support follows a fee to the subscription schedule that produced it', async ({ page }) => {
  const { fee, phase, percent } = await feeOfSchedule(SAMPLE_SCHEDULE.id, SAMPLE_SCHEDULE.account);
  await page.goto(`/application-fees/${fee}`);
  const link = page.getByTestId('fee-schedule-link');
  await expect(link).toHaveText(`From subscription schedule ${SAMPLE_SCHEDULE.id} (phase ${phase + 1}, ${percent}%)`);
  await link.click();
  await page.waitForURL(`**/billing/schedules/${SAMPLE_SCHEDULE.id}?account=${SAMPLE_SCHEDULE.account}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Subscription schedule ${SAMPLE_SCHEDULE.id}`);
  await expect(page.getByTestId('schedule-status')).toHaveText('Active');
  const card = page.getByTestId(`phase-${phase + 1}`);
  await expect(card.getByTestId('phase-fee-percent')).toHaveText(`Platform fee ${percent}%`);
  await expect(card.getByTestId('phase-current')).toBeVisible();
  // The fee is among the phase's fees, linking back to its page.
  await expect(card.getByTestId('phase-fee-link').filter({ hasText: fee })).toBeVisible();
  await expect(card.getByTestId('phase-projection')).toContainText('depends on usage');
  // Support may read, not cancel or release.
  await expect(page.getByTestId('schedule-release-open')).toHaveCount(0);
});

test('a fee no subscription produced says so', async ({ page }) => {
  // The money fixtures' sample fee is a destination charge's.
  await page.goto(`/application-fees/${SAMPLE_MONEY.fee}`);
  await expect(page.getByTestId('fee-source-none')).toContainText('Not from a subscription');
});

const SCREENS = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;

test('screenshots of the schedule page and the fee page, light and dark', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { fee } = await feeOfSchedule(SAMPLE_SCHEDULE.id, SAMPLE_SCHEDULE.account);
  const pages = { schedule: `/billing/schedules/${SAMPLE_SCHEDULE.id}?account=${SAMPLE_SCHEDULE.account}`, fee: `/application-fees/${fee}` };
  for (const [name, url] of Object.entries(pages)) {
    for (const [screen, viewport] of Object.entries(SCREENS)) {
      for (const theme of ['light', 'dark'] as const) {
        // As ops: the schedule page with its Cancel and Release buttons.
        const context = await browser.newContext({ viewport, storageState: storageStateFor('ops') });
        await context.addCookies([{ name: 'cc-theme', value: theme, url: baseURL! }]);
        const page = await context.newPage();
        await page.goto(url);
        await expect(page.locator('html')).toHaveClass(theme);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.screenshot({ path: `test-results/billing-schedule-screens/${name}-${screen}-${theme}.png`, fullPage: true });
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${name} fits the ${screen} screen`).toBeLessThanOrEqual(viewport.width);
        if (name === 'schedule') {
          // The cancel dialog's review, opened and closed again: nothing is sent.
          await page.getByTestId('schedule-cancel-open').click();
          await expect(page.getByTestId('schedule-review')).toContainText('will not be produced');
          await page.getByTestId('schedule-confirmation').fill(SAMPLE_SCHEDULE.id);
          await page.screenshot({ path: `test-results/billing-schedule-screens/cancel-dialog-${screen}-${theme}.png` });
          await page.keyboard.press('Escape');
        }
        await context.close();
      }
    }
  }
});
