// Copied session cookies, as a thief would use them: a fresh sign-in of its own (never the shared
// storage states of e2e/auth.setup.ts), a second browser context holding a copy of its cookies,
// and the checks that such a copy is still accepted, or refused by every path.
import { expect, type Browser, type BrowserContext } from '@playwright/test';
import { REFUSAL_MESSAGES } from '../../lib/auth/access';
import { serverActionId } from './accounts';
import { signIn } from './sign-in';

// An account the session checks try to reject: every role these tests use lacks the permission,
// so a live session is answered "forbidden" and an ended one "signed out"; nothing is changed.
const ACCOUNT = 'acct_1I7bSUpNJjhGgTum';

export async function freshSession(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), email);
  return context;
}

export async function copyOfSession(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ storageState: await context.storageState() });
}

async function callRejectAction(context: BrowserContext): Promise<string> {
  const response = await context.request.post(`/accounts/${ACCOUNT}`, {
    headers: { 'Next-Action': serverActionId('lib/accounts/actions.ts', 'rejectAccountAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([{ accountId: ACCOUNT, reason: 'fraud_other', note: 'Session check', confirmation: ACCOUNT, idempotencyKey: crypto.randomUUID() }]),
  });
  return response.text();
}

function sessionCookies(setCookies: string[]): string[] {
  return setCookies.filter((cookie) => /^(__Secure-)?authjs\.session-token/.test(cookie));
}

export async function expectSessionAccepted(context: BrowserContext, email: string): Promise<void> {
  expect((await context.request.get('/api/balance')).status()).toBe(200);
  expect(await callRejectAction(context)).toContain(REFUSAL_MESSAGES.forbidden);
  const session = await context.request.get('/api/auth/session');
  expect(((await session.json()) as { user?: { email?: string } } | null)?.user?.email).toBe(email);
}

export async function expectSessionRefused(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('/transfers');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.close();
  const balance = await context.request.get('/api/balance');
  expect(balance.status()).toBe(401);
  expect(await callRejectAction(context)).toContain(REFUSAL_MESSAGES['signed-out']);
  // next-auth's own endpoint: no session, and the cookie is cleared rather than renewed.
  const session = await context.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  const setCookies = session.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
  for (const cookie of sessionCookies(setCookies)) expect(cookie).toMatch(/^[^=]+=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
}
