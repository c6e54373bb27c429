'use client';
// On a phone a long filter bar folds behind this button (the accounts list, the risk queue), which
// says how many filters are set while it is folded.
import { SlidersHorizontal } from 'lucide-react';

export function FiltersToggle({ open, onToggle, controls, set }: { open: boolean; onToggle: () => void; /** The folded bar's element id. */ controls: string; set: number }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={controls}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3 text-sm font-medium text-neutral-800 sm:hidden"
      data-testid="filters-toggle"
    >
      <SlidersHorizontal aria-hidden className="size-4" /> Filters{set ? ` (${set} set)` : ''}
    </button>
  );
}
