// The reversals report serves a long period whole (or refuses it with the reason, never a shorter
// one): its totals and its CSV match what the emulator itself holds for the whole period, counted
// independently here with the SDK (every transfer's reversals, not the app's balance-transaction
// walk). The chart has amount and date axes, and each bar can be read with the keyboard.
import { expect, test } from '@playwright/test';
import axe from 'axe-core';
import Stripe from 'stripe';
import { formatMoney } from '../lib/money';
import { emulatorUrl } from './support/env';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

const FROM = '2024-11-01';
// Up to yesterday: reversals other journeys make today cannot change the period's numbers.
const TO = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function sdk(): Stripe {
  const url = new URL(emulatorUrl());
  return new Stripe('sk_test_emulator', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
}

/** Every reversal the emulator holds made in [from, to] (whole UTC days), per currency. */
async function emulatorTotals(from: string, to: string): Promise<{ totals: Map<string, { amount: number; count: number }>; count: number }> {
  const stripe = sdk();
  const gte = Date.parse(`${from}T00:00:00Z`) / 1000;
  const lte = Date.parse(`${to}T23:59:59Z`) / 1000;
  const totals = new Map<string, { amount: number; count: number }>();
  let count = 0;
  for await (const transfer of stripe.transfers.list({ limit: 100 })) {
    if (transfer.amount_reversed === 0) continue;
    for await (const r of stripe.transfers.listReversals(transfer.id, { limit: 100 })) {
      if (r.created < gte || r.created > lte) continue;
      const t = totals.get(r.currency) ?? { amount: 0, count: 0 };
      t.amount += r.amount;
      t.count += 1;
      totals.set(r.currency, t);
      count += 1;
    }
  }
  return { totals, count };
}

test('a long period is served whole: totals and CSV match the emulator', async ({ page }) => {
  test.setTimeout(90_000);
  const expected = await emulatorTotals(FROM, TO);
  expect(expected.count).toBeGreaterThan(0);
  await page.goto(`/transfers/reversals?from=${FROM}&to=${TO}`);
  await expect(page.getByTestId('report-refused')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Reversals report' })).toBeVisible();
  await expect(page.getByText(`Every transfer reversal made from ${FROM} to ${TO} (UTC)`)).toBeVisible();
  await expect(page.getByTestId('report-totals')).toBeVisible();
  await expect(page.getByTestId('report-totals').locator('li')).toHaveCount(expected.totals.size);
  for (const [currency, t] of expected.totals) {
    const card = page.getByTestId(`report-total-${currency}`);
    await expect(card).toContainText(formatMoney(t.amount, currency));
    await expect(card).toContainText(`${t.count} reversal${t.count === 1 ? '' : 's'}`);
  }
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(expected.count);

  // The chart: a bar per month over this long period, amounts and dates on its axes.
  const usd = page.getByTestId('report-chart-usd');
  if (expected.totals.has('usd')) {
    await expect(usd.getByTestId('report-chart-dates')).toContainText(FROM);
    await expect(usd.getByTestId('report-chart-dates')).toContainText(TO);
    await expect(usd.getByTestId('report-chart-amounts')).toContainText(formatMoney(0, 'usd'));
    // Keyboard: one tab stop, the arrows move along the bars, the focused bar's tooltip shows.
    const bars = usd.getByTestId('report-chart-bar');
    await bars.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(bars.nth(1)).toBeFocused();
    await expect(bars.nth(1).getByRole('tooltip')).toBeVisible();
    await expect(bars.nth(1).getByRole('tooltip')).toContainText(/: \$[\d,]+\.\d\d USD in \d+ reversals?/);
    // The chart passes axe's checks, its focused bar and tooltip included.
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const inPage = (window as unknown as { axe: typeof axe }).axe;
      return (await inPage.run({ include: [['[data-testid="report-chart-usd"]']] })).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  }

  // The CSV link names this very period, and holds every reversal of it.
  const href = await page.getByTestId('report-export').getAttribute('href');
  expect(href).toBe(`/api/transfers/reversals/export?from=${FROM}&to=${TO}`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const rows = (await csv.text()).split('\r\n').filter(Boolean).slice(1);
  expect(rows).toHaveLength(expected.count);
  const csvTotals = new Map<string, number>();
  for (const row of rows) {
    const cells = row.split(',');
    const currency = cells[4]!.toLowerCase();
    csvTotals.set(currency, (csvTotals.get(currency) ?? 0) + Number(cells[5]));
  }
  expect(Object.fromEntries(csvTotals)).toEqual(Object.fromEntries([...expected.totals].map(([c, t]) => [c, t.amount])));
});

test('a period longer than one report covers is refused with the reason, and no numbers', async ({ page }) => {
  await page.goto(`/transfers/reversals?from=2020-01-01&to=${TO}`);
  await expect(page.getByTestId('report-refused')).toContainText('one report covers at most 1096 days');
  await expect(page.getByTestId('report-refused')).toContainText(`from 2020-01-01 to ${TO}`);
  await expect(page.getByTestId('report-totals')).toHaveCount(0);
  await expect(page.getByTestId('report-table')).toHaveCount(0);
  await expect(page.getByTestId('report-export')).toHaveCount(0);
  const csv = await page.request.get(`/api/transfers/reversals/export?from=2020-01-01&to=${TO}`);
  expect(csv.status()).toBe(422);
  expect(await csv.text()).toContain('one report covers at most 1096 days');
});
