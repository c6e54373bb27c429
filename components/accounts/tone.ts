// The account status tones (lib/accounts/status.ts) as the Badge's tones. Pure.
import type { Tone } from '@/lib/accounts/status';

export function toneOf(tone: Tone): 'good' | 'warn' | 'bad' | 'neutral' {
  return tone === 'muted' ? 'neutral' : tone;
}
