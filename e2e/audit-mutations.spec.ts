// The audit log records mutations that succeed and that fail: an admin changes an operator's role
// on the Team page (success), then tries to demote the only admin (failure); both appear on the
// Audit page and in the CSV export. Runs after the other journeys (it changes roles).
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('admin') });

test('a successful and a failed role change are both in the audit log', async ({ page }) => {
  await page.goto('/team');
  const opsRow = page.getByTestId('role-picker-ops@demo.test');
  await opsRow.getByTestId('role-select').selectOption('support');
  await expect(opsRow.getByTestId('role-review')).toContainText('Operations to Support');
  await opsRow.getByTestId('role-confirm').click();
  await expect(opsRow.getByTestId('role-message')).toHaveText('Now Support.');

  const adminRow = page.getByTestId('role-picker-admin@demo.test');
  await adminRow.getByTestId('role-select').selectOption('viewer');
  await adminRow.getByTestId('role-confirm').click();
  await expect(adminRow.getByTestId('role-message')).toContainText('at least one active admin');

  await page.goto('/audit?action=operator.role_change');
  const rows = page.getByTestId('audit-table').getByTestId('data-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Failed');
  await expect(rows.nth(0)).toContainText('at least one active admin');
  await expect(rows.nth(1)).toContainText('Succeeded');
  await expect(rows.nth(1)).toContainText('"role":"support"');

  // The filters live in the URL, and so does the export.
  await page.goto('/audit?action=operator.role_change&outcome=failed');
  await expect(page.getByTestId('audit-table').getByTestId('data-row')).toHaveCount(1);
  const csv = await page.request.get('/api/audit/export?action=operator.role_change');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(',failed,');
  expect(lines[2]).toContain(',succeeded,');

  // Put the role back (also through the audited action).
  await page.goto('/team');
  await page.getByTestId('role-picker-ops@demo.test').getByTestId('role-select').selectOption('ops');
  await page.getByTestId('role-picker-ops@demo.test').getByTestId('role-confirm').click();
  await expect(page.getByTestId('role-picker-ops@demo.test').getByTestId('role-message')).toHaveText('Now Operations.');
});

test('a role without operator management is refused on the server', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('finance') });
  const page = await context.newPage();
  const response = await page.goto('/team');
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await context.close();
});
