// Read-your-writes: every change the console makes to Stripe updates its own index row from
// Stripe's answer at once, instead of waiting for the webhook. The hook sits where every mutation
// passes: the action wrapper (lib/actions/safe-action.ts) runs each action's Stripe calls inside a
// scope, the SDK client (lib/stripe/client.ts) reports every answer of a write made in a scope,
// and when the action's work is done the answers are written to the index. An answer that is not
// the indexed object itself is followed to it (a capability to its account, a reversal to its
// transfer, a fee refund to its fee). Never fails the action: the webhook brings the change anyway.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { applyDeletion, applyObjects, isIndexed, type StripeObject } from './apply';
import { answeredAt, refetchObject } from './fetch';

type WriteAnswer = { body: StripeObject; account: string | null };

const scope = new AsyncLocalStorage<WriteAnswer[]>();

interface ResponseEvent {
  method?: string;
  status?: number;
  account?: string;
  body?: unknown;
}

/** Listens to a client's answers: a successful write made inside a scope is kept for the index. */
export function watchWrites(stripe: Stripe): void {
  stripe.on('response', (event: ResponseEvent) => {
    const answers = scope.getStore();
    if (!answers || event.method === 'GET' || (event.status ?? 500) >= 300) return;
    const body = event.body as StripeObject | undefined;
    if (body && typeof body === 'object' && typeof body.id === 'string' && typeof body.object === 'string') answers.push({ body, account: event.account ?? null });
  });
}

/** Runs `work` (an action's Stripe calls), then writes every answer it got back to the index. */
export async function withWriteBack<T>(db: Db, stripe: Stripe, work: () => Promise<T>): Promise<T> {
  const answers: WriteAnswer[] = [];
  try {
    return await scope.run(answers, work);
  } finally {
    if (answers.length > 0) await writeBack(db, stripe, answers).catch((error: unknown) => console.error(`index: could not write the console's own change back: ${summarizeErrorForLog(error)}`));
  }
}

const ref = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);

async function writeBack(db: Db, stripe: Stripe, answers: WriteAnswer[]): Promise<void> {
  for (const { body, account } of answers) {
    const fetched = { created: answeredAt(body), fetched: true, account };
    if (body.object === 'account' && body.deleted === true) {
      await applyDeletion(db, body, fetched);
    } else if (body.object === 'capability') {
      const owner = ref(body.account);
      if (owner) await refetchObject(db, stripe, { object: 'account', id: owner });
    } else if (isIndexed(body, account)) {
      // A parent's totals change with its child (amount reversed, amount refunded): read it again
      // first, so the child finds its account through it.
      const parent = body.object === 'transfer_reversal' ? ref(body.transfer) : body.object === 'fee_refund' ? ref(body.fee) : null;
      if (parent) await refetchObject(db, stripe, { object: body.object === 'transfer_reversal' ? 'transfer' : 'application_fee', id: parent });
      await applyObjects(db, [body], fetched);
    }
  }
}
