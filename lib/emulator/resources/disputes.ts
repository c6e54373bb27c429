// Disputes: list, retrieve, update (evidence, metadata, submit) and close (money/disputes.ts has
// the rules and the money). Stripe has no API to create one: the dispute test cards raise them.
// A dispute belongs to whoever owns its charge: the platform (its own and destination charges),
// or a connected account for direct charges (read with the Stripe-Account header).
import { z } from 'zod';
import { PLATFORM } from '../core/ledger';
import { bool, emptyableHash, expand, EXPAND_ONLY, hash, listParams, metadata, oneOf, parseParams, rangeFilter, str, unsettableStr } from '../core/params';
import type { Route } from '../core/router';
import { ownerOf } from '../money/common';
import { closeDispute, EVIDENCE_FIELDS, renderDispute, requireDispute, updateDispute, type EvidenceField } from '../money/disputes';
import { disputes } from '../money/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('dispute', ['charge', 'payment_intent']);
registerResolver('dp', (ctx, id) => renderDispute(ctx.world, requireDispute(ctx, id, 'expand')));

const text = () => unsettableStr({ max: 20000 }).optional();

const addressParams = hash({
  city: str().optional(),
  country: str().optional(),
  line1: str().optional(),
  line2: str().optional(),
  postal_code: str().optional(),
  state: str().optional(),
});

const customerIdentifiers = {
  customer_account_id: text(),
  customer_device_fingerprint: text(),
  customer_device_id: text(),
  customer_email_address: text(),
  customer_purchase_ip: text(),
  product_description: text(),
  shipping_address: addressParams.optional(),
};

/** DisputeUpdateParams.Evidence.EnhancedEvidence: accepted as Stripe takes it, not kept (see the README). */
const enhancedEvidence = emptyableHash({
  mastercard_compliance: hash({ fee_acknowledged: bool().optional() }).optional(),
  visa_compelling_evidence_3: hash({
    disputed_transaction: hash({ ...customerIdentifiers, merchandise_or_services: oneOf(['merchandise', 'services']).optional() }).optional(),
    prior_undisputed_transactions: z.array(hash({ charge: str(), ...customerIdentifiers })).optional(),
  }).optional(),
  visa_compliance: hash({ fee_acknowledged: bool().optional() }).optional(),
});

const appeal = emptyableHash({
  card: emptyableHash({ reason_for_filing: text(), supporting_files: z.union([z.literal(''), z.array(str())]).optional() }).optional(),
});

const evidenceParams = hash({
  ...(Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, text()])) as Record<EvidenceField, ReturnType<typeof text>>),
  appeal: appeal.optional(),
  enhanced_evidence: enhancedEvidence.optional(),
});

/** DisputeUpdateParams. */
const updateParams = hash({
  evidence: evidenceParams.optional(),
  expand: expand(),
  intended_submission_method: oneOf(['manual', 'prefer_manual', 'prefer_smart_disputes', 'smart_disputes']).optional(),
  metadata: metadata().optional(),
  submit: bool().optional(),
});

const listDisputeParams = hash({
  ...listParams,
  charge: str().optional(),
  payment_intent: str().optional(),
  created: rangeFilter().optional(),
});

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

export const disputeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/disputes',
    params: listDisputeParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listDisputeParams, ctx.params);
      const owner = ownerOf(ctx);
      const items = disputes(ctx.world).newestFirst(
        (d) =>
          (ctx.world.chargeOwner.get(idOf(d.charge) ?? '') ?? PLATFORM) === owner &&
          (p.charge === undefined || idOf(d.charge) === p.charge) &&
          (p.payment_intent === undefined || idOf(d.payment_intent) === p.payment_intent),
      );
      return listResponse(ctx, items, p, '/v1/disputes', (d) => renderDispute(ctx.world, d));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/disputes/:dispute',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { dispute }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderDispute(ctx.world, requireDispute(ctx, dispute)), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/disputes/:dispute',
    params: updateParams,
    object: 'dispute',
    connect: true,
    handler: (ctx, { dispute }) => {
      const p = parseParams(updateParams, ctx.params);
      const evidence = p.evidence ? Object.fromEntries(EVIDENCE_FIELDS.filter((f) => p.evidence![f] !== undefined).map((f) => [f, p.evidence![f] ?? null])) : undefined;
      const next = updateDispute(ctx, dispute, {
        ...(evidence !== undefined ? { evidence } : {}),
        ...(p.metadata !== undefined ? { metadata: p.metadata } : {}),
        ...(p.submit !== undefined ? { submit: p.submit } : {}),
        ...(p.intended_submission_method !== undefined ? { intended_submission_method: p.intended_submission_method } : {}),
      });
      return expandObject(ctx, renderDispute(ctx.world, next), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/disputes/:dispute/close',
    params: EXPAND_ONLY,
    object: 'dispute',
    connect: true,
    handler: (ctx, { dispute }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderDispute(ctx.world, closeDispute(ctx, dispute)), p.expand);
    },
  },
];
