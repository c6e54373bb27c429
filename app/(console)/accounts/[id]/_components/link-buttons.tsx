'use client';
// The Express Dashboard login link and the onboarding link: made on request (they expire within
// minutes), then offered as links that open in a new tab; the onboarding link can be copied to
// send to the account holder.
import { ExternalLink } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionState } from '@/components/money/action-state';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { createAccountLinkAction, createLoginLinkAction } from '@/lib/accounts/actions';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';

function MadeLink({ url, label, testId, note }: { url: string; label: string; testId: string; note: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-brand-600 hover:underline" data-testid={testId}>
        {label} <ExternalLink aria-hidden className="size-3.5" />
      </a>
      <CopyButton value={url} label="Copy the link" />
      <span className="text-xs text-neutral-500">{note}</span>
    </div>
  );
}

export function LoginLinkButton({ accountId }: { accountId: string }) {
  const queryClient = useQueryClient();
  const action = useConfirmedAction((p: { accountId: string; kind: 'express_login' }, idempotencyKey: string) => createLoginLinkAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.link(accountId)),
  });
  const [url, setUrl] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        disabled={action.pending}
        data-testid="login-link"
        onClick={async () => {
          const r = await action.start({ accountId, kind: 'express_login' });
          if (r?.ok) {
            setUrl(r.data.url);
            // Opened from the click's task where the browser allows it; the link below otherwise.
            window.open(r.data.url, '_blank', 'noopener,noreferrer');
          }
        }}
      >
        {action.pending ? 'Making link…' : 'Express Dashboard login'}
      </Button>
      {url ? <MadeLink url={url} label="Open the Express Dashboard" testId="login-link-url" note="Single use; expires in a few minutes." /> : null}
      <ActionState checking={action.checking} failure={action.failure} onDismiss={action.dismiss} />
    </div>
  );
}

export function OnboardingLinkButton({ accountId }: { accountId: string }) {
  const queryClient = useQueryClient();
  const action = useConfirmedAction((p: { accountId: string; type: 'account_onboarding' }, idempotencyKey: string) => createAccountLinkAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.link(accountId)),
  });
  const [link, setLink] = useState<{ url: string; expiresAt: number } | null>(null);
  return (
    <div className="space-y-1">
      <Button
        disabled={action.pending}
        data-testid="onboarding-link"
        onClick={async () => {
          const r = await action.start({ accountId, type: 'account_onboarding' });
          if (r?.ok) setLink({ url: r.data.url, expiresAt: r.data.expiresAt });
        }}
      >
        {action.pending ? 'Making link…' : 'Onboarding link'}
      </Button>
      {link ? (
        <MadeLink
          url={link.url}
          label="Open the onboarding form"
          testId="onboarding-link-url"
          note={`Send it to the account holder; it expires at ${new Date(link.expiresAt * 1000).toISOString().slice(11, 16)} UTC.`}
        />
      ) : null}
      <ActionState checking={action.checking} failure={action.failure} onDismiss={action.dismiss} />
    </div>
  );
}
