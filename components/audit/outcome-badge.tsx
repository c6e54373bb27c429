// An audit entry's outcome in words and colour.
import { Badge } from '@/components/ui/badge';
import { OUTCOME_LABELS, type AuditOutcomeName } from '@/lib/audit/catalog';

const TONES = { succeeded: 'good', failed: 'bad', denied: 'warn', started: 'neutral', unknown: 'warn' } as const;

export function OutcomeBadge({ outcome }: { outcome: AuditOutcomeName }) {
  return (
    <Badge tone={TONES[outcome]} data-testid="audit-outcome">
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
