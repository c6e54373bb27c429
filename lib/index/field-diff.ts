// Where two JSON values differ, as field paths (`requirements.currently_due`, `metadata.tier`):
// what reconciliation reports when an indexed object no longer matches Stripe. An array that
// differs is one path (the list as a whole), since its items have no names. Pure.

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!equal(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** The paths where `a` and `b` differ, at most `max` of them; [] when they are equal. A missing key and `undefined` are the same. */
export function diffPaths(a: Json, b: Json, max = 20, prefix = ''): string[] {
  if (equal(a, b)) return [];
  if (!isRecord(a) || !isRecord(b)) return [prefix || '(the whole object)'];
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (out.length >= max) break;
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(...diffPaths(a[key], b[key], max - out.length, path));
  }
  return out;
}
