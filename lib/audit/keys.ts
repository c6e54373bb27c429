// React Query keys and query options for the audit views in the browser: the History panel of an
// object's page reads GET /api/audit/objects/:id, and every action invalidates `auditKeys.all`
// (each one writes an entry), so the panels show it without a reload. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { AuditEntryView } from './view';

/** How many entries a History panel shows. */
export const OBJECT_HISTORY_LIMIT = 10;

export const auditKeys = {
  all: ['audit'] as const,
  object: (objectId: string, limit: number) => [...auditKeys.all, 'object', objectId, limit] as const,
};

export const auditQueries = {
  object: (objectId: string, limit = OBJECT_HISTORY_LIMIT) =>
    queryOptions({
      queryKey: auditKeys.object(objectId, limit),
      queryFn: () => getJson<AuditEntryView[]>(`/api/audit/objects/${encodeURIComponent(objectId)}?limit=${limit}`),
    }),
};
