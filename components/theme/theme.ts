// The colour theme choice: light, dark, or follow the system. Stored in a cookie the root layout
// reads, so the server renders the right class on <html>. Client-safe.

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'cc-theme';

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
