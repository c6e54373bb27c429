// `expand[]`: replaces an id with the object it names, on single objects and inside lists
// (`data.account`), at most four levels deep, as Stripe does.
import { invalidRequest } from './errors';

export type Resolver = (id: string) => unknown;

/**
 * Expands each dotted path in `paths` on `root`. `expandable(objectType, field)` says whether a
 * field may be expanded; `resolve` turns an id into its object (or throws Stripe's error).
 */
export function applyExpand(
  root: unknown,
  paths: readonly string[] | undefined,
  resolve: Resolver,
  expandable: (objectType: string, field: string) => boolean,
): unknown {
  if (!paths || paths.length === 0) return root;
  let out = structuredClone(root);
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4) throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, { param: 'expand' });
    out = expandPath(out, parts, path, resolve, expandable);
  }
  return out;
}

function expandPath(
  node: unknown,
  parts: string[],
  full: string,
  resolve: Resolver,
  expandable: (objectType: string, field: string) => boolean,
): unknown {
  if (parts.length === 0 || node === null || node === undefined) return node;
  if (Array.isArray(node)) return node.map((n) => expandPath(n, parts, full, resolve, expandable));
  if (typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const [field, ...rest] = parts;
  const type = typeof obj.object === 'string' ? obj.object : '';
  if (type === 'list' && field === 'data') {
    return { ...obj, data: (obj.data as unknown[]).map((d) => expandPath(d, rest, full, resolve, expandable)) };
  }
  if (!(field in obj)) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  let value = obj[field];
  if (typeof value === 'string') {
    if (!expandable(type, field)) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
    value = resolve(value);
  } else if (rest.length === 0 && !expandable(type, field)) {
    // The last step must name an expandable field; only the steps before it may walk into objects.
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  }
  return { ...obj, [field]: expandPath(value, rest, full, resolve, expandable) };
}
