// The console shell's banner while the Stripe backend cannot be reached, on every page: the
// server renders it from the shared, cached probe; the browser keeps it current.
import { getBackendStatus } from '@/lib/stripe/health';
import { BackendBannerLive } from './backend-banner-live';

export async function BackendBanner() {
  return <BackendBannerLive initial={await getBackendStatus()} />;
}
