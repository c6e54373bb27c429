// The reversals report's period from the URL: two UTC days, defaulting to the last 30, `from`
// never after `to`. The period is kept as asked, never shortened: a period too long for one report
// is refused by the report (lib/transfers/report.ts periodRefusal), with the reason. Pure.
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { dayParam, lenient, parseSearch } from '@/lib/lists/url-schema';
import { z } from 'zod';
import { defaultPeriod } from './report';

const periodSchema = z.object({ from: lenient(dayParam), to: lenient(dayParam) });

export function parsePeriod(params: SearchParamsLike, now = new Date()): { from: string; to: string } {
  const raw = parseSearch(periodSchema, params);
  const fallback = defaultPeriod(now);
  let from = raw.from ?? fallback.from;
  let to = raw.to ?? (raw.from ? raw.from : fallback.to);
  if (from > to) [from, to] = [to, from];
  return { from, to };
}
