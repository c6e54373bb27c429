// Payout reversals (`POST /v1/payouts/:id/reverse`, with Stripe-Account), as Stripe documents them
// (docs.stripe.com/api/payouts/reverse, docs.stripe.com/connect/payout-reversals): the destination
// bank account is debited back into the connected account's balance by a new payout of the
// opposite sign, `original_payout` naming the payout it reverses, whose `reversed_by` names it.
// Only a connected account's payout to a US or Canadian bank account (the pinned SDK's words: "you
// can only reverse payouts for connected accounts to US and Canadian bank accounts"), standard,
// paid, expected to arrive less than 90 days ago, and not reversed yet. The reversal then lives
// as any manual payout does (pending, in_transit, paid), its credit available when it arrives.
import type Stripe from 'stripe';
import { invalidRequest } from '../core/errors';
import { mergeMetadata } from '../core/params';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { PLATFORM } from '../core/ledger';
import type { Ctx } from '../core/router';
import { ownerOf } from './common';
import { makePayout, payoutFacts, payouts, requirePayout } from './payouts';

/** Stripe reverses a payout expected to arrive less than this long ago. */
export const REVERSAL_WINDOW = 90 * 86_400;
/** Countries whose bank accounts' payouts can be reversed. */
const REVERSIBLE_COUNTRIES = ['US', 'CA'];

/** Why a payout cannot be reversed (our wording, except the pointer to cancel, which is Stripe's reference), or null. */
function refusal(ctx: Ctx, payout: Stripe.Payout): string | null {
  const id = payout.id;
  if (ownerOf(ctx) === PLATFORM) return `Payout ${id} was paid out of the platform's own balance: only payouts of connected accounts can be reversed.`;
  if (payout.original_payout) return `Payout ${id} is itself a payout reversal: it cannot be reversed.`;
  if (payout.reversed_by) return `Payout ${id} has already been reversed by ${String(payout.reversed_by)}.`;
  if (payout.status === 'pending' && !payout.automatic) return `Payout ${id} is pending: use /v1/payouts/:id/cancel instead.`;
  if (payout.status !== 'paid') return `Payout ${id} has status '${payout.status}': only paid payouts can be reversed.`;
  if (payout.method === 'instant' || payout.type !== 'bank_account') return `Payout ${id} went to a debit card or was an Instant Payout: only standard payouts to bank accounts can be reversed.`;
  const bank = typeof payout.destination === 'string' ? ctx.world.externalAccounts.get(payout.destination) : undefined;
  if (!bank || bank.object !== 'bank_account' || !REVERSIBLE_COUNTRIES.includes(bank.country ?? '')) {
    return `Payout ${id} went to a bank account outside the US and Canada: only payouts to US and Canadian bank accounts can be reversed.`;
  }
  if (ctx.now() - payout.arrival_date >= REVERSAL_WINDOW) return `Payout ${id} arrived 90 days ago or more: it can no longer be reversed.`;
  return null;
}

/** Reverses a paid payout of the request's connected account: answers the reversing payout. */
export function reversePayout(ctx: Ctx, id: string, p: { metadata?: Record<string, string> | null }, opts: { random?: RandomSource } = {}): Stripe.Payout {
  const world = ctx.world;
  const original = requirePayout(ctx, id);
  const why = refusal(ctx, original);
  if (why) throw invalidRequest(why);
  const destination = original.destination as string;
  const random = opts.random ?? cryptoRandom;
  // The original names its reversal first (payout.updated), then the reversal is made (payout.created), as Stripe tells them.
  const reversalId = makeId('po', random);
  payouts(world).put({ ...original, reversed_by: reversalId });
  return makePayout(
    world,
    {
      owner: payoutFacts(world).get(id)!.owner,
      amount: original.amount,
      currency: original.currency,
      destination: { id: destination, object: 'bank_account', instant: false, failure: null },
      automatic: false,
      instant: false,
      created: ctx.now(),
      description: null,
      statementDescriptor: null,
      metadata: mergeMetadata({}, p.metadata),
      originalPayout: id,
      id: reversalId,
    },
    random,
  );
}
