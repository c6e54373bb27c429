// How fresh the console's index is, in words, for every page that reads it: "Index updated 3 s
// ago", and a plain warning while the backfill runs or before any webhook has arrived (then the
// index only changes by the console's own writes and the periodic catch-up). Pure, client-safe.

/** What the server says about the index (dates as ISO text: this crosses to the browser as JSON). */
export interface IndexFreshness {
  /** The newest row written (by a webhook, the backfill, the catch-up or a console write). */
  lastSyncedAt: string | null;
  /** The newest webhook delivery received; null when none ever arrived. */
  lastWebhookAt: string | null;
  /** The backfill run's state: never, running, requested, done, failed, stopped. */
  backfill: string;
  /** Objects the backfill has read in its current or last run. */
  backfillObjects: number;
}

/** "3 s", "4 min", "2 h", "5 days". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  const days = Math.floor(s / 86_400);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

export interface FreshnessWords {
  line: string;
  /** Plain warnings, each a sentence, or none. */
  warnings: string[];
}

export function freshnessWords(f: IndexFreshness, now: number): FreshnessWords {
  const line = f.lastSyncedAt ? `Index updated ${ago(now - Date.parse(f.lastSyncedAt))} ago.` : 'The index is empty.';
  const warnings: string[] = [];
  if (f.backfill === 'running' || f.backfill === 'requested' || f.backfill === 'never') {
    warnings.push(
      f.backfill === 'running'
        ? `The backfill is still running (${f.backfillObjects.toLocaleString('en-US')} objects read so far): some accounts may be missing and counts may be low.`
        : 'The backfill has not run yet: the list may be missing accounts until it does.',
    );
  } else if (f.backfill === 'failed' || f.backfill === 'stopped') {
    warnings.push('The backfill stopped before the end: it resumes from where it was; until then some accounts may be missing.');
  }
  if (!f.lastWebhookAt) warnings.push('No webhook has arrived yet: changes made outside this console show up only at the next catch-up (every 5 minutes).');
  return { line, warnings };
}
