// Overview: the business profile, e-mail, default currency, payout schedule, terms acceptance and
// metadata, as Stripe has them.
import type Stripe from 'stripe';
import { payoutScheduleText } from '@/lib/accounts/view';
import { formatDate } from '@/lib/dates';
import { Item, None } from './section';

export function OverviewBody({ account }: { account: Stripe.Account }) {
  const bp = account.business_profile;
  const tos = account.tos_acceptance;
  const metadata = Object.entries(account.metadata ?? {});
  return (
    <div className="grid gap-x-8 lg:grid-cols-2">
      <dl>
        <Item term="Business name">{bp?.name || <None />}</Item>
        <Item term="Website">{bp?.url ? <span className="break-all">{bp.url}</span> : <None />}</Item>
        <Item term="Category (MCC)">{bp?.mcc || <None />}</Item>
        <Item term="Products">{bp?.product_description || <None />}</Item>
        <Item term="Support">{[bp?.support_email, bp?.support_phone].filter(Boolean).join(' · ') || <None />}</Item>
        <Item term="Business type">{account.business_type ? account.business_type.replace(/_/g, ' ') : <None />}</Item>
      </dl>
      <dl>
        <Item term="E-mail">{account.email || <None />}</Item>
        <Item term="Default currency">{account.default_currency?.toUpperCase() || <None />}</Item>
        <Item term="Payout schedule">{payoutScheduleText(account.settings?.payouts?.schedule)}</Item>
        <Item term="Terms accepted">
          {tos?.date ? `${formatDate(tos.date, true)}${tos.ip ? ` from ${tos.ip}` : ''}` : <None>Not yet</None>}
        </Item>
        <Item term="Details submitted">{account.details_submitted ? 'Yes' : 'No'}</Item>
        <Item term="Created">{formatDate(account.created, true)}</Item>
      </dl>
      <div className="lg:col-span-2">
        <h3 className="mt-3 text-xs font-medium uppercase tracking-wide text-neutral-500">Metadata</h3>
        {metadata.length === 0 ? (
          <p className="mt-1 text-sm text-neutral-500">None.</p>
        ) : (
          <dl className="mt-1 grid gap-x-6 sm:grid-cols-2" data-testid="metadata">
            {metadata.map(([k, v]) => (
              <div key={k} className="flex gap-2 py-0.5 text-sm">
                <dt className="font-mono text-xs leading-5 text-neutral-500">{k}</dt>
                <dd className="min-w-0 break-words font-mono text-xs leading-5 text-neutral-900">{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}
