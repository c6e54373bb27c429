// Counted nouns in the console's words: "1 entry", "2 entries", "1,234 accounts". One helper so
// every count agrees with its noun. Pure and client-safe.

/** The noun that agrees with `n`: `one` for exactly 1, `many` otherwise (0 included, as in English). */
export function nounFor(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** `n` (grouped in thousands) and the noun that agrees with it: plural(3, 'entry', 'entries') → "3 entries". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${nounFor(n, one, many)}`;
}

/** The noun with its indefinite article, by its first letter (enough for the console's own nouns): "a top-up", "an account deletion". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** What a list's tab holds, in words: "22 schedules.", "3 accounts open matching these filters." (`where`: the tab in words, none for All; `narrowed`: filters are set). */
export function tabSummary(n: number, one: string, many: string, where: string | null, narrowed: boolean): string {
  return `${plural(n, one, many)}${where ? ` ${where}` : ''}${narrowed ? ' matching these filters' : ''}.`;
}
