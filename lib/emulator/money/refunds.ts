// Charge refunds under Stripe's rules (POST /v1/refunds): all that is left when no amount is
// given, never more than is left, not on a charge that was charged back. A refund debits the
// balance that took the charge (the platform for its own and destination charges, the connected
// account for direct charges); Stripe's processing fee is not returned. On a destination charge
// `reverse_transfer` takes the same share of the transfer back from the destination (through a
// transfer reversal), and `refund_application_fee` gives the same share of the application fee
// back (through a fee refund): all that is left of each when the charge is refunded in full.
// Refunding an uncaptured charge releases its authorization: no money moves.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { PLATFORM } from '../core/ledger';
import type { Ctx } from '../core/router';
import { ownerOf, record } from './common';
import { formatAmount } from './currencies';
import { executeFeeRefund, executeReversal } from './movements';
import { authorizations, disputes, moneyId, paymentRefunds } from './store';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface NewRefund {
  charge?: string;
  payment_intent?: string;
  /** Defaults to all that is left of the charge. */
  amount?: number;
  reason?: RefundReason;
  metadata?: Stripe.Metadata | null;
  refund_application_fee?: boolean;
  reverse_transfer?: boolean;
}

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/** A charge's chargeback still stands (an inquiry does not stop a refund). */
export function chargedBack(ctx: Ctx, chargeId: string): boolean {
  return disputes(ctx.world)
    .newestFirstIn(chargeId)
    .some((d) => !d.status.startsWith('warning_') && d.status !== 'won');
}

/** The share of `total` a refund of `amount` out of `chargeAmount` brings (half up), never more than `left`; all that is left when the charge is refunded in full. */
export function proportionalShare(total: number, left: number, amount: number, chargeAmount: number, full: boolean): number {
  if (full) return left;
  return Math.min(left, Math.round((total * amount) / chargeAmount));
}

function refundable(ctx: Ctx, p: NewRefund): Stripe.Charge {
  if (p.payment_intent !== undefined) {
    // The emulator keeps no PaymentIntents (README: Known differences).
    throw invalidRequest(`No such payment_intent: '${p.payment_intent}'`, { param: 'payment_intent', code: 'resource_missing' });
  }
  if (p.charge === undefined) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { param: 'charge', code: 'parameter_missing' });
  const charge = ctx.world.charges.get(p.charge);
  if (!charge || (ctx.world.chargeOwner.get(p.charge) ?? PLATFORM) !== ownerOf(ctx)) {
    throw invalidRequest(`No such charge: '${p.charge}'`, { param: 'charge', code: 'resource_missing' });
  }
  if (charge.source_transfer) {
    throw invalidRequest(`Charge ${charge.id} is a payment made by a transfer: reverse the transfer (${idOf(charge.source_transfer)}) instead.`, { param: 'charge' });
  }
  if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} did not succeed: there is nothing to refund.`, { param: 'charge' });
  if (chargedBack(ctx, charge.id)) throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, { code: 'charge_disputed' });
  return charge;
}

/** Refunds a charge (in full or in part) under every rule of POST /v1/refunds. */
export function createRefund(ctx: Ctx, p: NewRefund): Stripe.Refund {
  const { world } = ctx;
  const charge = refundable(ctx, p);
  const left = charge.amount - charge.amount_refunded;
  if (left <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = p.amount ?? left;
  if (amount > left) {
    const what = charge.amount_refunded === 0 ? 'charge amount' : 'unrefunded amount on charge';
    // Stripe's words (the amounts without their currency code).
    const money = (n: number) => formatAmount(n, charge.currency, { code: false });
    throw invalidRequest(`Refund amount (${money(amount)}) is greater than ${what} (${money(left)})`, { param: 'amount' });
  }
  const transfer = p.reverse_transfer ? world.transfers.get(idOf(charge.transfer) ?? '') : undefined;
  if (p.reverse_transfer && !transfer) {
    throw invalidRequest(`Charge ${charge.id} has no transfer to reverse: reverse_transfer applies to destination charges only.`, { param: 'reverse_transfer' });
  }
  const uncaptured = !charge.captured;
  if (uncaptured && amount !== charge.amount) {
    throw invalidRequest(`Charge ${charge.id} is not captured: refunding it releases the whole authorization, so amount must be omitted or ${formatAmount(charge.amount, charge.currency)}.`, { param: 'amount' });
  }
  const now = ctx.now();
  const id = moneyId(world, 're');
  const owner = world.chargeOwner.get(charge.id) ?? PLATFORM;
  const full = charge.amount_refunded + amount === charge.amount;
  // Shares are of what was captured (a partial capture's released rest counts as refunded already).
  const base = charge.amount_captured || charge.amount;
  let balanceTransaction: string | null = null;
  let reversal: Stripe.TransferReversal | null = null;
  if (uncaptured) {
    authorizations(world).delete(charge.id);
  } else {
    const chargeBt = world.balanceTransactions.get(idOf(charge.balance_transaction) ?? '');
    // Money goes back in the state it came: at once, or when the charge's funds become available.
    const availableOn = Math.max(now, chargeBt?.available_on ?? now);
    balanceTransaction = record(world, { owner, amount: -amount, currency: charge.currency, type: 'refund', source: id, created: now, availableOn }).id;
    if (transfer) {
      const tLeft = transfer.amount - transfer.amount_reversed;
      const share = proportionalShare(transfer.amount, tLeft, amount, base, full);
      if (share > 0) reversal = executeReversal(ctx, transfer, share, {}, id);
    }
    const fee = p.refund_application_fee ? world.applicationFees.get(idOf(charge.application_fee) ?? '') : undefined;
    if (fee) {
      const share = proportionalShare(fee.amount, fee.amount - fee.amount_refunded, amount, base, full);
      if (share > 0) executeFeeRefund(ctx, fee, share, {});
    }
  }
  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: balanceTransaction,
    charge: charge.id,
    created: now,
    currency: charge.currency,
    customer: null,
    customer_account: null,
    destination_details: { card: { type: uncaptured ? 'reversal' : 'refund' }, type: 'card' },
    metadata: p.metadata ?? {},
    payment_intent: null,
    payment_method: charge.payment_method,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: reversal?.id ?? null,
  };
  paymentRefunds(world).insert(refund);
  const current = world.charges.get(charge.id) ?? charge;
  const refunded = current.amount_refunded + amount;
  // An inquiry's `is_charge_refundable` follows its charge: stored (before the charge changes, so the
  // change is seen and told: charge.dispute.updated).
  if (refunded === current.amount) {
    for (const d of disputes(world).newestFirstIn(charge.id)) if (d.is_charge_refundable) disputes(world).put({ ...d, is_charge_refundable: false });
  }
  world.charges.put({ ...current, amount_refunded: refunded, refunded: refunded === current.amount });
  return refund;
}

/** A refund of a charge the request's account owns, or Stripe's 404. */
export function requireRefund(ctx: Ctx, id: string, param = 'id'): Stripe.Refund {
  const refund = paymentRefunds(ctx.world).get(id);
  if (!refund || (ctx.world.chargeOwner.get(idOf(refund.charge) ?? '') ?? PLATFORM) !== ownerOf(ctx)) throw noSuch('refund', id, param);
  return refund;
}

/** Stripe cancels only refunds waiting for an action (`requires_action`); a card refund has already succeeded. */
export function cancelRefund(ctx: Ctx, id: string): Stripe.Refund {
  const refund = requireRefund(ctx, id);
  throw invalidRequest(`Refund ${refund.id} cannot be canceled because it has a status of ${refund.status ?? 'unknown'}: only a refund with status requires_action can be canceled.`);
}
