// The Data sync page's actions' inputs, parsed on the server by the safe action wrapper. Pure.
import { z } from 'zod';

/** A Stripe event id (evt_…), as the inbox keys it. */
export const retryWebhookEventSchema = z.object({ eventId: z.string().regex(/^evt_[A-Za-z0-9]+$/, 'Not an event id').max(255) });
export const runBackfillSchema = z.object({});
export const runReconciliationSchema = z.object({});
