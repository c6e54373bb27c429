// SQL conditions shared by the lists that read index_objects (aliased `o`). Server-side.
import { sql, type SQL } from 'drizzle-orm';

/**
 * The object's connected account is still on the platform. A deauthorized (or deleted) account's
 * row becomes a tombstone, but the objects read from its own store (its payouts, the schedules the
 * platform made on it) stay as they were last seen: Stripe no longer lets the platform read them,
 * so no event will ever close them, and the lists leave them out.
 */
export const accountStillConnected = sql`not exists (select 1 from index_accounts gone where gone.id = o.account and gone.deleted)`;

/** Text for a LIKE pattern, its wildcards taken literally. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The object belongs to the account the filter names: an `acct_` id exactly, else any indexed
 * account whose name, e-mail, id or metadata contains the words (the accounts list's search text),
 * so finance can type "Silverline" as well as an id.
 */
export function accountNamed(text: string): SQL {
  if (/^acct_[A-Za-z0-9]+$/.test(text)) return sql`o.account = ${text}`;
  return sql`o.account in (select named.id from index_accounts named where named.search_text like ${`%${likeLiteral(text.toLowerCase())}%`})`;
}
