// Reads an emulator route's zod schema into a ParamNode: objects (strict hashes), optional keys,
// unions, arrays, records, literals, and the values of oneOf() (from the `enumValues` registry,
// since they live in a transform).
import type { z } from 'zod';
import { enumValues } from '../../core/params';
import { mergeNodes, type ParamNode } from './tree';

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: z.core.$ZodType): Def => s._zod.def as unknown as Def;

export function zodNode(schema: z.core.$ZodType, depth = 0): ParamNode {
  if (depth > 20) throw new Error('zod schema nested too deep');
  const values = enumValues.get(schema as z.ZodType)?.values;
  if (values) return { enum: new Set(values.filter((v) => v !== '')) };
  const def = defOf(schema);
  const next = (s: unknown) => zodNode(s as z.core.$ZodType, depth + 1);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return next(def.innerType);
    case 'pipe':
      // A transform's input is what the request carries.
      return next(def.in);
    case 'lazy':
      return next((def.getter as () => unknown)());
    case 'union':
      return (def.options as unknown[]).map(next).reduce(mergeNodes);
    case 'intersection':
      return mergeNodes(next(def.left), next(def.right));
    case 'literal': {
      const lits = (def.values as unknown[]).map(String);
      const node: ParamNode = {};
      if (lits.includes('')) node.emptyable = true;
      const rest = lits.filter((v) => v !== '');
      if (rest.length > 0) node.enum = new Set(rest);
      return node;
    }
    case 'enum':
      return { enum: new Set(Object.values(def.entries as Record<string, string>).map(String)) };
    case 'string':
      return { string: true };
    case 'number':
    case 'int':
    case 'boolean':
    case 'bigint':
      return { scalar: true };
    case 'array':
      return { items: next(def.element) };
    case 'record':
      return { anyKeys: true };
    case 'unknown':
    case 'any':
      return { string: true, anyKeys: true };
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const props = new Map(Object.entries(shape).map(([k, s]) => [k, { node: next(s), required: s._zod.optin !== 'optional' }]));
      const catchall = def.catchall as z.core.$ZodType | undefined;
      const anyKeys = catchall !== undefined && defOf(catchall).type !== 'never';
      return anyKeys ? { props, anyKeys } : { props };
    }
    default:
      throw new Error(`schema-drift: zod type '${def.type}' is not understood; teach tests/schema-drift/zod-params.ts`);
  }
}
