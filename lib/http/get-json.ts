// The browser's side of lib/http/json.ts: reads a route handler's JSON for React Query, and turns
// its `{ error: { message, requestId } }` answer into an error that keeps the status and Stripe's
// request id. Client-safe.

/** An error from a route handler, with Stripe's request id when Stripe answered. */
export class ApiReadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string; requestId?: string | null } } | null;
    throw new ApiReadError(body?.error?.message ?? `The request failed (${res.status}).`, res.status, body?.error?.requestId ?? null);
  }
  return (await res.json()) as T;
}
