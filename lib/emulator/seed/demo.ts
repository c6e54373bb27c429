// Demo data: written by the seeding work; a placeholder until then.
import type { Mode, World } from '../core/world';

export function seedDemo(_worlds: Record<Mode, World>, _now: number): void {}
