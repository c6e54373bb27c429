'use client';
// The id search above the accounts list: an account id typed here opens that account. A plain GET
// form underneath (the page opens a `?q=acct_…` itself), so it works before JavaScript has loaded.
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { objectRouteFor } from '@/lib/auth/routes';

export function AccountSearch() {
  const router = useRouter();
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = objectRouteFor(text);
    if (target?.route.prefix === 'acct_') router.push(target.href);
    else setHint('Type a whole account id (acct_…) to open it; use the filters below to narrow the list.');
  }
  return (
    <form method="get" action="/accounts" role="search" onSubmit={submit} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor="account-search" className="sr-only">
          Account id
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-neutral-400" />
          <Input
            id="account-search"
            name="q"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setHint(null);
            }}
            placeholder="Open an account: acct_…"
            className="w-72 pl-8 font-mono"
            autoComplete="off"
            data-testid="account-search"
          />
        </div>
        <Button type="submit">Open</Button>
      </div>
      {hint ? (
        <p className="text-xs text-mode-test-ink" role="status">
          {hint}
        </p>
      ) : null}
    </form>
  );
}
