// The usage reader's refusals: Stripe refusing the older version's request (as it does for an item
// billed with meters) is an answer in words; an unknown item and other failures stay errors.
import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { USAGE_REFUSED_NOTE } from './version';

/** What the summaries read answers next, and what it was asked. */
const read = vi.hoisted(() => ({ answer: (): Promise<unknown> => Promise.resolve([]), asked: [] as unknown[][] }));
vi.mock('@/lib/stripe/legacy-usage', () => ({
  listUsageRecordSummaries: (...args: unknown[]) => {
    read.asked.push(args);
    return read.answer();
  },
}));

const { readUsage } = await import('./queries');

const invalid = (message: string, code?: string) => new Stripe.errors.StripeInvalidRequestError({ message, code, requestId: 'req_1' });

describe('readUsage', () => {
  it('answers the summaries at the older version', async () => {
    read.answer = async () => [{ id: 'sis_1', total_usage: 3 }];
    expect(await readUsage('acct_1', 'si_1')).toEqual({ status: 'read', apiVersion: '2025-02-24.acacia', summaries: [{ id: 'sis_1', total_usage: 3 }] });
    expect(read.asked.at(-1)).toEqual(['acct_1', 'si_1']);
  });

  it('explains a refusal of the older version in words, with what Stripe said', async () => {
    read.answer = async () => Promise.reject(invalid('This item uses billing meters.'));
    expect(await readUsage('acct_1', 'si_1')).toEqual({ status: 'refused', apiVersion: '2025-02-24.acacia', message: USAGE_REFUSED_NOTE, stripeMessage: 'This item uses billing meters.', requestId: 'req_1' });
  });

  it('keeps an unknown item and a backend failure as errors', async () => {
    read.answer = async () => Promise.reject(invalid('No such subscription item', 'resource_missing'));
    await expect(readUsage('acct_1', 'si_1')).rejects.toMatchObject({ code: 'resource_missing' });
    read.answer = async () => Promise.reject(new Stripe.errors.StripeAPIError({ message: 'down' }));
    await expect(readUsage('acct_1', 'si_1')).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
  });
});
