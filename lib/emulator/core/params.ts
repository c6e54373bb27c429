// Parameter schemas for the emulator's endpoints, built on zod, and the translation of zod's
// issues into the 400s Stripe sends: the first problem only, named by its bracketed `param`.
import { z } from 'zod';
import { paramError } from './errors';
import { toForm, type FormObject } from './form';

type StripeIssue = { code?: string; message: string };

const fail = (ctx: z.RefinementCtx, code: string | undefined, message: string, path: PropertyKey[] = []) => {
  ctx.addIssue({ code: 'custom', message, params: { stripe: { code, message } satisfies StripeIssue }, path });
};

const emptyMessage = (p: string) =>
  `You passed an empty string for '${p}'. We assume empty values are an attempt to unset a parameter; however '${p}' cannot be unset. You should remove '${p}' from your request or supply a non-empty value.`;

/** A string that cannot be unset: '' is refused as Stripe refuses it. */
export const str = (opts: { max?: number } = {}) =>
  z.string().superRefine((s, ctx) => {
    if (s === '') fail(ctx, 'parameter_invalid_empty', '\u0000empty');
    else if (opts.max !== undefined && s.length > opts.max) fail(ctx, undefined, `\u0000max:${opts.max}`);
  });

/** A string that '' unsets (answered as null). */
export const unsettableStr = (opts: { max?: number } = {}) =>
  z.string().transform((s, ctx) => {
    if (opts.max !== undefined && s.length > opts.max) fail(ctx, undefined, `\u0000max:${opts.max}`);
    return s === '' ? null : s;
  });

export const int = (opts: { min?: number; max?: number } = {}) =>
  z.string().transform((s, ctx) => {
    if (s === '') {
      fail(ctx, 'parameter_invalid_empty', '\u0000empty');
      return z.NEVER;
    }
    if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
      fail(ctx, 'parameter_invalid_integer', `Invalid integer: ${s}`);
      return z.NEVER;
    }
    const n = Number(s);
    if (opts.min !== undefined && n < opts.min) fail(ctx, undefined, `\u0000min:${opts.min}`);
    if (opts.max !== undefined && n > opts.max) fail(ctx, undefined, `\u0000max:${opts.max}`);
    return n;
  });

export const bool = () =>
  z.string().transform((s, ctx) => {
    if (s === 'true') return true;
    if (s === 'false') return false;
    fail(ctx, undefined, `Invalid boolean: ${s}`);
    return z.NEVER;
  });

/** The values of each oneOf(), hidden in its transform otherwise: read by tests/schema-drift to compare enums with the SDK's. */
export const enumValues = z.registry<{ values: readonly string[] }>();

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s, ctx) => {
    if ((values as readonly string[]).includes(s)) return s as T[number];
    if (s === '') fail(ctx, 'parameter_invalid_empty', '\u0000empty');
    else fail(ctx, undefined, `\u0000enum:${values.join('|')}`);
    return z.NEVER;
  }).register(enumValues, { values });

/** A hash: every key is known, or the request is refused with `parameter_unknown`. */
export const hash = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

/** A hash that '' unsets (answered as null). */
export const emptyableHash = <S extends z.ZodRawShape>(shape: S) =>
  z.union([z.literal('').transform(() => null), z.strictObject(shape)]);

export const expand = () => z.array(z.string()).max(50).optional();

/** The parameters of a plain retrieve, and of a call that takes none: built once (zod compiles a schema on first use). */
export const EXPAND_ONLY = hash({ expand: expand() });
export const NO_PARAMS = hash({});

/** Stripe's metadata rules: 50 keys, keys up to 40 characters, values up to 500; '' unsets. */
export const metadata = () =>
  z
    .union([z.literal(''), z.record(z.string(), z.string())])
    .superRefine((m, ctx) => {
      if (m === '') return;
      const keys = Object.keys(m);
      if (keys.length > 50) fail(ctx, undefined, 'Invalid metadata: metadata can have at most 50 keys.');
      for (const k of keys) {
        if (k.length > 40) fail(ctx, undefined, `Metadata keys can have a maximum length of 40 characters. The key '${k}' is too long.`, [k]);
        if (m[k].length > 500) fail(ctx, undefined, `Metadata values can have a maximum length of 500 characters. The value for '${k}' is too long.`, [k]);
      }
    })
    .transform((m) => (m === '' ? null : m));

/** Applies a metadata update to what an object has: '' unsets a key, null (metadata='') unsets all. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | null | undefined): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const next = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  if (Object.keys(next).length > 50) throw paramError('Invalid metadata: metadata can have at most 50 keys.', 'metadata');
  return next;
}

/** A moment: `now`, or a Unix timestamp. */
export const nowOrTimestamp = () => z.union([z.literal('now').transform(() => 'now' as const), int({ min: 0 })]);

/** `created=123` or `created[gte]=123`. */
export const rangeFilter = () =>
  z.union([int(), hash({ gt: int().optional(), gte: int().optional(), lt: int().optional(), lte: int().optional() })]);

export const listParams = {
  limit: int({ min: 1, max: 100 }).optional(),
  starting_after: str().optional(),
  ending_before: str().optional(),
  expand: expand(),
};

/** The parameters of a list with no filters of its own (built once, like EXPAND_ONLY). */
export const LIST_ONLY = hash({ ...listParams });

export function paramName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('');
}

function describe(input: unknown): string {
  if (Array.isArray(input)) return 'array';
  if (input !== null && typeof input === 'object') return 'hash';
  return 'string';
}

/** Turns zod's first issue into the error Stripe would send. */
export function toStripeError(issue: z.core.$ZodIssue, input: unknown): ReturnType<typeof paramError> {
  let path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const p = paramName([...path, issue.keys[0]]);
    return paramError(`Received unknown parameter: ${p}`, p, 'parameter_unknown');
  }
  if (issue.code === 'invalid_union') {
    // Pick the most specific branch's issue (the one that went deepest). On a tie, a `''`-literal
    // branch (emptyable hashes, metadata) is the least telling: `metadata=x` is an invalid hash.
    const branches = issue.errors.flat();
    const literalMiss = (i: z.core.$ZodIssue) => (i.code === 'invalid_value' ? 1 : 0);
    const deepest = branches.sort((a, b) => b.path.length - a.path.length || literalMiss(a) - literalMiss(b))[0];
    if (deepest) return toStripeError({ ...deepest, path: [...path, ...deepest.path] } as z.core.$ZodIssue, input);
  }
  const param = paramName(path);
  const valueAt = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
  if (issue.code === 'invalid_type') {
    if (valueAt === undefined) return paramError(`Missing required param: ${param}.`, param, 'parameter_missing');
    const expected = issue.expected === 'object' || issue.expected === 'record' ? 'hash' : issue.expected;
    return paramError(`Invalid ${expected}: ${describe(valueAt) === 'string' ? String(valueAt) : describe(valueAt)}`, param);
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return paramError(`Invalid array: ${param} can have at most ${String(issue.maximum)} items.`, param);
  }
  const stripe = (issue as { params?: { stripe?: StripeIssue } }).params?.stripe;
  let message = stripe?.message ?? issue.message;
  const code = stripe?.code;
  path = issue.path;
  if (message === '\u0000empty') message = emptyMessage(param);
  else if (message.startsWith('\u0000max:')) {
    const max = message.slice(5);
    message = typeof valueAt === 'string' && !/^-?\d+$/.test(valueAt)
      ? `Invalid ${param}: must be at most ${max} characters`
      : `Invalid ${param}: must be less than or equal to ${max}`;
  } else if (message.startsWith('\u0000min:')) message = `Invalid ${param}: must be greater than or equal to ${message.slice(5)}`;
  else if (message.startsWith('\u0000enum:')) {
    const values = message.slice(6).split('|');
    const list = values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}` : values[0];
    message = `Invalid ${String(path[path.length - 1] ?? param)}: must be one of ${list}`;
  } else if (issue.code === 'invalid_value') {
    message = `Invalid ${param}: must be one of ${issue.values.map(String).join(', ')}`;
  }
  return paramError(message, param, code);
}

/** Validates a request's parameters; throws the Stripe-shaped 400 on the first problem. */
export function parseParams<S extends z.ZodType>(schema: S, input: FormObject): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toStripeError(result.error.issues[0], input);
}

/** Validates SDK-shaped parameters (numbers, booleans, null), in-process callers' (the seeds'). */
export type ParseSdkParams = <S extends z.ZodType>(schema: S, input: unknown) => z.output<S>;

/** As the form request carrying them would be: turned into its strings, then parsed. */
export const parseSdkParams: ParseSdkParams = (schema, input) => parseParams(schema, toForm(input) as FormObject);
