// Never guess an outcome, on a subscription schedule. Ops releases a schedule; the emulator applies
// the release but loses every answer, and the schedule cannot be read for a while, so the console
// cannot find out at once: the dialog says the outcome is unknown (never "failed"), offers no way
// to a new request (no Cancel, Escape does not close it; its only send is the same request, same
// key), and a second tab that tries to cancel the schedule meanwhile is refused without anything
// being sent. When the schedule can be read again the dialog says it is released, the second tab
// says an earlier request released it (not that it cancelled it), the page shows it, and the
// emulator holds exactly one applied release. Mutating: it releases a demo schedule that no other journey uses.
import { expect, test } from '@playwright/test';
import { accountGet } from './support/billing';
import { addFault, removeFault, requestsTo } from './support/money';
import { storageStateFor } from './support/roles';
import { shootLightAndPhoneDark } from './support/screens';

/** An active demo schedule (not on a test clock) and its account, changed only here. */
const SCHEDULE = { id: 'sub_sched_h73g1r4yHR4ZkMdGUbZubqhs', account: 'acct_15JczkUS4XFmWUfq' };
const RELEASE = `/v1/subscription_schedules/${SCHEDULE.id}/release`;
const CANCEL = `/v1/subscription_schedules/${SCHEDULE.id}/cancel`;

test.use({ storageState: storageStateFor('ops') });

test('a release whose answers are all lost is shown as unknown, never sent anew, then shown released', async ({ page, context }) => {
  test.setTimeout(120_000);
  expect((await accountGet<{ status: string }>(SCHEDULE.account, `/v1/subscription_schedules/${SCHEDULE.id}`)).status).toBe('active');
  const url = `/billing/schedules/${SCHEDULE.id}?account=${SCHEDULE.account}`;
  const faults: string[] = [];
  try {
    // A second tab on the same schedule, its cancel dialog open (a new request, its own key).
    const second = await context.newPage();
    await second.goto(url);
    await second.getByTestId('schedule-cancel-open').click();
    await second.getByTestId('schedule-confirmation').fill(SCHEDULE.id);

    await page.goto(url);
    await expect(page.getByTestId('schedule-status')).toHaveText('Active');
    await page.getByTestId('schedule-release-open').click();
    await page.getByTestId('schedule-confirmation').fill(SCHEDULE.id);

    // Every answer to the release is lost (it is applied all the same), and the schedule cannot be read.
    faults.push(await addFault({ lost_response: { path: RELEASE, count: null } }));
    faults.push(await addFault({ error: { path: `/v1/subscription_schedules/${SCHEDULE.id}`, method: 'GET', status: 503, count: null } }));
    await page.getByTestId('schedule-change-submit').click();

    const checking = page.getByTestId('outcome-checking');
    await expect(checking).toBeVisible({ timeout: 60_000 });
    await expect(checking).toContainText('Outcome unknown: checking.');
    await expect(checking).toContainText('the release may or may not have been made');
    await expect(page.getByRole('dialog')).not.toContainText(/fail/i);
    const audit = (await page.getByTestId('outcome-checking-audit').innerText()).slice(1);
    await expect(page.getByTestId('schedule-change-done')).toHaveCount(0);
    // The only send left is the same request again (the same key: Stripe replays it); no way back.
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('schedule-change-submit')).toHaveText('Send the same request again');
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(checking).toBeVisible();
    await shootLightAndPhoneDark(page, 'journey-screens', 'schedule-release-unknown', { show: page.getByTestId('schedule-change-submit') });

    // The other tab cancels the same schedule under its own key: refused before Stripe is asked, and
    // it follows the release instead.
    const cancelsBefore = (await requestsTo('POST', CANCEL)).length;
    await second.getByTestId('schedule-change-submit').click();
    await expect(second.getByTestId('outcome-checking')).toContainText('An earlier request to do this');
    expect((await requestsTo('POST', CANCEL)).length).toBe(cancelsBefore);

    // The schedule can be read again: both tabs show what the release did.
    for (const id of faults.splice(0)) await removeFault(id);
    await expect(page.getByTestId('schedule-change-done')).toHaveText('The schedule is released.', { timeout: 30_000 });
    await expect(page.getByTestId('outcome-checking')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('schedule-status')).toHaveText('Released');
    await expect(page.getByTestId('schedule-release-open')).toBeDisabled();
    await expect(page.getByTestId('schedule-cancel-open')).toBeDisabled();
    await expect(second.getByTestId('schedule-change-done')).toHaveText(
      `An earlier request (audit entry #${audit}) released the schedule, so this cancellation was not sent. The schedule is released.`,
      { timeout: 30_000 },
    );
    await second.close();
  } finally {
    for (const id of faults) await removeFault(id);
  }

  // The emulator: released, by exactly one applied release request (the others are replays of its key), and never cancelled.
  expect((await accountGet<{ status: string }>(SCHEDULE.account, `/v1/subscription_schedules/${SCHEDULE.id}`)).status).toBe('released');
  const releases = await requestsTo('POST', RELEASE);
  expect(releases.filter((r) => !r.idempotent_replayed)).toHaveLength(1);
  expect(new Set(releases.map((r) => r.idempotency_key)).size).toBe(1);
  expect(await requestsTo('POST', CANCEL)).toHaveLength(0);
});
