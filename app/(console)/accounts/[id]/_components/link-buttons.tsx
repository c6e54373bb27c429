'use client';
// The Express Dashboard login link and the onboarding link: made on request (they expire within
// minutes), then offered as links that open in a new tab; the onboarding link can be copied to
// send to the account holder.
import { ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { createAccountLinkAction, createLoginLinkAction } from '@/lib/accounts/actions';
import { accountInvalidations } from '@/lib/accounts/keys';
import { OutcomeMessage } from './outcome';
import { useAccountAction } from './use-account-action';

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
  const action = useAccountAction(createLoginLinkAction);
  const [url, setUrl] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        disabled={action.pending}
        data-testid="login-link"
        onClick={async () => {
          action.open();
          const r = await action.submit({ accountId, kind: 'express_login' }, accountInvalidations.link(accountId));
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
      {action.failure ? <OutcomeMessage outcome={action.failure} /> : null}
    </div>
  );
}

export function OnboardingLinkButton({ accountId }: { accountId: string }) {
  const action = useAccountAction(createAccountLinkAction);
  const [link, setLink] = useState<{ url: string; expiresAt: number } | null>(null);
  return (
    <div className="space-y-1">
      <Button
        disabled={action.pending}
        data-testid="onboarding-link"
        onClick={async () => {
          action.open();
          const r = await action.submit({ accountId, type: 'account_onboarding' }, accountInvalidations.link(accountId));
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
      {action.failure ? <OutcomeMessage outcome={action.failure} /> : null}
    </div>
  );
}
