// The charge a Radar review or early fraud warning is about, in one line: its id (to the charge
// page, on the same store), amount, risk and status. Client-safe.
import type Stripe from 'stripe';
import { Money } from '@/components/money/money';
import { formatTimestamp } from '@/lib/dates';
import { riskObjectHref } from '@/lib/risk/object-keys';
import { chargeStatusWords, riskLevelWords } from '@/lib/risk/object-words';
import { idOf } from '@/lib/stripe/ids';
import { IdLink } from './object-bits';

export function ChargeSummary({ charge, store }: { charge: string | Stripe.Charge | null; store: string | null }) {
  const id = idOf(charge);
  if (!id) return <span className="text-neutral-500">—</span>;
  const link = <IdLink id={id} href={riskObjectHref('charges', id, store)} testId="object-charge" />;
  if (typeof charge === 'string' || !charge) return link;
  return (
    <span className="flex flex-wrap items-baseline gap-x-2 whitespace-normal">
      {link}
      <Money amount={charge.amount} currency={charge.currency} />
      <span className="text-neutral-600">
        {chargeStatusWords(charge.status).toLowerCase()}, {riskLevelWords(charge.outcome?.risk_level).toLowerCase()}, {formatTimestamp(charge.created)}
      </span>
    </span>
  );
}
