// The shape of a set of request parameters, as both sides of the schema-drift test see it: the
// `stripe` package's declared params type (sdk-params.ts) and an emulator route's zod schema
// (zod-params.ts) are both read into a ParamNode, then compared (compare.ts).

export interface ParamProp {
  node: ParamNode;
  required: boolean;
}

/** What one parameter accepts; a union of several kinds sets several fields. */
export interface ParamNode {
  /** Any string (on the SDK side a plain `string`, not an open enum). */
  string?: boolean;
  /** An open enum (the SDK's `'a' | 'b' | OtherString`): its values are listed, others are tolerated. */
  open?: boolean;
  /** Numbers or booleans (the emulator's forms carry them as strings). */
  scalar?: boolean;
  /** String literals (without ''). */
  enum?: Set<string>;
  /** '' is accepted (Stripe's "unset"). */
  emptyable?: boolean;
  /** A hash with named keys. */
  props?: Map<string, ParamProp>;
  /** A hash with any keys (metadata, records). */
  anyKeys?: boolean;
  /** An array of these. */
  items?: ParamNode;
}

/** Merges the kinds of two alternatives (a union) into one node. */
export function mergeNodes(a: ParamNode, b: ParamNode): ParamNode {
  const out: ParamNode = { ...a };
  if (b.string) out.string = true;
  if (b.open) out.open = true;
  if (b.scalar) out.scalar = true;
  if (b.emptyable) out.emptyable = true;
  if (b.anyKeys) out.anyKeys = true;
  if (b.enum) out.enum = new Set([...(a.enum ?? []), ...b.enum]);
  if (b.items) out.items = a.items ? mergeNodes(a.items, b.items) : b.items;
  if (b.props) {
    const props = new Map(a.props ?? []);
    for (const [k, p] of b.props) {
      const prior = props.get(k);
      // A key is required in a union of hashes only when every alternative that has it requires it.
      props.set(k, prior ? { node: mergeNodes(prior.node, p.node), required: prior.required && p.required } : p);
    }
    out.props = props;
  }
  return out;
}
