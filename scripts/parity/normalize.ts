// Makes two answers comparable across backends: ids become `<prefix>_<id>`, times `<time>`,
// URLs `<url>`, opaque tokens (`*_id`, secrets, fingerprints) `<opaque>`; then every field path
// and every leaf value is listed.
import type { Json } from './types';

/** Stripe ids: a lowercase prefix, an underscore, then 10+ letters and digits with a capital or a digit among them (not a word). */
const ID = /\b([a-z]+(?:_[a-z]+)*?)_(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{10,}\b/g;
/** Fields whose values are opaque tokens that each backend makes its own (network ids, secrets, fingerprints). */
const isOpaqueKey = (key: string) => key.endsWith('_id') || key.endsWith('secret') || key === 'fingerprint';
const TIME_KEYS = new Set(['created', 'date', 'available_on', 'arrival_date', 'expected_availability_date', 'current_deadline', 'deadline', 'frozen_time', 'timestamp']);
const isTimeKey = (key: string) => TIME_KEYS.has(key) || key.endsWith('_at') || key.endsWith('_date');

export function normalizeValue(value: unknown, key = ''): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return isTimeKey(key) ? '<time>' : value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (isOpaqueKey(key)) return '<opaque>';
    return /^https?:\/\//.test(value) ? '<url>' : value.replace(ID, (_, prefix: string) => `${prefix}_<id>`);
  }
  if (Array.isArray(value)) return value.map((v) => normalizeValue(v, key));
  if (typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // The SDK's own additions to an answer are not part of it.
      if (k === 'lastResponse') continue;
      out[k] = normalizeValue(v, k);
    }
    return out;
  }
  return String(value);
}

/** Every field path (arrays as `[]`), sorted. */
export function fieldPaths(value: Json, prefix = ''): string[] {
  const out = new Set<string>();
  const walk = (v: Json, at: string) => {
    if (Array.isArray(v)) for (const item of v) walk(item, `${at}[]`);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const path = at === '' ? k : `${at}.${k}`;
        out.add(path);
        walk(child, path);
      }
    }
  };
  walk(value, prefix);
  return [...out].sort();
}

/** Every leaf value by path (arrays by index); empty arrays and objects are leaves. */
export function leafValues(value: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  const walk = (v: Json, at: string) => {
    if (Array.isArray(v) && v.length > 0) v.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) walk(child, at === '' ? k : `${at}.${k}`);
    } else out[at] = v;
  };
  walk(value, '');
  return out;
}
