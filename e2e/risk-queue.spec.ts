// The risk queue (/risk): as ops, the demo's accounts with early fraud warnings and open reviews
// are listed, ranked by score, each with its reasons in words matching what the emulator holds
// (read from its API, each connected account's own store); a new early fraud warning made in the
// emulator (the test plays Stripe: a charge with tok_createIssuerFraudRecord on an account) puts
// the account in the queue, and a second one raises it, within seconds and without a reload. As
// support the queue is readable.
import { expect, test, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

type Radar = { id: string; warnings: Stripe.Radar.EarlyFraudWarning[]; reviews: Stripe.Review[] };

/** Each connected account's own warnings and open reviews, as the emulator's API answers them. */
async function radarOf(id: string): Promise<Radar> {
  const [warnings, reviews] = await Promise.all([
    emulatorApi<{ data: Stripe.Radar.EarlyFraudWarning[] }>('GET', '/v1/radar/early_fraud_warnings?limit=100', undefined, id),
    emulatorApi<{ data: Stripe.Review[] }>('GET', '/v1/reviews?limit=100', undefined, id),
  ]);
  return { id, warnings: warnings.body.data ?? [], reviews: reviews.body.data ?? [] };
}

/** The words the queue gives an account's warnings (lib/risk/score.ts), from what the emulator holds. */
function warningWords(warnings: Stripe.Radar.EarlyFraudWarning[]): string {
  const actionable = warnings.filter((w) => w.actionable).length;
  return `${warnings.length} early fraud warning${warnings.length === 1 ? '' : 's'} from card issuers, ${actionable > 0 ? `${actionable} still actionable` : 'none actionable'}`;
}

/** The queue's row for an account (the account cell holds its id). */
const rowOf = (page: Page, id: string) => page.getByTestId('queue-table').getByTestId('data-row').filter({ has: page.getByTestId('queue-account').filter({ hasText: id }) });

async function scoreOf(page: Page, id: string): Promise<number> {
  return Number(await rowOf(page, id).getByTestId('queue-score').innerText());
}

test.describe('as ops', () => {
  test.use({ storageState: storageStateFor('ops') });

  test("lists the demo's flagged accounts ranked, with the emulator's warnings and reviews in words", async ({ page }) => {
    const accounts = await listEmulatorAccounts<Stripe.Account>();
    const flagged = (await Promise.all(accounts.map((a) => radarOf(a.id)))).filter((r) => r.warnings.length + r.reviews.length > 0);
    expect(flagged.length).toBeGreaterThan(0);

    await page.goto('/risk?tab=all&limit=100');
    await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
    await expect(page.getByTestId('freshness-line')).toContainText(/Index updated/);
    const scores = (await page.getByTestId('queue-table').getByTestId('queue-score').allInnerTexts()).map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // Every account with a warning is under the warnings filter, with its warnings in words.
    await page.getByTestId('filter-signal').selectOption('early_fraud_warning');
    await page.getByTestId('apply-filters').click();
    await expect(page).toHaveURL(/signal=early_fraud_warning/);
    for (const r of flagged.filter((f) => f.warnings.length > 0)) {
      await expect(rowOf(page, r.id).getByTestId('queue-reasons'), r.id).toContainText(warningWords(r.warnings));
    }
    for (const r of flagged.filter((f) => f.reviews.length > 0)) {
      await page.goto(`/risk?tab=all&limit=100&signal=open_review`);
      await expect(rowOf(page, r.id).getByTestId('queue-reasons'), r.id).toContainText(`${r.reviews.length} Radar review${r.reviews.length === 1 ? '' : 's'} open`);
    }
    // Each score is the sum of the points beside it.
    const top = page.getByTestId('queue-table').getByTestId('data-row').first();
    const points = await top.getByTestId('queue-reasons').getByTestId('queue-points').allInnerTexts();
    expect(points.length).toBeGreaterThan(0);
    expect(points.reduce((sum, t) => sum + Number(t.replace('+', '')), 0)).toBe(Number(await top.getByTestId('queue-score').innerText()));
    // A row opens the account's case.
    await expect(top.getByTestId('queue-account')).toHaveAttribute('href', /^\/risk\/accounts\/acct_/);
  });

  test('a new early fraud warning puts its account in the queue, and another raises it, without a reload', async ({ page }) => {
    // An account that takes charges and has no warning yet (the test plays Stripe on it).
    const accounts = await listEmulatorAccounts<Stripe.Account>();
    let quiet: string | null = null;
    for (const a of accounts.filter((a) => a.charges_enabled && a.type === 'custom')) {
      if ((await radarOf(a.id)).warnings.length === 0) {
        quiet = a.id;
        break;
      }
    }
    expect(quiet, 'a demo account that takes charges without a warning').not.toBeNull();
    const id = quiet!;

    await page.goto('/risk?tab=all&signal=early_fraud_warning&limit=100');
    await expect(page.getByTestId('list-summary')).toBeVisible();
    await expect(rowOf(page, id)).toHaveCount(0);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const charge = (form: Record<string, string>) => emulatorApi<{ id: string; status: string }>('POST', '/v1/charges', form, id);
    const first = await charge({ amount: '4200', currency: 'usd', source: 'tok_createIssuerFraudRecord', description: 'risk queue e2e' });
    expect(first.status).toBe(200);
    await expect(rowOf(page, id).getByTestId('queue-reasons')).toContainText('1 early fraud warning from card issuers, 1 still actionable: stolen card', { timeout: 20_000 });
    const before = await scoreOf(page, id);

    const second = await charge({ amount: '5100', currency: 'usd', source: 'tok_createIssuerFraudRecord', description: 'risk queue e2e, again' });
    expect(second.status).toBe(200);
    await expect(rowOf(page, id).getByTestId('queue-reasons')).toContainText('2 early fraud warnings from card issuers, 2 still actionable: stolen card (2)', { timeout: 20_000 });
    await expect.poll(() => scoreOf(page, id)).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // The navigation counts the accounts waiting.
    await expect(page.getByTestId('console-nav').getByTestId('risk-waiting-count')).toHaveText(/\d+/);
  });
});

test.describe('as support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('the queue is readable', async ({ page }) => {
    await page.goto('/risk?tab=all');
    await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
    await expect(page.getByTestId('queue-table').getByTestId('data-row').first()).toBeVisible();
    await expect(page.getByTestId('queue-table').getByTestId('queue-reasons').first().getByTestId('queue-reason').first()).not.toBeEmpty();
    const answer = await page.request.get('/api/risk/queue?tab=all');
    expect(answer.status()).toBe(200);
  });
});
