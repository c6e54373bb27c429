// Whether the Stripe backend answers, for the console shell's banner (polled by the browser). Any
// signed-in operator may ask; the probe behind it is shared and cached (lib/stripe/health.ts).
import { checkPermission, refusalResponse } from '@/lib/auth/guard';
import { getBackendStatus } from '@/lib/stripe/health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const decision = await checkPermission(null);
  if (!decision.ok) return refusalResponse(decision.reason);
  return Response.json(await getBackendStatus(), { headers: { 'Cache-Control': 'no-store' } });
}
