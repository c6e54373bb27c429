// Generated from the permission matrix: for every page, route handler and server action, a
// signed-out caller and every role without the permission are refused on the server, and every
// role with it is allowed. Pages and handlers are the real modules, called with a faked session
// (the database is PGlite in memory); the Stripe backend is a spy that must not be reached when
// the caller is refused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { can, ROLES, type Permission, type Role } from '@/lib/auth/permissions';
import { API_ROUTES, PAGE_ROUTES, PUBLIC_API_ROUTE_FILES, samplePath } from '@/lib/auth/routes';
import { openPglite, type OpenDb } from '@/lib/db/open';
import { createOperator } from '@/lib/operators/store';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
const stripeSpy = vi.hoisted(() => ({ countConnectedAccounts: vi.fn(async () => 7) }));

vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/accounts/queries', () => stripeSpy);
// next-auth itself is not under test here (and does not load outside Next).
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/auth/config', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), CREDENTIALS_PROVIDER_ID: 'credentials', OIDC_PROVIDER_ID: 'oidc' }));

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const ROOT = process.cwd();
let opened: OpenDb;
const operatorsByRole = new Map<Role, SessionOperator>();

beforeAll(async () => {
  opened = await openPglite();
  session.db = opened.db;
  for (const role of ROLES) operatorsByRole.set(role, await createOperator(opened.db, { email: `${role}@matrix.test`, name: role, role }));
}, 60_000);
afterAll(async () => opened?.close());
beforeEach(() => {
  session.operator = null;
  stripeSpy.countConnectedAccounts.mockClear();
});

type Caller = { label: string; role: Role | null; allowed: boolean };

function callersFor(permission: Permission | null): Caller[] {
  return [
    { label: 'signed out', role: null, allowed: false },
    ...ROLES.map((role) => ({ label: role, role, allowed: permission === null || can(role, permission) })),
  ];
}

function signInAs(role: Role | null) {
  session.operator = role ? operatorsByRole.get(role)! : null;
}

function filesNamed(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesNamed(full, name));
    else if (entry === name) out.push(path.relative(ROOT, full));
  }
  return out;
}

/** app/(console)/transfers/reversals/[id]/page.tsx -> /transfers/reversals/[id] */
function patternOf(file: string): string {
  const route = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !segment.startsWith('('))
    .join('/');
  return `/${route}`;
}

function digestOf(error: unknown): string {
  return typeof error === 'object' && error && 'digest' in error ? String((error as { digest: unknown }).digest) : String(error);
}

describe('pages', () => {
  const pageFiles = filesNamed(path.join(ROOT, 'app', '(console)'), 'page.tsx');

  it('every console page is in the route registry, and the registry has no stale entry', () => {
    expect(pageFiles.map(patternOf).sort()).toEqual(PAGE_ROUTES.map((route) => route.pattern).sort());
  });

  for (const file of pageFiles) {
    const pattern = patternOf(file);
    const permission = PAGE_ROUTES.find((route) => route.pattern === pattern)?.permission ?? null;

    it(`${pattern} asks for ${permission} before anything else`, () => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      expect(source).toContain(`await requirePermission('${permission}')`);
    });

    describe.each(callersFor(permission))(`${pattern} as $label`, ({ role, allowed }) => {
      it(allowed ? 'renders' : 'is refused before any backend call', async () => {
        signInAs(role);
        const { default: Page } = (await import(/* @vite-ignore */ path.join(ROOT, file))) as {
          default: (props: unknown) => Promise<unknown>;
        };
        const sample = samplePath(pattern).split('/').at(-1)!;
        const props = { params: Promise.resolve({ id: sample }), searchParams: Promise.resolve({}) };
        if (allowed) {
          await expect(Page(props)).resolves.toBeTruthy();
        } else {
          const error = await Page(props).then(
            () => null,
            (thrown: unknown) => thrown,
          );
          expect(digestOf(error)).toMatch(role === null ? /^NEXT_REDIRECT;.*;\/sign-in;/ : /^NEXT_HTTP_ERROR_FALLBACK;403$/);
          expect(stripeSpy.countConnectedAccounts).not.toHaveBeenCalled();
        }
      });
    });
  }
});

describe('route handlers', () => {
  const routeFiles = filesNamed(path.join(ROOT, 'app', 'api'), 'route.ts');

  it('every route handler is either guarded (in API_ROUTES) or public by design', () => {
    const known = [...API_ROUTES.map((route) => route.file), ...PUBLIC_API_ROUTE_FILES].sort();
    expect(routeFiles.sort()).toEqual(known);
  });

  for (const route of API_ROUTES) {
    describe.each(callersFor(route.permission))(`GET ${route.path} as $label`, ({ role, allowed }) => {
      it(allowed ? 'answers 200' : 'is refused with 401/403', async () => {
        signInAs(role);
        const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, route.file))) as {
          GET: (request: Request, context: unknown) => Promise<Response>;
        };
        const response = await GET(new Request(`http://localhost${route.path}`), { params: Promise.resolve({}) });
        expect(response.status).toBe(allowed ? 200 : role === null ? 401 : 403);
        await response.body?.cancel();
      });
    });
  }
});

describe('server actions', () => {
  // A valid input per action; a new action without one fails here until it gets one.
  const sampleInputs: Record<string, () => Promise<Record<string, unknown>>> = {
    changeOperatorRole: async () => {
      const target = await createOperator(opened.db, { email: `t-${Math.random()}@matrix.test`, name: 'T', role: 'viewer' });
      return { operatorId: target.id, role: 'support' };
    },
    revokeOperatorSessions: async () => {
      const target = await createOperator(opened.db, { email: `r-${Math.random()}@matrix.test`, name: 'R', role: 'viewer' });
      return { operatorId: target.id };
    },
    signOutEverywhere: async () => ({}),
  };
  // Public by design: signing in and out.
  const PUBLIC_ACTIONS = ['signInWithPasswordAction', 'signInWithSsoAction', 'signOutAction'];

  const actionFiles = [...filesNamed(path.join(ROOT, 'lib'), 'actions.ts'), ...filesNamed(path.join(ROOT, 'app'), 'actions.ts')];

  it('finds the action modules', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of actionFiles) {
    it(`${file}: every export is a guarded safe action (or public by design), each matrix-checked`, async () => {
      const { actionMetadata } = await import('@/lib/actions/safe-action');
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [exportName, action] of Object.entries(mod)) {
        if (PUBLIC_ACTIONS.includes(exportName)) continue;
        const meta = actionMetadata(action);
        expect(meta, `${file} exports ${exportName}, which is not made with defineAction`).toBeDefined();
        const sample = sampleInputs[meta!.name];
        expect(sample, `no sample input for action ${meta!.name}`).toBeDefined();
        for (const caller of callersFor(meta!.permission)) {
          signInAs(caller.role);
          const input = { ...(await sample!()), idempotencyKey: `key-${caller.label.replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}` };
          const result = (await (action as (input: unknown) => Promise<{ ok: boolean; error?: string }>)(input)) as {
            ok: boolean;
            error?: string;
          };
          const refusal = caller.role === null ? REFUSAL_MESSAGES['signed-out'] : REFUSAL_MESSAGES.forbidden;
          if (caller.allowed) expect(result, `${meta!.name} as ${caller.label}`).toMatchObject({ ok: true });
          else expect(result, `${meta!.name} as ${caller.label}`).toEqual({ ok: false, error: refusal });
        }
      }
    });
  }
});
