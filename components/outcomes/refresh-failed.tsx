// Said above a view whose refresh failed while it still shows what was read before: the view (and
// any action outcome in it) stays on screen instead of being replaced by the error.
export function RefreshFailed({ error, what }: { error: Error; what: string }) {
  const requestId = 'requestId' in error && error.requestId ? String(error.requestId) : null;
  return (
    <p role="status" data-testid="refresh-failed" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 [overflow-wrap:anywhere] dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      {what} could not be refreshed ({error.message}); showing what was read before.
      {requestId ? (
        <span className="block text-xs opacity-80">
          Stripe request id: <code className="font-mono">{requestId}</code>
        </span>
      ) : null}
    </p>
  );
}
