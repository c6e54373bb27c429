// A detail page a later issue fills in: checks the id's shape, names the object, and already
// shows its audit history (to operators who may read the audit log).
import { notFound } from 'next/navigation';
import { ObjectHistory } from '@/components/audit/object-history';
import { ComingSoon } from '@/components/shell/coming-soon';
import type { SessionOperator } from '@/lib/auth/guard';
import { objectRouteFor } from '@/lib/auth/routes';

export function ObjectPlaceholder({ id, prefix, operator }: { id: string; prefix: string; operator: SessionOperator }) {
  const target = objectRouteFor(decodeURIComponent(id));
  if (!target || target.route.prefix !== prefix) notFound();
  return (
    <ComingSoon title={`${target.route.noun} ${target.id}`} what={`The ${target.route.noun.toLowerCase()}'s details and actions.`}>
      <section className="mt-8">
        <ObjectHistory objectId={target.id} operator={operator} />
      </section>
    </ComingSoon>
  );
}
