// Saved views in PGlite: an operator sees their own views and the team's, never another's private
// one; a name is unique per owner; only the owner deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type OpenDb } from '@/lib/db/open';
import { createOperator } from '@/lib/operators/store';
import { deleteOwnView, DuplicateViewNameError, insertSavedView, listSavedViews } from './store';

let opened: OpenDb;
let ann: string;
let bob: string;

beforeAll(async () => {
  opened = await openPglite();
  ann = (await createOperator(opened.db, { email: 'ann@views.test', name: 'Ann', role: 'ops' })).id;
  bob = (await createOperator(opened.db, { email: 'bob@views.test', name: 'Bob', role: 'viewer' })).id;
}, 60_000);
afterAll(async () => opened?.close());

describe('saved views', () => {
  it('offers one’s own views and the team’s, not another’s private ones', async () => {
    await insertSavedView(opened.db, { list: 'accounts', name: 'US past due', ownerId: ann, shared: true, query: '?country=US&past_due=1' });
    await insertSavedView(opened.db, { list: 'accounts', name: 'Mine only', ownerId: ann, shared: false, query: '?tab=rejected' });
    await insertSavedView(opened.db, { list: 'accounts', name: 'Bob’s', ownerId: bob, shared: false, query: '' });
    expect((await listSavedViews(opened.db, ann, 'accounts')).map((v) => [v.name, v.mine])).toEqual([
      ['Mine only', true],
      ['US past due', true],
    ]);
    const forBob = await listSavedViews(opened.db, bob, 'accounts');
    expect(forBob.map((v) => [v.name, v.mine, v.owner])).toEqual([
      ['Bob’s', true, 'Bob'],
      ['US past due', false, 'Ann'],
    ]);
    expect(await listSavedViews(opened.db, bob, 'transfers')).toEqual([]);
  });

  it('a name is unique per owner and list', async () => {
    await expect(insertSavedView(opened.db, { list: 'accounts', name: 'Mine only', ownerId: ann, shared: false, query: '' })).rejects.toBeInstanceOf(DuplicateViewNameError);
    await expect(insertSavedView(opened.db, { list: 'accounts', name: 'Mine only', ownerId: bob, shared: false, query: '' })).resolves.toMatch(/^view_[A-Za-z0-9]{16}$/);
  });

  it('only the owner deletes a view', async () => {
    const [teamView] = (await listSavedViews(opened.db, bob, 'accounts')).filter((v) => v.name === 'US past due');
    expect(await deleteOwnView(opened.db, teamView.id, bob)).toBe(false);
    expect(await deleteOwnView(opened.db, teamView.id, ann)).toBe(true);
    expect((await listSavedViews(opened.db, bob, 'accounts')).map((v) => v.name)).not.toContain('US past due');
  });
});
