// Stripe's webhook deliveries (the platform's endpoint and the Connect one). Public, since Stripe
// calls it, but only an event signed with one of the endpoints' secrets (STRIPE_WEBHOOK_SECRET)
// within Stripe's five-minute tolerance is taken: anything else is a 400 and changes nothing. A
// taken event is written to the inbox (a duplicate delivery is a no-op) and answered at once; the
// index applies it right after (lib/index/inbox.ts), and retries it if that fails.
import { MAX_WEBHOOK_BYTES, receiveWebhook } from '@/lib/index/webhook';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  // Anyone may call it: a body larger than any event is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) return Response.json({ error: 'Too large for a Stripe event.' }, { status: 413 });
  return receiveWebhook(await request.text(), request.headers.get('stripe-signature'));
}
