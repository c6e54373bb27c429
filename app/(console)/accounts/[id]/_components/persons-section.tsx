'use client';
// Persons: who they are to the business, whether Stripe verified them, what they still owe; a
// drawer shows one person's details.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type Stripe from 'stripe';
import { Badge } from '@/components/ui/badge';
import { describeRequirements, personName } from '@/lib/accounts/requirements';
import { formatDate } from '@/lib/dates';
import { Item, None } from './section';
import { plural } from '@/lib/words';

// The drawer (Radix's dialog) is code the page needs only once a person is opened: fetched after
// the page is shown, not with it.
const Sheet = dynamic(() => import('@/components/ui/sheet').then((m) => m.Sheet), { ssr: false });
const SheetContent = dynamic(() => import('@/components/ui/sheet').then((m) => m.SheetContent), { ssr: false });

function roles(p: Stripe.Person): string {
  const r = p.relationship;
  const list = [r?.representative && 'Representative', r?.owner && 'Owner', r?.director && 'Director', r?.executive && 'Executive', r?.legal_guardian && 'Legal guardian'].filter(Boolean);
  const own = typeof r?.percent_ownership === 'number' ? ` (${r.percent_ownership}%)` : '';
  return (list.length ? list.join(', ') : 'No role given') + (r?.title ? ` · ${r.title}` : '') + own;
}

function verification(p: Stripe.Person): { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' } {
  const s = p.verification?.status;
  return s === 'verified' ? { label: 'Verified', tone: 'good' } : s === 'pending' ? { label: 'Pending', tone: 'warn' } : { label: 'Unverified', tone: p.requirements?.errors?.length ? 'bad' : 'neutral' };
}

function due(p: Stripe.Person): string[] {
  return [...new Set([...(p.requirements?.past_due ?? []), ...(p.requirements?.currently_due ?? [])])];
}

function PersonDetails({ p }: { p: Stripe.Person }) {
  const a = p.address;
  const dob = p.dob?.year ? `${p.dob.year}-${String(p.dob.month).padStart(2, '0')}-${String(p.dob.day).padStart(2, '0')}` : null;
  const v = verification(p);
  const lines = describeRequirements(due(p));
  return (
    <div className="space-y-4">
      <dl>
        <Item term="Id">
          <code className="font-mono text-xs">{p.id}</code>
        </Item>
        <Item term="Relationship">{roles(p)}</Item>
        <Item term="E-mail">{p.email || <None />}</Item>
        <Item term="Phone">{p.phone || <None />}</Item>
        <Item term="Date of birth">{dob ?? <None />}</Item>
        <Item term="Address">{a?.line1 ? [a.line1, a.line2, `${a.postal_code ?? ''} ${a.city ?? ''}`.trim(), a.state, a.country].filter(Boolean).join(', ') : <None />}</Item>
        <Item term="Nationality">{p.nationality || <None />}</Item>
        <Item term="ID number">{p.id_number_provided ? 'Provided' : p.ssn_last_4_provided ? 'Last 4 of SSN provided' : <None>Not provided</None>}</Item>
        <Item term="Verification">
          <Badge tone={v.tone}>{v.label}</Badge>
          {p.verification?.details ? <span className="ml-2 text-xs text-neutral-600">{p.verification.details}</span> : null}
          {p.verification?.details_code ? <code className="ml-1 text-xs text-neutral-500">{p.verification.details_code}</code> : null}
        </Item>
        <Item term="Document">{p.verification?.document?.front ? 'Uploaded' : <None>None</None>}</Item>
        <Item term="Added">{formatDate(p.created, true)}</Item>
      </dl>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Still needed</h3>
        {lines.length === 0 ? <p className="text-sm text-neutral-600">Nothing.</p> : <ul className="mt-1 list-disc pl-5 text-sm">{lines.map((l) => <li key={l.label}>{l.label}</li>)}</ul>}
        {(p.requirements?.errors ?? []).map((e) => (
          <p key={e.requirement} className="mt-1 text-sm text-mode-live-ink">
            {describeRequirements([e.requirement])[0]?.label ?? e.requirement}: {e.reason}
          </p>
        ))}
      </div>
    </div>
  );
}

export function PersonsBody({ persons }: { persons: Stripe.Person[] }) {
  const [open, setOpen] = useState<Stripe.Person | null>(null);
  if (persons.length === 0) return <p className="text-sm text-neutral-600">No persons on this account.</p>;
  return (
    <>
      <table className="w-full text-left text-sm" data-testid="persons-table">
        <thead className="text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Person</th>
            <th className="py-1 pr-3 font-medium">Relationship</th>
            <th className="py-1 pr-3 font-medium">Verification</th>
            <th className="py-1 font-medium">Still needed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {persons.map((p) => {
            const v = verification(p);
            const n = due(p).length;
            return (
              <tr key={p.id} data-testid="person-row">
                <td className="py-1.5 pr-3">
                  <button type="button" className="text-left text-brand-600 hover:underline" onClick={() => setOpen(p)} data-testid="person-open">
                    {personName(p)}
                  </button>
                </td>
                <td className="py-1.5 pr-3 text-neutral-700">{roles(p)}</td>
                <td className="py-1.5 pr-3">
                  <Badge tone={v.tone}>{v.label}</Badge>
                </td>
                <td className="py-1.5 text-neutral-700">{n === 0 ? 'Nothing' : plural(n, 'field', 'fields')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Sheet open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open ? (
          <SheetContent title={personName(open)} description={roles(open)} testId="person-drawer">
            <PersonDetails p={open} />
          </SheetContent>
        ) : null}
      </Sheet>
    </>
  );
}
