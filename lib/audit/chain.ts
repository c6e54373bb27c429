// The audit log's hash chain, pure (no database): what each entry's hashes cover and how a run
// of entries, read in id order, is checked. Keyed HMAC-SHA256, so someone who can rewrite the
// table (even its owner, with the trigger disabled) cannot forge hashes without the key.
//
// An entry's chain hash is `v1:<digest>:<link>`: the digest is an HMAC over its fixed fields, the
// link an HMAC over the previous entry's link and that digest. Together they are one HMAC chain
// over the previous link and the fields; kept apart they tell a rewritten entry (digest wrong)
// from a deleted or inserted one (link wrong). The outcome hash covers the chain hash and the
// outcome fields, and is rewritten at each allowed outcome change. Ids play no part: PostgreSQL
// skips identity values after a restart, so gaps in ids are not evidence, the links are.
import { createHmac } from 'node:crypto';

const VERSION = 'v1';

/** The fields an entry is written with and keeps for ever. */
export type ChainFields = {
  operatorId: string | null;
  operatorEmail: string;
  operatorRole: string | null;
  action: string;
  targetId: string | null;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  mode: string;
  startedAt: Date;
};

/** The fields that change while an entry is open (started, then unknown or final). */
export type OutcomeFields = {
  outcome: string;
  requestId: string | null;
  errorMessage: string | null;
  resultId: string | null;
  resolution: string | null;
  completedAt: Date | null;
};

export type ChainRow = { id: number; chainHash: string | null; outcomeHash: string | null } & ChainFields & OutcomeFields;

/**
 * JSON with object keys sorted at every depth: jsonb stores keys in its own order, so the hash
 * must not depend on it. Values first go through JSON (dates to strings, undefined dropped), as
 * they do on their way into the database.
 */
export function canonicalJson(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value ?? null));
  return JSON.stringify(sortKeys(plain));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/** An HMAC over a JSON array, so no two lists of parts encode alike. */
function mac(key: string, parts: unknown[]): string {
  return createHmac('sha256', key).update(JSON.stringify(parts)).digest('hex');
}

function entryDigest(key: string, fields: ChainFields): string {
  return mac(key, [
    'audit-entry',
    VERSION,
    fields.operatorId,
    fields.operatorEmail,
    fields.operatorRole,
    fields.action,
    fields.targetId,
    canonicalJson(fields.params),
    fields.idempotencyKey,
    fields.mode,
    fields.startedAt.toISOString(),
  ]);
}

function chainLink(key: string, previousLink: string | null, digest: string): string {
  return mac(key, ['audit-link', VERSION, previousLink, digest]);
}

/** The entry's chain hash, following the entry whose link is `previousLink` (null: the first entry). */
export function computeChainHash(key: string, previousLink: string | null, fields: ChainFields): string {
  const digest = entryDigest(key, fields);
  return `${VERSION}:${digest}:${chainLink(key, previousLink, digest)}`;
}

export function computeOutcomeHash(key: string, chainHash: string, fields: OutcomeFields): string {
  return mac(key, [
    'audit-outcome',
    VERSION,
    chainHash,
    fields.outcome,
    fields.requestId,
    fields.errorMessage,
    fields.resultId,
    fields.resolution,
    fields.completedAt ? fields.completedAt.toISOString() : null,
  ]);
}

/** Whether `chainHash` was made with `key` over these fields (its own digest; the link is not checked). */
export function digestMatches(key: string, chainHash: string, fields: ChainFields): boolean {
  const parts = chainHash.split(':');
  return parts.length === 3 && parts[0] === VERSION && parts[1] === entryDigest(key, fields);
}

/** The link part of a chain hash: what the next entry chains to, and the head to anchor elsewhere. */
export function linkOf(chainHash: string): string | null {
  const parts = chainHash.split(':');
  return parts.length === 3 && parts[0] === VERSION && parts[2] ? parts[2] : null;
}

export type ChainBreakKind = 'unchained' | 'entry' | 'link' | 'outcome';

export type ChainBreak = { id: number; kind: ChainBreakKind; message: string };

export type ChainReport = {
  /** Entries read. */
  checked: number;
  /** The last chained entry's link (null for an empty log): write it down elsewhere to notice a cut tail. */
  head: string | null;
  /** The id of that entry. */
  headId: number | null;
  breaks: ChainBreak[];
};

/**
 * Checks entries fed in ascending id order, in as many batches as the caller likes. A break is
 * reported once, at the entry where it shows: an entry whose fields or outcome no longer match
 * its hashes, or whose link does not follow the entry before it (entries deleted or inserted in
 * between). An inserted entry is reported itself; the genuine entry after it still links to the
 * last good one, and is not reported again.
 */
export class ChainVerifier {
  private previousLink: string | null = null;
  private lastGoodLink: string | null = null;
  private readonly report: ChainReport = { checked: 0, head: null, headId: null, breaks: [] };

  constructor(private readonly key: string) {}

  add(row: ChainRow): void {
    this.report.checked += 1;
    const broke = (kind: ChainBreakKind, message: string) => this.report.breaks.push({ id: row.id, kind, message });

    const link = row.chainHash ? linkOf(row.chainHash) : null;
    if (!row.chainHash || !link) {
      broke('unchained', `Entry ${row.id} has no valid chain hash: it was written around the console.`);
      return;
    }
    const [, digest] = row.chainHash.split(':') as [string, string, string];
    if (digest !== entryDigest(this.key, row)) {
      broke('entry', `Entry ${row.id} was rewritten (or not written by the console): who, what, on which object or when no longer match its hash.`);
    }
    const follows = link === chainLink(this.key, this.previousLink, digest);
    const followsLastGood = !follows && link === chainLink(this.key, this.lastGoodLink, digest);
    if (!follows && !followsLastGood) {
      broke('link', `The chain breaks before entry ${row.id}: entries were deleted or inserted before it.`);
    } else {
      this.lastGoodLink = link;
    }
    if (!row.outcomeHash || row.outcomeHash !== computeOutcomeHash(this.key, row.chainHash, row)) {
      broke('outcome', `The outcome of entry ${row.id} was rewritten: it no longer matches its hash.`);
    }
    this.previousLink = link;
    this.report.head = link;
    this.report.headId = row.id;
  }

  result(): ChainReport {
    return { ...this.report, breaks: [...this.report.breaks] };
  }
}

/** Checks a whole run of entries at once (they must be in ascending id order). */
export function verifyChain(key: string, rows: Iterable<ChainRow>): ChainReport {
  const verifier = new ChainVerifier(key);
  for (const row of rows) verifier.add(row);
  return verifier.result();
}
