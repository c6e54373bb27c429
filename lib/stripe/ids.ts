// Stripe object ids: the shape every id has (a prefix such as `acct_` and letters and digits),
// and the id behind a field Stripe returns either as an id or as the expanded object. Pure and
// client-safe: no SDK import and no zod (browser code imports `idOf` from here on every page; the
// zod form of the rule is ./id-schema.ts), so the browser, the route handlers and the lists share
// one rule.

/** What follows the prefix of a Stripe id. */
export const ID_BODY = /^[A-Za-z0-9]+$/;

/** True when `id` is a well-formed id of the given prefix (e.g. `isObjectId(id, 'tr_')`). */
export function isObjectId(id: string, prefix: string): boolean {
  return id.startsWith(prefix) && ID_BODY.test(id.slice(prefix.length));
}

/** The id of a field that is an id or an expanded object (`transfer.destination`, `fee.account`). */
export const idOf = (x: string | { id: string } | null | undefined): string | null => (x == null ? null : typeof x === 'string' ? x : x.id);
