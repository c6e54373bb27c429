// Finance rehearses a subscription schedule on a demo account's test clock: creates a rehearsal
// (two monthly phases, the platform taking 5% then 10%), advances the clock to the next phase, and
// sees the second phase's invoice and the platform's application fee appear; the fee shown is the
// one the emulator holds. Mutating: it moves a demo clock.
import { expect, test } from '@playwright/test';
import { SAMPLE_BILLING } from '../tests/fixtures/routes';
import { stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });
test.describe.configure({ timeout: 90_000 });

test('finance advances a rehearsal to its next phase and sees that phase’s fee appear', async ({ page }) => {
  await page.goto(`/billing/test-clocks?account=${SAMPLE_BILLING.clockAccount}&clock=${SAMPLE_BILLING.clock}`);
  await expect(page.getByTestId('clock-status')).toContainText('ready');

  const form = page.getByTestId('rehearsal-form');
  await form.getByLabel('Customer name').fill('E2E rehearsal');
  await form.getByLabel('Phase 1 length in months').fill('1');
  await form.getByLabel('Phase 1 price').fill('20.00');
  await form.getByLabel('Phase 1 platform fee percent').fill('5');
  await form.getByLabel('Phase 2 length in months').fill('1');
  await form.getByLabel('Phase 2 price').fill('99.00');
  await form.getByLabel('Phase 2 platform fee percent').fill('10');
  await page.getByTestId('rehearsal-review-open').click();
  await expect(page.getByTestId('review-sentence')).toContainText('phase 2: 1 month at 1 × $99.00 USD, the platform taking 10%');
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  const made = page.getByTestId('rehearsal-made');
  await expect(made).toBeVisible();
  const scheduleId = (await made.locator('code').innerText()).trim();

  const card = page.getByTestId('rehearsal').filter({ hasText: scheduleId });
  await expect(card.getByTestId('schedule-phase')).toContainText('phase 1 of 2 running');
  await expect(card.getByTestId('rehearsal-fee')).toHaveText(['$1.00 USD']);

  // To the next phase (another schedule on the clock may have a boundary first: advance again then).
  for (let i = 0; i < 4; i++) {
    if ((await card.getByTestId('schedule-phase').innerText()).includes('phase 2 of 2 running')) break;
    await page.getByTestId('advance-next-phase').click();
    await expect(page.getByTestId('review-sentence')).toContainText(`Move test clock ${SAMPLE_BILLING.clock}`);
    await page.getByTestId('review-tick').check();
    await page.getByTestId('review-confirm').click();
    await expect(page.getByTestId('advance-review')).toHaveCount(0);
    // The panel follows the clock while it advances, until it is ready again.
    await expect(page.getByTestId('clock-status')).toContainText('ready', { timeout: 20_000 });
  }
  await expect(card.getByTestId('schedule-phase')).toContainText('phase 2 of 2 running');

  // Phase 2's invoice (newest first) and its fee: $99.00 at 10%.
  const fee = card.getByTestId('rehearsal-fee').first();
  await expect(fee).toHaveText('$9.90 USD');
  const feeId = await fee.getAttribute('data-fee-id');
  expect(feeId).toMatch(/^fee_/);
  const held = await stripeGet<{ amount: number; currency: string; account: string }>(`/v1/application_fees/${feeId}`);
  expect(held).toMatchObject({ amount: 990, currency: 'usd', account: SAMPLE_BILLING.clockAccount });
  await fee.click();
  await page.waitForURL(`**/application-fees/${feeId}`);
});
