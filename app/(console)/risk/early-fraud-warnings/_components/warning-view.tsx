'use client';
// One early fraud warning: what the card issuer reported, whether it can still be acted on (a
// refund before a dispute), the charge it is about and the account it concerns. Reads the cache
// the page prefetched (GET /api/risk/early-fraud-warnings/:id).
import { useQuery } from '@tanstack/react-query';
import { FactList } from '@/components/money/fact-list';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/lib/dates';
import { riskObjectQueries } from '@/lib/risk/object-keys';
import { fraudTypeWords } from '@/lib/risk/object-words';
import { AccountLinks, NotRead } from '../../_components/object-bits';
import { ChargeSummary } from '../../_components/charge-summary';

export function WarningView({ id, account, canOpenAccount }: { id: string; account: string | null; canOpenAccount: boolean }) {
  const { data, error } = useQuery(riskObjectQueries.warning(id, account));
  if (!data) return <NotRead what="early fraud warning" error={error} />;
  const { warning } = data;
  return (
    <div className="space-y-6" data-testid="warning-view">
      {error ? <RefreshFailed error={error} what="The early fraud warning" /> : null}
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {warning.actionable ? (
          <Badge tone="bad" data-testid="warning-state">
            Actionable
          </Badge>
        ) : (
          <Badge data-testid="warning-state">Not actionable</Badge>
        )}
        <span data-testid="warning-sentence">
          {`The card issuer reported fraud (${fraudTypeWords(warning.fraud_type)}) on ${formatTimestamp(warning.created)}. `}
          {warning.actionable ? 'The charge is neither refunded nor disputed yet: refunding it now can head off a dispute.' : 'The charge was refunded or disputed since: nothing is left to do about the warning.'}
        </span>
      </p>
      <FactList
        facts={[
          { label: 'Fraud type', value: fraudTypeWords(warning.fraud_type), testId: 'warning-fraud-type' },
          { label: 'Charge', value: <ChargeSummary charge={warning.charge} store={data.onAccount ? data.accountId : account} />, testId: 'warning-charge' },
          { label: 'Account', value: <AccountLinks place={data} canOpenAccount={canOpenAccount} />, testId: 'warning-account' },
          { label: 'Reported', value: formatTimestamp(warning.created) },
        ]}
      />
    </div>
  );
}
