// Stands in for the `server-only` package under Vitest, whose real module throws outside React Server Components.
export {};
