// Screenshots of the pages that read the console's index (the accounts list, the Data sync page, Billing)
// in headless Chromium: light and dark, desktop and a 390 px phone, for a person to look at
// (test-results/index-screens/). Each also checks the page is no wider than its screen.
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/roles';

const SCREENS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const PAGES = { accounts: '/accounts?tab=restricted&country=US', 'data-sync': '/data-sync', billing: '/billing?tab=active' } as const;

test.use({ storageState: storageStateFor('admin') });
test.describe.configure({ timeout: 90_000 });

for (const [name, url] of Object.entries(PAGES)) {
  for (const [screen, viewport] of Object.entries(SCREENS)) {
    test(`${name} on ${screen}, light and dark`, async ({ browser, baseURL }) => {
      for (const theme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, storageState: storageStateFor('admin') });
        await context.addCookies([{ name: 'cc-theme', value: theme, url: baseURL! }]);
        const page = await context.newPage();
        await page.goto(url);
        await expect(page.locator('html')).toHaveClass(theme);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (name === 'accounts') await expect(page.getByTestId('accounts-table').getByTestId('data-row').first()).toBeVisible();
        if (name === 'billing') await expect(page.getByTestId('schedule-table').getByTestId('data-row').first()).toBeVisible();
        await page.screenshot({ path: `test-results/index-screens/${name}-${screen}-${theme}.png`, fullPage: true });
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${name} fits the ${screen} screen`).toBeLessThanOrEqual(viewport.width);
        await context.close();
      }
    });
  }
}
