// Ops releases a demo schedule with the guard: the review says what happens to the subscription and
// the platform's fees, the schedule id must be typed, and the emulator then shows it released after
// exactly one release request; the audit log holds the entry. Uses a schedule no other journey uses.
import { expect, test } from '@playwright/test';
import { accountGet } from './support/billing';
import { requestsTo } from './support/money';
import { storageStateFor } from './support/roles';

/** An active demo schedule (and its account) that only this journey changes. */
const SCHEDULE = { id: 'sub_sched_w4YcFPw4CL1jnJuxY081bj49', account: 'acct_1Ok95RxSalMPcRqw' };

test.use({ storageState: storageStateFor('ops') });

test('ops releases a schedule after the review and the typed confirmation', async ({ page }) => {
  expect((await accountGet<{ status: string }>(SCHEDULE.account, `/v1/subscription_schedules/${SCHEDULE.id}`)).status).toBe('active');
  await page.goto(`/billing/schedules/${SCHEDULE.id}?account=${SCHEDULE.account}`);
  await expect(page.getByTestId('schedule-status')).toHaveText('Active');
  await page.getByTestId('schedule-release-open').click();
  const review = page.getByTestId('schedule-review');
  await expect(review).toContainText(`Release subscription schedule ${SCHEDULE.id} of account ${SCHEDULE.account}.`);
  await expect(review).toContainText('renews on its own');
  await expect(review).toContainText('will not be produced');
  const submit = page.getByTestId('schedule-change-submit');
  await expect(submit).toBeDisabled();
  await page.getByTestId('schedule-confirmation').fill('sub_sched_wrong');
  await expect(submit).toBeDisabled();
  await page.getByTestId('schedule-confirmation').fill(SCHEDULE.id);
  await expect(submit).toBeEnabled();
  await page.screenshot({ path: 'test-results/billing-schedule-screens/release-dialog-desktop-light.png' });
  await submit.click();
  await expect(page.getByTestId('schedule-change-done')).toHaveText('The schedule is released.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('schedule-status')).toHaveText('Released');
  await expect(page.getByTestId('schedule-actions-note')).toContainText('This schedule is released');
  await expect(page.getByTestId('schedule-release-open')).toBeDisabled();
  await expect(page.getByTestId('schedule-cancel-open')).toBeDisabled();

  expect((await accountGet<{ status: string }>(SCHEDULE.account, `/v1/subscription_schedules/${SCHEDULE.id}`)).status).toBe('released');
  const releases = (await requestsTo('POST', `/v1/subscription_schedules/${SCHEDULE.id}/release`)).filter((r) => !r.idempotent_replayed);
  expect(releases).toHaveLength(1);

  // The audit log: on the schedule's page (its history) and in the Audit list.
  await page.reload();
  await expect(page.getByTestId('object-history')).toContainText('Released a subscription schedule');
  await expect(page.getByTestId('object-history').locator('li').filter({ hasText: 'Released a subscription schedule' })).toContainText('ops@demo.test');
  await page.goto('/audit');
  await expect(page.getByText(SCHEDULE.id).first()).toBeVisible();
});
