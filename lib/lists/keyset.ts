// Keyset pages over index rows: a cursor is the sort value and id of a page's edge row, in
// base64url JSON; a cursor that does not decode is no cursor (a shared link never breaks). Also
// the rows of a raw `db.execute` (node-postgres answers `{ rows }`, PGlite the same or an array).
// Server-side (Buffer).
import { z } from 'zod';

export type Cursor = [value: number, id: string];

export const encodeCursor = (value: number, id: string): string => Buffer.from(JSON.stringify([value, id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = z.tuple([z.number(), z.string()]).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
