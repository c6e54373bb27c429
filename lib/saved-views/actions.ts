'use server';
// Saved views: save the list's current filters under a name (for oneself or the team) and delete
// one's own. Through the safe action wrapper: permission first (reading the list is enough), input
// parsed with the form's schema, audited. The view is re-read with the list's own URL schema.
import { ActionError } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/safe-action';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { accountFiltersQuery, firstPage } from '@/lib/accounts/filters';
import { deleteViewSchema, saveViewSchema } from './schemas';
import { deleteOwnView, DuplicateViewNameError, insertSavedView } from './store';

export const saveViewAction = defineAction({
  name: 'saveViewAction',
  permission: 'accounts.read',
  schema: saveViewSchema,
  audit: { action: 'saved_view.create', targetId: () => null, params: (input) => ({ list: input.list, name: input.name, shared: input.shared }) },
  run: async ({ list, name, shared, query }, { db, operator }) => {
    // What the list would show for this query, without its page cursor.
    const canonical = accountFiltersQuery(firstPage(parseAccountFilters(new URLSearchParams(query.replace(/^\?/, '')))));
    const id = await insertSavedView(db, { list, name, ownerId: operator.id, shared, query: canonical }).catch((error: unknown) => {
      throw error instanceof DuplicateViewNameError ? new ActionError(error.message) : error;
    });
    return { data: { id, name, query: canonical }, resultId: id };
  },
});

export const deleteViewAction = defineAction({
  name: 'deleteViewAction',
  permission: 'accounts.read',
  schema: deleteViewSchema,
  audit: { action: 'saved_view.delete', targetId: (input) => input.viewId },
  run: async ({ viewId }, { db, operator }) => {
    if (!(await deleteOwnView(db, viewId, operator.id))) throw new ActionError('Only a view you saved can be deleted, and this one is not (or it is gone).');
    return { data: { id: viewId } };
  },
});
