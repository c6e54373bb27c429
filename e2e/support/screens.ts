// Screenshots of a state that lives only in this page (an outcome being checked cannot be opened
// again in a fresh tab): desktop light as it is, then the same page at 390 px in the dark theme
// (the class the root layout renders for the `cc-theme` cookie), then back. The whole page, or with
// a dialog open what the screen shows, scrolled to `show` (a dialog scrolls inside itself).
import { expect, type Locator, type Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };

export async function shootLightAndPhoneDark(page: Page, dir: string, name: string, dialog?: { show: Locator }): Promise<void> {
  const shoot = async (path: string) => {
    if (dialog) await dialog.show.scrollIntoViewIfNeeded();
    await page.screenshot({ path, fullPage: !dialog });
  };
  const desktop = page.viewportSize();
  const html = page.locator('html');
  const theme = await html.getAttribute('class');
  await page.evaluate(() => (document.documentElement.className = 'light'));
  await shoot(`test-results/${dir}/${name}-desktop-light.png`);
  await page.setViewportSize(PHONE);
  await page.evaluate(() => (document.documentElement.className = 'dark'));
  await shoot(`test-results/${dir}/${name}-phone-dark.png`);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${name} fits a 390 px screen`).toBeLessThanOrEqual(PHONE.width);
  await page.evaluate((c) => (document.documentElement.className = c ?? ''), theme);
  if (desktop) await page.setViewportSize(desktop);
}
