'use client';
// Search as you type above the accounts list: id, name, e-mail or a metadata value, partial, read
// from the index (the text goes to the URL a moment after the last key, so a view with a search
// can be shared). A whole account id and Enter opens that account. A plain GET form underneath,
// so it works before JavaScript has loaded.
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Input } from '@/components/ui/input';
import { objectRouteFor } from '@/lib/auth/routes';

/** How long typing must pause before the list asks again. */
export const SEARCH_DEBOUNCE_MS = 250;

export function AccountSearch({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const router = useRouter();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // Back, a tab or a saved view changed the URL's search: show it.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === sent.current) return;
    const timer = setTimeout(() => {
      // Enter may have opened an account meanwhile (it marks the text as sent).
      if (text.trim() === sent.current) return;
      sent.current = text.trim();
      onSearch(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = objectRouteFor(text);
    if (target?.route.prefix === 'acct_') {
      sent.current = text.trim();
      router.push(target.href);
    }
    else if (text.trim() !== sent.current) {
      sent.current = text.trim();
      onSearch(text.trim());
    }
  }
  return (
    <form method="get" action="/accounts" role="search" onSubmit={submit} className="w-full sm:w-auto">
      <label htmlFor="account-search" className="sr-only">
        Search accounts by id, name, e-mail or metadata
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-neutral-400" />
        <Input
          id="account-search"
          name="search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search id, name, e-mail…"
          className="w-full pl-8 sm:w-80"
          autoComplete="off"
          data-testid="account-search"
        />
      </div>
    </form>
  );
}
