// Stripe metadata as the console reads, edits and writes it. The editor holds rows of key and
// value; an update sends removed keys as "" (Stripe's way to unset a key). The console's own
// attribution keys (which request made an object, and who) are written only by the console: no
// form may set, change or remove them, and every update keeps them. Pure and client-safe.
import { z } from 'zod';

export type MetadataRow = { key: string; value: string };

/** The metadata key holding the console request's idempotency key: how a lost answer is found again. */
export const REQUEST_KEY_METADATA = 'console_request';

/** The object a console request made: the one whose metadata carries the request's key; null if none. */
export function madeByRequest<T extends { metadata?: Record<string, string> | null }>(objects: readonly T[], idempotencyKey: string): T | null {
  return objects.find((object) => object.metadata?.[REQUEST_KEY_METADATA] === idempotencyKey) ?? null;
}

/** How such an object was found, in words for the audit log: "reversal trr_… carries this request's key (console_request)". */
export function carriesRequestKey(kind: string, id: string): string {
  return `${kind} ${id} carries this request's key (${REQUEST_KEY_METADATA})`;
}

/** Keys only the console writes: the request key and who asked for the object. */
export const CONSOLE_METADATA_KEYS = [REQUEST_KEY_METADATA, 'refunded_by', 'reversed_by', 'created_by'] as const;

export function isConsoleMetadataKey(key: string): boolean {
  return (CONSOLE_METADATA_KEYS as readonly string[]).includes(key.trim());
}

/** Stripe's metadata rules: at most 50 keys, keys up to 40 characters, values up to 500; no square brackets in keys. */
export const metadataSchema = z
  .array(
    z.object({
      key: z.string().trim().min(1, 'A key cannot be empty.').max(40, 'Keys are at most 40 characters.').regex(/^[^[\]]+$/, 'Keys cannot contain square brackets.'),
      value: z.string().max(500, 'Values are at most 500 characters.'),
    }),
  )
  .max(50, 'At most 50 keys.')
  .refine((rows) => new Set(rows.map((r) => r.key.trim())).size === rows.length, 'Each key can appear once.');

/** Metadata an operator may write: Stripe's rules, and none of the console's attribution keys. */
export const editableMetadataSchema = metadataSchema.superRefine((rows, ctx) => {
  const forged = rows.find((row) => isConsoleMetadataKey(row.key));
  if (forged) ctx.addIssue({ code: 'custom', message: `${forged.key.trim()} is written by the console to record who made this and cannot be edited.` });
});

export function metadataRows(metadata: Record<string, string> | null | undefined): MetadataRow[] {
  return Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value }));
}

/** The rows an operator may edit (the console's own keys are shown apart, read-only). */
export function editableMetadataRows(metadata: Record<string, string> | null | undefined): MetadataRow[] {
  return metadataRows(metadata).filter((row) => !isConsoleMetadataKey(row.key));
}

/** The console's own keys present on an object, for display. */
export function consoleMetadataRows(metadata: Record<string, string> | null | undefined): MetadataRow[] {
  return metadataRows(metadata).filter((row) => isConsoleMetadataKey(row.key));
}

/**
 * The update Stripe takes to turn `current` into `rows`: removed keys as "", the rest as typed. The
 * console's own keys are never sent, so they keep their values whatever the rows say.
 */
export function metadataUpdate(current: Record<string, string> | null | undefined, rows: MetadataRow[]): Record<string, string> {
  const next: Record<string, string> = {};
  for (const key of Object.keys(current ?? {})) if (!isConsoleMetadataKey(key)) next[key] = '';
  for (const row of rows) if (!isConsoleMetadataKey(row.key)) next[row.key.trim()] = row.value;
  return next;
}
