// The risk object pages' reads, live from Stripe: a charge (with its refunds, review, disputes and
// early fraud warnings), a Radar review, an early fraud warning. A destination charge and its
// Radar objects and disputes are the platform's; a direct charge's live in the connected
// account's store and Stripe answers them only with its `Stripe-Account` header. The index tells
// which (the row's account, and whether its charge is a destination charge: the same rule the
// review approval follows, lib/risk/mutations.ts); for an id the index does not hold, the
// `?account=acct_…` the link carried: the platform is asked first, then the account. Server-only.
import 'server-only';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { accountNamesFor } from '@/lib/accounts/names';
import { getDb } from '@/lib/db/client';
import { indexObjects } from '@/lib/db/schema';
import { isMissing } from '@/lib/http/json';
import { getStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/stripe/ids';
import { reviewOwner } from './mutations';
import type { ChargeDetailResult, ObjectPlace, ReviewDetailResult, WarningDetailResult } from './object-keys';

/** One store to read an object in: the platform's (`stripeAccount` null) or a connected account's. */
export interface Store {
  /** The connected account the object concerns, when known before reading. */
  account: string | null;
  stripeAccount: string | null;
}

type Row = { account: string | null; parent: string | null; data: Record<string, unknown> };

async function indexRow(id: string): Promise<Row | undefined> {
  const db = await getDb();
  const [row] = await db.select({ account: indexObjects.account, parent: indexObjects.parent, data: indexObjects.data }).from(indexObjects).where(eq(indexObjects.id, id)).limit(1);
  return row;
}

/** The stores to try for an object, in order: the one the index knows, else the platform's then the given account's. */
export async function storesFor(id: string, given: string | null): Promise<Store[]> {
  const row = await indexRow(id);
  if (row?.account) {
    const charge = id.startsWith('ch_') ? row : row.parent ? await indexRow(row.parent) : undefined;
    if (charge?.account) return [{ account: row.account, stripeAccount: reviewOwner(charge) }];
  }
  const account = row?.account ?? given;
  return account ? [{ account, stripeAccount: null }, { account, stripeAccount: account }] : [{ account: null, stripeAccount: null }];
}

/** Reads in each store until one has the object; an error other than "no such object" stops at once. */
export async function readInStores<T>(stores: Store[], read: (store: Store) => Promise<T>): Promise<{ value: T; store: Store }> {
  let missing: unknown = null;
  for (const store of stores) {
    try {
      return { value: await read(store), store };
    } catch (error) {
      if (!isMissing(error)) throw error;
      missing = error;
    }
  }
  throw missing;
}

const optionsOf = (store: Store): Stripe.RequestOptions | undefined => (store.stripeAccount ? { stripeAccount: store.stripeAccount } : undefined);

/** The connected account a charge concerns: its destination, the account it was made on behalf of, or the store it was read in. */
function chargeAccount(charge: Stripe.Charge | null, store: Store): string | null {
  if (store.stripeAccount) return store.stripeAccount;
  if (!charge) return store.account;
  return idOf(charge.transfer_data?.destination) ?? idOf(charge.on_behalf_of) ?? null;
}

/** The account's name is read alongside the object when the store names the account beforehand (the index or the link), else after it. */
function namesAhead(stores: Store[]): { account: string | null; names: Promise<Record<string, string>> } {
  const account = stores[0]?.account ?? null;
  // A name that cannot be read is left out (lib/accounts/names.ts), so this never rejects.
  return { account, names: account ? accountNamesFor([account]) : Promise.resolve({}) };
}

async function placeOf(accountId: string | null, store: Store, ahead: ReturnType<typeof namesAhead>): Promise<ObjectPlace> {
  const names = !accountId ? {} : accountId === ahead.account ? await ahead.names : await accountNamesFor([accountId]);
  return { accountId, accountName: accountId ? (names[accountId] ?? null) : null, onAccount: store.stripeAccount !== null };
}

export async function getChargeDetail(id: string, given: string | null): Promise<ChargeDetailResult> {
  const stripe = getStripe();
  const stores = await storesFor(id, given);
  const ahead = namesAhead(stores);
  const { value, store } = await readInStores(stores, async (store) => {
    const on = optionsOf(store);
    // Independent reads go out together: the charge, its disputes and its warnings.
    const [charge, disputes, warnings] = await Promise.all([
      stripe.charges.retrieve(id, {}, on),
      stripe.disputes.list({ charge: id, limit: 10 }, on),
      stripe.radar.earlyFraudWarnings.list({ charge: id, limit: 10 }, on),
    ]);
    // Its review after (the charge names it). Not `expand: ['review']`: the emulator expands it from
    // the platform's store only, and a direct charge's review is the account's.
    const reviewId = idOf(charge.review);
    const review = reviewId ? await stripe.reviews.retrieve(reviewId, {}, on) : null;
    return { charge, review, disputes: disputes.data, warnings: warnings.data };
  });
  return { ...value, ...(await placeOf(chargeAccount(value.charge, store), store, ahead)) };
}

const expandedCharge = (charge: string | Stripe.Charge | null): Stripe.Charge | null => (charge && typeof charge === 'object' ? charge : null);

export async function getReviewDetail(id: string, given: string | null): Promise<ReviewDetailResult> {
  const stores = await storesFor(id, given);
  const ahead = namesAhead(stores);
  const { value: review, store } = await readInStores(stores, (store) => getStripe().reviews.retrieve(id, { expand: ['charge'] }, optionsOf(store)));
  return { review, ...(await placeOf(chargeAccount(expandedCharge(review.charge), store), store, ahead)) };
}

export async function getWarningDetail(id: string, given: string | null): Promise<WarningDetailResult> {
  const stores = await storesFor(id, given);
  const ahead = namesAhead(stores);
  const { value: warning, store } = await readInStores(stores, (store) => getStripe().radar.earlyFraudWarnings.retrieve(id, { expand: ['charge'] }, optionsOf(store)));
  return { warning, ...(await placeOf(chargeAccount(expandedCharge(warning.charge), store), store, ahead)) };
}
