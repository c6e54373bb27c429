// Transfers to connected accounts and their reversals, under Stripe's rules: a transfer is paid
// from the platform's available balance (or from a charge's funds with `source_transaction`); a
// reversal never takes back more than is left, can refund the application fee in proportion,
// and, for a transfer that is not a destination charge's, needs the destination to hold enough.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { availableIn, PLATFORM } from '../core/ledger';
import type { Ctx } from '../core/router';
import { requireConnected, requireTransfersCapability } from './common';
import { checkMaximum, formatAmount, parseCurrency } from './currencies';
import { executeFeeRefund, executeReversal, executeTransfer, totalIn } from './movements';

export interface NewTransfer {
  amount: number;
  currency: string;
  destination: string;
  description?: string | null;
  metadata?: Stripe.Metadata | null;
  /** A platform charge whose funds pay for the transfer (they may still be pending). */
  source_transaction?: string;
  transfer_group?: string;
}

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/** The message Stripe gives in test mode when the available balance cannot cover a transfer. */
export const INSUFFICIENT_FUNDS =
  'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance';

function sourceCharge(ctx: Ctx, id: string, currency: string, amount: number): Stripe.Charge {
  const charge = ctx.world.charges.get(id);
  if (!charge || (ctx.world.chargeOwner.get(id) ?? PLATFORM) !== PLATFORM) {
    throw invalidRequest(`No such charge: '${id}'`, { param: 'source_transaction', code: 'resource_missing' });
  }
  if (charge.status !== 'succeeded' || !charge.captured) {
    throw invalidRequest(`The charge ${id} has not been captured: only a captured charge's funds can pay for a transfer.`, { param: 'source_transaction' });
  }
  if (charge.transfer_data) {
    throw invalidRequest(`The charge ${id} is a destination charge: its funds were already transferred to ${idOf(charge.transfer_data.destination)}.`, { param: 'source_transaction' });
  }
  if (charge.currency !== currency) {
    throw invalidRequest(`The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency}).`, { param: 'currency' });
  }
  const used = ctx.world.transfers.values().filter((t) => t.source_transaction === id).reduce((sum, t) => sum + t.amount, 0);
  const left = charge.amount_captured - charge.amount_refunded - used;
  if (amount > left) {
    throw invalidRequest(`The transfer amount (${formatAmount(amount, currency)}) exceeds what is left of the source transaction ${id} (${formatAmount(left, currency)}).`, {
      param: 'amount',
      code: 'balance_insufficient',
    });
  }
  return charge;
}

/** Creates a transfer under every rule of POST /v1/transfers. */
export function createTransfer(ctx: Ctx, input: NewTransfer): Stripe.Transfer {
  const currency = parseCurrency(input.currency);
  checkMaximum(input.amount, currency);
  requireConnected(ctx, input.destination, 'destination');
  requireTransfersCapability(ctx, input.destination, 'destination');
  const now = ctx.now();
  let availableOn = now;
  if (input.source_transaction !== undefined) {
    const charge = sourceCharge(ctx, input.source_transaction, currency, input.amount);
    // Funds from a charge reach both sides when the charge's funds become available.
    availableOn = Math.max(now, ctx.world.balanceTransactions.get(idOf(charge.balance_transaction) ?? '')?.available_on ?? now);
  } else if (availableIn(ctx.world, PLATFORM, currency, now) < input.amount) {
    throw invalidRequest(INSUFFICIENT_FUNDS, { code: 'balance_insufficient' });
  }
  return executeTransfer(ctx, {
    amount: input.amount,
    currency,
    destination: input.destination,
    description: input.description ?? null,
    metadata: input.metadata ?? {},
    sourceTransaction: input.source_transaction ?? null,
    transferGroup: input.transfer_group ?? null,
    availableOn,
  });
}

export function requireTransfer(ctx: Ctx, id: string, param = 'id'): Stripe.Transfer {
  const transfer = ctx.world.transfers.get(id);
  if (!transfer) throw noSuch('transfer', id, param);
  return transfer;
}

/** The destination charge a transfer was made for, if it was. */
function destinationChargeOf(ctx: Ctx, transfer: Stripe.Transfer): Stripe.Charge | null {
  const charge = ctx.world.charges.get(idOf(transfer.source_transaction) ?? '');
  return charge && idOf(charge.transfer) === transfer.id ? charge : null;
}

export interface NewReversal {
  /** Defaults to all that is left of the transfer. */
  amount?: number;
  /** Also refund the destination charge's application fee, in proportion to the amount reversed. */
  refund_application_fee?: boolean;
  /** Accepted as Stripe does (shown in its Dashboard); the reversal object has no field for it. */
  description?: string | null;
  metadata?: Stripe.Metadata | null;
}

/** The application fee refund a reversal brings: all that is left when the transfer is fully reversed, else its share. */
function feeShare(fee: Stripe.ApplicationFee, transfer: Stripe.Transfer, amount: number): number {
  const left = fee.amount - fee.amount_refunded;
  if (transfer.amount_reversed + amount >= transfer.amount) return left;
  return Math.min(left, Math.round((fee.amount * amount) / transfer.amount));
}

/** Reverses a transfer (in full or in part) under every rule of POST /v1/transfers/:id/reversals. */
export function createReversal(ctx: Ctx, transferId: string, p: NewReversal): Stripe.TransferReversal {
  const transfer = requireTransfer(ctx, transferId);
  const left = transfer.amount - transfer.amount_reversed;
  if (left <= 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, { code: 'transfer_already_reversed' });
  const amount = p.amount ?? left;
  if (amount > left) {
    throw invalidRequest(
      `You cannot reverse ${formatAmount(amount, transfer.currency)}: only ${formatAmount(left, transfer.currency)} of transfer ${transfer.id} is left to reverse.`,
      { param: 'amount' },
    );
  }
  const destination = idOf(transfer.destination) ?? '';
  const charge = destinationChargeOf(ctx, transfer);
  if (!charge) {
    // Stripe: a separate transfer can be reversed only if the destination has the balance to cover it.
    const has = totalIn(ctx.world, destination, transfer.currency, ctx.now());
    if (has < amount) {
      throw invalidRequest(
        `The destination account ${destination} has ${formatAmount(has, transfer.currency)}, not enough to cover a reversal of ${formatAmount(amount, transfer.currency)}.`,
        { param: 'amount', code: 'balance_insufficient' },
      );
    }
  }
  const fee = p.refund_application_fee && charge ? ctx.world.applicationFees.get(idOf(charge.application_fee) ?? '') : undefined;
  const feeRefund = fee ? feeShare(fee, transfer, amount) : 0;
  const reversal = executeReversal(ctx, transfer, amount, p.metadata ?? {});
  if (fee && feeRefund > 0) executeFeeRefund(ctx, fee, feeRefund, {});
  return reversal;
}

export function requireReversal(ctx: Ctx, transferId: string, id: string): Stripe.TransferReversal {
  requireTransfer(ctx, transferId);
  const reversal = ctx.world.transferReversals.get(id);
  if (!reversal || idOf(reversal.transfer) !== transferId) throw noSuch('transfer reversal', id);
  return reversal;
}
