// A read shared by the requests of one server process for a short while: requests asking the
// same question (same key) while an answer is being fetched wait for that one fetch, and for
// `ttlMs` after it the answer is reused. Meant for reads many operators make at once (the
// accounts list's first page), never for what a decision depends on (mutations re-read Stripe).
// `invalidate()` is called after a write: fetches started before it are neither shared with later
// requests nor kept, so a list read right after a change never shows the state before it. Failures
// are not kept. At most `maxKeys` answers are held (the oldest goes first), so memory is bounded.
// Pure (the clock is passed in); per process, so another instance may lag by up to `ttlMs`.

export interface SharedReads<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
  /** How many keys are held now (for tests). */
  size(): number;
}

export function sharedReads<T>({ ttlMs, maxKeys = 100, now = Date.now }: { ttlMs: number; maxKeys?: number; now?: () => number }): SharedReads<T> {
  type Entry = { value: Promise<T>; generation: number; until: number };
  const entries = new Map<string, Entry>();
  let generation = 0;

  return {
    get(key, load) {
      const held = entries.get(key);
      if (held && held.generation === generation && held.until > now()) return held.value;
      entries.delete(key);
      const started = generation;
      const entry: Entry = { value: load(), generation: started, until: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
      entry.value.then(
        () => {
          entry.until = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
    invalidate() {
      generation += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}
