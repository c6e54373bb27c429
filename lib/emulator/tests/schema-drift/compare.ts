// Compares what an emulator route accepts with what the SDK declares for its method, parameter by
// parameter (names in Stripe's bracket notation, `[]` for an array's items): names, nesting, enum
// values and required-ness. Each difference has a stable id, which the allowlist names.
import type { ParamNode } from './tree';

export type DriftKind =
  /** The emulator accepts a parameter the SDK does not declare. */
  | 'undeclared'
  /** The SDK declares a parameter the emulator refuses. */
  | 'unaccepted'
  /** Required on one side, optional on the other. */
  | 'required'
  /** The emulator accepts an enum value the SDK does not list. */
  | 'enum-extra'
  /** The SDK lists an enum value the emulator refuses. */
  | 'enum-missing'
  /** The SDK lists a closed set of values; the emulator's schema takes any string. */
  | 'enum-unchecked'
  /** The emulator takes any keys where the SDK declares named ones (checked further in the handler, or not at all). */
  | 'any-keys'
  /** One side takes a hash or an array where the other does not. */
  | 'shape';

export interface Drift {
  route: string;
  kind: DriftKind;
  param: string;
  /** The enum value, for enum-extra and enum-missing. */
  value?: string;
  message: string;
}

export const driftId = (d: Pick<Drift, 'route' | 'kind' | 'param' | 'value'>) => `${d.route} ${d.kind} ${d.param}${d.value !== undefined ? `=${d.value}` : ''}`;

const join = (prefix: string, key: string) => (prefix === '' ? key : `${prefix}[${key}]`);
const hashLike = (n: ParamNode) => n.props !== undefined || n.anyKeys === true;
const valueLike = (n: ParamNode) => n.string === true || n.open === true || n.scalar === true || (n.enum?.size ?? 0) > 0;

/** Every difference between the SDK's declaration and the emulator's schema of one route. */
export function compareParams(route: string, sdk: ParamNode, emulator: ParamNode): Drift[] {
  const out: Drift[] = [];
  walk(route, '', sdk, emulator, out);
  return out;
}

function walk(route: string, param: string, sdk: ParamNode, emu: ParamNode, out: Drift[]): void {
  const add = (kind: DriftKind, at: string, message: string, value?: string) => out.push({ route, kind, param: at, value, message });
  const name = param === '' ? 'the parameters' : `\`${param}\``;

  // Hashes.
  if (hashLike(sdk) && !hashLike(emu)) add('shape', param, `${name}: the SDK takes a hash, the emulator does not`);
  else if (!hashLike(sdk) && hashLike(emu) && param !== '') add('shape', param, `${name}: the emulator takes a hash, the SDK does not`);
  else if (hashLike(sdk) && hashLike(emu)) {
    const sdkProps = sdk.props ?? new Map();
    const emuProps = emu.props ?? new Map();
    if (emu.anyKeys && !sdk.anyKeys && sdkProps.size > 0 && emuProps.size === 0) {
      add('any-keys', param, `${name}: the emulator takes any keys, the SDK declares ${[...sdkProps.keys()].join(', ')}`);
    } else {
      for (const [key, e] of emuProps) {
        const s = sdkProps.get(key);
        const at = join(param, key);
        if (!s) {
          if (!sdk.anyKeys) add('undeclared', at, `\`${at}\` is accepted by the emulator, not declared by the SDK`);
          continue;
        }
        if (s.required !== e.required) add('required', at, `\`${at}\` is ${s.required ? 'required' : 'optional'} in the SDK, ${e.required ? 'required' : 'optional'} in the emulator`);
        walk(route, at, s.node, e.node, out);
      }
      for (const key of sdkProps.keys()) {
        const at = join(param, key);
        if (!emuProps.has(key) && !emu.anyKeys) add('unaccepted', at, `\`${at}\` is declared by the SDK, refused by the emulator`);
      }
    }
  }

  // Arrays.
  if (sdk.items && emu.items) walk(route, `${param}[]`, sdk.items, emu.items, out);
  else if (sdk.items && !emu.items) add('shape', param, `${name}: the SDK takes an array, the emulator does not`);
  else if (!sdk.items && emu.items) add('shape', param, `${name}: the emulator takes an array, the SDK does not`);

  // Values: the SDK takes a plain value where the emulator takes only a hash or array (or the reverse).
  if (valueLike(sdk) && !valueLike(emu) && (hashLike(emu) || emu.items)) add('shape', param, `${name}: the SDK takes a value, the emulator only a hash or array`);
  if (valueLike(emu) && !valueLike(sdk) && (hashLike(sdk) || sdk.items)) add('shape', param, `${name}: the emulator takes a value, the SDK only a hash or array`);

  // Enums: compared where either side lists values the other restricts.
  const sdkEnum = sdk.enum ?? new Set<string>();
  const emuEnum = emu.enum ?? new Set<string>();
  if (sdkEnum.size > 0 && !sdk.open && !sdk.string && !sdk.scalar && emu.string && emuEnum.size === 0) {
    add('enum-unchecked', param, `${name}: the SDK lists ${sdkEnum.size} values (a closed enum), the emulator's schema takes any string`);
  } else if (sdkEnum.size > 0 || emuEnum.size > 0) {
    for (const v of emuEnum) {
      if (!sdkEnum.has(v) && !sdk.string) add('enum-extra', param, `${name}: the emulator accepts '${v}', which the SDK does not list`, v);
    }
    for (const v of sdkEnum) {
      if (!emuEnum.has(v) && !emu.string) add('enum-missing', param, `${name}: the SDK lists '${v}', which the emulator refuses`, v);
    }
  }
}
