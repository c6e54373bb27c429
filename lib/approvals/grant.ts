// The permission to run one approved request: set only by the approvals executor, on the server,
// around its call of the action (AsyncLocalStorage, so nothing a browser sends can carry it). The
// action wrapper reads it, checks the request against the database, and writes back the audit
// entry of the execution so the request can link it.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

export type ExecutionGrant = { requestId: string; auditEntryId: number | null };

const storage = new AsyncLocalStorage<ExecutionGrant>();

export function runWithGrant<T>(grant: ExecutionGrant, fn: () => Promise<T>): Promise<T> {
  return storage.run(grant, fn);
}

export function currentGrant(): ExecutionGrant | undefined {
  return storage.getStore();
}
