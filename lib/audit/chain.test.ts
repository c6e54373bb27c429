// The hash chain on rows in memory: an intact run verifies whatever its id gaps, and each kind
// of tampering is reported where it shows (and only there).
import { describe, expect, it } from 'vitest';
import { canonicalJson, computeChainHash, computeOutcomeHash, digestMatches, linkOf, verifyChain, type ChainRow } from '@/lib/audit/chain';

const KEY = 'k'.repeat(32);

function chained(count: number, { key = KEY, ids }: { key?: string; ids?: number[] } = {}): ChainRow[] {
  const rows: ChainRow[] = [];
  let previous: string | null = null;
  for (let i = 0; i < count; i += 1) {
    const fields = {
      operatorId: i === 2 ? null : `op_${i % 2}`,
      operatorEmail: i === 2 ? 'stranger@example.com' : `op${i % 2}@example.com`,
      operatorRole: i === 2 ? null : 'admin',
      action: 'transfer.reverse',
      targetId: `tr_${i}`,
      params: { amount: 100 + i, nested: { b: 1, a: [1, { y: 2, x: 1 }] } },
      idempotencyKey: `key-${i}`,
      mode: 'emulator',
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    };
    const outcome = { outcome: 'succeeded', requestId: `req_${i}`, errorMessage: null, resultId: `trr_${i}`, resolution: null, completedAt: new Date(Date.UTC(2026, 0, 1, 0, 1, i)) };
    const chainHash = computeChainHash(key, previous, fields);
    rows.push({ id: ids?.[i] ?? i + 1, ...fields, ...outcome, chainHash, outcomeHash: computeOutcomeHash(key, chainHash, outcome) });
    previous = linkOf(chainHash);
  }
  return rows;
}

describe('the audit hash chain', () => {
  it('verifies an intact run and names its head', () => {
    const rows = chained(5);
    const report = verifyChain(KEY, rows);
    expect(report).toEqual({ checked: 5, head: linkOf(rows[4]!.chainHash!), headId: 5, breaks: [] });
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not read id gaps as deletions (PostgreSQL skips identity values after a restart)', () => {
    expect(verifyChain(KEY, chained(4, { ids: [1, 2, 34, 35] })).breaks).toEqual([]);
  });

  it('hashes parameters whatever the order of their keys (jsonb reorders them)', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":0,"z":1}]},"b":1}');
    const rows = chained(3);
    rows[1] = { ...rows[1]!, params: { nested: { a: [1, { x: 1, y: 2 }], b: 1 }, amount: 101 } };
    expect(verifyChain(KEY, rows).breaks).toEqual([]);
  });

  it('finds a deleted entry at the one after it', () => {
    const rows = chained(5);
    rows.splice(2, 1);
    expect(verifyChain(KEY, rows).breaks).toEqual([{ id: 4, kind: 'link', message: expect.stringMatching(/deleted or inserted before it/) }]);
  });

  it('finds deleted first entries', () => {
    expect(verifyChain(KEY, chained(4).slice(1)).breaks).toMatchObject([{ id: 2, kind: 'link' }]);
  });

  it('finds a rewritten entry and a rewritten outcome', () => {
    const rows = chained(5);
    rows[1] = { ...rows[1]!, params: { ...rows[1]!.params, amount: 1_000_000 } };
    rows[3] = { ...rows[3]!, outcome: 'failed', errorMessage: 'declined' };
    expect(verifyChain(KEY, rows).breaks).toEqual([
      { id: 2, kind: 'entry', message: expect.stringMatching(/Entry 2 was rewritten/) },
      { id: 4, kind: 'outcome', message: expect.stringMatching(/The outcome of entry 4 was rewritten/) },
    ]);
  });

  it('reports an inserted entry itself, not the genuine one after it', () => {
    const rows = chained(4);
    const forged = { ...chained(1, { key: 'not-the-key'.repeat(4) })[0]!, id: 25 };
    const copied = { ...rows[0]!, id: 26 };
    const withForgery = [rows[0]!, rows[1]!, forged, rows[2]!, rows[3]!];
    expect(verifyChain(KEY, withForgery).breaks.map((b) => [b.id, b.kind])).toEqual([
      [25, 'entry'],
      [25, 'link'],
      [25, 'outcome'],
    ]);
    expect(verifyChain(KEY, [rows[0]!, rows[1]!, copied, rows[2]!]).breaks.map((b) => [b.id, b.kind])).toEqual([[26, 'link']]);
    const unchained = { ...rows[1]!, id: 27, chainHash: null, outcomeHash: null };
    expect(verifyChain(KEY, [rows[0]!, rows[1]!, unchained, rows[2]!]).breaks.map((b) => [b.id, b.kind])).toEqual([[27, 'unchained']]);
  });

  it('verifies nothing under another key', () => {
    const breaks = verifyChain('another-key-of-32-characters-xx', chained(2)).breaks;
    expect(breaks.map((b) => b.kind)).toEqual(['entry', 'link', 'outcome', 'entry', 'link', 'outcome']);
  });
});

describe('digestMatches', () => {
  it('tells the key an entry was chained with from another', () => {

    const fields = { operatorId: 'op_1', operatorEmail: 'a@b.c', operatorRole: 'admin' as const, action: 'account.reject', targetId: 'acct_1', params: { b: 1, a: [2] }, idempotencyKey: 'k', mode: 'emulator' as const, startedAt: new Date('2026-11-26T10:00:00Z') };
    const hash = computeChainHash('k'.repeat(40), null, fields);
    expect(digestMatches('k'.repeat(40), hash, fields)).toBe(true);
    expect(digestMatches('x'.repeat(40), hash, fields)).toBe(false);
    expect(digestMatches('k'.repeat(40), hash, { ...fields, targetId: 'acct_2' })).toBe(false);
  });
});
