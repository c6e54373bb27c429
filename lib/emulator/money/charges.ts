// Card charges with Stripe's Connect flows (see movements.ts for the balance transactions):
// a platform charge, a destination charge (`transfer_data[destination]`: its transfer and
// application fee follow at once), and a direct charge made with the Stripe-Account header
// (`application_fee_amount` collected for the platform). The rules are checked before anything
// moves; a declined card leaves a failed charge and moves nothing. Uncaptured charges
// (`capture: false`) move money only when captured.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { PLATFORM } from '../core/ledger';
import type { Ctx } from '../core/router';
import { createEarlyFraudWarning, openReview } from '../resources/radar';
import { cardDetails, cardForSource, cardObject, declineError, outcomeOf, type TestCard } from './cards';
import { ownerOf, record, requireCardPayments, requireConnected, requireTransfersCapability } from './common';
import { checkChargeAmount, checkMaximum, formatAmount, parseCurrency } from './currencies';
import { applicationFeeDetail, stripeFee, stripeFeeDetail } from './fees';
import { cardFundsDelay } from './delay';
import { raiseDispute } from './disputes';
import { collectApplicationFee, executeTransfer } from './movements';
import { calculatedDescriptor, chargeObject, descriptorFrom } from './objects';
import { authorizations, moneyId, platformApplication, type Authorization } from './store';

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/** Card funds reach the available balance two days after the charge. */
export const PENDING_SECONDS = 2 * 86400;
/** An uncaptured card charge can be captured for seven days. */
export const AUTHORIZATION_SECONDS = 7 * 86400;

export interface NewCharge {
  amount: number;
  currency: string;
  /** A test token (`tok_visa`, `tok_bypassPending`, `tok_chargeDeclined`, ...). */
  source: string;
  description?: string | null;
  metadata?: Stripe.Metadata | null;
  application_fee_amount?: number;
  /** `description` is the description of the transfer the charge makes. */
  transfer_data?: { destination: string; amount?: number; description?: string };
  on_behalf_of?: string;
  transfer_group?: string;
  statement_descriptor?: string;
  statement_descriptor_suffix?: string;
  receipt_email?: string;
  shipping?: Stripe.Charge.Shipping;
  /** false: authorize only; POST /v1/charges/:id/capture moves the money. */
  capture?: boolean;
}

/** The rules a charge's Connect parameters must meet; answers the owner of the charge's funds. */
function checkConnect(ctx: Ctx, p: NewCharge): string {
  const owner = ownerOf(ctx);
  const fee = p.application_fee_amount;
  if (owner !== PLATFORM) {
    // A direct charge: made on the connected account itself.
    if (p.transfer_data) throw invalidRequest('transfer_data cannot be used on a charge made with the Stripe-Account header (a direct charge).', { param: 'transfer_data' });
    if (p.on_behalf_of) throw invalidRequest('on_behalf_of cannot be used on a charge made with the Stripe-Account header (a direct charge).', { param: 'on_behalf_of' });
    requireCardPayments(ctx, owner);
  } else if (fee !== undefined && !p.transfer_data) {
    throw invalidRequest(
      'Can only apply an application_fee_amount when the request is made on behalf of another account (using an OAuth key, the Stripe-Account header, or the transfer_data[destination] parameter).',
      { param: 'application_fee_amount' },
    );
  }
  if (fee !== undefined && fee > p.amount) {
    throw invalidRequest(`The application fee (${formatAmount(fee, p.currency)}) cannot exceed the charge amount (${formatAmount(p.amount, p.currency)}).`, { param: 'application_fee_amount' });
  }
  if (p.transfer_data) {
    const { destination, amount } = p.transfer_data;
    requireConnected(ctx, destination, 'transfer_data[destination]');
    requireTransfersCapability(ctx, destination, 'transfer_data[destination]');
    if (amount !== undefined) {
      if (fee !== undefined) throw invalidRequest('You cannot specify both application_fee_amount and transfer_data[amount]: the platform keeps what it does not transfer.', { param: 'transfer_data[amount]' });
      if (amount > p.amount) {
        throw invalidRequest(`transfer_data[amount] (${formatAmount(amount, p.currency)}) cannot exceed the charge amount (${formatAmount(p.amount, p.currency)}).`, { param: 'transfer_data[amount]' });
      }
    }
  }
  if (p.on_behalf_of) {
    requireConnected(ctx, p.on_behalf_of, 'on_behalf_of', 'account');
    if (p.transfer_data && p.transfer_data.destination !== p.on_behalf_of) {
      throw invalidRequest('The on_behalf_of account must be the same as transfer_data[destination].', { param: 'on_behalf_of' });
    }
    requireCardPayments(ctx, p.on_behalf_of, 'on_behalf_of');
  }
  return owner;
}

/** The descriptor the customer's statement shows: the settlement merchant's, with the suffix. */
function statementDescriptor(ctx: Ctx, owner: string, p: Pick<NewCharge, 'on_behalf_of' | 'statement_descriptor' | 'statement_descriptor_suffix'>): string {
  const merchantId = p.on_behalf_of ?? (owner === PLATFORM ? null : owner);
  const merchant = merchantId ? ctx.world.accounts.get(merchantId) : ctx.world.platform;
  const own = merchant?.settings?.payments?.statement_descriptor ?? null;
  const base = p.statement_descriptor ?? own ?? descriptorFrom(merchant?.business_profile?.name, 'STRIPE EMULATOR');
  return calculatedDescriptor(base, p.statement_descriptor_suffix);
}

/** Creates a charge under every rule of POST /v1/charges; a declined card throws Stripe's 402 after storing the failed charge. */
export function createCharge(ctx: Ctx, input: NewCharge): Stripe.Charge {
  const { world } = ctx;
  const p = { ...input, currency: parseCurrency(input.currency) };
  checkChargeAmount(p.amount, p.currency);
  if (p.application_fee_amount !== undefined) checkMaximum(p.application_fee_amount, p.currency, 'application_fee_amount');
  const owner = checkConnect(ctx, p);
  const card = cardForSource(p.source, ctx.mode);
  const now = ctx.now();
  const id = moneyId(world, 'ch');
  const source = cardObject(card, now, moneyId(world, 'card'));
  const succeeded = !card.decline;
  const charge = chargeObject({
    id,
    amount: p.amount,
    currency: p.currency,
    created: now,
    livemode: ctx.mode === 'live',
    succeeded,
    balance_transaction: null,
    description: p.description ?? null,
    metadata: p.metadata ?? {},
    application_fee_amount: p.application_fee_amount ?? null,
    on_behalf_of: p.on_behalf_of ?? null,
    transfer_data: p.transfer_data ? { destination: p.transfer_data.destination, amount: p.transfer_data.amount ?? null } : null,
    // A destination charge gets a group (group_<charge id>) when its transfer is made, if it has none: see settle().
    transfer_group: p.transfer_group ?? null,
    source,
    payment_method: source.id,
    payment_method_details: cardDetails(card, source, p.amount, succeeded),
    outcome: outcomeOf(card),
    failure_code: card.decline?.code ?? null,
    failure_message: card.decline?.message ?? null,
    statement_descriptor: p.statement_descriptor ?? null,
    statement_descriptor_suffix: p.statement_descriptor_suffix ?? null,
    calculated_statement_descriptor: succeeded ? statementDescriptor(ctx, owner, p) : null,
    receipt_email: p.receipt_email ?? null,
    shipping: p.shipping ?? null,
  });
  const auth: Authorization = {
    owner,
    bypassPending: card.bypassPending ?? false,
    transferData: p.transfer_data ? { destination: p.transfer_data.destination, amount: p.transfer_data.amount ?? null, description: p.transfer_data.description ?? null } : null,
    applicationFeeAmount: p.application_fee_amount ?? null,
    expiresAt: now + AUTHORIZATION_SECONDS,
  };
  world.chargeOwner.set(id, owner);
  if (!succeeded) {
    world.charges.insert(charge);
    throw declineError(card.decline!, id);
  }
  if (p.capture === false) {
    world.charges.insert({ ...charge, captured: false, amount_captured: 0 });
    authorizations(world).set(id, auth);
  } else {
    world.charges.insert(settle(ctx, charge, p.amount, auth));
  }
  raiseRadarSignals(ctx, id, card);
  // The answer is the charge as it succeeded: its dispute comes just after (see disputes.ts).
  const answer = world.charges.get(id)!;
  if (card.dispute) {
    if (p.capture === false) authorizations(world).get(id)!.dispute = card.dispute;
    else raiseDispute(ctx, id, card.dispute);
  }
  return answer;
}

/** What Radar and the issuer do after a test card's charge succeeds (docs.stripe.com/radar/testing). */
function raiseRadarSignals(ctx: Ctx, chargeId: string, card: TestCard): void {
  if (card.risk === 'elevated') openReview(ctx.world, { charge: chargeId, opened_reason: 'rule' });
  if (card.earlyFraudWarning) createEarlyFraudWarning(ctx.world, { charge: chargeId, fraud_type: 'made_with_stolen_card' });
}

/**
 * Moves a charge's captured funds: its balance transaction, and for Connect charges the
 * transfer, the destination payment and the application fee. Answers the charge to store.
 */
function settle(ctx: Ctx, charge: Stripe.Charge, captured: number, a: Authorization): Stripe.Charge {
  const { world } = ctx;
  const now = ctx.now();
  // The funds wait the owner's delay_days (tok_bypassPending: none); on a connected account, its own.
  const availableOn = a.bypassPending ? now : now + (a.owner === PLATFORM ? PENDING_SECONDS : cardFundsDelay(world, a.owner));
  const currency = charge.currency;
  const stripe = stripeFee(captured, currency);
  const fee = a.applicationFeeAmount !== null && a.applicationFeeAmount > 0 ? Math.min(a.applicationFeeAmount, captured) : 0;
  const app = platformApplication(world);
  const direct = a.owner !== PLATFORM;
  const bt = record(world, {
    owner: a.owner,
    amount: captured,
    currency,
    type: 'charge',
    source: charge.id,
    created: now,
    availableOn,
    description: charge.description,
    fee: stripe + (direct ? fee : 0),
    feeDetails: [
      ...(direct && fee > 0 ? [applicationFeeDetail(fee, currency, app.id, app.name ?? 'Platform')] : []),
      ...(stripe > 0 ? [stripeFeeDetail(stripe, currency)] : []),
    ],
  });
  const next: Stripe.Charge = { ...charge, balance_transaction: bt.id, captured: true, amount_captured: captured, amount_refunded: charge.amount - captured };
  if (direct) {
    if (fee > 0) {
      const f = collectApplicationFee(ctx, { id: moneyId(world, 'fee'), amount: fee, currency, account: a.owner, charge: charge.id, originatingTransaction: null, availableOn });
      Object.assign(next, { application: app.id, application_fee: f.id, application_fee_amount: fee });
    }
    return next;
  }
  if (a.transferData) {
    const feeId = fee > 0 ? moneyId(world, 'fee') : null;
    // Destination charges group their charge and transfer, as Stripe does when none is given.
    next.transfer_group ??= `group_${charge.id}`;
    const transfer = executeTransfer(ctx, {
      amount: a.transferData.amount ?? captured,
      currency,
      destination: a.transferData.destination,
      description: a.transferData.description,
      metadata: {},
      sourceTransaction: charge.id,
      transferGroup: next.transfer_group,
      availableOn,
      paymentAvailableOn: a.bypassPending ? now : now + cardFundsDelay(world, a.transferData.destination),
      ...(feeId ? { applicationFee: { id: feeId, amount: fee } } : {}),
    });
    next.transfer = transfer.id;
    if (feeId) {
      const payment = transfer.destination_payment as string;
      collectApplicationFee(ctx, { id: feeId, amount: fee, currency, account: a.transferData.destination, charge: payment, originatingTransaction: charge.id, availableOn });
      // The platform's own charge names the fee but no application (it made the charge itself).
      Object.assign(next, { application_fee: feeId, application_fee_amount: fee });
    }
  }
  return next;
}

export interface CaptureParams {
  amount?: number;
  application_fee_amount?: number;
  receipt_email?: string;
  statement_descriptor?: string;
  statement_descriptor_suffix?: string;
  /** Only for destination charges: what the transfer carries (instead of the amount given at creation). */
  transfer_data?: { amount?: number };
  /** Only when the charge has no transfer_group yet. */
  transfer_group?: string;
}

/** Captures an authorized charge (all of it, or `amount`; the rest is released as Stripe does). */
export function captureCharge(ctx: Ctx, id: string, p: CaptureParams): Stripe.Charge {
  const { world } = ctx;
  const charge = world.charges.get(id);
  if (!charge || (world.chargeOwner.get(id) ?? PLATFORM) !== ownerOf(ctx)) throw noSuch('charge', id);
  const auth = authorizations(world).get(id);
  if (charge.refunded && !charge.captured) throw invalidRequest(`Charge ${id} has already been refunded.`, { code: 'charge_already_refunded' });
  if (charge.captured || !auth) throw invalidRequest(`Charge ${id} has already been captured.`, { code: 'charge_already_captured' });
  if (ctx.now() > auth.expiresAt) {
    // Stripe's description of this code in its error-code reference (docs.stripe.com/error-codes), as client libraries quote it.
    throw invalidRequest('The charge cannot be captured as the authorization has expired. Auth and capture charges must be captured within seven days.', {
      code: 'charge_expired_for_capture',
    });
  }
  const amount = p.amount ?? charge.amount;
  if (amount > charge.amount) {
    throw invalidRequest(`You cannot capture more than the charge's amount (${formatAmount(charge.amount, charge.currency)}).`, { param: 'amount', code: 'amount_too_large' });
  }
  checkChargeAmount(amount, charge.currency);
  const fee = p.application_fee_amount ?? auth.applicationFeeAmount;
  if (p.application_fee_amount !== undefined && auth.owner === PLATFORM && !auth.transferData) {
    throw invalidRequest('Can only apply an application_fee_amount when the charge was made on behalf of another account.', { param: 'application_fee_amount' });
  }
  if (fee !== null && fee > amount) throw invalidRequest('The application fee cannot exceed the amount captured.', { param: 'application_fee_amount' });
  let transferData = auth.transferData;
  if (p.transfer_data?.amount !== undefined) {
    if (!transferData) throw invalidRequest('transfer_data[amount] can only be given when capturing a charge made with transfer_data[destination].', { param: 'transfer_data[amount]' });
    if (fee !== null) throw invalidRequest('You cannot specify both application_fee_amount and transfer_data[amount]: the platform keeps what it does not transfer.', { param: 'transfer_data[amount]' });
    transferData = { ...transferData, amount: p.transfer_data.amount };
  }
  if (transferData?.amount != null && transferData.amount > amount) {
    throw invalidRequest('The amount captured cannot be less than transfer_data[amount].', { param: p.transfer_data?.amount !== undefined ? 'transfer_data[amount]' : 'amount' });
  }
  if (p.transfer_group !== undefined && charge.transfer_group !== null && charge.transfer_group !== p.transfer_group) {
    throw invalidRequest(`The charge ${id} already has a transfer_group (${charge.transfer_group}): transfer_group may only be provided if it has not been set.`, { param: 'transfer_group' });
  }
  const suffix = p.statement_descriptor_suffix ?? charge.statement_descriptor_suffix ?? undefined;
  const descriptor = p.statement_descriptor ?? charge.statement_descriptor ?? undefined;
  const updated: Stripe.Charge = {
    ...charge,
    ...(p.receipt_email !== undefined ? { receipt_email: p.receipt_email } : {}),
    ...(p.transfer_group !== undefined ? { transfer_group: p.transfer_group } : {}),
    ...(transferData ? { transfer_data: { destination: transferData.destination, amount: transferData.amount } } : {}),
    statement_descriptor: descriptor ?? null,
    statement_descriptor_suffix: suffix ?? null,
    calculated_statement_descriptor: statementDescriptor(ctx, auth.owner, {
      on_behalf_of: idOf(charge.on_behalf_of) ?? undefined,
      statement_descriptor: descriptor,
      statement_descriptor_suffix: suffix,
    }),
  };
  authorizations(world).delete(id);
  const next = settle(ctx, updated, amount, { ...auth, transferData, applicationFeeAmount: fee });
  world.charges.put(next);
  if (auth.dispute) raiseDispute(ctx, id, auth.dispute);
  return next;
}
