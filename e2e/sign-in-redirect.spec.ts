// After sign-in the browser stays on the console whatever `callbackUrl` the sign-in link carried:
// the open-redirect probe's payloads (a backslash, a tab, their percent-encoded forms, `//host`,
// absolute URLs) land on the home page, while a same-site callback such as /transfers still works.
// Each test signs in a fresh session of its own; requests to any other host are aborted and counted.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/roles';

const FOREIGN = [
  '/\\evil.example/x',
  '/\t/evil.example',
  '/%5Cevil.example/x',
  '/%09/evil.example',
  '//evil.example/x',
  'https://evil.example/x',
  '/.//evil.example/x',
];

async function signInWithCallback(page: Page, baseURL: string | undefined, callbackUrl: string): Promise<string[]> {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await page.route('**/*', async (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
  await page.getByLabel('E-mail').fill('viewer@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('operator-menu')).toContainText('viewer@demo.test', { timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(origin);
  return foreign;
}

for (const payload of FOREIGN) {
  test(`callbackUrl ${JSON.stringify(payload)} keeps the browser on the console`, async ({ page, baseURL }) => {
    const foreign = await signInWithCallback(page, baseURL, payload);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(foreign).toEqual([]);
  });
}

test('a same-site callbackUrl is followed after sign-in', async ({ page, baseURL }) => {
  const foreign = await signInWithCallback(page, baseURL, '/transfers?limit=25');
  await expect(page).toHaveURL(/\/transfers\?limit=25$/);
  expect(foreign).toEqual([]);
});
