// Never guess an outcome, as an operator meets it. The money POST is made but its answers are
// lost, and the backend's reads fail right after, so the console cannot find out at once: the
// screen says the outcome is unknown and being checked, and offers no Back. A second tab that had
// the same review open confirms meanwhile (what "Back, review again, confirm" did before): the
// server refuses it, because the first request is still open. When the backend is back, the first
// screen shows what happened; the second tab's retry is refused because the object changed; the
// emulator holds exactly one reversal or refund.
import { expect, test, type Page } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo, stripeGet } from './support/money';
import type { Role } from '../lib/auth/permissions';
import { storageStateFor } from './support/roles';

type Case = {
  name: string;
  role: Role;
  pageFor: (ids: { fee: string; transfer: string }) => string;
  /** The POST that makes the object, and the object path whose reads go down. */
  paths: (ids: { fee: string; transfer: string }) => { post: string; object: string };
  fill: (page: Page) => Promise<void>;
  reviewOpen: string;
  done: string;
  doneText: RegExp;
  list: (ids: { fee: string; transfer: string }) => string;
  amount: number;
};

const CASES: Case[] = [
  {
    name: 'a transfer reversal',
    role: 'finance',
    pageFor: ({ transfer }) => `/transfers/${transfer}`,
    paths: ({ transfer }) => ({ post: `/v1/transfers/${transfer}/reversals`, object: `/v1/transfers/${transfer}` }),
    fill: async (page) => {
      await page.getByTestId('reverse-partial').check();
      await page.getByTestId('reverse-amount').fill('50');
      await page.getByTestId('reverse-description').fill('Unknown outcome journey');
    },
    reviewOpen: 'reverse-review-open',
    done: 'reverse-done',
    doneText: /Reversed \(trr_\w+\)\. Stripe's answer had been lost/,
    list: ({ transfer }) => `/v1/transfers/${transfer}/reversals?limit=100`,
    amount: 5000,
  },
  {
    name: 'an application fee refund',
    role: 'support',
    pageFor: ({ fee }) => `/application-fees/${fee}`,
    paths: ({ fee }) => ({ post: `/v1/application_fees/${fee}/refunds`, object: `/v1/application_fees/${fee}` }),
    fill: async (page) => {
      await page.getByTestId('refund-partial').check();
      await page.getByTestId('refund-amount').fill('5');
      await page.getByTestId('refund-reason').fill('Unknown outcome journey');
    },
    reviewOpen: 'refund-review-open',
    done: 'refund-done',
    doneText: /Refunded \(fr_\w+\)\. Stripe's answer had been lost/,
    list: ({ fee }) => `/v1/application_fees/${fee}/refunds?limit=100`,
    amount: 500,
  },
];

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ storageState: storageStateFor(c.role) });

    test(`${c.name} whose answer is lost is checked, never done twice, and shown`, async ({ page, context }) => {
      test.setTimeout(120_000);
      const ids = await freshChargeWithFee(10_000, 2_000);
      const { post, object } = c.paths(ids);
      const faults: string[] = [];
      try {
        // Two tabs with the same review open.
        const second = await context.newPage();
        for (const p of [page, second]) {
          await p.goto(c.pageFor(ids));
          await c.fill(p);
          await p.getByTestId(c.reviewOpen).click();
          await p.getByTestId('review-tick').check();
        }
        // The POST is slow and every answer to it is lost; it is applied all the same.
        faults.push(await addFault({ lost_response: { path: post, count: 3 } }));
        faults.push(await addFault({ latency: { path: post, method: 'POST', ms: 1500, count: 3 } }));
        const readsBefore = (await requestsTo('GET', post)).length;
        await page.getByTestId('review-confirm').click();
        // Once the action has read the object (before its POST), the backend's reads go down.
        await expect.poll(async () => (await requestsTo('GET', post)).length, { timeout: 15_000 }).toBeGreaterThan(readsBefore);
        faults.push(await addFault({ error: { path: `${object}*`, method: 'GET', status: 503, count: null } }));

        const checking = page.getByTestId('outcome-checking');
        await expect(checking).toBeVisible({ timeout: 60_000 });
        await expect(checking).toContainText('may or may not have been made');
        await expect(page.getByTestId('review-back')).toHaveCount(0);

        // The other tab confirms the same change under its own key: refused, nothing sent; it follows
        // the first request instead.
        const postsBefore = (await requestsTo('POST', post)).length;
        await second.getByTestId('review-confirm').click();
        await expect(second.getByTestId('outcome-checking')).toContainText('An earlier request to do this');
        await expect(second.getByTestId('review-back')).toHaveCount(0);
        expect((await requestsTo('POST', post)).length).toBe(postsBefore);

        // The backend is back: both screens show what the first request did, from what Stripe holds.
        for (const id of faults.splice(0)) await removeFault(id);
        await expect(page.getByTestId(c.done)).toHaveText(c.doneText, { timeout: 45_000 });
        await expect(page.getByTestId(c.done)).toContainText("carries this request's key");
        const made = (await page.getByTestId(c.done).textContent())!.match(/\((\w+)\)/)![1]!;
        await expect(second.getByTestId(c.done)).toContainText(made, { timeout: 45_000 });
        await second.close();
      } finally {
        for (const id of faults) await removeFault(id);
      }
      const made = await stripeGet<{ data: Array<{ amount: number; metadata: Record<string, string> }> }>(c.list(ids));
      expect(made.data).toHaveLength(1);
      expect(made.data[0]!.amount).toBe(c.amount);
      expect(made.data[0]!.metadata.console_request).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
}
