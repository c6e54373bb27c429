'use client';
// The account page in the browser: every view is its own React Query (hydrated from the server's
// prefetch), so an action refetches only what it changed. The header says who the account is and
// its state; the actions the role may take are offered only where Stripe would accept them, and
// the others are explained.
import { useQuery } from '@tanstack/react-query';
import { ExternalLink } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { ModeBadge } from '@/components/mode-badge';
import { OutcomeMessage, type Outcome } from '@/components/money/outcome-message';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { toneOf } from '@/components/accounts/tone';
import { accountQueries } from '@/lib/accounts/keys';
import { personName } from '@/lib/accounts/requirements';
import { canCreateLoginLink, canDelete, canManageCapabilities, canReject, canUnreject, PINNED_API_VERSION } from '@/lib/accounts/rules';
import { accountStatus, disabledReasonText } from '@/lib/accounts/status';
import { accountName, dashboardUrl } from '@/lib/accounts/view';
import type { StripeMode } from '@/lib/stripe/mode';
import { CapabilitiesBody } from './capabilities-section';
import { HistoryBody } from './history-section';
import { auditQueries } from '@/lib/audit/keys';
import { accountSchedulesView, scheduleQueries } from '@/lib/billing/schedules/keys';
import { BillingBody } from './billing-section';
import { accountFailedPayoutsView, accountPayoutsView, payoutQueries } from '@/lib/payouts/keys';
import { PayoutsBody } from './payouts-section';
import { DisputesBody } from './disputes-section';
import { LoginLinkButton, OnboardingLinkButton } from './link-buttons';
import { BalanceBody, ExternalAccountsBody, FeesBody, TransfersBody } from './money-sections';
import { OverviewBody } from './overview-section';
import { PersonsBody } from './persons-section';
import { RequirementsBody } from './requirements-section';
import { Section } from './section';

// The dialogs (their forms parse with zod, and Radix's dialog) load after the page is shown, not
// with it: until a dialog's code is there, a disabled button with its label holds its place.
function waiting(label: string, variant: 'secondary' | 'danger' = 'secondary') {
  return function Waiting() {
    return (
      <Button variant={variant} disabled aria-busy>
        {label}
      </Button>
    );
  };
}
const UpdateDialog = dynamic(() => import('./update-dialog').then((m) => m.UpdateDialog), { ssr: false, loading: waiting('Edit details…') });
const RejectDialog = dynamic(() => import('./reject-dialog').then((m) => m.RejectDialog), { ssr: false, loading: waiting('Reject…', 'danger') });
const UnrejectDialog = dynamic(() => import('./unreject-dialog').then((m) => m.UnrejectDialog), { ssr: false, loading: waiting('Unreject…') });
const DeleteDialog = dynamic(() => import('./delete-dialog').then((m) => m.DeleteDialog), { ssr: false, loading: waiting('Delete…', 'danger') });

export type AccountPermissions = {
  update: boolean;
  reject: boolean;
  unreject: boolean;
  delete: boolean;
  capabilities: boolean;
  links: boolean;
  transfers: boolean;
  fees: boolean;
  billing: boolean;
  payouts: boolean;
  /** Disputes on its charges (from the index). */
  risk: boolean;
  audit: boolean;
};

function Unavailable({ what, why, testId }: { what: string; why?: string; testId: string }) {
  return (
    <p className="text-xs text-neutral-600" data-testid={testId}>
      <span className="font-medium text-neutral-800">{what} is not offered:</span> {why}
    </p>
  );
}

/** The audit log's record of the account's deletion through the console, if there is one. */
export type AccountDeletion = { entryId: number; at: string; by: string };

function DeletedAccount({ id, deletion, auditLink }: { id: string; deletion: AccountDeletion; auditLink: boolean }) {
  return (
    <div role="status" data-testid="account-deleted" className="rounded-lg border border-neutral-200 bg-surface p-4">
      <h1 className="text-base font-semibold text-neutral-900">
        Account <code className="break-all font-mono text-[15px]">{id}</code> was deleted
      </h1>
      <p className="mt-1 text-sm text-neutral-700">
        Deleted through the console by <span className="font-medium text-neutral-900">{deletion.by}</span> on{' '}
        <time dateTime={deletion.at}>{deletion.at.replace('T', ' ').slice(0, 16)} UTC</time>. Stripe no longer has it, so there is nothing
        more to show.
      </p>
      {auditLink ? (
        <Link href={`/audit?object=${encodeURIComponent(id)}&action=account.delete&outcome=succeeded`} className="mt-2 inline-block text-sm text-brand-600 hover:underline" data-testid="account-deleted-audit">
          The deletion in the audit log (entry #{deletion.entryId})
        </Link>
      ) : null}
    </div>
  );
}

export function AccountView({ id, mode, can, deletion = null }: { id: string; mode: StripeMode; can: AccountPermissions; deletion?: AccountDeletion | null }) {
  const account = useQuery(accountQueries.detail(id));
  const capabilities = useQuery(accountQueries.capabilities(id));
  const persons = useQuery(accountQueries.persons(id));
  const external = useQuery(accountQueries.externalAccounts(id));
  const balance = useQuery(accountQueries.balance(id));
  const transfers = useQuery({ ...accountQueries.transfers(id), enabled: can.transfers });
  const fees = useQuery({ ...accountQueries.fees(id), enabled: can.fees });
  const disputes = useQuery({ ...accountQueries.disputes(id), enabled: can.risk });
  const schedules = useQuery({ ...scheduleQueries.list(accountSchedulesView(id)), enabled: can.billing });
  const payouts = useQuery({ ...payoutQueries.list(accountPayoutsView(id)), enabled: can.payouts });
  const failedPayouts = useQuery({ ...payoutQueries.list(accountFailedPayoutsView(id)), enabled: can.payouts });
  const history = useQuery({ ...auditQueries.object(id), enabled: can.audit });
  const [notice, setNotice] = useState<Outcome | null>(null);

  // A failed refresh keeps what was read (and any outcome on screen); only a first read that fails replaces the page.
  if (account.isError && !account.data && deletion) return <DeletedAccount id={id} deletion={deletion} auditLink={can.audit} />;
  if (account.isError && !account.data) {
    return (
      <div role="alert" data-testid="account-error" className="rounded-lg border border-mode-live/30 bg-mode-live-soft p-4">
        <h1 className="text-sm font-semibold text-mode-live-ink">Account {id} could not be read</h1>
        <p className="mt-1 text-sm text-neutral-700">{account.error.message}</p>
        {'requestId' in account.error && account.error.requestId ? (
          <p className="mt-2 text-xs text-neutral-500">
            Request id: <code className="font-mono">{String(account.error.requestId)}</code>
          </p>
        ) : null}
      </div>
    );
  }
  if (!account.data) return <p className="text-sm text-neutral-500">Loading the account…</p>;

  const a = account.data;
  const name = accountName(a);
  const status = accountStatus(a);
  const reason = disabledReasonText(a.requirements?.disabled_reason);
  const personNames = (persons.data ?? []).map((p) => ({ id: p.id, name: personName(p) }));
  const totals = balance.data ? { available: balance.data.available, pending: balance.data.pending } : null;
  const reject = canReject(a, mode, totals);
  const unreject = canUnreject(a, PINNED_API_VERSION);
  const del = canDelete(a, mode, totals);
  const rejected = a.requirements?.disabled_reason?.startsWith('rejected.') ?? false;
  const login = canCreateLoginLink(a);
  // The server's mode (passed in as a prop): the emulator's accounts have no Stripe Dashboard page.
  const dashboard = dashboardUrl(a.id, mode);

  return (
    <div className="space-y-5">
      <header className="space-y-3" data-testid="account-header">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-neutral-900" data-testid="account-name">
              {name}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600">
              <span className="inline-flex items-center">
                <code className="font-mono text-neutral-800" data-testid="account-id">
                  {a.id}
                </code>
                <CopyButton value={a.id} label="Copy the account id" />
              </span>
              <span className="capitalize">{a.type}</span>
              <span>{a.country}</span>
              <ModeBadge mode={mode} />
            </div>
          </div>
          {dashboard ? (
            <a
              href={dashboard}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="dashboard-link"
              className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
            >
              Open in Stripe Dashboard <ExternalLink aria-hidden className="size-4" />
            </a>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={toneOf(status.tone)} data-testid="account-status">
            {status.label}
          </Badge>
          <Badge tone={a.charges_enabled ? 'good' : 'bad'}>Charges {a.charges_enabled ? 'enabled' : 'disabled'}</Badge>
          <Badge tone={a.payouts_enabled ? 'good' : 'bad'}>Payouts {a.payouts_enabled ? 'enabled' : 'disabled'}</Badge>
          {reason ? (
            <span className="text-sm text-neutral-700" data-testid="header-disabled-reason">
              {reason}
            </span>
          ) : null}
        </div>
      </header>

      {account.isError ? <RefreshFailed error={account.error} what="The account" /> : null}
      {notice ? <OutcomeMessage outcome={notice} testId="page-notice" onDismiss={() => setNotice(null)} /> : null}

      {can.update || can.reject || can.unreject || can.delete || can.links ? (
        <section aria-label="Actions" className="space-y-2 rounded-lg border border-neutral-200 bg-surface p-4" data-testid="account-actions">
          <div className="flex flex-wrap items-start gap-2">
            {can.update ? <UpdateDialog account={a} onDone={setNotice} /> : null}
            {can.links && login.allowed ? <LoginLinkButton accountId={a.id} /> : null}
            {can.links ? <OnboardingLinkButton accountId={a.id} /> : null}
            <span className="flex-1" />
            {can.unreject && rejected && unreject.allowed ? <UnrejectDialog accountId={a.id} name={name} onDone={setNotice} /> : null}
            {can.reject && reject.allowed ? <RejectDialog accountId={a.id} name={name} onDone={setNotice} /> : null}
            {can.delete && del.allowed ? <DeleteDialog accountId={a.id} name={name} mode={mode} /> : null}
          </div>
          {can.reject && !reject.allowed ? <Unavailable what="Reject" why={reject.why} testId="reject-unavailable" /> : null}
          {can.unreject && rejected && !unreject.allowed ? <Unavailable what="Unreject" why={unreject.why} testId="unreject-unavailable" /> : null}
          {can.delete && !del.allowed ? <Unavailable what="Delete" why={del.why} testId="delete-unavailable" /> : null}
        </section>
      ) : null}

      <div className="grid gap-5 xl:grid-cols-2">
        <div className="xl:col-span-2">
          <Section id="overview" title="Overview" state={account}>
            <OverviewBody account={a} />
          </Section>
        </div>
        <Section id="requirements" title="Requirements" state={account} description="What Stripe needs from the account holder, in words; hover a line for Stripe's field names.">
          <RequirementsBody account={a} persons={personNames} />
        </Section>
        <Section id="capabilities" title="Capabilities" state={capabilities}>
          <CapabilitiesBody
            accountId={a.id}
            capabilities={capabilities.data ?? []}
            persons={personNames}
            manage={can.capabilities ? canManageCapabilities(a) : null}
            onDone={setNotice}
          />
        </Section>
        <Section id="persons" title="Persons" state={persons}>
          <PersonsBody persons={persons.data ?? []} />
        </Section>
        <Section id="external-accounts" title="Bank accounts and cards" state={external}>
          <ExternalAccountsBody items={external.data ?? []} />
        </Section>
        <Section id="balance" title="Balance" state={balance} description="The account's own balance, read as the account.">
          {balance.data ? <BalanceBody balance={balance.data} /> : null}
        </Section>
        {can.transfers ? (
          <Section id="transfers" title="Recent transfers to the account" state={transfers}>
            <TransfersBody transfers={transfers.data ?? []} />
          </Section>
        ) : null}
        {can.fees ? (
          <Section id="fees" title="Application fees from the account" state={fees}>
            {fees.data ? <FeesBody fees={fees.data} /> : null}
          </Section>
        ) : null}
        {can.payouts ? (
          <div className="xl:col-span-2">
            <Section id="payouts" title="Payouts" state={payouts} description="The account's payouts to its bank accounts and cards, from the console's index, the latest first.">
              {payouts.data ? <PayoutsBody accountId={a.id} latest={payouts.data} failed={failedPayouts.data} /> : null}
            </Section>
          </div>
        ) : null}
        {can.risk ? (
          <Section id="disputes" title="Disputes" state={disputes} description="The newest chargebacks and inquiries on its charges, from the console's index.">
            <DisputesBody accountId={a.id} disputes={disputes.data ?? []} />
          </Section>
        ) : null}
        {can.billing ? (
          <div className="xl:col-span-2">
            <Section id="billing" title="Billing: subscription schedules" state={schedules} description="The schedules the platform made on this account, from the console's index, and the fee each one's phase takes.">
              {schedules.data ? <BillingBody accountId={a.id} result={schedules.data} /> : null}
            </Section>
          </div>
        ) : null}
        {can.audit ? (
          <div className="xl:col-span-2">
            <Section id="history" title="History in this console" state={history}>
              <HistoryBody accountId={a.id} entries={history.data ?? []} />
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
