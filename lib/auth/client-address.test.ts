// Which client address a sign-in is counted against (the last X-Forwarded-For hop, then
// X-Real-IP), and the words a paused operator reads.
import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from '@/lib/auth/client-address';
import { pausedMessage } from '@/lib/auth/sign-in-messages';

const from = (headers: Record<string, string>) => clientAddress(new Headers(headers));

describe('clientAddress', () => {
  it('takes the hop the nearest proxy appended, not what the client wrote before it', () => {
    expect(from({ 'x-forwarded-for': '198.51.100.9' })).toBe('198.51.100.9');
    expect(from({ 'x-forwarded-for': '1.2.3.4, 10.0.0.5' })).toBe('10.0.0.5');
    expect(from({ 'x-forwarded-for': 'spoofed, 203.0.113.4', 'x-real-ip': '192.0.2.1' })).toBe('203.0.113.4');
  });
  it('falls back to X-Real-IP, and normalises ports, brackets and IPv4-mapped IPv6', () => {
    expect(from({ 'x-real-ip': '192.0.2.1' })).toBe('192.0.2.1');
    expect(from({ 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe('127.0.0.1');
    expect(from({ 'x-forwarded-for': '[2001:DB8::1]:443' })).toBe('2001:db8::1');
    expect(from({ 'x-forwarded-for': '192.0.2.7:5555' })).toBe('192.0.2.7');
  });
  it('says "unknown" rather than trusting garbage', () => {
    expect(from({})).toBe(UNKNOWN_ADDRESS);
    expect(from({ 'x-forwarded-for': 'evil; DROP TABLE' })).toBe(UNKNOWN_ADDRESS);
  });
});

describe('pausedMessage', () => {
  const now = new Date('2026-03-01T09:00:00Z');
  it('says how long, in whole minutes, and nothing about the e-mail', () => {
    expect(pausedMessage(new Date('2026-03-01T09:15:00Z'), now)).toBe('Sign-in is paused after too many failed attempts. Try again in 15 minutes.');
    expect(pausedMessage(new Date('2026-03-01T09:00:20Z'), now)).toMatch(/Try again in 1 minute\.$/);
    expect(pausedMessage(null, now)).toMatch(/Try again later\.$/);
  });
});
