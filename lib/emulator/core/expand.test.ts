// Unit tests for `expand[]`: ids replaced by objects on single objects and inside lists, Stripe's limits kept.
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './errors';
import { applyExpand } from './expand';

const OBJECTS: Record<string, Record<string, unknown>> = {
  acct_1: { id: 'acct_1', object: 'account', email: 'a@example.com', parent: 'acct_2' },
  acct_2: { id: 'acct_2', object: 'account', email: 'b@example.com', parent: 'acct_3' },
  acct_3: { id: 'acct_3', object: 'account', email: 'c@example.com', parent: 'acct_4' },
  acct_4: { id: 'acct_4', object: 'account', email: 'd@example.com', parent: null },
};

const EXPANDABLE: Record<string, string[]> = { capability: ['account'], account: ['parent'], bank_account: ['account', 'customer'] };
const expandable = (type: string, field: string) => (EXPANDABLE[type] ?? []).includes(field);

function resolve(id: string): unknown {
  const found = OBJECTS[id];
  if (!found) throw new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'`, param: 'expand' });
  return structuredClone(found);
}

const capability = () => ({ id: 'card_payments', object: 'capability', account: 'acct_1', status: 'active' });
const list = () => ({
  object: 'list',
  url: '/v1/x',
  has_more: false,
  data: [
    { id: 'ba_1', object: 'bank_account', account: 'acct_1', customer: null },
    { id: 'ba_2', object: 'bank_account', account: 'acct_2', customer: null },
  ],
});

function expandError(root: unknown, paths: string[]): StripeApiError {
  try {
    applyExpand(root, paths, resolve, expandable);
  } catch (e) {
    if (e instanceof StripeApiError) return e;
    throw e;
  }
  throw new Error(`expanding ${paths.join(', ')} did not fail`);
}

describe('applyExpand', () => {
  it('leaves the object alone when nothing is asked', () => {
    const cap = capability();
    expect(applyExpand(cap, undefined, resolve, expandable)).toBe(cap);
    expect(applyExpand(cap, [], resolve, expandable)).toBe(cap);
  });

  it('replaces an expandable id with its object', () => {
    const out = applyExpand(capability(), ['account'], resolve, expandable) as { account: { id: string; email: string } };
    expect(out.account).toEqual(OBJECTS.acct_1);
  });

  it('does not change the object it was given', () => {
    const cap = capability();
    applyExpand(cap, ['account'], resolve, expandable);
    expect(cap.account).toBe('acct_1');
  });

  it('expands inside every item of a list with data.<field>', () => {
    const out = applyExpand(list(), ['data.account'], resolve, expandable) as ReturnType<typeof list>;
    expect(out.data.map((d) => (d.account as unknown as { email: string }).email)).toEqual(['a@example.com', 'b@example.com']);
    expect(out).toMatchObject({ object: 'list', url: '/v1/x', has_more: false });
  });

  it('follows dotted paths through expanded objects, up to four levels', () => {
    const out = applyExpand(capability(), ['account.parent.parent.parent'], resolve, expandable) as {
      account: { parent: { parent: { parent: { id: string } } } };
    };
    expect(out.account.parent.parent.parent.id).toBe('acct_4');
    const several = applyExpand(capability(), ['account', 'account.parent'], resolve, expandable) as { account: { parent: { id: string } } };
    expect(several.account.parent.id).toBe('acct_2');
  });

  it('refuses more than four levels', () => {
    const e = expandError(capability(), ['account.parent.parent.parent.parent']);
    expect(e.status).toBe(400);
    expect(e.body).toMatchObject({ type: 'invalid_request_error', param: 'expand' });
    expect(e.body.message).toContain('4 levels');
  });

  it('refuses a field that is not expandable, or that the object does not have', () => {
    for (const path of ['status', 'id', 'nothing_here', 'data.account']) {
      const e = expandError(capability(), [path]);
      expect(e.status).toBe(400);
      expect(e.body.param).toBe('expand');
      expect(e.body.message).toContain(path);
    }
    expect(expandError(list(), ['data.id']).body.message).toContain('data.id');
  });

  it('refuses a field that holds an object but is not expandable, while walking through it is fine', () => {
    const root = { id: 'x', object: 'capability', account: 'acct_1', requirements: { errors: [] }, nested: { id: 'n', object: 'bank_account', account: 'acct_2' } };
    expect(expandError(root, ['requirements']).body.message).toContain('requirements');
    const out = applyExpand(root, ['nested.account'], resolve, expandable) as { nested: { account: { id: string } } };
    expect(out.nested.account.id).toBe('acct_2');
  });

  it('leaves a null expandable field as null', () => {
    const out = applyExpand(list(), ['data.customer'], resolve, expandable) as ReturnType<typeof list>;
    expect(out.data.map((d) => d.customer)).toEqual([null, null]);
  });

  it("passes the resolver's error on for an id that does not exist", () => {
    const cap = { ...capability(), account: 'acct_missing' };
    const e = expandError(cap, ['account']);
    expect(e.status).toBe(404);
    expect(e.body.code).toBe('resource_missing');
  });
});
