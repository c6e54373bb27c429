// The money lists give context: the fee, transfer and reversal lists show each connected account's
// name beside its id, as a link to the account; a fee's charge links to the fee's page (where the
// console shows the charge); amounts are written one way ("$12.50 USD") and counts agree.
import { expect, test } from '@playwright/test';
import { freshChargeWithFee, stripeGet, stripePost } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

type Account = { id: string; business_profile?: { name?: string | null } | null; settings?: { dashboard?: { display_name?: string | null } } | null };

async function nameOf(id: string): Promise<string> {
  const a = await stripeGet<Account>(`/v1/accounts/${id}`);
  const name = a.business_profile?.name || a.settings?.dashboard?.display_name;
  expect(name, `the seed gives ${id} a name`).toBeTruthy();
  return name!;
}

test('transfers: the destination shows its name beside its id and opens the account', async ({ page }) => {
  const { transfer, account } = await freshChargeWithFee(6000, 1000);
  await page.goto('/transfers');
  const row = page.getByTestId('data-row').filter({ hasText: transfer });
  const ref = row.getByTestId('account-ref');
  await expect(ref).toContainText(await nameOf(account));
  await expect(ref).toContainText(account);
  await expect(row).toContainText('$60.00 USD');
  await expect(page.getByText(/^\d+ transfers? on this page$/)).toHaveText(/^(1 transfer|(?!1 )\d+ transfers) on this page$/);
  await ref.click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account}$`));
  await expect(page.getByTestId('account-name')).toHaveText(await nameOf(account));
});

test('fees: the account shows its name and the charge links to the fee’s page', async ({ page }) => {
  const { fee, charge, account } = await freshChargeWithFee(7000, 1500);
  await page.goto('/application-fees');
  const row = page.getByTestId('data-row').filter({ hasText: fee });
  await expect(row.getByTestId('account-ref')).toContainText(await nameOf(account));
  await expect(row.getByTestId('account-ref')).toHaveAttribute('href', `/accounts/${account}`);
  await expect(row).toContainText('$15.00 USD');
  await row.getByTestId('charge-link').click();
  await expect(page).toHaveURL(new RegExp(`/application-fees/${fee}$`));
  await expect(page.locator('main')).toContainText(charge);
});

test('reversals report: the destination shows its name and links to the account', async ({ page }) => {
  const { transfer, account } = await freshChargeWithFee(5000, 1000);
  const reversal = await stripePost<{ id: string }>(`/v1/transfers/${transfer}/reversals`, { amount: '1000' });
  await page.goto('/transfers/reversals');
  const row = page.getByTestId('report-table').locator('tr').filter({ hasText: reversal.id });
  await expect(row.getByTestId('account-ref')).toContainText(await nameOf(account));
  await expect(row.getByTestId('account-ref')).toHaveAttribute('href', `/accounts/${account}`);
  await expect(row).toContainText('$10.00 USD');
  await expect(page.getByTestId('report-total-usd')).toContainText(/\d+ reversals?$/);
  await expect(page.getByTestId('report-total-usd')).not.toContainText(/\b1 reversals\b/);
});
