// Validating many parameter sets of few shapes, as the scale seed makes them (100,000 accounts
// from a dozen scenarios), without running the API's schema on every one of them:
//
// - A strict hash (`hash({...})`, the schemas of every request) is walked field by field: an
//   unknown field, or a required one missing, is parsed in full (the 400 a request would get); the
//   others are answered each by its own schema, in the schema's order of fields (as zod answers).
// - Any other value (a string, a number, an address, metadata) goes through its schema in full
//   the first time its shape (its keys in order and the types of its values, '' apart) is seen.
//   When that parse gives back the value but for the order of keys (the usual case: the seed
//   writes numbers as numbers and booleans as booleans), later values of that shape are taken as
//   they are, keys in the order the parse gave: what their parse would have returned. A shape
//   whose parse changes its values (a schema that transforms) is parsed every time.
// - One input in `sampleEvery` is parsed whole, as a request would be, and must equal what the
//   walk makes of it: a value the API would refuse stops the seed with the API's 400, and one the
//   walk answers otherwise than the schema stops it too (the shortcut would have been wrong).
import { z } from 'zod';
import { parseSdkParams, type ParseSdkParams } from '../core/params';

/** The value's shape: its keys in order and its values' types ('' apart), or null for what is not plain data. */
function shapeOf(v: unknown): string | null {
  if (v === null) return 'z';
  switch (typeof v) {
    case 'string':
      return v === '' ? 'e' : 's';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'object': {
      const array = Array.isArray(v);
      if (!array && !isPlain(v)) return null;
      let out = array ? '[' : '{';
      for (const [k, x] of Object.entries(v as object)) {
        const s = shapeOf(x);
        if (s === null) return null;
        out += array ? `${s},` : `${k.length}:${k}${s},`;
      }
      return out + (array ? ']' : '}');
    }
    default:
      return null;
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** `input` with its keys (at every level) in the order `template`'s are: the same shape assumed. */
function orderedLike(template: unknown, input: unknown): unknown {
  if (Array.isArray(template)) return (input as unknown[]).map((x, i) => orderedLike(template[i], x));
  if (template === null || typeof template !== 'object') return input;
  const out: Record<string, unknown> = {};
  for (const [k, t] of Object.entries(template)) out[k] = orderedLike(t, (input as Record<string, unknown>)[k]);
  return out;
}

/** A strict hash without checks of its own: its fields in order, each with whether it may be left out. */
interface Walk {
  fields: [name: string, schema: z.ZodType, optional: boolean][];
  names: Set<string>;
}

function walkOf(schema: z.ZodType): Walk | null {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'optional' && def.innerType) return walkOf(def.innerType);
  if (!(schema instanceof z.ZodObject)) return null;
  const { catchall, checks } = schema._zod.def;
  if (catchall?._zod.def.type !== 'never' || checks?.length) return null;
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, f]) => [k, f, f._zod.def.type === 'optional'] as [string, z.ZodType, boolean]);
  return { fields, names: new Set(fields.map(([k]) => k)) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A parser for in-process parameters that validates by field and shape, and one input in `sampleEvery` in full. */
export function parseByShape(sampleEvery: number): ParseSdkParams & { stats: { parsed: number; taken: number } } {
  /**
   * Per schema: its walk (a strict hash), and per shape of value what the first full parse gave
   * (its key order), or null if that parse changed the value.
   */
  const schemas = new WeakMap<z.ZodType, { walk: Walk | null; shapes: Map<string, unknown> }>();
  const stats = { parsed: 0, taken: 0 };
  let inputs = 0;

  const value = (schema: z.ZodType, input: unknown): unknown => {
    let known = schemas.get(schema);
    if (!known) schemas.set(schema, (known = { walk: walkOf(schema), shapes: new Map() }));
    const { walk, shapes } = known;
    if (walk && isPlain(input) && Object.keys(input).every((k) => walk.names.has(k))) {
      const out: Record<string, unknown> = {};
      for (const [k, field, optional] of walk.fields) {
        const v = input[k];
        if (v !== undefined) out[k] = value(field, v);
        // A required field missing: the full parse, and its 400.
        else if (!optional) return full(schema, input);
      }
      return out;
    }
    const key = shapeOf(input);
    if (key === null) return full(schema, input);
    const template = shapes.get(key);
    if (template !== undefined && template !== null) return orderedLike(template, input);
    const parsed = full(schema, input);
    if (template === undefined) shapes.set(key, same(orderedLike(parsed, input), parsed) ? parsed : null);
    return parsed;
  };

  const full = (schema: z.ZodType, input: unknown): unknown => {
    stats.parsed++;
    return parseSdkParams(schema, input);
  };

  const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
    if (++inputs % sampleEvery !== 0) {
      stats.taken++;
      return value(schema, input) as z.output<S>;
    }
    const parsed = full(schema, input);
    const walked = value(schema, input);
    if (!same(walked, parsed)) throw new Error(`parseByShape: an input was answered otherwise than its parse would: ${JSON.stringify(input)}`);
    return parsed as z.output<S>;
  };
  return Object.assign(parse, { stats });
}
