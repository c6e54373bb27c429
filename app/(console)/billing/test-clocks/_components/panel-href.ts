// The panel's URL for an account and the clock being watched: the view lives in the URL. Pure.
export function panelHref(account: string | null, clock: string | null = null): string {
  const q = new URLSearchParams();
  if (account) q.set('account', account);
  if (account && clock) q.set('clock', clock);
  const query = q.toString();
  return `/billing/test-clocks${query ? `?${query}` : ''}`;
}
