// Smoke journey: the overview page is up, says it is on the emulator, and counts every account.
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

  const shown = await page.getByTestId('account-count').innerText();
  expect(Number(shown.replace(/[^\d]/g, ''))).toBe(expected);
});
