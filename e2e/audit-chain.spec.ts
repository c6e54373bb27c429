// The Audit page checks the log's hash chain (every sign-in of the setup project is an entry by
// now), and the app's data folder, with the database and the generated keys, is private.
import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('ops') });

test('the audit page says the chain is verified, and why ids may skip', async ({ page }) => {
  await page.goto('/audit');
  const chain = page.getByTestId('audit-chain');
  await expect(chain).toHaveAttribute('data-state', 'verified');
  await expect(chain).toContainText(/Chain verified: [\d,]+ entries, head [0-9a-f]{16}…/);
  await expect(chain).toContainText('Entry ids may skip');
  await expect(page.getByTestId('audit-table').getByTestId('data-row').first()).toBeVisible();
});

test('the data folder and the keys the app generated are readable by its user only', async () => {
  // playwright.config.ts gives the app .data/e2e.
  const dataDir = path.resolve('.data', 'e2e');
  const mode = (name: string) => (statSync(path.join(dataDir, name)).mode & 0o777).toString(8);
  expect(mode('.')).toBe('700');
  expect(mode('pglite')).toBe('700');
  expect(mode('pglite/PG_VERSION')).toBe('600');
  expect(mode('auth-secret')).toBe('600');
  expect(mode('audit-chain-key')).toBe('600');
});
