// Generated from the permission matrix, over HTTP against the built app: every page and guarded
// route handler, for every role's saved session, answers 200 when the role has the permission
// and 403 when it does not.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { can, ROLES } from '../lib/auth/permissions';
import { PAGE_ROUTES } from '../lib/auth/routes';
import { API_ROUTES, samplePath } from '../tests/fixtures/routes';
import { storageStateFor } from './support/roles';

for (const role of ROLES) {
  test(`${role}: every page and route handler answers as the matrix says`, async ({ baseURL }) => {
    const context = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor(role) });
    try {
      for (const route of PAGE_ROUTES) {
        const response = await context.get(samplePath(route.pattern), { maxRedirects: 0 });
        expect(response.status(), `${role} GET ${route.pattern}`).toBe(can(role, route.permission) ? 200 : 403);
      }
      for (const route of API_ROUTES) {
        const response = await context.get(route.path, { maxRedirects: 0 });
        expect(response.status(), `${role} GET ${route.path}`).toBe(route.permission === null || can(role, route.permission) ? (route.allowedStatus ?? 200) : 403);
      }
    } finally {
      await context.dispose();
    }
  });
}

test('every response carries the security headers', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
});
