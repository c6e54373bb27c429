// The content security policy in a real browser: every page (sign-in and signed-in) answers with a
// fresh nonce and no inline scripts allowed, Next's scripts carry the nonce so the page hydrates
// and reacts, and the browser reports no violation.
import { expect, test, type Page, type Response } from '@playwright/test';
import { storageStateFor } from './support/roles';

const scriptSrc = (policy: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';

function nonceOf(response: Response | null): string {
  const policy = response?.headers()['content-security-policy'] ?? '';
  const directive = scriptSrc(policy);
  expect(directive, policy).toMatch(/'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(directive).toContain("'strict-dynamic'");
  expect(directive).not.toContain("'unsafe-inline'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['strict-transport-security'], 'HSTS is for HTTPS only').toBeUndefined();
  return /'nonce-([^']+)'/.exec(directive)![1];
}

/** Collects what the browser reports about the policy: violation events and console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const reported: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => reported.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective}: ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) reported.push(message.text());
  });
  return reported;
}

/** Two loads of `path`, with different nonces; every script in the page carries its own load's. */
async function loadTwice(page: Page, path: string): Promise<void> {
  const first = nonceOf(await page.goto(path));
  const second = nonceOf(await page.goto(path));
  expect(second).not.toBe(first);
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([second]));
}

test.describe('signed out', () => {
  test('the sign-in page has a nonce policy, hydrates and reports no violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await loadTwice(page, '/sign-in');
    // A demo operator's button fills the form: only hydrated React does that.
    await page.getByTestId('demo-operators').getByRole('button', { name: /admin@demo\.test/ }).click();
    await expect(page.getByLabel('E-mail')).toHaveValue('admin@demo.test');
    expect(violations).toEqual([]);
  });
});

test.describe('signed in', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('a console page has a nonce policy, hydrates and reports no violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await loadTwice(page, '/');
    await expect(page.getByTestId('mode-badge')).toHaveText(/emulator/i);
    // The command palette opens on a click: client-side React at work.
    await page.getByTestId('command-palette-open').click();
    await expect(page.getByTestId('command-palette-input')).toBeVisible();
    // A client-side navigation loads more of Next's chunks under the same policy.
    await page.keyboard.press('Escape');
    await page.getByTestId('console-nav').getByRole('link').nth(1).click();
    await expect(page).not.toHaveURL(/\/$/);
    await expect(page.getByTestId('console-nav')).toBeVisible();
    expect(violations).toEqual([]);
  });
});
