// The rows of a raw `db.execute`: PostgreSQL's driver answers `{ rows }`, PGlite the same or an
// array. One reading for both, for every raw query in the console.
export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
