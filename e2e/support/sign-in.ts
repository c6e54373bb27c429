// Signing in through the real form, as a person would.
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './roles';

export async function signIn(page: Page, email: string, baseURL?: string): Promise<void> {
  await page.goto(`${baseURL ?? ''}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  // The first sign-in of a fresh server also creates and migrates its database: allow for it.
  await expect(page.getByTestId('operator-menu')).toContainText(email, { timeout: 30_000 });
}
