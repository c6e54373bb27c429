// After `next build`: no Stripe key and no session secret in any file shipped to browsers
// (.next/static) or in any page the app serves, signed in or out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { PAGE_ROUTES } from '../lib/auth/routes';
import { samplePath } from '../tests/fixtures/routes';
import { storageStateFor } from './support/roles';

const KEY_PATTERN = /\b[sr]k_(?:test|live)_[A-Za-z0-9]+/;

function secrets(): string[] {
  // The emulator key the server uses, any configured key, and this run's session secret.
  const list = ['sk_test_emulator'];
  if (process.env.STRIPE_SECRET_KEY?.trim()) list.push(process.env.STRIPE_SECRET_KEY.trim());
  const authSecretFile = path.resolve('.data', 'e2e', 'auth-secret');
  list.push(readFileSync(authSecretFile, 'utf8').trim());
  return list;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function findLeak(text: string, known: string[]): string | null {
  const match = KEY_PATTERN.exec(text);
  if (match) return match[0];
  return known.find((secret) => text.includes(secret)) ?? null;
}

test('no client file holds a secret or any sk_/rk_ key', () => {
  const files = filesUnder(path.resolve('.next', 'static'));
  expect(files.length).toBeGreaterThan(10);
  const known = secrets();
  for (const file of files) {
    expect(findLeak(readFileSync(file, 'latin1'), known), path.relative(process.cwd(), file)).toBeNull();
  }
});

test('no served page holds a secret or any sk_/rk_ key', async ({ baseURL }) => {
  const known = secrets();
  const contexts = [
    await playwrightRequest.newContext({ baseURL }),
    await playwrightRequest.newContext({ baseURL, storageState: storageStateFor('admin') }),
  ];
  try {
    for (const context of contexts) {
      for (const target of ['/sign-in', ...PAGE_ROUTES.map((route) => samplePath(route.pattern)), '/api/audit/export']) {
        const response = await context.get(target);
        expect(findLeak(await response.text(), known), target).toBeNull();
      }
    }
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
});
