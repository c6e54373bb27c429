// Reads the `stripe` package's own declarations of method parameters (`Stripe.TransferCreateParams`
// and so on) into ParamNodes, through the TypeScript compiler API: one program over a generated
// file that names every type asked for, so the package's declarations are parsed once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { mergeNodes, type ParamNode } from './tree';

const ROOT = path.resolve(__dirname, '../../../..');
const ENTRY = path.join(ROOT, '__schema_drift_types__.ts');

/** Reads each named type (`TransferCreateParams`, `Checkout.SessionCreateParams`: names under the `Stripe` namespace). */
export function readSdkParams(names: readonly string[]): Map<string, ParamNode> {
  const unique = [...new Set(names)];
  const source = ["import type Stripe from 'stripe';", ...unique.map((n, i) => `export type T${i} = Stripe.${n};`)].join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: ROOT,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) => (path.resolve(file) === ENTRY ? ts.createSourceFile(file, source, lang) : getSourceFile(file, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === ENTRY || fileExists(file);
  const program = ts.createProgram([ENTRY], options, host);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(ENTRY));
  if (problems.length > 0) {
    throw new Error(`schema-drift: unknown SDK types: ${problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
  }
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(ENTRY)!;
  const out = new Map<string, ParamNode>();
  let i = 0;
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    out.set(unique[i++], typeNode(checker, checker.getTypeAtLocation(statement.name), 0));
  }
  return out;
}

/** The version of the `stripe` package read (for messages). */
export function sdkVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/stripe/package.json'), 'utf8')) as { version: string }).version;
}

function typeNode(checker: ts.TypeChecker, type: ts.Type, depth: number): ParamNode {
  if (depth > 20) throw new Error(`schema-drift: SDK type nested too deep: ${checker.typeToString(type)}`);
  if (type.isUnion()) return type.types.map((t) => typeNode(checker, t, depth)).reduce(mergeNodes);
  if (type.isStringLiteral()) return type.value === '' ? { emptyable: true } : { enum: new Set([type.value]) };
  // The SDK's OtherString (`string & Record<never, never>`): the enum beside it is open.
  if (type.isIntersection()) return type.types.some((t) => t.flags & ts.TypeFlags.String) ? { open: true } : type.types.map((t) => typeNode(checker, t, depth)).reduce(mergeNodes);
  if (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never)) return {};
  if (type.flags & ts.TypeFlags.String) return { string: true };
  if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral | ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.BigInt)) return { scalar: true };
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { string: true, anyKeys: true };
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return { items: item ? typeNode(checker, item, depth + 1) : {} };
  }
  if (type.flags & ts.TypeFlags.Object) {
    const node: ParamNode = {};
    if (checker.getIndexInfosOfType(type).length > 0) node.anyKeys = true;
    const props = checker.getPropertiesOfType(type);
    if (props.length > 0 || !node.anyKeys) {
      node.props = new Map(
        props.map((p) => [
          p.name,
          { node: typeNode(checker, checker.getNonNullableType(checker.getTypeOfSymbol(p)), depth + 1), required: (p.flags & ts.SymbolFlags.Optional) === 0 },
        ]),
      );
    }
    return node;
  }
  throw new Error(`schema-drift: SDK type not understood: ${checker.typeToString(type)}`);
}
