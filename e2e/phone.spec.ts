// A phone (390 px wide): the navigation folds into a menu button that opens a drawer (focus moves
// in, Escape closes it and gives focus back), Sign out is on screen, no page is wider than the
// screen (tables scroll inside their card), and a tall dialog fits and scrolls inside itself.
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_ACCOUNT_ID } from '../tests/fixtures/routes';
import { CONSOLE_PAGES } from './support/pages';
import { storageStateFor } from './support/roles';

const PHONE = { width: 390, height: 844 };


test.use({ viewport: PHONE });

async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, `${testId} is laid out`).not.toBeNull();
  expect(box!.x, `${testId} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${testId} ends on screen`).toBeLessThanOrEqual(PHONE.width);
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

test.describe('as the viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('the navigation opens from the menu button, closes on Escape, and navigates; Sign out is on screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('console-nav')).toBeHidden();
    await expect(page.getByTestId('sign-out')).toBeVisible();
    await expectInViewport(page, 'sign-out');
    await expectInViewport(page, 'operator-open');

    const menu = page.getByTestId('nav-open');
    await menu.click();
    const drawer = page.getByTestId('nav-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    // Focus moved into the drawer; Escape closes it and hands focus back to the menu button.
    await expect.poll(() => drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await drawer.getByRole('link', { name: 'Transfers' }).click();
    await expect(page).toHaveURL(/\/transfers$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});

test.describe('as the admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('no page is wider than the phone', async ({ page }) => {
    test.setTimeout(90_000);
    const tooWide: string[] = [];
    for (const path of CONSOLE_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const width = await pageWidth(page);
      if (width > PHONE.width) tooWide.push(`${path}: ${width} px`);
    }
    expect(tooWide, 'pages wider than 390 px').toEqual([]);
  });
});

test.describe('signed out', () => {
  test('the sign-in page fits', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByTestId('password-form')).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});

test.describe('as ops', () => {
  test.use({ storageState: storageStateFor('ops') });

  test("an account's update dialog fits the screen and scrolls to its submit button", async ({ page }) => {
    await page.goto(`/accounts/${SAMPLE_ACCOUNT_ID}`);
    await page.getByTestId('update-open').click();
    const dialog = page.getByRole('dialog', { name: 'Edit account details' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const submit = page.getByTestId('update-submit');
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});
