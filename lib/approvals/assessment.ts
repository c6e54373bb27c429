// What an approvable action reports about itself before it runs (its `approval.assess` in
// defineAction): the object it changes, what the policy weighs, the review in words, and the
// object's state, kept with a request and compared with Stripe again at approval. Pure.
import type { ApprovalSubject } from './policy';

/** Labels in words to values as shown ("Left to reverse": "$1,500.00 USD"). */
export type Snapshot = Record<string, string | number | boolean | null>;

export type Assessment = {
  targetId: string | null;
  subject: ApprovalSubject;
  summary: string;
  snapshot: Snapshot;
};

export type SnapshotChange = { label: string; then: Snapshot[string] | undefined; now: Snapshot[string] | undefined };

/** What differs between the object at the request and now, label by label. */
export function snapshotChanges(then: Snapshot, now: Snapshot): SnapshotChange[] {
  const labels = [...new Set([...Object.keys(then), ...Object.keys(now)])];
  return labels.filter((label) => then[label] !== now[label]).map((label) => ({ label, then: then[label], now: now[label] }));
}

export function describeChanges(changes: SnapshotChange[]): string {
  const word = (v: Snapshot[string] | undefined) => (v === undefined || v === null ? 'nothing' : String(v));
  return changes.map((c) => `${c.label}: ${word(c.then)} then, ${word(c.now)} now`).join('; ');
}

/** The same parameters, whatever the order of their keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
