// A list of fault rules with its control API: what the request faults (faults.ts) and the webhook
// delivery faults (webhooks/faults.ts) share. Each rule has an id (`<prefix>_<n>`), a compiled
// pattern, a rate and a count; the list fires a rule (ruleFires) and retires it once its count is
// used up, and answers GET/POST/DELETE <path> and GET/DELETE <path>/:id. What a rule is and how a
// body becomes rules stays with each kind of fault.
import { invalidRequest } from './core/errors';

/** A rule as the list keeps it: the view callers see, plus its compiled pattern. */
export type LiveRule<View> = View & { id: string; regex: RegExp; rate: number; remaining: number | null; hits: number };

export interface RuleListSpec {
  /** Id prefix: `flt` gives flt_1, flt_2... */
  prefix: string;
  /** The control API's path, e.g. `/_emulator/faults`. */
  path: string;
  /** What one rule is called in errors: "fault rule". */
  noun: string;
  /** A body to show when the posted one is not JSON. */
  example: string;
}

/** Compiles a path pattern: `*` is any run of characters, `:name` one segment; the rest is literal. */
export function compilePattern(pattern: string): RegExp {
  let source = '';
  for (const part of pattern.split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':') && part.length > 1) source += '[^/]+';
    else source += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A small seeded generator (mulberry32 over an FNV-1a hash of the seed): values in [0, 1). */
export function seededRandom(seed: string | number): () => number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Whether a matching rule fires now: never once its count is used up; else by its rate (0 and 1
 * draw nothing from `random`). A firing counts a hit and uses one of its count; the caller retires
 * the rule when `remaining` reaches 0.
 */
export function ruleFires(rule: { rate: number; remaining: number | null; hits: number }, random: () => number): boolean {
  if (rule.remaining !== null && rule.remaining <= 0) return false;
  const hit = rule.rate >= 1 ? true : rule.rate <= 0 ? false : random() < rule.rate;
  if (!hit) return false;
  rule.hits++;
  if (rule.remaining !== null) rule.remaining--;
  return true;
}

type Answer = { status: number; body: string };

export class RuleList<View extends { id: string }> {
  private rules: LiveRule<View>[] = [];
  private nextId = 1;

  constructor(private readonly spec: RuleListSpec) {}

  /** The next rule id. */
  newId(): string {
    return `${this.spec.prefix}_${this.nextId++}`;
  }

  /** No rules; ids start again at 1. */
  restart(): void {
    this.rules = [];
    this.nextId = 1;
  }

  /** Drops every rule (ids keep counting). */
  clear(): number {
    const removed = this.rules.length;
    this.rules = [];
    return removed;
  }

  push(...rules: LiveRule<View>[]): void {
    this.rules.push(...rules);
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** The live rules, in the order they were added (a copy: firing may retire rules meanwhile). */
  all(): LiveRule<View>[] {
    return [...this.rules];
  }

  get size(): number {
    return this.rules.length;
  }

  list(): View[] {
    return this.rules.map(view);
  }

  /** Whether a rule fires now (ruleFires); a rule whose count is used up leaves the list. */
  fires(rule: LiveRule<View>, random: () => number): boolean {
    if (!ruleFires(rule, random)) return false;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return true;
  }

  /**
   * The control API (the caller checks loopback and reads the body): GET lists, POST adds (JSON,
   * through `add`), DELETE clears, GET|DELETE <path>/:id one rule. Null when the path is not this
   * list's.
   */
  control(method: string, pathname: string, rawBody: string, add: (input: unknown) => View[], seeded: boolean): Answer | null {
    const json = (v: unknown): Answer => ({ status: 200, body: JSON.stringify(v, null, 2) });
    if (pathname === this.spec.path) {
      if (method === 'GET') return json({ object: 'list', seeded, data: this.list() });
      if (method === 'DELETE') return json({ ok: true, removed: this.clear() });
      if (method === 'POST') {
        let input: unknown;
        try {
          input = JSON.parse(rawBody);
        } catch (e) {
          throw invalidRequest(`The body must be JSON, e.g. ${this.spec.example} (${e instanceof Error ? e.message : 'unparseable'}).`);
        }
        return json({ object: 'list', data: add(input) });
      }
      return null;
    }
    if (!pathname.startsWith(`${this.spec.path}/`)) return null;
    const rest = pathname.slice(this.spec.path.length + 1);
    if (rest === '' || rest.includes('/')) return null;
    const id = decodeURIComponent(rest);
    if (method === 'GET') {
      const rule = this.list().find((r) => r.id === id);
      if (!rule) throw this.noSuchRule(id);
      return json(rule);
    }
    if (method === 'DELETE') {
      if (!this.remove(id)) throw this.noSuchRule(id);
      return json({ id, deleted: true });
    }
    return null;
  }

  private noSuchRule(id: string) {
    return invalidRequest(`No such ${this.spec.noun}: '${id}' (it may have been used up or cleared).`, { code: 'resource_missing' }, 404);
  }
}

function view<View extends { id: string }>(r: LiveRule<View>): View {
  const { regex: _regex, ...rest } = r;
  return rest as unknown as View;
}
