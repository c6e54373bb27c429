'use client';
// Cycles light → dark → system; applies the class at once and remembers the choice for a year.
import { Monitor, Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import { parseTheme, THEME_COOKIE, THEMES, type Theme } from '@/components/theme/theme';

const ICONS = { light: Sun, dark: Moon, system: Monitor } as const;
const LABELS: Record<Theme, string> = { light: 'Light theme', dark: 'Dark theme', system: 'System theme' };

function currentTheme(): Theme {
  if (typeof document === 'undefined') return 'system';
  return parseTheme(THEMES.find((theme) => document.documentElement.classList.contains(theme)));
}

export function ThemeToggle({ initial }: { initial: Theme }) {
  // The page's class when mounted later (e.g. in the phone's navigation drawer, after a change).
  const [theme, setTheme] = useState<Theme>(() => (typeof document === 'undefined' ? initial : currentTheme()));
  const Icon = ICONS[theme];

  function cycle() {
    const next = THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length]!;
    const root = document.documentElement;
    root.classList.remove(...THEMES);
    root.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    setTheme(next);
  }

  return (
    <button
      type="button"
      onClick={cycle}
      data-testid="theme-toggle"
      title={`${LABELS[theme]} (click to change)`}
      aria-label={`${LABELS[theme]}; change theme`}
      className="grid size-8 place-items-center rounded-md text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
}
