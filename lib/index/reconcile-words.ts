// Reconciliation's findings in words, for the Data sync page: "3 accounts differed from Stripe:
// acct_1 (requirements.currently_due), acct_2 (email), acct_3 (column status); repaired." Pure.
import { nounFor, plural } from '@/lib/words';

/** Nouns for the kinds of object the index keeps (Stripe's `object` values). */
const NOUNS: Record<string, [string, string]> = {
  account: ['account', 'accounts'],
  charge: ['charge', 'charges'],
  transfer: ['transfer', 'transfers'],
  transfer_reversal: ['transfer reversal', 'transfer reversals'],
  application_fee: ['application fee', 'application fees'],
  fee_refund: ['application fee refund', 'application fee refunds'],
  topup: ['top-up', 'top-ups'],
  'radar.early_fraud_warning': ['early fraud warning', 'early fraud warnings'],
  review: ['review', 'reviews'],
  dispute: ['dispute', 'disputes'],
};

const nounsOf = (type: string): [string, string] => NOUNS[type] ?? [type, type];
export const typePlural = (type: string): string => nounsOf(type)[1];

/** What the page needs of one drift (lib/db/schema.ts's ReconcileDrift). */
export interface DriftLike {
  type: string;
  id: string;
  kind: 'missing' | 'extra' | 'differs';
  fields: string[];
  repaired: boolean;
}

const SHOWN = 5;
const KIND_WORDS = { differs: 'differed from Stripe', missing: 'were missing from the index', extra: 'were in the index but are gone from Stripe' } as const;
const KIND_WORDS_ONE = { differs: 'differed from Stripe', missing: 'was missing from the index', extra: 'was in the index but is gone from Stripe' } as const;

function repairWords(items: DriftLike[]): string {
  const repaired = items.filter((d) => d.repaired).length;
  if (repaired === items.length) return 'repaired';
  if (repaired === 0) return 'not repaired (run a backfill)';
  return `${repaired.toLocaleString('en-US')} repaired, ${(items.length - repaired).toLocaleString('en-US')} not (run a backfill)`;
}

/** One sentence per kind of object and kind of drift; [] when there was none. */
export function driftSentences(drift: DriftLike[]): string[] {
  const groups = new Map<string, DriftLike[]>();
  for (const d of drift) {
    const key = `${d.kind} ${d.type}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const order = { differs: 0, missing: 1, extra: 2 };
  return [...groups.values()]
    .sort((a, b) => order[a[0]!.kind] - order[b[0]!.kind] || a[0]!.type.localeCompare(b[0]!.type))
    .map((items) => {
      const { kind, type } = items[0]!;
      const [one, many] = nounsOf(type);
      const listed = items
        .slice(0, SHOWN)
        .map((d) => (d.fields.length > 0 ? `${d.id} (${d.fields.join(', ')})` : d.id))
        .join('; ');
      const more = items.length > SHOWN ? `; and ${plural(items.length - SHOWN, 'more', 'more')}` : '';
      const verb = items.length === 1 ? KIND_WORDS_ONE[kind] : KIND_WORDS[kind];
      return `${plural(items.length, one, many)} ${verb}: ${listed}${more}; ${repairWords(items)}.`;
    });
}

/** The run's outcome in one line: no drift, or how many objects drifted. */
export function driftHeadline(drift: DriftLike[], sampled: number): string {
  const compared = `${plural(sampled, 'object', 'objects')} compared field by field`;
  if (drift.length === 0) return `No drift: the counts match Stripe and the ${compared} equal it.`;
  return `${plural(drift.length, 'object', 'objects')} ${nounFor(drift.length, 'was', 'were')} out of step with Stripe (counts, and the ${compared}).`;
}
