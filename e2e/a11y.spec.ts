// Accessibility: axe-core (from npm, injected by the test) finds no WCAG 2 A/AA violation on any
// page, in the light and the dark theme, as each role. The admin sees every page (a superset of
// every role's controls); each other role visits its own landing pages, where its own forms and
// buttons appear. The sign-in page is checked signed out.
import { expect, test, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Role } from '../lib/auth/permissions';
import { SAMPLE_ACCOUNT_ID, SAMPLE_MONEY } from '../tests/fixtures/routes';
import { CONSOLE_PAGES } from './support/pages';
import { storageStateFor } from './support/roles';

const AXE_PATH = path.resolve('node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;


/** Pages already covered by the admin look the same for other roles except where a role's own controls appear. */
const VISITS: Record<Role, string[]> = {
  admin: CONSOLE_PAGES,
  ops: ['/', `/accounts/${SAMPLE_ACCOUNT_ID}`, '/audit'],
  support: ['/', `/application-fees/${SAMPLE_MONEY.fee}`],
  finance: ['/', `/transfers/${SAMPLE_MONEY.transfer}`, '/topups', `/topups/${SAMPLE_MONEY.topup}`],
  viewer: ['/', '/accounts', `/accounts/${SAMPLE_ACCOUNT_ID}`],
};

test.use({ bypassCSP: true }); // axe is injected as a script tag; the app's CSP would refuse it.
// Each test loads its page twice (both themes) and runs axe on it: room for a busy 2-core CI machine.
test.describe.configure({ timeout: 90_000 });

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `      ${node.target.join(' ')}\n        ${node.failureSummary?.split('\n').join('\n        ') ?? ''}`)
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      …and ${violation.nodes.length - 5} more` : '';
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${nodes}${more}`;
}

async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return results.violations;
}

type Options = { viewport?: { width: number; height: number }; open?: (page: Page) => Promise<void>; what?: string };

async function checkPage(browser: Browser, role: Role | null, url: string, baseURL: string, options: Options = {}): Promise<string[]> {
  const failures: string[] = [];
  for (const theme of THEMES) {
    const context = await browser.newContext({ storageState: role ? storageStateFor(role) : undefined, bypassCSP: true, viewport: options.viewport });
    try {
      await context.addCookies([{ name: 'cc-theme', value: theme, url: baseURL }]);
      const page = await context.newPage();
      const response = await page.goto(url);
      expect(response?.status(), `${role ?? 'signed out'} GET ${url}`).toBe(200);
      await expect(page.locator('html')).toHaveClass(theme);
      // Client sections fill in from React Query; check the page once it has settled.
      await page.waitForLoadState('networkidle');
      await options.open?.(page);
      const violations = await axeViolations(page);
      const where = `${url}${options.what ? ` (${options.what})` : ''} as ${role ?? 'signed out'}, ${theme} theme`;
      if (violations.length > 0) failures.push(`${where}:\n${violations.map(describe).join('\n')}`);
    } finally {
      await context.close();
    }
  }
  return failures;
}

test('the sign-in page has no axe violations in either theme', async ({ browser, baseURL }) => {
  const failures = await checkPage(browser, null, '/sign-in', baseURL!);
  expect(failures.join('\n\n'), 'axe violations').toBe('');
});

for (const [role, paths] of Object.entries(VISITS) as [Role, string[]][]) {
  for (const url of paths) {
    test(`${role}: ${url} has no axe violations in either theme`, async ({ browser, baseURL }) => {
      const failures = await checkPage(browser, role, url, baseURL!);
      expect(failures.join('\n\n'), 'axe violations').toBe('');
    });
  }
}

// The shell's own overlays, open: the navigation drawer on a phone, and the operator's dialog with
// the "Sign out everywhere" confirmation.
test('the navigation drawer and the sign-out-everywhere confirmation have no axe violations', async ({ browser, baseURL }) => {
  const drawer = await checkPage(browser, 'viewer', '/', baseURL!, {
    viewport: { width: 390, height: 844 },
    what: 'navigation drawer',
    open: async (page) => {
      await page.getByTestId('nav-open').click();
      await expect(page.getByTestId('nav-drawer')).toBeVisible();
    },
  });
  const confirm = await checkPage(browser, 'viewer', '/', baseURL!, {
    what: 'sign out everywhere confirmation',
    open: async (page) => {
      await page.getByTestId('operator-open').click();
      await page.getByTestId('sign-out-everywhere').click();
      await expect(page.getByTestId('sign-out-everywhere-dialog')).toBeVisible();
    },
  });
  expect([...drawer, ...confirm].join('\n\n'), 'axe violations').toBe('');
});
