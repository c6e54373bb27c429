// CSV cells and lines (RFC 4180) for every export, with OWASP's CSV injection rule: a cell a
// spreadsheet could run as a formula or a DDE command gets a leading single quote. Exports carry
// text that operators and connected accounts typed (names, descriptions, audit parameters), so
// every export goes through here. Pure.

// What a spreadsheet may read as the start of a formula or command: = + - @, their full-width and
// small forms (NFKC folds those onto the ASCII ones), the minus sign, and the separators ; and |
// (a locale's list separator, and DDE's `cmd|`).
const FORMULA_START = /^[=+\-@;|\u2212]/;
// Spreadsheets skip these before looking for a formula: whitespace (incl. tab, CR, LF and
// Unicode spaces), control characters and invisible format characters (zero-width, BOM).
const LEADING_IGNORED = /^[\s\p{Cc}\p{Cf}]+/u;
const STARTS_WITH_CONTROL = /^\p{Cc}/u;
// A plain decimal number (amounts in minor units or as decimals) is data, not a formula.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// Cells holding these are quoted: the RFC's comma, quote and line breaks, and the separators a
// spreadsheet may split on instead of the comma (; in many locales, tab, |).
const NEEDS_QUOTES = /[",;|\t\r\n]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether a spreadsheet could run this text: prefix it with a quote when so. */
export function looksLikeFormula(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false;
  if (STARTS_WITH_CONTROL.test(text)) return true;
  const rest = text.replace(LEADING_IGNORED, '');
  return FORMULA_START.test(rest.slice(0, 2).normalize('NFKC'));
}

/** One cell: formula-looking text defused with a leading quote, then quoted where needed. */
export function csvCell(value: unknown): string {
  let text = cellText(value);
  // Numbers and booleans are written as they are: -1200 stays a number in the spreadsheet.
  const plainData = typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean';
  if (!plainData && looksLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV download answer: `name-2026-01-31-14-05-00.csv`, never cached. */
export function csvResponse(name: string, body: BodyInit, headers: Record<string, string> = {}): Response {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}
