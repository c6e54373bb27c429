// A dispute's status as a badge, as the account page and the risk case page both show it: lost is
// bad, one awaiting a response or a decision is a warning, won is good, the rest neutral.
import { Badge } from '@/components/ui/badge';
import { disputeStatusWords, isOpenDispute } from '@/lib/disputes/words';

export function DisputeStatusBadge({ status }: { status: string | null }) {
  const tone = status === 'lost' ? 'bad' : isOpenDispute(status) ? 'warn' : status === 'won' ? 'good' : 'neutral';
  return (
    <Badge tone={tone} data-testid="dispute-status">
      {disputeStatusWords(status)}
    </Badge>
  );
}
