// Metadata as the editor holds it (rows of key and value) and as Stripe takes an update: keys the
// operator removed are sent as "" (Stripe's way to unset a key), the rest as typed. Pure.

export type MetadataRow = { key: string; value: string };

export function metadataRows(metadata: Record<string, string> | null | undefined): MetadataRow[] {
  return Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value }));
}

export function metadataUpdate(current: Record<string, string> | null | undefined, rows: MetadataRow[]): Record<string, string> {
  const next: Record<string, string> = {};
  for (const key of Object.keys(current ?? {})) next[key] = '';
  for (const row of rows) next[row.key.trim()] = row.value;
  return next;
}
