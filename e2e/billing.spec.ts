// Billing (/billing), read-only: as support, the list shows connected accounts' subscription
// schedules from the index, with counts per status equal to what the emulator holds (each
// account's own schedules, read with Stripe-Account); the Active tab holds only active schedules,
// each in words (phase, next phase, fee); the fee filter narrows the list; a row's account opens
// the account page, whose Billing section lists that account's schedules, and a schedule's link
// goes to /billing/schedules/{id}?account={acct} (that page is built elsewhere).
import { expect, test } from '@playwright/test';
import type Stripe from 'stripe';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

/** Every connected account's schedules as the emulator's API shows them. */
async function emulatorSchedules(): Promise<Array<{ account: string; schedule: Stripe.SubscriptionSchedule }>> {
  const accounts = await listEmulatorAccounts();
  const lists = await Promise.all(
    accounts.map(async (a) => ({ account: a.id, data: (await emulatorApi<{ data: Stripe.SubscriptionSchedule[] }>('GET', '/v1/subscription_schedules?limit=100', undefined, a.id)).body.data ?? [] })),
  );
  return lists.flatMap((l) => l.data.map((schedule) => ({ account: l.account, schedule })));
}

const SCHEDULE_URL = /\/billing\/schedules\/sub_sched_[A-Za-z0-9]+\?account=acct_[A-Za-z0-9]+$/;

test.describe('as support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('lists the schedules by status, filters them, and leads from an account to its schedules', async ({ page }) => {
    const schedules = await emulatorSchedules();
    const active = schedules.filter((s) => s.schedule.status === 'active');
    expect(active.length).toBeGreaterThan(0);

    await page.goto('/billing');
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    // Support may rehearse billing in test mode: the test clock panel is one link away.
    await expect(page.getByTestId('billing-test-clocks-link')).toHaveAttribute('href', '/billing/test-clocks');
    await expect(page.getByTestId('freshness-line')).toContainText(/Index updated/);
    const tabs = page.getByTestId('schedule-tabs');
    await expect(tabs.getByTestId('tab-all').getByTestId('tab-count')).toHaveText(String(schedules.length));
    await expect(tabs.getByTestId('tab-active').getByTestId('tab-count')).toHaveText(String(active.length));
    await expect(tabs.getByTestId('tab-canceled').getByTestId('tab-count')).toHaveText(String(schedules.filter((s) => s.schedule.status === 'canceled').length));

    // The Active tab: only active schedules, each with its phase in words and a link of the schedule page's shape.
    await tabs.getByTestId('tab-active').click();
    await expect(page).toHaveURL(/\/billing\?tab=active$/);
    await expect(page.getByTestId('list-summary')).toHaveText(`${active.length} schedule${active.length === 1 ? '' : 's'} active.`);
    const table = page.getByTestId('schedule-table');
    await expect(table.getByTestId('data-row')).toHaveCount(Math.min(active.length, 25));
    for (const status of await table.getByTestId('schedule-status').allInnerTexts()) expect(status).toBe('Active');
    for (const phase of await table.getByTestId('schedule-phase').allInnerTexts()) expect(phase).toMatch(/^Phase \d+ of \d+$/);
    for (const fee of await table.getByTestId('schedule-fee').allInnerTexts()) expect(fee).toMatch(/^(\d+(\.\d+)?%|No fee)$/);
    for (const href of await table.getByTestId('schedule-link').evaluateAll((links) => links.map((l) => l.getAttribute('href')))) expect(href).toMatch(SCHEDULE_URL);

    // The fee filter keeps the tab.
    await page.getByTestId('filter-fee').selectOption('present');
    await page.getByTestId('apply-filters').click();
    await expect(page).toHaveURL(/tab=active/);
    await expect(page).toHaveURL(/fee=present/);
    const withFee = active.filter((s) => (s.schedule.phases.find((p) => p.start_date === s.schedule.current_phase?.start_date)?.application_fee_percent ?? 0) > 0);
    await expect(page.getByTestId('list-summary')).toHaveText(`${withFee.length} schedule${withFee.length === 1 ? '' : 's'} active matching these filters.`);

    // From a row's account to the account page's Billing section, which lists that account's schedules.
    const row = table.getByTestId('data-row').first();
    const account = (await row.getByTestId('schedule-account').innerText()).match(/acct_[A-Za-z0-9]+/)![0];
    await row.getByTestId('schedule-account').click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${account}$`));
    const section = page.getByTestId('section-billing');
    await expect(section).toHaveAttribute('data-state', 'ready');
    const mine = schedules.filter((s) => s.account === account).map((s) => s.schedule.id);
    await expect(section.getByTestId('account-schedule')).toHaveCount(mine.length);
    expect((await section.getByTestId('schedule-link').allInnerTexts()).sort()).toEqual([...mine].sort());

    // A schedule's link opens its page on the account (the page itself is built elsewhere).
    const link = section.getByTestId('schedule-link').first();
    const id = await link.innerText();
    await link.click();
    await expect(page).toHaveURL(SCHEDULE_URL);
    expect(new URL(page.url()).pathname).toBe(`/billing/schedules/${id}`);
    expect(new URL(page.url()).searchParams.get('account')).toBe(account);
  });

  test('an account without schedules says so in words', async ({ page }) => {
    const schedules = await emulatorSchedules();
    const withSchedules = new Set(schedules.map((s) => s.account));
    const accounts = await listEmulatorAccounts();
    const none = accounts.find((a) => !withSchedules.has(a.id))!;
    await page.goto(`/accounts/${none.id}`);
    await expect(page.getByTestId('section-billing').getByTestId('billing-empty')).toContainText('No subscription schedule on this account');
  });
});
