// Keeps secrets out of the audit log: parameters are recorded for traceability, but anything that
// looks like a credential or sensitive number is replaced before it is written.

const SECRET_KEY_NAME = /pass(word|phrase)?|secret|token|api_?key|authorization|cookie|account_number|routing_number|iban|ssn|id_number|cvc|cvv|card_number|pin\b/i;
const SECRET_VALUE = /\b(sk|rk)_(test|live)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9]+/;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 6;
const MAX_STRING = 500;

export function redactParams(params: Record<string, unknown>): Record<string, unknown> {
  return redactValue(params, 0) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (typeof value === 'string') {
    if (SECRET_VALUE.test(value)) return REDACTED;
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY_NAME.test(key)) out[key] = REDACTED;
      else {
        const redacted = redactValue(inner, depth + 1);
        if (redacted !== undefined) out[key] = redacted;
      }
    }
    return out;
  }
  return String(value);
}
