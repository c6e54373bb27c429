// Why an account is or is not enabled: requirements, capability statuses and `disabled_reason`
// are derived at every read from what the account lacks (its country's verification fields),
// what Stripe is checking or refused, its deadline and any rejection. Nothing here is stored.
import type Stripe from 'stripe';
import type { Ctx } from '../core/router';
import { atLeast, VERSION } from '../core/versions';
import type { AccountFacts, Rejection, World } from '../core/world';
import { countrySpec } from '../data/country-specs';

type Fields = string[];
const PERSON_GROUPS = { representative: 'representative', owners: 'owner', directors: 'director', executives: 'executive' } as const;

const SECRETS: Record<string, string> = { id_number: 'id_number_provided', ssn_last_4: 'ssn_last_4_provided', tax_id: 'tax_id_provided', vat_id: 'vat_id_provided' };

/** A field path as the steps `present` walks; the set of paths is small (country specs), so they are kept. */
const stepsOf = new Map<string, string[]>();
function steps(path: string): string[] {
  let parts = stepsOf.get(path);
  if (!parts) {
    parts = path.split('.');
    const last = parts[parts.length - 1];
    if (SECRETS[last]) parts[parts.length - 1] = SECRETS[last];
    if (last === 'document' || last === 'additional_document') parts.push('front');
    stepsOf.set(path, parts);
  }
  return parts;
}

/** Reads a dotted path on a Stripe object, with Stripe's "provided" flags for secrets. */
function present(obj: unknown, path: string): boolean {
  let v: unknown = obj;
  for (const p of steps(path)) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string, unknown>)[p];
  }
  return v !== null && v !== undefined && v !== '' && v !== false;
}

function personsOf(world: World, accountId: string): Stripe.Person[] {
  return world.persons.newestFirstIn(accountId);
}

function hasExternalAccount(world: World, accountId: string): boolean {
  return world.externalAccounts.countIn(accountId) > 0;
}

/** The fields of `wanted` this account does not have yet, named as Stripe names them. */
function missing(world: World, account: Stripe.Account, wanted: Fields): Fields {
  const out = new Set<string>();
  const persons = personsOf(world, account.id);
  for (const field of wanted) {
    const dot = field.indexOf('.');
    const head = dot < 0 ? field : field.slice(0, dot);
    const tail = dot < 0 ? '' : field.slice(dot + 1);
    if (field === 'external_account') {
      if (!hasExternalAccount(world, account.id)) out.add(field);
    } else if (head in PERSON_GROUPS) {
      const rel = PERSON_GROUPS[head as keyof typeof PERSON_GROUPS];
      const providedFlag = `${head}_provided`;
      if (rel !== 'representative' && account.company && (account.company as unknown as Record<string, unknown>)[providedFlag]) continue;
      const group = persons.filter((p) => (p.relationship as unknown as Record<string, unknown> | undefined)?.[rel] === true);
      if (group.length === 0) out.add(field);
      for (const p of group) if (!present(p, tail)) out.add(`${p.id}.${tail}`);
    } else if (!present(account, field)) {
      out.add(field);
    }
  }
  return [...out];
}

/** Stripe.Account.Requirements with the arrays the emulator always fills. */
export interface Due {
  alternatives: Stripe.Account.Requirements.Alternative[];
  current_deadline: number | null;
  currently_due: string[];
  disabled_reason: Stripe.Account.Requirements.DisabledReason | null;
  errors: Stripe.Account.Requirements.Error[];
  eventually_due: string[];
  past_due: string[];
  pending_verification: string[];
}

export interface AccountState {
  requirements: Due;
  future_requirements: Stripe.Account.FutureRequirements;
  capabilityStatus: Record<string, Stripe.Capability.Status>;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  /** Whether the due fields stop the account (past due, or being verified before activation). */
  blocked: 'past_due' | 'pending_verification' | null;
}

function verificationFields(account: Stripe.Account): { minimum: Fields; additional: Fields } {
  const spec = countrySpec(account.country ?? 'US') ?? countrySpec('US');
  if (!spec) return { minimum: [], additional: [] };
  const kind = account.business_type === 'individual' ? 'individual' : 'company';
  const { minimum, additional } = spec.verification_fields[kind];
  if (account.business_type) return { minimum, additional };
  // Until the business type is known only the fields common to both are asked for.
  const common = (f: string) => !/^(individual|company|representative|owners|directors|executives)\./.test(f);
  return { minimum: [...minimum.filter(common), 'business_type'].filter((f, i, a) => a.indexOf(f) === i), additional: additional.filter(common) };
}

const sortUnique = (fields: Iterable<string>) => [...new Set(fields)].sort();

/** Renders a rejection's `disabled_reason` for the request's API version (2026-09-30.endive split platform and Stripe rejections). */
export function rejectionReason(r: Rejection, version: string): Stripe.Account.Requirements.DisabledReason {
  const fraud = r.reason === 'fraud' || r.reason.startsWith('fraud_');
  const base = fraud ? 'fraud' : r.reason === 'terms_of_service' ? 'terms_of_service' : r.by === 'stripe' && (r.reason === 'listed' || r.reason === 'incomplete_verification') ? r.reason : 'other';
  if (r.by === 'platform' && atLeast(version, VERSION.rejectReasons)) return `rejected.platform_${base}` as Stripe.Account.Requirements.DisabledReason;
  return `rejected.${base}` as Stripe.Account.Requirements.DisabledReason;
}

export function computeAccountState(world: World, account: Stripe.Account, facts: AccountFacts, now: number, version: string): AccountState {
  const { minimum, additional } = verificationFields(account);
  const requested = [...facts.capabilities].filter(([, c]) => c.requested);
  const pending = new Set(facts.pendingVerification);
  const errorFields = facts.errors.map((e) => e.requirement);
  const missingMin = missing(world, account, minimum).filter((f) => !pending.has(f));
  const missingAdd = missing(world, account, additional).filter((f) => !pending.has(f));
  const dueNow = requested.length === 0 ? [] : sortUnique([...missingMin, ...(facts.requireAdditional ? missingAdd : []), ...errorFields]);
  const eventually = requested.length === 0 ? [] : sortUnique([...missingMin, ...missingAdd, ...errorFields]);
  const deadlinePassed = facts.deadline === null || facts.deadline <= now;
  const pastDue = dueNow.length > 0 && deadlinePassed ? dueNow : [];
  const pendingBlocks = pending.size > 0 && deadlinePassed;
  const blocked = pastDue.length > 0 ? 'past_due' : pendingBlocks ? 'pending_verification' : null;

  let disabled: Stripe.Account.Requirements.DisabledReason | null = null;
  if (facts.rejection) disabled = rejectionReason(facts.rejection, version);
  else if (requested.length === 0) disabled = 'action_required.requested_capabilities';
  else if (blocked === 'past_due') disabled = 'requirements.past_due';
  else if (blocked === 'pending_verification') disabled = 'requirements.pending_verification';

  const capabilityStatus: Record<string, Stripe.Capability.Status> = {};
  for (const [name, c] of facts.capabilities) {
    capabilityStatus[name] = !c.requested ? 'unrequested' : facts.rejection || blocked === 'past_due' ? 'inactive' : blocked ? 'pending' : 'active';
  }
  const futureDue = sortUnique(facts.future.fields.filter((f) => !present(account, f)));
  const external = hasExternalAccount(world, account.id);
  const anyActive = Object.values(capabilityStatus).includes('active');
  const payoutsPaused = facts.rejection !== null && facts.rejection.payoutsAction === 'pause';
  return {
    requirements: {
      alternatives: [],
      current_deadline: dueNow.length > 0 && !deadlinePassed ? facts.deadline : null,
      currently_due: dueNow,
      disabled_reason: disabled,
      errors: facts.errors,
      eventually_due: eventually,
      past_due: pastDue,
      pending_verification: sortUnique(pending),
    },
    future_requirements: {
      alternatives: [],
      current_deadline: futureDue.length > 0 ? facts.future.deadline : null,
      currently_due: futureDue,
      disabled_reason: null,
      errors: [],
      eventually_due: futureDue,
      past_due: [],
      pending_verification: [],
    },
    capabilityStatus,
    charges_enabled: capabilityStatus.card_payments === 'active',
    payouts_enabled: !payoutsPaused && blocked === null && external && (anyActive || (facts.rejection !== null && !payoutsPaused)),
    details_submitted: Boolean(account.business_type) && present(account, 'tos_acceptance.date'),
    blocked,
  };
}

/** The capability object Stripe answers for one capability of an account. */
export function renderCapability(
  world: World,
  account: Stripe.Account,
  facts: AccountFacts,
  name: string,
  now: number,
  version: string,
  /** The account's state at `now` and `version`, when the caller has it already (one per account, not per capability). */
  state: AccountState = computeAccountState(world, account, facts, now, version),
): Stripe.Capability {
  const c = facts.capabilities.get(name)!;
  const status = state.capabilityStatus[name];
  const r = state.requirements;
  const capDisabled: Stripe.Capability.Requirements.DisabledReason | null =
    status === 'active' || status === 'unrequested'
      ? null
      : facts.rejection
        ? 'rejected.other'
        : state.blocked === 'past_due'
          ? 'requirements.fields_needed'
          : 'pending.review';
  const due = c.requested ? r : { ...r, currently_due: [], past_due: [], eventually_due: [], errors: [], current_deadline: null };
  return {
    id: name,
    object: 'capability',
    account: account.id,
    requested: c.requested,
    requested_at: c.requested_at,
    status,
    requirements: {
      alternatives: [],
      current_deadline: due.current_deadline,
      currently_due: due.currently_due,
      disabled_reason: capDisabled,
      errors: due.errors,
      eventually_due: due.eventually_due,
      past_due: due.past_due,
      pending_verification: c.requested ? r.pending_verification : [],
    },
    future_requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: [],
      disabled_reason: null,
      errors: [],
      eventually_due: [],
      past_due: [],
      pending_verification: [],
    },
  };
}

/** The person as Stripe answers it: its own requirements, and its verification status. */
export function renderPerson(ctx: Ctx, person: Stripe.Person): Stripe.Person {
  const account = ctx.world.accounts.get(person.account);
  const facts = ctx.world.accountFacts.get(person.account);
  const own = (fields: string[]) => fields.filter((f) => f.startsWith(`${person.id}.`)).map((f) => f.slice(person.id.length + 1));
  let state: AccountState | null = null;
  if (account && facts) state = computeAccountState(ctx.world, account, facts, ctx.now(), ctx.apiVersion);
  const req = state?.requirements;
  const pendingOwn = req ? own(req.pending_verification) : [];
  const docPending = pendingOwn.some((f) => f.startsWith('verification.'));
  const verified = person.verification?.status === 'verified';
  return {
    ...person,
    requirements: {
      alternatives: [],
      currently_due: req ? own(req.currently_due) : [],
      errors: req ? req.errors.filter((e) => e.requirement.startsWith(`${person.id}.`)) : [],
      eventually_due: req ? own(req.eventually_due) : [],
      past_due: req ? own(req.past_due) : [],
      pending_verification: pendingOwn,
    },
    future_requirements: {
      alternatives: [],
      currently_due: [],
      errors: [],
      eventually_due: [],
      past_due: [],
      pending_verification: [],
    },
    verification: {
      ...(person.verification ?? { additional_document: null, details: null, details_code: null, document: null }),
      status: verified ? 'verified' : docPending ? 'pending' : person.verification?.status ?? 'unverified',
    } as Stripe.Person.Verification,
  };
}
