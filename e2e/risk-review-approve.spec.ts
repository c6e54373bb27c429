// Approving a Radar review from its own page (changes the emulator: a mutating journey). As ops, a
// demo account's open review (a direct charge's, in the account's own store), opened from the
// account's case: the review page offers the case's own approve action; approving closes it in
// the emulator (`closed_reason: approved`) and the page reads it again. Support reads the same page
// with no decision control.
import { expect, test } from '@playwright/test';
import type Stripe from 'stripe';
import { SAMPLE_RISK_OBJECTS } from '../tests/fixtures/routes';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

async function openReview(): Promise<{ account: string; review: Stripe.Review }> {
  for (const a of await listEmulatorAccounts()) {
    if (a.id === SAMPLE_RISK_OBJECTS.reviewAccount) continue;
    const list = await emulatorApi<{ data?: Stripe.Review[] }>('GET', '/v1/reviews?limit=10', undefined, a.id);
    const open = (list.body.data ?? []).find((r) => r.open);
    if (open) return { account: a.id, review: open };
  }
  throw new Error('the demo has no open review besides the sample one');
}

test('ops approves an open review from its page; support sees no decision control', async ({ browser }) => {
  const { account, review } = await openReview();
  const url = `/risk/reviews/${review.id}?account=${account}`;

  const support = await browser.newContext({ storageState: storageStateFor('support') });
  const readOnly = await support.newPage();
  await readOnly.goto(url);
  await expect(readOnly.getByTestId('review-state')).toHaveText('Open');
  await expect(readOnly.getByTestId('review-decision')).toHaveCount(0);
  await support.close();

  const ops = await browser.newContext({ storageState: storageStateFor('ops') });
  const page = await ops.newPage();
  // From the account's case, as ops would come.
  await page.goto(`/risk/accounts/${account}`);
  await page.getByTestId('evidence-review').filter({ hasText: review.id }).getByRole('link', { name: review.id }).click();
  await expect(page).toHaveURL(new RegExp(`/risk/reviews/${review.id}\\?account=${account}`));
  await expect(page.getByTestId('review-state')).toHaveText('Open');
  await page.getByTestId('review-decision').getByTestId('review-approve').click();
  await expect(page.getByTestId('review-notice')).toContainText(`Review ${review.id} approved`);
  await expect(page.getByTestId('review-state')).toHaveText('Closed');
  await expect(page.getByTestId('review-sentence')).toContainText('closed: approved');

  const after = await emulatorApi<Stripe.Review>('GET', `/v1/reviews/${review.id}`, undefined, account);
  expect({ open: after.body.open, closed: after.body.closed_reason }).toEqual({ open: false, closed: 'approved' });
  await ops.close();
});
