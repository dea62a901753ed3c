/**
 * The one CSV writer for every export (accounts, reconciliation…), RFC 4180: fields separated by
 * commas, lines by CRLF; a field holding `"`, `,`, CR or LF is quoted with inner quotes doubled.
 * UTF-8 with a BOM first, so Excel opens the Chinese correctly.
 *
 * Spreadsheet formulas are defused (OWASP "CSV injection"): a text cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return — also after leading spaces — gets a leading `'`, so it is
 * read as text. Numbers are written as numbers (a negative balance stays -5).
 */
export type Cell = string | number | boolean | null | undefined

export const BOM = '\ufeff'
const FORMULA = /^[\t\r]|^\s*[=+\-@]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? '是' : '否'
  const text = FORMULA.test(v) ? `'${v}` : v
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
