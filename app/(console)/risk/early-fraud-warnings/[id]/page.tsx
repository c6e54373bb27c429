// Early fraud warning detail: a placeholder behind its permission, with the object's audit history.
import { ObjectPlaceholder } from '@/components/shell/object-placeholder';
import { requirePermission } from '@/lib/auth/guard';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('risk.read');
  const { id } = await params;
  return <ObjectPlaceholder id={id} prefix="issfr_" operator={operator} />;
}
