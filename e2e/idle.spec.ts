// Idle sessions end: against a second server whose idle timeout is a few seconds, activity keeps
// the session alive and a quiet spell longer than the timeout sends the operator to sign in.
import { expect, test } from '@playwright/test';
import { E2E_IDLE_APP_PORT, E2E_IDLE_TIMEOUT_SECONDS } from './support/env';
import { signIn } from './support/sign-in';

const idleBase = `http://127.0.0.1:${E2E_IDLE_APP_PORT}`;

test('a session expires after the idle timeout, and activity keeps it alive', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, 'support@demo.test', idleBase);

  // Busy for longer than the timeout: still signed in.
  for (let second = 0; second < E2E_IDLE_TIMEOUT_SECONDS + 3; second += 1) {
    await page.mouse.click(600, 400);
    await page.waitForTimeout(1000);
  }
  await page.goto(`${idleBase}/risk`);
  await expect(page.getByTestId('operator-menu')).toContainText('support@demo.test');

  // Quiet for longer than the timeout: the next request meets the sign-in page.
  await page.waitForTimeout((E2E_IDLE_TIMEOUT_SECONDS + 3) * 1000);
  await page.goto(`${idleBase}/risk`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId('password-form')).toBeVisible();
});
