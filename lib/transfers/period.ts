// The reversals report's period from the URL: two UTC days, defaulting to the last 30, at most a
// year apart, `from` never after `to`. Pure.
import { parseSearch, type SearchParamsLike, dayParam, lenient } from '@/lib/lists/url-filters';
import { z } from 'zod';
import { defaultPeriod } from './report';

const periodSchema = z.object({ from: lenient(dayParam), to: lenient(dayParam) });

export function parsePeriod(params: SearchParamsLike, now = new Date()): { from: string; to: string } {
  const raw = parseSearch(periodSchema, params);
  const fallback = defaultPeriod(now);
  let from = raw.from ?? fallback.from;
  let to = raw.to ?? (raw.from ? raw.from : fallback.to);
  if (from > to) [from, to] = [to, from];
  const maxFrom = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  if (from < maxFrom) from = maxFrom;
  return { from, to };
}
