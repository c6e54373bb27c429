// Never guess an outcome, on a test clock. Finance advances a clock of this journey's own by a day;
// the emulator moves it but loses every answer, and the clock cannot be read for a while, so the
// console cannot find out at once: the review says the outcome is unknown (never "failed"), offers
// no Back (a new review would be a second advance) and only the same request again. When the clock
// can be read again the panel says the advance was made though its answer was lost, and shows the
// clock's new time; the emulator shows one applied advance: the clock moved once. Mutating: it makes a clock on a demo account.
import { expect, test } from '@playwright/test';
import { SAMPLE_BILLING } from '../tests/fixtures/routes';
import { accountGet, accountPost } from './support/billing';
import { addFault, removeFault, requestsTo } from './support/money';
import { storageStateFor } from './support/roles';
import { shootLightAndPhoneDark } from './support/screens';

const ACCOUNT = SAMPLE_BILLING.clockAccount;
/** 1 March 2026, 00:00 UTC. */
const START = 1_772_323_200;
const DAY = 86_400;

test.use({ storageState: storageStateFor('finance') });

test('an advance whose answers are all lost is shown as unknown, never sent anew, then shown moved once', async ({ page }) => {
  test.setTimeout(120_000);
  const clock = await accountPost<{ id: string }>(ACCOUNT, '/v1/test_helpers/test_clocks', { frozen_time: String(START), name: 'E2E lost advance' });
  const advance = `/v1/test_helpers/test_clocks/${clock.id}/advance`;
  const read = `/v1/test_helpers/test_clocks/${clock.id}`;
  const faults: string[] = [];
  try {
    await page.goto(`/billing/test-clocks?account=${ACCOUNT}&clock=${clock.id}`);
    await expect(page.getByTestId('clock-status')).toContainText('ready');
    const before = await page.getByTestId('clock-time-now').innerText();
    // The date field starts a day after the clock's time.
    await page.getByRole('button', { name: 'Review advance' }).click();
    await expect(page.getByTestId('review-sentence')).toContainText(`Move test clock ${clock.id} from ${before} to `);
    await page.getByTestId('review-tick').check();

    // The advance is slow and every answer to it is lost (it is applied all the same).
    faults.push(await addFault({ lost_response: { path: advance, count: null } }));
    faults.push(await addFault({ latency: { path: advance, method: 'POST', ms: 1500, count: 1 } }));
    const readsBefore = (await requestsTo('GET', read)).length;
    await page.getByTestId('review-confirm').click();
    // Once the action has read the clock (before it advances it), the clock cannot be read.
    await expect.poll(async () => (await requestsTo('GET', read)).length, { timeout: 15_000 }).toBeGreaterThan(readsBefore);
    faults.push(await addFault({ error: { path: read, method: 'GET', status: 503, count: null } }));

    const checking = page.getByTestId('outcome-checking');
    await expect(checking).toBeVisible({ timeout: 60_000 });
    await expect(checking).toContainText('Outcome unknown: checking.');
    await expect(checking).toContainText('the advance may or may not have been made');
    await expect(page.getByTestId('advance-review')).not.toContainText(/fail/i);
    await expect(page.getByTestId('review-back')).toHaveCount(0);
    await expect(page.getByTestId('review-confirm')).toHaveText('Send the same request again');
    const audit = (await page.getByTestId('outcome-checking-audit').innerText()).slice(1);
    await shootLightAndPhoneDark(page, 'journey-screens', 'test-clock-advance-unknown');

    // The clock can be read again: the panel says what became of the advance, and shows where the clock went.
    for (const id of faults.splice(0)) await removeFault(id);
    await expect(page.getByTestId('advance-found-out')).toHaveText(
      new RegExp(`^The advance was made, though Stripe’s answer to it was lost \\(audit entry #${audit}\\)\\. Found: test clock ${clock.id} is (at|moving to) 2026-03-02 00:00 UTC\\.$`),
      { timeout: 45_000 },
    );
    await expect(page.getByTestId('advance-review')).toHaveCount(0);
    await expect(page.getByTestId('clock-status')).toContainText('ready', { timeout: 20_000 });
    await expect(page.getByTestId('clock-time-now')).toHaveText('2026-03-02 00:00 UTC');
    await expect(page.getByTestId('advance-found-out')).toBeVisible();
    await page.getByTestId('clock-watch').screenshot({ path: 'test-results/journey-screens/test-clock-advance-found-out-desktop-light.png' });
  } finally {
    for (const id of faults) await removeFault(id);
  }

  // The emulator: the clock a day on, moved by exactly one applied advance (every other try replayed its key).
  const held = await accountGet<{ frozen_time: number; status: string }>(ACCOUNT, `/v1/test_helpers/test_clocks/${clock.id}`);
  expect(held.frozen_time).toBe(START + DAY);
  const advances = await requestsTo('POST', advance);
  expect(advances.filter((r) => !r.idempotent_replayed)).toHaveLength(1);
  expect(new Set(advances.map((r) => r.idempotency_key)).size).toBe(1);
});
