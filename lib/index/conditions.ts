// SQL conditions shared by the lists that read index_objects (aliased `o`). Server-side.
import { sql } from 'drizzle-orm';

/**
 * The object's connected account is still on the platform. A deauthorized (or deleted) account's
 * row becomes a tombstone, but the objects read from its own store (its payouts, the schedules the
 * platform made on it) stay as they were last seen: Stripe no longer lets the platform read them,
 * so no event will ever close them, and the lists leave them out.
 */
export const accountStillConnected = sql`not exists (select 1 from index_accounts gone where gone.id = o.account and gone.deleted)`;
