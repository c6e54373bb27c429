// Team: every operator, their role and last sign-in; admins change roles here (through the safe
// action wrapper, so each change is checked and audited).
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { requirePermission } from '@/lib/auth/guard';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { listOperators } from '@/lib/operators/store';
import { RolePicker } from './_components/role-picker';

export const metadata: Metadata = { title: 'Team' };

function formatDate(date: Date | null): string {
  return date ? `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'Never';
}

export default async function TeamPage() {
  const me = await requirePermission('operators.manage');
  const operators = await listOperators(await getDb());

  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <PageHeader title="Team" description="Operators who may sign in to the console, and what each role may do. A role change applies to the operator's next request." />
      <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-surface">
        <table className="w-full text-left text-sm" aria-label="Operators" data-testid="team-table">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Operator</th>
              <th scope="col" className="px-3 py-2 font-medium">Role</th>
              <th scope="col" className="px-3 py-2 font-medium">Last sign-in</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200">
            {operators.map((operator) => (
              <tr key={operator.id} className="align-top" data-testid="team-row">
                <td className="px-3 py-2.5">
                  <div className="font-medium text-neutral-900">
                    {operator.name} {operator.id === me.id ? <span className="text-xs font-normal text-neutral-500">(you)</span> : null}
                  </div>
                  <div className="text-xs text-neutral-500">{operator.email}</div>
                </td>
                <td className="px-3 py-2.5">
                  <RolePicker operatorId={operator.id} email={operator.email} role={operator.role} />
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums text-neutral-600">{formatDate(operator.lastSignInAt)}</td>
                <td className="px-3 py-2.5">
                  <div className="flex gap-1">
                    {operator.active ? <Badge tone="good">Active</Badge> : <Badge tone="bad">Deactivated</Badge>}
                    {operator.isDemo ? <Badge>Demo</Badge> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section>
        <h2 className="text-sm font-semibold text-neutral-900">Roles</h2>
        <dl className="mt-2 grid gap-2 sm:grid-cols-2">
          {ROLES.map((role) => (
            <div key={role} className="rounded-md border border-neutral-200 bg-surface p-3">
              <dt className="text-sm font-medium text-neutral-900">{ROLE_LABELS[role]}</dt>
              <dd className="mt-0.5 text-sm text-neutral-600">{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
