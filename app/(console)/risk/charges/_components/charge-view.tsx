'use client';
// One charge as ops read it for risk: what was paid and what is left of it, whose it is and how
// (destination or direct), Radar's outcome, the card and its checks, its refunds, its dispute, its
// transfer and application fee, and the warnings and review about it. Reads the cache the page
// prefetched (GET /api/risk/charges/:id).
import { useQuery } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { FactList, IdText } from '@/components/money/fact-list';
import { Money } from '@/components/money/money';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/lib/dates';
import { disputeReasonWords, disputeStatusWords, isOpenDispute } from '@/lib/disputes/words';
import { moneyInWords } from '@/lib/money';
import { riskObjectHref, riskObjectQueries } from '@/lib/risk/object-keys';
import { chargeKindWords, chargeStatusWords, checkWords, fraudTypeWords, networkStatusWords, outcomeTypeWords, reviewReasonWords, riskLevelWords, threeDSecureWords } from '@/lib/risk/object-words';
import { idOf } from '@/lib/stripe/ids';
import { AccountLinks, IdLink, NotRead, ObjectSection } from '../../_components/object-bits';

const none = <span className="text-neutral-500">—</span>;
const riskTone = (level: string | null | undefined) => (level === 'highest' ? 'bad' : level === 'elevated' ? 'warn' : 'neutral');

function kindOf(charge: Stripe.Charge, onAccount: boolean): 'destination' | 'on_behalf_of' | 'direct' | 'platform' {
  if (onAccount) return 'direct';
  if (charge.transfer_data?.destination) return 'destination';
  return charge.on_behalf_of ? 'on_behalf_of' : 'platform';
}

function Checks({ card }: { card: Stripe.Charge.PaymentMethodDetails.Card }) {
  const lines = [
    card.three_d_secure ? `3D Secure ${threeDSecureWords(card.three_d_secure.result)}` : null,
    card.checks?.cvc_check ? `CVC ${checkWords(card.checks.cvc_check)}` : null,
    card.checks?.address_line1_check ? `address line 1 ${checkWords(card.checks.address_line1_check)}` : null,
    card.checks?.address_postal_code_check ? `postal code ${checkWords(card.checks.address_postal_code_check)}` : null,
  ].filter((l): l is string => l !== null);
  return lines.length ? <span className="whitespace-normal">{lines.join('; ')}</span> : <span className="text-neutral-500">None reported</span>;
}

function DisputeFacts({ dispute }: { dispute: Stripe.Dispute }) {
  const open = isOpenDispute(dispute.status);
  const due = dispute.evidence_details?.due_by;
  return (
    <div className="space-y-2 rounded-lg border border-neutral-200 bg-surface p-4 text-sm" data-testid="charge-dispute" data-status={dispute.status}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={dispute.status === 'lost' ? 'bad' : open ? 'warn' : dispute.status === 'won' ? 'good' : 'neutral'} data-testid="charge-dispute-status">
          {disputeStatusWords(dispute.status)}
        </Badge>
        <span data-testid="charge-dispute-sentence">
          {moneyInWords(dispute.amount, dispute.currency)} disputed as {disputeReasonWords(dispute.reason)}, {formatTimestamp(dispute.created)}.
        </span>
      </p>
      <FactList
        facts={[
          { label: 'Dispute', value: <IdText id={dispute.id} /> },
          { label: 'Response due by', value: open && due ? formatTimestamp(due) : none, testId: 'charge-dispute-due' },
          {
            label: 'Evidence',
            value: dispute.evidence_details?.submission_count ? `Submitted (${dispute.evidence_details.submission_count}×)` : dispute.evidence_details?.has_evidence ? 'Staged, not submitted' : 'None submitted',
            testId: 'charge-dispute-evidence',
          },
          { label: 'Refundable while open', value: dispute.is_charge_refundable ? 'Yes (an inquiry)' : 'No' },
        ]}
      />
    </div>
  );
}

export function ChargeView({ id, account, canOpenAccount, canOpenTransfer, canOpenFee }: { id: string; account: string | null; canOpenAccount: boolean; canOpenTransfer: boolean; canOpenFee: boolean }) {
  const { data, error } = useQuery(riskObjectQueries.charge(id, account));
  if (!data) return <NotRead what="charge" error={error} />;
  const { charge, disputes, warnings } = data;
  const outcome = charge.outcome;
  const card = charge.payment_method_details?.card ?? null;
  const { review } = data;
  const reviewId = review?.id ?? idOf(charge.review);
  const transfer = idOf(charge.transfer ?? null);
  const fee = idOf(charge.application_fee);
  const refunds = charge.refunds?.data ?? [];
  const kind = kindOf(charge, data.onAccount);
  const store = data.onAccount ? data.accountId : account;
  return (
    <div className="space-y-6" data-testid="charge-view">
      {error ? <RefreshFailed error={error} what="The charge" /> : null}
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={charge.status === 'failed' ? 'bad' : charge.status === 'pending' ? 'warn' : 'good'} data-testid="charge-status">
          {chargeStatusWords(charge.status)}
        </Badge>
        {charge.disputed ? <Badge tone="bad">Disputed</Badge> : null}
        {charge.refunded ? <Badge tone="warn">Fully refunded</Badge> : charge.amount_refunded > 0 ? <Badge tone="warn">Partly refunded</Badge> : null}
        <span data-testid="charge-sentence">
          {moneyInWords(charge.amount, charge.currency)} on {formatTimestamp(charge.created)}. {chargeKindWords(kind, data.accountId)}.
        </span>
      </p>
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={charge.amount} currency={charge.currency} />, testId: 'charge-amount' },
          { label: 'Captured', value: charge.captured ? <Money amount={charge.amount_captured} currency={charge.currency} /> : 'Not captured' },
          { label: 'Refunded', value: <Money amount={charge.amount_refunded} currency={charge.currency} />, testId: 'charge-refunded' },
          { label: 'Created', value: formatTimestamp(charge.created) },
          { label: 'Account', value: <AccountLinks place={data} canOpenAccount={canOpenAccount} />, testId: 'charge-account' },
          { label: 'Kind', value: kind === 'direct' ? 'Direct' : kind === 'destination' ? 'Destination' : kind === 'on_behalf_of' ? 'On behalf of' : 'Platform', testId: 'charge-kind' },
          { label: 'Transfer', value: <IdLink id={transfer} href={transfer && canOpenTransfer ? `/transfers/${encodeURIComponent(transfer)}` : null} testId="charge-transfer" /> },
          {
            label: 'Application fee',
            value: fee ? (
              <span className="inline-flex flex-wrap items-baseline gap-2">
                <IdLink id={fee} href={canOpenFee ? `/application-fees/${encodeURIComponent(fee)}` : null} testId="charge-fee" />
                {charge.application_fee_amount !== null ? <Money amount={charge.application_fee_amount} currency={charge.currency} className="text-neutral-600" /> : null}
              </span>
            ) : (
              none
            ),
          },
          { label: 'Description', value: charge.description ?? none },
          ...(charge.failure_message ? [{ label: 'Failure', value: `${charge.failure_message}${charge.failure_code ? ` (${charge.failure_code})` : ''}` }] : []),
        ]}
      />

      <ObjectSection id="radar" title="Radar">
        {outcome ? (
          <FactList
            facts={[
              {
                label: 'Risk',
                value: (
                  <Badge tone={riskTone(outcome.risk_level)} data-testid="charge-risk">
                    {riskLevelWords(outcome.risk_level)}
                    {typeof outcome.risk_score === 'number' ? `, score ${outcome.risk_score} of 99` : ''}
                  </Badge>
                ),
              },
              { label: 'Outcome', value: outcomeTypeWords(outcome.type), testId: 'charge-outcome' },
              { label: 'Network', value: networkStatusWords(outcome.network_status) },
              { label: 'Rule', value: outcome.rule ? <IdText id={typeof outcome.rule === 'string' ? outcome.rule : outcome.rule.id} /> : none },
              { label: 'Seller message', value: <span className="whitespace-normal">{outcome.seller_message ?? '—'}</span> },
              ...(outcome.reason ? [{ label: 'Reason', value: outcome.reason.replace(/_/g, ' ') }] : []),
            ]}
          />
        ) : (
          <p className="text-sm text-neutral-500">Radar gave no outcome for this charge.</p>
        )}
      </ObjectSection>

      <ObjectSection id="card" title="Card">
        {card ? (
          <FactList
            facts={[
              { label: 'Card', value: `${card.brand ? card.brand[0]!.toUpperCase() + card.brand.slice(1) : 'Card'} ending ${card.last4 ?? '—'}`, testId: 'charge-card' },
              { label: 'Country', value: card.country ?? '—' },
              { label: 'Funding', value: card.funding ?? '—' },
              { label: 'Checks', value: <Checks card={card} /> },
            ]}
          />
        ) : (
          <p className="text-sm text-neutral-500">Not paid by card.</p>
        )}
      </ObjectSection>

      <ObjectSection id="dispute" title="Dispute">
        {disputes.length === 0 ? <p className="text-sm text-neutral-500">Not disputed.</p> : disputes.map((d) => <DisputeFacts key={d.id} dispute={d} />)}
      </ObjectSection>

      <ObjectSection id="fraud" title="Early fraud warnings and review">
        <ul className="space-y-1.5 text-sm">
          {warnings.map((w) => (
            <li key={w.id} data-testid="charge-warning">
              <IdLink id={w.id} href={riskObjectHref('early-fraud-warnings', w.id, store)} /> {fraudTypeWords(w.fraud_type)}, {formatTimestamp(w.created)}{' '}
              {w.actionable ? <Badge tone="bad">actionable</Badge> : <Badge>not actionable</Badge>}
            </li>
          ))}
          {reviewId ? (
            <li data-testid="charge-review">
              <IdLink id={reviewId} href={riskObjectHref('reviews', reviewId, store)} />{' '}
              {review ? (review.open ? <Badge tone="warn">open: {reviewReasonWords(review.reason)}</Badge> : <Badge>closed: {reviewReasonWords(review.closed_reason)}</Badge>) : null}
            </li>
          ) : null}
          {warnings.length === 0 && !reviewId ? <li className="text-neutral-500">No early fraud warning, no review.</li> : null}
        </ul>
      </ObjectSection>

      <ObjectSection id="refunds" title="Refunds">
        {refunds.length === 0 ? (
          <p className="text-sm text-neutral-500">No refund.</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {refunds.map((r) => (
              <li key={r.id} data-testid="charge-refund">
                <IdText id={r.id} /> <Money amount={r.amount} currency={r.currency} />, {formatTimestamp(r.created)}, {(r.status ?? 'unknown').replace(/_/g, ' ')}
                {r.reason ? `, ${r.reason.replace(/_/g, ' ')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </ObjectSection>
    </div>
  );
}
