'use client';
// The evidence of a case, newest first, from the console's index: the charges that carry signals,
// the early fraud warnings and reviews (an open review can be approved from here), the disputes on
// its charges, the account's
// requirement errors, and the transfers to it with their reversals.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DisputeStatusBadge } from '@/components/disputes/dispute-parts';
import { formatTimestamp } from '@/lib/dates';
import { disputeReasonWords } from '@/lib/disputes/words';
import { formatMoney } from '@/lib/money';
import { caseQueries } from '@/lib/risk/case-keys';
import { riskObjectHref } from '@/lib/risk/object-keys';
import type { CaseEvidence } from '@/lib/risk/case-view';
import { Section } from '@/app/(console)/accounts/[id]/_components/section';

const when = (s: number | null) => (s === null ? '—' : formatTimestamp(s));
const money = (amount: number | null, currency: string | null) => (amount === null || !currency ? '—' : formatMoney(amount, currency));
const words = (code: string | null) => (code ? code.replace(/[._]/g, ' ') : '—');

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone (axe: scrollable-region-focusable).
    <div className="-mx-4 overflow-x-auto px-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2" tabIndex={0} role="region" aria-label={`${label} (scrolls sideways)`}>
      <table className="w-full min-w-[36rem] text-left text-sm" aria-label={label}>
        <thead className="text-xs text-neutral-500">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="py-1.5 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">{children}</tbody>
      </table>
    </div>
  );
}

const Cell = ({ children, mono = false, nowrap = false }: { children: ReactNode; mono?: boolean; nowrap?: boolean }) => (
  <td className={`py-1.5 pr-3 align-top ${mono ? 'font-mono text-xs' : ''} ${nowrap ? 'whitespace-nowrap' : ''}`}>{children}</td>
);
const None = ({ what }: { what: string }) => <p className="text-sm text-neutral-500">{what}</p>;

function riskTone(level: string | null): 'bad' | 'warn' | 'neutral' {
  return level === 'highest' ? 'bad' : level === 'elevated' ? 'warn' : 'neutral';
}

export function ChargesSection({ evidence }: { evidence: CaseEvidence }) {
  return (
    <Section id="charges" title="Charges that carry signals" description="Risky, blocked, warned about or in review; newest first.">
      {evidence.charges.length === 0 ? (
        <None what="No charge of this account carries a signal." />
      ) : (
        <Table label="Charges that carry signals" head={['Charge', 'Created', 'Amount', 'Risk', 'Outcome', 'Card country', 'Radar rule', 'Why']}>
          {evidence.charges.map((c) => (
            <tr key={c.id} data-testid="evidence-charge">
              <Cell mono>
                <Link href={riskObjectHref('charges', c.id, evidence.accountId)} className="text-brand-600 hover:underline">
                  {c.id}
                </Link>
              </Cell>
              <Cell nowrap>{when(c.created)}</Cell>
              <Cell nowrap>{money(c.amount, c.currency)}</Cell>
              <Cell nowrap>
                <Badge tone={riskTone(c.riskLevel)}>
                  {c.riskLevel ?? '—'}
                  {c.riskScore !== null ? ` · ${c.riskScore}` : ''}
                </Badge>
              </Cell>
              <Cell>
                <span title={c.sellerMessage ?? undefined}>{words(c.outcome)}</span>
                {c.status === 'refunded' ? <span className="block text-xs text-neutral-500">refunded</span> : null}
              </Cell>
              <Cell>{c.cardCountry ?? '—'}</Cell>
              <Cell mono>{c.rule ?? '—'}</Cell>
              <Cell>{c.why.join(', ')}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function RadarSection({ evidence, approve }: { evidence: CaseEvidence; approve: ((reviewId: string) => ReactNode) | null }) {
  return (
    <Section id="radar" title="Early fraud warnings and reviews" description="From card issuers and Radar; newest first.">
      <div className="space-y-4">
        {evidence.warnings.length === 0 ? (
          <None what="No early fraud warning." />
        ) : (
          <Table label="Early fraud warnings" head={['Warning', 'Created', 'Fraud type', 'Actionable', 'Charge']}>
            {evidence.warnings.map((w) => (
              <tr key={w.id} data-testid="evidence-warning">
                <Cell mono>
                  <Link href={riskObjectHref('early-fraud-warnings', w.id, evidence.accountId)} className="text-brand-600 hover:underline">
                    {w.id}
                  </Link>
                </Cell>
                <Cell nowrap>{when(w.created)}</Cell>
                <Cell>{words(w.fraudType)}</Cell>
                <Cell>{w.actionable ? <Badge tone="bad">actionable</Badge> : <Badge>not actionable</Badge>}</Cell>
                <Cell mono>
                  {w.charge ? (
                    <Link href={riskObjectHref('charges', w.charge, evidence.accountId)} className="text-brand-600 hover:underline">
                      {w.charge}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        {evidence.reviews.length === 0 ? (
          <None what="No Radar review." />
        ) : (
          <Table label="Radar reviews" head={['Review', 'Created', 'State', 'Reason', 'Charge', '']}>
            {evidence.reviews.map((r) => (
              <tr key={r.id} data-testid="evidence-review" data-open={r.open}>
                <Cell mono>
                  <Link href={riskObjectHref('reviews', r.id, evidence.accountId)} className="text-brand-600 hover:underline">
                    {r.id}
                  </Link>
                </Cell>
                <Cell nowrap>{when(r.created)}</Cell>
                <Cell>{r.open ? <Badge tone="warn">open</Badge> : <Badge>closed: {words(r.closedReason)}</Badge>}</Cell>
                <Cell>{words(r.open ? r.reason : r.openedReason)}</Cell>
                <Cell mono>
                  {r.charge ? (
                    <Link href={riskObjectHref('charges', r.charge, evidence.accountId)} className="text-brand-600 hover:underline">
                      {r.charge}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Cell>
                <Cell>{r.open && approve ? approve(r.id) : null}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Section>
  );
}

export function DisputesSection({ evidence }: { evidence: CaseEvidence }) {
  return (
    <Section id="disputes" title="Disputes" description="Chargebacks and inquiries on its charges; newest first.">
      {evidence.disputes.length === 0 ? (
        <None what="No dispute on this account's charges." />
      ) : (
        <Table label="Disputes" head={['Status', 'Reason', 'Amount', 'Response due', 'Created', 'Dispute', 'Charge']}>
          {evidence.disputes.map((d) => (
            // What ops decide on first (status, reason, amount, the deadline) leads; the ids follow.
            <tr key={d.id} data-testid="evidence-dispute" data-status={d.status ?? ''}>
              <Cell>
                <DisputeStatusBadge status={d.status} />
              </Cell>
              <Cell>{disputeReasonWords(d.reason)}</Cell>
              <Cell nowrap>{money(d.amount, d.currency)}</Cell>
              <Cell nowrap>{d.dueBy === null ? '—' : when(d.dueBy)}</Cell>
              <Cell nowrap>{when(d.created)}</Cell>
              <Cell mono>{d.id}</Cell>
              <Cell mono>
                {d.charge ? (
                  <Link href={riskObjectHref('charges', d.charge, evidence.accountId)} className="text-brand-600 hover:underline">
                    {d.charge}
                  </Link>
                ) : (
                  '—'
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function RequirementsEvidence({ evidence }: { evidence: CaseEvidence }) {
  const nothing = evidence.requirementErrors.length === 0 && evidence.pastDue.length === 0 && !evidence.disabledReason;
  return (
    <Section id="requirement-errors" title="Requirement errors" description="As the index last read the account.">
      {nothing ? (
        <None what="No requirement error, nothing past due." />
      ) : (
        <ul className="space-y-1.5 text-sm [overflow-wrap:anywhere]">
          {evidence.disabledReason ? (
            <li>
              Disabled: <code className="font-mono text-xs">{evidence.disabledReason}</code>
            </li>
          ) : null}
          {evidence.requirementErrors.map((e) => (
            <li key={`${e.requirement}:${e.code}`} data-testid="evidence-requirement-error">
              <code className="font-mono text-xs">{e.requirement}</code>: {e.reason || words(e.code)}
            </li>
          ))}
          {evidence.pastDue.length ? <li>Past due: {evidence.pastDue.join(', ')}</li> : null}
        </ul>
      )}
    </Section>
  );
}

export function MoneySection({ evidence }: { evidence: CaseEvidence }) {
  return (
    <Section id="money" title="Transfers and reversals" description="Money sent to the account and taken back; newest first.">
      {evidence.money.length === 0 ? (
        <None what="No transfer to this account." />
      ) : (
        <Table label="Transfers and reversals" head={['Object', 'Created', 'Amount', 'State']}>
          {evidence.money.map((m) => (
            <tr key={m.id} data-testid="evidence-money">
              <Cell mono>
                <Link
                  href={m.type === 'transfer' ? `/transfers/${encodeURIComponent(m.id)}` : `/transfers/reversals/${encodeURIComponent(m.id)}`}
                  className="text-brand-600 hover:underline"
                >
                  {m.id}
                </Link>
              </Cell>
              <Cell nowrap>{when(m.created)}</Cell>
              <Cell nowrap>{m.type === 'transfer_reversal' ? `− ${money(m.amount, m.currency)}` : money(m.amount, m.currency)}</Cell>
              <Cell>{m.type === 'transfer' ? words(m.status) : `reversal of ${m.transfer ?? '—'}`}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

/** The evidence query and its sections, with the approve control where the role may decide. */
export function EvidenceSections({ accountId, approve }: { accountId: string; approve: ((reviewId: string) => ReactNode) | null }) {
  const evidence = useQuery(caseQueries.evidence(accountId));
  if (!evidence.data) {
    return (
      <Section id="evidence" title="Evidence" state={evidence}>
        {null}
      </Section>
    );
  }
  return (
    <div className="space-y-4" data-testid="case-evidence">
      <ChargesSection evidence={evidence.data} />
      <RadarSection evidence={evidence.data} approve={approve} />
      <DisputesSection evidence={evidence.data} />
      <RequirementsEvidence evidence={evidence.data} />
      <MoneySection evidence={evidence.data} />
      {evidence.data.truncated ? <p className="text-xs text-neutral-500">Each list shows the newest 50.</p> : null}
    </div>
  );
}
