// The first message per field of a zod parse, keyed by the field's path ("businessProfile.url").
import type { z } from 'zod';

export function fieldErrors(parsed: z.ZodSafeParseResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    out[key] ??= issue.message;
  }
  return out;
}
