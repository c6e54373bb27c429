// The Connect Console theme: one neutral scale, one brand colour, and a colour per backend mode
// so emulator, test and live data can never be confused at a glance.
import type { Config } from 'tailwindcss';

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: [
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          '"Segoe UI"',
          'Roboto',
          '"Helvetica Neue"',
          'Arial',
          'sans-serif',
        ],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', '"Liberation Mono"', 'monospace'],
      },
      colors: {
        // Cool grey for text, borders and surfaces.
        neutral: {
          50: '#f8fafc',
          100: '#f1f5f9',
          200: '#e2e8f0',
          300: '#cbd5e1',
          400: '#94a3b8',
          500: '#64748b',
          600: '#475569',
          700: '#334155',
          800: '#1e293b',
          900: '#0f172a',
          950: '#020617',
        },
        brand: {
          50: '#eef2ff',
          100: '#e0e7ff',
          500: '#6366f1',
          600: '#4f46e5',
          700: '#4338ca',
          900: '#312e81',
        },
        // Backend modes: `soft` for backgrounds, DEFAULT for borders and dots, `ink` for text.
        mode: {
          emulator: { soft: '#f5f3ff', DEFAULT: '#7c3aed', ink: '#5b21b6' },
          test: { soft: '#fffbeb', DEFAULT: '#d97706', ink: '#92400e' },
          live: { soft: '#fef2f2', DEFAULT: '#dc2626', ink: '#991b1b' },
        },
      },
    },
  },
};

export default config;
