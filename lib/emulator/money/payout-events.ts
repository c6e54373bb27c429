// What payouts contribute to events (see events/sources.ts): `payout.created`, then `payout.paid`,
// `payout.failed` or `payout.canceled` as the status ends, `payout.reconciliation_completed` when an
// automatic payout's reconciliation completes (with its payment), and `payout.updated` for any
// other change (submitted to the bank: `in_transit`; a new arrival date; metadata).
import { PLATFORM } from '../core/ledger';
import type { Source } from '../events/sources';
import { payoutFacts, payouts } from './payouts';

type Obj = Record<string, unknown> & { id: string };

const ENDED = ['paid', 'failed', 'canceled'];

export const PAYOUT_SOURCES: Record<string, Source> = {
  payout: {
    get: (w, id) => payouts(w).get(id) as Obj | undefined,
    owner: (w, p) => {
      const owner = payoutFacts(w).get(p.id)?.owner ?? PLATFORM;
      return owner === PLATFORM ? null : owner;
    },
    render: (_ctx, p) => p,
    types: (c) => {
      const out: string[] = [];
      const was = c.before?.status;
      const is = String(c.after?.status);
      if (!c.before) out.push('payout.created');
      if (was !== is && ENDED.includes(is)) out.push(`payout.${is}`);
      else if (c.before) out.push('payout.updated');
      if (c.after?.reconciliation_status === 'completed' && c.before?.reconciliation_status !== 'completed') out.push('payout.reconciliation_completed');
      return out;
    },
  },
};
