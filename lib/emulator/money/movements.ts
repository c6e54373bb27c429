// How money moves between the platform and its connected accounts. Callers check every rule
// first (resources/*.ts); these functions then record the movement on both balances and make the
// objects that explain it, so a failed request never leaves half a movement behind.
//
// The model (each line is one balance transaction: owner, type, sign, source):
//
//   card charge on the platform      platform  charge                  +amount, fee = Stripe's  ch_
//   direct charge (Stripe-Account)   account   charge                  +amount, fee = Stripe's + application fee  ch_
//     with application_fee_amount    platform  application_fee         +fee                     fee_
//   destination charge               platform  charge                  +amount, fee = Stripe's  ch_
//     (transfer_data[destination])   platform  transfer                -transfer amount         tr_
//                                    account   payment                 +transfer amount, fee = application fee  py_
//     with application_fee_amount    platform  application_fee         +fee                     fee_
//   transfer                         platform  transfer                -amount                  tr_
//                                    account   payment                 +amount                  py_
//   transfer reversal                platform  transfer_refund         +amount                  trr_
//                                    account   payment_refund          -amount                  pyr_ (refund of the py_)
//   application fee refund           platform  application_fee_refund  -amount                  fr_
//                                    account   application_fee_refund  +amount                  fr_
//   charge refund (refunds.ts)       charge's owner  refund            -amount (Stripe's fee kept)  re_
//   dispute (disputes.ts)            charge's owner  adjustment        -amount, fee = dispute fee   dp_
//     won                            charge's owner  adjustment        +amount, fee = -dispute fee  dp_
//
// A destination charge with application_fee_amount transfers the FULL charge amount and the fee
// comes back to the platform, as Stripe documents ("the full charge amount is immediately
// transferred from the platform to the transfer_data[destination] account ... The
// application_fee_amount is then transferred back to the platform"); the destination keeps
// amount - fee (its payment's `net`). With transfer_data[amount] the transfer is that amount and
// no application fee exists.
//
// Availability: card funds are available 2 days after the charge (at once with
// tok_bypassPending). Money that follows a charge (its transfer, destination payment and
// application fee; a transfer with source_transaction) becomes available when the charge's funds
// do; a plain transfer is available at once. A reversal or fee refund returns money in the state it
// went: available at once, or when the funds it undoes become available if they are still pending.
import type Stripe from 'stripe';
import { PLATFORM, balanceOf } from '../core/ledger';
import type { Ctx } from '../core/router';
import type { World } from '../core/world';
import { later, record } from './common';
import { applicationFeeDetail } from './fees';
import { chargeObject, embeddedList } from './objects';
import { moneyId, paymentRefunds, platformApplication } from './store';

/** An owner's whole balance in a currency, available and pending together. */
export function totalIn(world: World, owner: string, currency: string, now: number): number {
  const b = balanceOf(world, owner, now);
  return (b.available[currency] ?? 0) + (b.pending[currency] ?? 0);
}

function availableOnOf(world: World, btId: string | Stripe.BalanceTransaction | null, now: number): number {
  const id = typeof btId === 'string' ? btId : btId?.id;
  const bt = id ? world.balanceTransactions.get(id) : undefined;
  return later(now, bt?.available_on ?? now);
}

export interface TransferSpec {
  amount: number;
  currency: string;
  destination: string;
  description: string | null;
  metadata: Stripe.Metadata;
  sourceTransaction: string | null;
  transferGroup: string | null;
  /** When the moved funds become available on both sides. */
  availableOn: number;
  /** When the destination payment's funds become available, when not `availableOn` (a destination charge: the destination's delay_days). */
  paymentAvailableOn?: number;
  /** A destination charge's application fee, taken from the destination payment. */
  applicationFee?: { id: string; amount: number };
}

/** Moves money from the platform to a connected account: the transfer and its destination payment. */
export function executeTransfer(ctx: Ctx, s: TransferSpec): Stripe.Transfer {
  const { world } = ctx;
  const now = ctx.now();
  const transferId = moneyId(world, 'tr');
  const paymentId = moneyId(world, 'py');
  const app = platformApplication(world);
  const platformBt = record(world, {
    owner: PLATFORM,
    amount: -s.amount,
    currency: s.currency,
    type: 'transfer',
    source: transferId,
    created: now,
    availableOn: s.availableOn,
    description: s.description,
  });
  const feeAmount = s.applicationFee?.amount ?? 0;
  const paymentBt = record(world, {
    owner: s.destination,
    amount: s.amount,
    currency: s.currency,
    type: 'payment',
    source: paymentId,
    created: now,
    availableOn: s.paymentAvailableOn ?? s.availableOn,
    fee: feeAmount,
    feeDetails: feeAmount > 0 ? [applicationFeeDetail(feeAmount, s.currency, app.id, app.name ?? 'Platform')] : [],
  });
  const payment = chargeObject({
    id: paymentId,
    amount: s.amount,
    currency: s.currency,
    created: now,
    livemode: ctx.mode === 'live',
    succeeded: true,
    balance_transaction: paymentBt.id,
    application: app.id,
    application_fee: s.applicationFee?.id ?? null,
    application_fee_amount: s.applicationFee?.amount ?? null,
    payment_method_details: { stripe_account: {}, type: 'stripe_account' } as Stripe.Charge.PaymentMethodDetails,
    source_transfer: transferId,
  });
  world.charges.insert(payment);
  world.chargeOwner.set(paymentId, s.destination);
  const transfer: Stripe.Transfer = {
    id: transferId,
    object: 'transfer',
    amount: s.amount,
    amount_reversed: 0,
    balance_transaction: platformBt.id,
    created: now,
    currency: s.currency,
    description: s.description,
    destination: s.destination,
    destination_payment: paymentId,
    livemode: ctx.mode === 'live',
    metadata: s.metadata,
    reversals: embeddedList<Stripe.TransferReversal>([], `/v1/transfers/${transferId}/reversals`),
    reversed: false,
    source_transaction: s.sourceTransaction,
    source_type: 'card',
    transfer_group: s.transferGroup,
  };
  world.transfers.insert(transfer);
  return transfer;
}

export interface FeeSpec {
  id: string;
  amount: number;
  currency: string;
  /** The connected account the fee was taken from. */
  account: string;
  /** The charge on that account the fee was taken from (a direct charge, or a destination payment). */
  charge: string;
  /** For destination charges, the platform's charge. */
  originatingTransaction: string | null;
  availableOn: number;
}

/** Credits the platform with an application fee and makes the fee object. */
export function collectApplicationFee(ctx: Ctx, s: FeeSpec): Stripe.ApplicationFee {
  const { world } = ctx;
  const now = ctx.now();
  const bt = record(world, { owner: PLATFORM, amount: s.amount, currency: s.currency, type: 'application_fee', source: s.id, created: now, availableOn: s.availableOn });
  const fee: Stripe.ApplicationFee = {
    id: s.id,
    object: 'application_fee',
    account: s.account,
    amount: s.amount,
    amount_refunded: 0,
    application: platformApplication(world).id,
    balance_transaction: bt.id,
    charge: s.charge,
    created: now,
    currency: s.currency,
    fee_source: { charge: s.charge, type: 'charge' },
    livemode: ctx.mode === 'live',
    originating_transaction: s.originatingTransaction,
    refunded: false,
    refunds: embeddedList<Stripe.FeeRefund>([], `/v1/application_fees/${s.id}/refunds`),
  };
  world.applicationFees.insert(fee);
  return fee;
}

/** Returns part of an application fee to the account it was taken from. */
export function executeFeeRefund(ctx: Ctx, fee: Stripe.ApplicationFee, amount: number, metadata: Stripe.Metadata): Stripe.FeeRefund {
  const { world } = ctx;
  const now = ctx.now();
  const id = moneyId(world, 'fr');
  const availableOn = availableOnOf(world, fee.balance_transaction, now);
  const account = typeof fee.account === 'string' ? fee.account : fee.account.id;
  const bt = record(world, { owner: PLATFORM, amount: -amount, currency: fee.currency, type: 'application_fee_refund', source: id, created: now, availableOn });
  record(world, { owner: account, amount, currency: fee.currency, type: 'application_fee_refund', source: id, created: now, availableOn });
  const refund: Stripe.FeeRefund = {
    id,
    object: 'fee_refund',
    amount,
    balance_transaction: bt.id,
    created: now,
    currency: fee.currency,
    fee: fee.id,
    metadata,
  };
  world.feeRefunds.insert(refund);
  const current = world.applicationFees.get(fee.id) ?? fee;
  const refunded = current.amount_refunded + amount;
  world.applicationFees.put({ ...current, amount_refunded: refunded, refunded: refunded === current.amount });
  return refund;
}

/** Takes part of a transfer back from its destination: the reversal, and the refund of the destination payment. */
export function executeReversal(ctx: Ctx, transfer: Stripe.Transfer, amount: number, metadata: Stripe.Metadata, sourceRefund: string | null = null): Stripe.TransferReversal {
  const { world } = ctx;
  const now = ctx.now();
  const id = moneyId(world, 'trr');
  const refundId = moneyId(world, 'pyr');
  const destination = typeof transfer.destination === 'string' ? transfer.destination : transfer.destination!.id;
  const paymentId = typeof transfer.destination_payment === 'string' ? transfer.destination_payment : transfer.destination_payment?.id;
  const availableOn = availableOnOf(world, transfer.balance_transaction, now);
  const platformBt = record(world, { owner: PLATFORM, amount, currency: transfer.currency, type: 'transfer_refund', source: id, created: now, availableOn });
  const accountBt = record(world, { owner: destination, amount: -amount, currency: transfer.currency, type: 'payment_refund', source: refundId, created: now, availableOn });
  const refund: Stripe.Refund = {
    id: refundId,
    object: 'refund',
    amount,
    balance_transaction: accountBt.id,
    charge: paymentId ?? null,
    created: now,
    currency: transfer.currency,
    customer: null,
    customer_account: null,
    metadata: {},
    payment_intent: null,
    payment_method: null,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: id,
    status: 'succeeded',
    transfer_reversal: null,
  };
  paymentRefunds(world).insert(refund);
  const payment = paymentId ? world.charges.get(paymentId) : undefined;
  if (payment) {
    const refunded = payment.amount_refunded + amount;
    world.charges.put({ ...payment, amount_refunded: refunded, refunded: refunded === payment.amount });
  }
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: platformBt.id,
    created: now,
    currency: transfer.currency,
    destination_payment_refund: refundId,
    metadata,
    source_refund: sourceRefund,
    transfer: transfer.id,
  };
  world.transferReversals.insert(reversal);
  const current = world.transfers.get(transfer.id) ?? transfer;
  const reversed = current.amount_reversed + amount;
  world.transfers.put({ ...current, amount_reversed: reversed, reversed: reversed === current.amount });
  return reversal;
}
