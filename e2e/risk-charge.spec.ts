// From the risk queue to a disputed charge (read-only): as ops, an account of the demo with a
// chargeback still awaiting its response (a direct charge's, in the account's own store, read
// from the emulator's API) is opened from /risk; its case lists the dispute, whose charge link
// leads to the charge page, live from Stripe on the account's store: the amount, the kind of
// charge, the account, and the dispute in words as the emulator holds it. Then each risk object
// page (charge, early fraud warning, review) as a screenshot, desktop light and a 390 px phone
// dark (test-results/risk-object-screens/), each no wider than its screen.
import { expect, test } from '@playwright/test';
import type Stripe from 'stripe';
import { SAMPLE_RISK_OBJECTS } from '../tests/fixtures/routes';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('ops') });

const usd = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);

test('ops follows a dispute from the risk queue to its charge and reads the dispute in words there', async ({ page }) => {
  const accounts = await listEmulatorAccounts<Stripe.Account>();
  let found: { account: string; dispute: Stripe.Dispute } | null = null;
  for (const a of accounts) {
    const list = await emulatorApi<{ data?: Stripe.Dispute[] }>('GET', '/v1/disputes?limit=100', undefined, a.id);
    const waiting = (list.body.data ?? []).find((d) => d.status === 'needs_response' && d.currency === 'usd');
    if (waiting) {
      found = { account: a.id, dispute: waiting };
      break;
    }
  }
  expect(found, 'the demo has an open chargeback in USD on a direct charge').not.toBeNull();
  const { account, dispute } = found!;
  const chargeId = String(dispute.charge);

  await page.goto('/risk?tab=all&limit=100&signal=open_disputes');
  const row = page.getByTestId('queue-table').getByTestId('data-row').filter({ has: page.getByTestId('queue-account').filter({ hasText: account }) });
  await row.getByTestId('queue-account').click();
  await expect(page).toHaveURL(new RegExp(`/risk/accounts/${account}`));

  await page.getByTestId('evidence-dispute').filter({ hasText: dispute.id }).getByRole('link', { name: chargeId }).click();
  await expect(page).toHaveURL(new RegExp(`/risk/charges/${chargeId}\\?account=${account}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Charge ${chargeId}`);

  const charge = (await emulatorApi<Stripe.Charge>('GET', `/v1/charges/${chargeId}`, undefined, account)).body;
  await expect(page.getByTestId('charge-amount')).toContainText(usd(charge.amount, charge.currency));
  await expect(page.getByTestId('charge-kind')).toHaveText('Direct');
  await expect(page.getByTestId('charge-account').getByTestId('object-account')).toHaveText(account);
  await expect(page.getByTestId('charge-sentence')).toContainText(`Direct charge: made on ${account} itself`);

  const shown = page.getByTestId('charge-dispute');
  await expect(shown).toHaveAttribute('data-status', dispute.status);
  await expect(shown.getByTestId('charge-dispute-status')).toHaveText('Needs a response');
  await expect(shown.getByTestId('charge-dispute-sentence')).toContainText(`${usd(dispute.amount, dispute.currency)} USD disputed as ${dispute.reason.replace(/_/g, ' ')}`);
  const due = new Date(dispute.evidence_details.due_by! * 1000).toISOString().replace('T', ' ').slice(0, 16);
  await expect(shown.getByTestId('charge-dispute-due')).toHaveText(`${due} UTC`);
  await expect(shown.getByTestId('charge-dispute-evidence')).toHaveText(dispute.evidence_details.submission_count ? /Submitted/ : /not submitted|None submitted/);
  await expect(shown).toContainText(dispute.id);
  await page.screenshot({ path: 'test-results/risk-object-screens/charge-disputed-desktop-light.png', fullPage: true });

  // An id Stripe does not know: "Not found" in words, the page and its history still there.
  await page.goto(`/risk/charges/ch_Unknown123?account=${account}`);
  await expect(page.getByTestId('error-box')).toContainText(`Stripe knows no charge ch_Unknown123 on the platform or on ${account}.`);
});

const SCREENS = [
  { screen: 'desktop', viewport: { width: 1400, height: 900 }, theme: 'light' },
  { screen: 'phone', viewport: { width: 390, height: 844 }, theme: 'dark' },
] as const;
const PAGES = {
  charge: `/risk/charges/${SAMPLE_RISK_OBJECTS.charge}?account=${SAMPLE_RISK_OBJECTS.account}`,
  warning: `/risk/early-fraud-warnings/${SAMPLE_RISK_OBJECTS.warning}?account=${SAMPLE_RISK_OBJECTS.account}`,
  review: `/risk/reviews/${SAMPLE_RISK_OBJECTS.review}?account=${SAMPLE_RISK_OBJECTS.reviewAccount}`,
} as const;

test('each risk object page on a desktop (light) and a phone (dark)', async ({ browser, baseURL }) => {
  // Six page loads and screenshots: room for a busy 2-core machine.
  test.setTimeout(120_000);
  for (const [name, url] of Object.entries(PAGES)) {
    for (const { screen, viewport, theme } of SCREENS) {
      const context = await browser.newContext({ viewport, storageState: storageStateFor('ops') });
      await context.addCookies([{ name: 'cc-theme', value: theme, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.locator('html')).toHaveClass(theme);
      await expect(page.getByTestId(`${name}-view`)).toBeVisible();
      await page.screenshot({ path: `test-results/risk-object-screens/${name}-${screen}-${theme}.png`, fullPage: true });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${name} fits the ${screen} screen`).toBeLessThanOrEqual(viewport.width);
      await context.close();
    }
  }
});
