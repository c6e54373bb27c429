// Saved views' inputs: one schema for the form and the server action (the wrapper parses it on the
// server first). The view itself is sent as the list's URL query and re-read on the server with the
// list's own schema, so a forged query saves only what the list would have shown. Pure.
import { z } from 'zod';

export const SAVED_VIEW_LISTS = ['accounts'] as const;

export const saveViewSchema = z.object({
  list: z.enum(SAVED_VIEW_LISTS),
  name: z.string().trim().min(1, 'Give the view a name.').max(60, 'At most 60 characters.'),
  shared: z.boolean(),
  query: z.string().max(2000),
});
export type SaveViewInput = z.input<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ viewId: z.string().regex(/^view_[A-Za-z0-9]{16}$/, 'Not a view id') });
