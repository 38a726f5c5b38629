/**
 * Dates of SIRENE and observatory files, read to the year: the evolution analysis counts
 * creations and closures per year. ISO dates (`2019-03-15`, with or without a time, `2019-03`)
 * as SIRENE writes them, French dates (`15/03/2019`, `15-03-2019`, `15.03.2019`) as Excel and
 * observatories write them, and a bare year.
 */

/** Earliest and latest years accepted: SIRENE's oldest creation dates go back to the 1900s. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;

const ISO = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ].*)?$/;
const FRENCH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ].*)?$/;

function valid(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * The year of a date cell, or 0 when the cell is empty or not a date (a two-digit year
 * `15/03/19` is ambiguous and gives 0, as does a month 13 or a year outside 1800–2100).
 *
 * @example yearOf('2019-03-15') === 2019 && yearOf('15/03/2019') === 2019 && yearOf('') === 0
 */
export function yearOf(cell: string): number {
  const s = cell.trim();
  if (s === '') return 0;
  const iso = ISO.exec(s);
  if (iso) {
    const y = Number(iso[1]), m = iso[2] ? Number(iso[2]) : 1, d = iso[3] ? Number(iso[3]) : 1;
    return valid(y, m, d) ? y : 0;
  }
  const fr = FRENCH.exec(s);
  if (fr) {
    const y = Number(fr[3]), m = Number(fr[2]), d = Number(fr[1]);
    return valid(y, m, d) ? y : 0;
  }
  return 0;
}

/** The default period: the last `years` full years before `today` (5 → 2021–2025 in 2026). */
export function defaultPeriod(today: Date, years = 5): [number, number] {
  const to = today.getUTCFullYear() - 1;
  return [to - years + 1, to];
}

/**
 * Reads a period written `2019-2023` (or `2019–2023`, `2019:2023`, a single year `2023`).
 * Throws a French message on anything else or a reversed period.
 */
export function parsePeriod(text: string): [number, number] {
  const m = /^\s*(\d{4})\s*(?:[-–:/]\s*(\d{4}))?\s*$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || from < MIN_YEAR || to > MAX_YEAR || from > to) {
    throw new Error(`Période : deux années croissantes étaient attendues (ex. 2019-2023), reçu « ${text} ».`);
  }
  return [from, to];
}
