import { expect, test } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

for (const [theme, width, height] of [['light', 1280, 900], ['dark', 390, 844]] as const) {
  test(`shot ${theme} ${width}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await context.addCookies([{ name: 'cc-theme', value: theme, url: process.env.E2E_BASE_URL! }]);
    const ids = await freshChargeWithFee(10_000, 2_000);
    const post = `/v1/transfers/${ids.transfer}/reversals`;
    const faults: string[] = [];
    await page.goto(`/transfers/${ids.transfer}`);
    await page.getByTestId('reverse-partial').check();
    await page.getByTestId('reverse-amount').fill('50');
    await page.getByTestId('reverse-description').fill('Screenshot');
    await page.getByTestId('reverse-review-open').click();
    await page.getByTestId('review-tick').check();
    faults.push(await addFault({ lost_response: { path: post, count: 3 } }));
    faults.push(await addFault({ latency: { path: post, method: 'POST', ms: 1500, count: 3 } }));
    const before = (await requestsTo('GET', post)).length;
    await page.getByTestId('review-confirm').click();
    await expect.poll(async () => (await requestsTo('GET', post)).length, { timeout: 15_000 }).toBeGreaterThan(before);
    faults.push(await addFault({ error: { path: `/v1/transfers/${ids.transfer}*`, method: 'GET', status: 503, count: null } }));
    await expect(page.getByTestId('outcome-checking')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('outcome-checking').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shot-checking-${theme}-${width}.png`, fullPage: false });
    for (const id of faults) await removeFault(id);
    await expect(page.getByTestId('reverse-done')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('reverse-done').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shot-done-${theme}-${width}.png`, fullPage: false });
    await page.goto(`/audit?object=${ids.transfer}`);
    await page.screenshot({ path: `/tmp/shot-audit-${theme}-${width}.png`, fullPage: true });
  });
}
