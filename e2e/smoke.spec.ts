// Smoke journey: the overview page is up, says it is on the emulator, and counts every account
// from the console's index (once the first backfill is done), each status tab's count opening its tab.
import { expect, test } from '@playwright/test';
import { countEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('viewer') });

test('overview shows the emulator badge and the full connected-account count', async ({ page }) => {
  const expected = await countEmulatorAccounts();
  expect(expected, 'the demo seed should hold 200+ accounts').toBeGreaterThanOrEqual(200);

  await page.goto('/');

  await expect(page.getByRole('banner')).toContainText('Connect Console');
  await expect(page.getByTestId('mode-badge')).toHaveText(/emulator/i);

  // The index fills at the first start: the count is every account once the backfill is done.
  const count = async () => Number((await page.getByTestId('account-count').innerText()).replace(/[^\d]/g, ''));
  await expect(async () => {
    await page.reload();
    expect(await count()).toBe(await countEmulatorAccounts());
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('freshness-line')).toHaveText(/^Index updated \d+ (s|min) ago\.$/);

  // The tabs add up to the whole, and each opens its tab of the list with the same count.
  const tabCounts = (await page.getByTestId('overview-tab-count').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
  expect(tabCounts).toHaveLength(5);
  expect(tabCounts.reduce((a, b) => a + b, 0)).toBe(await count());
  const restricted = await page.getByTestId('overview-tab-restricted').getByTestId('overview-tab-count').innerText();
  await page.getByTestId('overview-tab-restricted').click();
  await expect(page).toHaveURL(/\/accounts\?tab=restricted$/);
  await expect(page.getByTestId('tab-restricted').getByTestId('tab-count')).toHaveText(restricted);
});
