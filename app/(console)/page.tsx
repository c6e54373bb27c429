// Overview: which backend the console is on and how many connected accounts it holds.
import { ErrorBox } from '@/components/error-box';
import { countConnectedAccounts } from '@/lib/accounts/queries';
import { requirePermission } from '@/lib/auth/guard';
import { stripeApiBaseLabel, stripeMode } from '@/lib/stripe/client';
import { describeStripeError, summarizeErrorForLog, type PlainError } from '@/lib/stripe/errors';

// Counts must reflect the backend now, never a build-time snapshot.
export const dynamic = 'force-dynamic';

type CountResult = { ok: true; count: number } | { ok: false; error: PlainError };

async function loadAccountCount(): Promise<CountResult> {
  try {
    return { ok: true, count: await countConnectedAccounts() };
  } catch (error) {
    console.error(`Counting connected accounts failed: ${summarizeErrorForLog(error)}`);
    return { ok: false, error: describeStripeError(error) };
  }
}

export default async function OverviewPage() {
  await requirePermission('accounts.read');
  const mode = stripeMode();
  const apiBase = stripeApiBaseLabel();
  const accounts = await loadAccountCount();

  return (
    <>
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <div className="flex items-center gap-2 text-sm text-neutral-500">
            <span>
              Backend <code className="font-mono text-neutral-700">{apiBase}</code>
            </span>
          </div>
        </div>

        <section className="mt-6">
          {accounts.ok ? (
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <div className="rounded-lg border border-neutral-200 bg-surface p-5 shadow-sm">
                <h2 className="text-sm font-medium text-neutral-500">Connected accounts</h2>
                <p data-testid="account-count" className="mt-2 text-3xl font-semibold tabular-nums text-neutral-900">
                  {accounts.count.toLocaleString('en-US')}
                </p>
              </div>
            </div>
          ) : (
            <ErrorBox
              error={accounts.error}
              hint={
                mode === 'emulator' ? (
                  <>
                    No key is configured, so the console expects the local emulator. <code className="font-mono">npm start</code> runs
                    it for you; on its own it is <code className="font-mono">npm run emulator</code>.
                  </>
                ) : undefined
              }
            />
          )}
        </section>
      </main>
    </>
  );
}
