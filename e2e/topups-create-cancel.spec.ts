// Finance creates a top-up (reviewed in words first), then cancels it while it is pending; the
// platform balance and the emulator follow.
import { expect, test } from '@playwright/test';
import { stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

test('a top-up is created, then cancelled while pending', async ({ page }) => {
  await page.goto('/topups');
  await expect(page.getByTestId('platform-balance')).toBeVisible();
  await page.getByTestId('topup-amount').fill('234.56');
  await page.getByTestId('topup-description').fill('E2E funding');
  await page.getByTestId('topup-source').selectOption('btok_us_verified');
  await page.getByTestId('topup-review-open').click();
  await expect(page.getByTestId('review-sentence')).toContainText('Add $234.56 USD to the platform balance, debited from the test bank account btok_us_verified');
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  const done = page.getByTestId('topup-done');
  await expect(done).toContainText('pending');
  const id = (await done.locator('a').innerText()).trim();
  expect((await stripeGet<{ status: string; amount: number }>(`/v1/topups/${id}`))).toMatchObject({ status: 'pending', amount: 23456 });

  await done.locator('a').click();
  await page.waitForURL(`**/topups/${id}`);
  await expect(page.getByTestId('topup-status')).toHaveText('Pending');
  // Its history starts with its creation (the entry's object is the top-up it made).
  await expect(page.getByTestId('object-history')).toContainText('Created a top-up');
  await expect(page.getByTestId('object-history').locator('li').filter({ hasText: 'Created a top-up' })).toContainText('finance@demo.test');
  await page.getByTestId('topup-cancel-open').click();
  await expect(page.getByTestId('review-sentence')).toContainText(`Cancel top-up ${id} of $234.56 USD`);
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  await expect(page.getByTestId('topup-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('topup-cancel-open')).toHaveCount(0);
  expect((await stripeGet<{ status: string }>(`/v1/topups/${id}`)).status).toBe('canceled');
  // The history (read when the page loads) holds both: the creation and the cancellation.
  await page.reload();
  await expect(page.getByTestId('object-history')).toContainText('Cancelled a top-up');
  await expect(page.getByTestId('object-history')).toContainText('Created a top-up');
});
