// Validating many parameter sets of few shapes, as the scale seed makes them (100,000 accounts
// from a dozen scenarios): each distinct shape (its keys, in order, and the types of its values)
// goes through the API's own schema in full the first time, and so does one in `sampleEvery` of
// the rest. When that parse gives back its input but for the order of keys (the usual case: the
// seed already writes numbers as numbers, booleans as booleans; a schema answers its keys in its
// own order), the other inputs of the shape are taken as they are, their keys put in the order
// the parse gave, which is what their parse would have returned. A shape whose parse changes its
// values (a schema that transforms) is parsed every time. A sampled input that fails validation,
// or parses to other than itself although its shape did not, stops the seed: the shortcut would
// have been wrong.
import type { z } from 'zod';
import { parseSdkParams, type ParseSdkParams } from '../core/params';

/** The input's shape: its keys in order and its values' types ('' apart), or null for what is not plain data. */
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
      if (!array && Object.getPrototypeOf(v) !== Object.prototype) return null;
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

/** `input` with its keys (at every level) in the order `template`'s are: the same shape assumed. */
function orderedLike(template: unknown, input: unknown): unknown {
  if (Array.isArray(template)) return (input as unknown[]).map((x, i) => orderedLike(template[i], x));
  if (template === null || typeof template !== 'object') return input;
  const out: Record<string, unknown> = {};
  for (const [k, t] of Object.entries(template)) out[k] = orderedLike(t, (input as Record<string, unknown>)[k]);
  return out;
}

interface Shape {
  /** What the first full parse of the shape gave (its key order), or null if its values were changed by the parse. */
  template: unknown;
  seen: number;
}

/** A parser for in-process parameters that parses each shape in full once, and one in `sampleEvery` after. */
export function parseByShape(sampleEvery: number): ParseSdkParams & { stats: { parsed: number; taken: number } } {
  const bySchema = new WeakMap<z.ZodType, Map<string, Shape>>();
  const stats = { parsed: 0, taken: 0 };
  const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
    const key = shapeOf(input);
    if (key === null) return parseSdkParams(schema, input);
    let shapes = bySchema.get(schema);
    if (!shapes) bySchema.set(schema, (shapes = new Map()));
    const shape = shapes.get(key);
    if (shape && shape.template !== null && shape.seen++ % sampleEvery !== 0) {
      stats.taken++;
      return orderedLike(shape.template, input) as z.output<S>;
    }
    stats.parsed++;
    const parsed: unknown = parseSdkParams(schema, input);
    const same = JSON.stringify(orderedLike(parsed, input)) === JSON.stringify(parsed);
    if (!shape) shapes.set(key, { template: same ? parsed : null, seen: 1 });
    else if (shape.template !== null && !same) throw new Error(`parseByShape: an input parsed to other than itself although its shape did not: ${JSON.stringify(input)}`);
    return parsed as z.output<S>;
  };
  return Object.assign(parse, { stats });
}
