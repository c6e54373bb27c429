// One lint setup for the whole repo (app, scripts, tests and the emulator), run by `npm run lint`.
// It also enforces the house's walls (STYLE.md): domain code in lib/ never imports the UI, nothing
// but the emulator's own tooling imports the emulator, and client code never imports the Stripe
// client, the database or a server-only module.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

// Wall (a): domain code (lib/) does not import components/ or app/, by alias or relative path.
const NO_UI = {
  group: ['@/components', '@/components/*', '@/app', '@/app/*', '**/components/*', '**/app/*'],
  message: 'Domain code (lib/) must not import UI (components/) or routes (app/): move the shared part into lib/.',
};
// Wall (b): the app reaches the emulator over HTTP only, like Stripe.
const NO_EMULATOR = {
  group: ['@/lib/emulator', '@/lib/emulator/*', '**/lib/emulator', '**/lib/emulator/*', '**/emulator', '**/emulator/*'],
  message: 'Only the emulator itself, tests/, scripts/, bench/ and e2e/ may import lib/emulator: the app talks to it over HTTP.',
};
// Where the emulator may be imported from.
const EMULATOR_TOOLING = ['lib/emulator/**', 'tests/**', 'scripts/**', 'bench/**', 'e2e/**'];

// Wall (c), as a rule: a file that starts with 'use client' runs in the browser, so it may not import
// (other than `import type`) the Stripe client, the database, the emulator, `server-only`, or any module
// marked server-only (found by reading the imported file, so new server modules are covered at once).
const CLIENT_FORBIDDEN = [/^lib\/stripe\/client(\.ts)?$/, /^lib\/db(\/|$)/, /^lib\/emulator(\/|$)/];
const serverOnlyCache = new Map();
function resolveModule(spec, fromFile) {
  let base;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate)) return candidate;
  }
  return base;
}
function isServerOnly(file) {
  if (!serverOnlyCache.has(file)) {
    let marked = false;
    try {
      marked = /^\s*import\s+['"]server-only['"]/m.test(readFileSync(file, 'utf8'));
    } catch {
      marked = false;
    }
    serverOnlyCache.set(file, marked);
  }
  return serverOnlyCache.get(file);
}
const clientImportsRule = {
  meta: { type: 'problem', schema: [], messages: { forbidden: "Client code ('use client') must not import {{what}}: {{spec}}." } },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
    if (!isClient) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || typeOnly) return;
      if (spec === 'server-only') return context.report({ node, messageId: 'forbidden', data: { what: 'server-only', spec } });
      const file = resolveModule(spec, context.filename);
      if (!file) return;
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (CLIENT_FORBIDDEN.some((re) => re.test(rel))) return context.report({ node, messageId: 'forbidden', data: { what: 'the Stripe client, the database or the emulator', spec } });
      if (isServerOnly(file)) context.report({ node, messageId: 'forbidden', data: { what: "a module marked 'server-only'", spec } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `_name` marks a deliberately unused argument or binding.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // The walls. A later block replaces an earlier one's `no-restricted-imports`, so each block lists all it needs.
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts}'],
    ignores: [...EMULATOR_TOOLING, 'lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_EMULATOR] }] },
  },
  {
    files: ['lib/**/*.{ts,tsx,js,mjs}'],
    ignores: ['lib/emulator/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI, NO_EMULATOR] }] },
  },
  {
    files: ['lib/emulator/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI] }] },
  },
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs}'],
    plugins: { walls: { rules: { 'client-imports': clientImportsRule } } },
    rules: { 'walls/client-imports': 'error' },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'node_modules/**',
    'playwright-report/**',
    'test-results/**',
    '.data/**',
    'next-env.d.ts',
  ]),
]);

export default eslintConfig;
