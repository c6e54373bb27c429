// Decodes Stripe's form encoding (bodies and query strings) into nested values:
// `metadata[k]=v` -> { metadata: { k: 'v' } }, `expand[]=a` and `expand[0]=a` -> { expand: ['a'] }.
// Every leaf stays a string, as Stripe receives it; typing is the parameter schemas' job.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** Turns SDK-shaped values (numbers, booleans, null) into the strings a form request carries. */
export function toForm(value: unknown): FormValue {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toForm);
  if (typeof value === 'object') {
    const out: FormObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toForm(v);
    return out;
  }
  return String(value);
}

export class FormSyntaxError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Splits `a[b][0][]` into ['a', 'b', '0', '']. Returns null when the brackets do not balance. */
export function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const parts = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.length > 0) {
    const m = /^\[([^[\]]*)\]/.exec(rest);
    if (!m) return null;
    parts.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return parts[0] === '' ? null : parts;
}

type Node = { kind: 'leaf'; value: string } | { kind: 'map'; entries: Map<string, Node> };

function insert(root: Map<string, Node>, parts: string[], value: string, raw: string): void {
  let entries = root;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    const last = i === parts.length - 1;
    if (part === '') part = `\u0000${entries.size}`; // `[]`: append at the next position
    const existing = entries.get(part);
    if (last) {
      if (existing && existing.kind === 'map') {
        throw new FormSyntaxError(`Invalid parameter: ${raw} is given both as a value and as a hash.`, raw);
      }
      entries.set(part, { kind: 'leaf', value });
      return;
    }
    if (!existing || existing.kind === 'leaf') {
      if (existing?.kind === 'leaf' && existing.value !== '') {
        throw new FormSyntaxError(`Invalid parameter: ${raw} is given both as a value and as a hash.`, raw);
      }
      const next: Node = { kind: 'map', entries: new Map() };
      entries.set(part, next);
      entries = next.entries;
    } else {
      entries = existing.entries;
    }
  }
}

function toValue(node: Node): FormValue {
  if (node.kind === 'leaf') return node.value;
  const keys = [...node.entries.keys()];
  const isArray = keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith('\u0000'));
  if (isArray) {
    const ordered = keys
      .map((k, pos) => ({ k, pos, idx: k.startsWith('\u0000') ? Number.NaN : Number(k) }))
      .sort((a, b) => (Number.isNaN(a.idx) || Number.isNaN(b.idx) ? a.pos - b.pos : a.idx - b.idx));
    return ordered.map(({ k }) => toValue(node.entries.get(k)!));
  }
  const out: FormObject = {};
  for (const [k, v] of node.entries) out[k] = toValue(v);
  return out;
}

/** Parses an `application/x-www-form-urlencoded` string. */
export function parseForm(input: string): FormObject {
  const root = new Map<string, Node>();
  if (input.length === 0) return {};
  for (const pair of input.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const parts = splitKey(rawKey);
    if (!parts) throw new FormSyntaxError(`Invalid parameter name: ${rawKey}`, rawKey);
    insert(root, parts, value, rawKey);
  }
  return toValue({ kind: 'map', entries: root }) as FormObject;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new FormSyntaxError(`Invalid URL encoding: ${s}`, s);
  }
}

/** Encodes a nested value the way Stripe's SDKs do (used by tests and the demo seeder). */
export function encodeForm(value: FormObject): string {
  const out: string[] = [];
  const walk = (prefix: string, v: unknown): void => {
    if (v === undefined) return;
    if (v === null) return void out.push(`${encodeURIComponent(prefix)}=`);
    if (Array.isArray(v)) return v.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    if (typeof v === 'object') {
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) walk(prefix ? `${prefix}[${k}]` : k, inner);
      return;
    }
    out.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(v))}`);
  };
  walk('', value);
  return out.join('&');
}
