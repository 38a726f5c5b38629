/**
 * CSV writing for French spreadsheets: `;` separator, UTF-8 with BOM (so Excel in French
 * opens accents right), optional decimal comma, and every cell that a spreadsheet would read
 * as a formula neutralised.
 */

export interface CsvWriteOptions {
  separator?: string;
  decimalComma?: boolean;
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell against formula injection: a cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return gets a leading apostrophe, which spreadsheets show as text. Numbers
 * are written by `formatNumber` and never pass through here, so negative values stay numbers.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a cell when it holds the separator, a quote or a line break. */
export function quoteCell(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats a number with a decimal comma or point; empty for null/NaN. */
export function formatNumber(v: number | null | undefined, decimalComma: boolean, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const rounded = Number.isInteger(v) ? String(v) : String(Math.round(v * 10 ** digits) / 10 ** digits);
  return decimalComma ? rounded.replace('.', ',') : rounded;
}

export type CsvCell = string | number | null | undefined;

/**
 * Writes rows to CSV text. Strings are neutralised and quoted; numbers are formatted.
 *
 * @example
 * toCsv([['Nom', 'Emplois'], ['=1+1', 12.5]], { decimalComma: true })
 * // '\uFEFFNom;Emplois\r\n\'=1+1;12,5\r\n'
 */
export function toCsv(rows: CsvCell[][], options: CsvWriteOptions = {}): string {
  const sep = options.separator ?? ';';
  const comma = options.decimalComma ?? sep === ';';
  const lines = rows.map((r) =>
    r
      .map((c) => (typeof c === 'number' ? formatNumber(c, comma, 4) : quoteCell(neutralizeFormula(c ?? ''), sep)))
      .join(sep),
  );
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
