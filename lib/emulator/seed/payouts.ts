// Demo payouts: two years of them on the demo's merchants, made last (after the money and billing
// history they pay out) by the same functions the API and the clock use: automatic payouts by each
// account's schedule (daily, weekly or monthly), on-demand payouts every few weeks for accounts on a
// manual schedule, none after a rejection that paused payouts. A few accounts moved to a bank
// account that turned out to be closed (or unknown, or refusing): their payouts failed with that
// test number's code and the money came back, until the merchant went back to the old bank; the
// latest of them has not yet. Ids come from a generator of their own, so every id the demo had
// before payouts existed is unchanged.
import type Stripe from 'stripe';
import { StripeApiError } from '../core/errors';
import { seededRandom, withSeededIds, type RandomSource } from '../core/ids';
import { availableIn, balanceOf, transactionsOf } from '../core/ledger';
import type { World } from '../core/world';
import { moneyCtx } from '../money';
import { createPayout, payOutDue, settlePayouts } from '../money/payouts';
import { addExternalAccount, externalAccountsOf } from '../resources/external-accounts';
import { between, type Rng } from './profile';

const DAY = 86_400;
const SEED = 20261127;
/** How far back the demo's payouts go. */
const HISTORY = 730 * DAY;

/** The failing test bank accounts the stories move to, by currency, in turn. */
const FAILING: Record<string, unknown[]> = {
  usd: ['btok_us_verified_accountClosed', 'btok_us_verified_noAccount', 'btok_us_verified_debitNotAuthorized'],
  gbp: [{ object: 'bank_account', country: 'GB', currency: 'gbp', routing_number: '108800', account_number: '11111113' }],
  eur: [{ object: 'bank_account', country: 'DE', currency: 'eur', account_number: 'DE62370400440532013001' }],
};
/** How many accounts have a failed-payouts story; the last one is still failing. */
const STORIES = 5;

const schedule = (a: Stripe.Account) => a.settings?.payouts?.schedule;

/** When each of the account's incoming funds became available (oldest first), up to four days ago. */
function credits(world: World, account: string, now: number): number[] {
  return transactionsOf(world, account)
    .filter((bt) => bt.net > 0 && !bt.type.startsWith('payout') && bt.available_on <= now - 4 * DAY)
    .map((bt) => bt.available_on)
    .sort((x, y) => x - y);
}

/** Whether payouts were enabled at `at`, as far as history goes: until a rejection that paused them. */
function enabledInHistory(world: World, account: Stripe.Account, at: number): boolean {
  const r = world.accountFacts.get(account.id)?.rejection;
  return !(r && r.payoutsAction === 'pause' && r.at <= at);
}

/** Every two to five weeks, most of what is available goes out on demand (manual schedules only). */
function manualPayouts(world: World, rng: Rng, random: RandomSource, account: Stripe.Account, from: number, now: number): void {
  const currency = externalAccountsOf(world, account.id).find((e) => e.default_for_currency)?.currency;
  if (!currency) return;
  for (let t = from + between(rng, 10, 30) * DAY; t < now - DAY; t += between(rng, 14, 35) * DAY) {
    settlePayouts(world, t, random);
    const available = availableIn(world, account.id, currency, t);
    if (available <= 0) continue;
    const amount = Math.max(1, Math.floor((available * between(rng, 60, 100)) / 100));
    try {
      createPayout(moneyCtx(world, t, { stripeAccount: account.id }), { amount, currency, description: 'Withdrawal' }, { random });
    } catch (e) {
      // An account restricted at that moment by today's requirements cannot pay out: that withdrawal just did not happen.
      if (!(e instanceof StripeApiError)) throw e;
    }
  }
}

/** The merchant moved to a bank account that failed; `fixedAt` (if any) is when they went back to the old one. */
function failingStory(world: World, random: RandomSource, account: Stripe.Account, n: number, from: number, movedAt: number, fixedAt: number | null, now: number): void {
  const good = externalAccountsOf(world, account.id).find((e) => e.default_for_currency && e.currency === account.default_currency);
  const candidates = good ? FAILING[good.currency ?? ''] : undefined;
  if (!good || !candidates) return payOutDue(world, from, now, { accounts: [account.id], enabled: enabledInHistory, random });
  payOutDue(world, from, movedAt, { accounts: [account.id], enabled: enabledInHistory, random });
  const input = candidates[n % candidates.length];
  addExternalAccount(world, account.id, input, movedAt, { defaultForCurrency: true, metadata: { added_by: 'account_holder' }, random });
  payOutDue(world, movedAt, fixedAt ?? now, { accounts: [account.id], enabled: enabledInHistory, random });
  if (fixedAt === null) return;
  // Back to the old bank account: it is the default again, and automatic payouts resume.
  for (const e of externalAccountsOf(world, account.id)) {
    if (e.currency === good.currency && e.default_for_currency !== (e.id === good.id)) world.externalAccounts.put({ ...e, default_for_currency: e.id === good.id } as typeof e);
  }
  payOutDue(world, fixedAt, now, { accounts: [account.id], enabled: enabledInHistory, random });
}

/** Two years of payouts on the test world's merchants (accounts with money and a bank account). */
export function seedPayouts(world: World, now: number): void {
  const random = seededRandom(SEED);
  const rng = seededRandom(SEED + 1);
  const from = now - HISTORY;
  withSeededIds(random, () => {
    const withMoney = world.accounts.values().filter((a) => externalAccountsOf(world, a.id).length > 0 && Object.keys(balanceOf(world, a.id, now).available).length > 0);
    const automatic = withMoney.filter((a) => (schedule(a)?.interval ?? 'daily') !== 'manual');
    // The stories: enabled, unrejected accounts paid out daily, spread through the list; each moves
    // to the failing bank the day before some of its funds became available (the latest story: its
    // last funds), so that payout fails.
    const eligible = automatic.filter((a) => schedule(a)?.interval === 'daily' && !world.accountFacts.get(a.id)!.rejection && (a.default_currency ?? '') in FAILING && credits(world, a.id, now).length >= 2);
    const stories = Array.from({ length: Math.min(STORIES, eligible.length) }, (_, i) => eligible[Math.floor(((i + 0.5) * eligible.length) / STORIES)]);
    const storyIds = new Set(stories.map((a) => a.id));
    payOutDue(world, from, now, { accounts: automatic.filter((a) => !storyIds.has(a.id)).map((a) => a.id), enabled: enabledInHistory, random });
    stories.forEach((a, n) => {
      const last = n === stories.length - 1;
      const funds = credits(world, a.id, now);
      const target = funds[last ? funds.length - 1 : Math.floor(funds.length / 2)];
      const movedAt = Math.max(from, (a.created ?? from) + 3600, target - DAY);
      const fixedAt = movedAt + between(rng, 12, 40) * DAY;
      failingStory(world, random, a, n, from, movedAt, last || fixedAt >= now - DAY ? null : fixedAt, now);
    });
    for (const a of withMoney) if ((schedule(a)?.interval ?? 'daily') === 'manual' && !world.accountFacts.get(a.id)!.rejection) manualPayouts(world, rng, random, a, from, now);
    settlePayouts(world, now, random);
  });
}
