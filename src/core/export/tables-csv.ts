/**
 * The ranking and the comparison as spreadsheets: `;`, UTF-8 with BOM, French headers,
 * masked cells written `s`, every text cell neutralised against formulas (toCsv). Figures are
 * rounded as the screen shows them, so a value read in the table is the value in the file.
 */
import type { CommuneResult, DiagnosticResult, QuartierResult } from '../diagnostic.ts';
import { INDICATORS, INDICATOR_KEYS, indicatorLabel, roundAsShown, scopeOf, type CountScope } from '../indicators/catalog.ts';
import { communeNamesText } from '../ingest/geojson-fields.ts';
import type { Indicators, MixCell } from '../indicators/indicators.ts';
import { FAMILY_LABELS } from '../indicators/legal-families.ts';
import { SECTOR_LABELS } from '../indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../indicators/tranches.ts';
import { NATIONAL_REFERENCES } from '../indicators/references.ts';
import { SECRET_MARK } from '../indicators/confidentiality.ts';
import { FAMILIES, SECTORS, SIZE_ORDER } from '../types.ts';
import { quartierCsvHeader, quartierCsvRow } from './contract.ts';
import { toCsv, type CsvCell } from './csv-writer.ts';

export interface TableCsvOptions {
  decimalComma: boolean;
  /** Lines written under the table after an empty row: sources, method, date. */
  notes?: readonly string[];
}


function withNotes(rows: CsvCell[][], options: TableCsvOptions): string {
  const notes = options.notes ?? [];
  const all = notes.length > 0 ? [...rows, [], ...notes.map((n) => [n])] : rows;
  return toCsv(all, { decimalComma: options.decimalComma });
}

/**
 * The ranking: one row per quartier in the order given (the caller sorts), with its rank and
 * the CLI's per-quartier columns (DESIGN §6), so the two files line up.
 */
export function rankingCsv(rows: readonly QuartierResult[], options: TableCsvOptions & { scope?: CountScope }): string {
  const scope = options.scope ?? { employerOnly: true };
  return withNotes([['Rang', ...quartierCsvHeader(scope)], ...rows.map((q, i) => [i + 1, ...quartierCsvRow(q, scope)])], options);
}

/** Rest of the commune of a quartier: its first commune, as the comparison panel does. */
function communeOf(q: QuartierResult, results: DiagnosticResult): CommuneResult | null {
  const code = q.communes[0];
  return code ? (results.communes.find((c) => c.code === code) ?? null) : null;
}

type Share = number | null | 'secret';
const jobShare = (i: Indicators): Share => (i.secret.jobShare ? 'secret' : i.essJobShare);
const estShare = (i: Indicators): Share => (i.secret.establishmentShare ? 'secret' : i.essEstablishmentShare);

/** Gap in percentage points, 1 decimal; `s` when either side is masked (it would reveal it). */
function gapPts(a: Share, b: Share): CsvCell {
  if (a === 'secret' || b === 'secret') return SECRET_MARK;
  if (a === null || b === null) return null;
  // The gap as the screen writes it: the difference of the unrounded shares, to 1 decimal.
  return roundAsShown((a - b) * 100, 1);
}

const pctCell = (v: Share): CsvCell => (v === 'secret' ? SECRET_MARK : v === null ? null : roundAsShown(v * 100, 1));

function indicatorRows(cols: readonly QuartierResult[], scope: CountScope): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const key of INDICATOR_KEYS) {
    const def = INDICATORS[key];
    const cell = (i: Indicators, v: number | null): CsvCell => (def.secret(i) ? SECRET_MARK : v === null ? null : roundAsShown(v, def.digits));
    // Only percentages need their unit: the other labels already say what they count.
    const unit = def.unit === '%' ? ' (%)' : '';
    const label = indicatorLabel(def, scope);
    rows.push([`${label}${unit}`, ...cols.map((q) => cell(q, def.value(q)))]);
    if (def.range) {
      const range = def.range;
      rows.push([`${label}, minimum${unit}`, ...cols.map((q) => cell(q, range(q)?.min ?? null))]);
      rows.push([`${label}, maximum${unit}`, ...cols.map((q) => cell(q, range(q)?.max ?? null))]);
    }
  }
  if (scope.employerOnly) {
    rows.push(['Établissements ESS non employeurs (comptés à part)', ...cols.map((q) => (q.secret.nonEmployer ? SECRET_MARK : q.nonEmployerEstablishments))]);
  }
  return rows;
}

function gapRows(cols: readonly QuartierResult[], results: DiagnosticResult): CsvCell[][] {
  const communes = cols.map((q) => communeOf(q, results));
  const france = NATIONAL_REFERENCES.essJobShareFrance.value;
  const qpv = NATIONAL_REFERENCES.essJobShareQpv.value;
  return [
    ['Reste de la commune : part de l’ESS dans l’emploi (%)', ...communes.map((c) => (c ? pctCell(jobShare(c)) : null))],
    ['Écart au reste de la commune, part de l’ESS dans l’emploi (points)', ...cols.map((q, j) => (communes[j] ? gapPts(jobShare(q), jobShare(communes[j]!)) : null))],
    ['Reste de la commune : part de l’ESS dans les établissements (%)', ...communes.map((c) => (c ? pctCell(estShare(c)) : null))],
    ['Écart au reste de la commune, part de l’ESS dans les établissements (points)', ...cols.map((q, j) => (communes[j] ? gapPts(estShare(q), estShare(communes[j]!)) : null))],
    ['Écart à l’ensemble des quartiers chargés, part de l’ESS dans l’emploi (points)', ...cols.map((q) => gapPts(jobShare(q), jobShare(results.allQuartiers)))],
    ['Écart à la France entière, part de l’ESS dans l’emploi (points)', ...cols.map((q) => gapPts(jobShare(q), france))],
    ['Écart à l’ensemble des QPV, part de l’ESS dans l’emploi (points)', ...cols.map((q) => gapPts(jobShare(q), qpv))],
  ];
}

function mixRows(
  cols: readonly QuartierResult[],
  title: string,
  keys: readonly string[],
  labels: Readonly<Record<string, string>>,
  pick: (q: QuartierResult) => Record<string, MixCell>,
  measure: 'establishments' | 'jobs',
): CsvCell[][] {
  const unit = measure === 'jobs' ? 'emplois' : 'établissements';
  return keys.map((k) => [
    `${title} : ${labels[k] ?? k} (${unit})`,
    ...cols.map((q) => {
      const c = pick(q)[k];
      if (!c) return null;
      return c.secret ? SECRET_MARK : roundAsShown(c[measure], 0);
    }),
  ]);
}

/**
 * The comparison: one column per quartier, one row per indicator (with its range), the
 * rest-of-commune figures and the gaps in points, then the family, sector and size mixes.
 */
export function comparisonCsv(cols: readonly QuartierResult[], results: DiagnosticResult, options: TableCsvOptions): string {
  const scope = scopeOf(results);
  const rows: CsvCell[][] = [
    ['Indicateur', ...cols.map((q) => `${q.name} (${q.code})`)],
    ['Code quartier', ...cols.map((q) => q.code)],
    ['Communes', ...cols.map((q) => communeNamesText(q.communes, q.communeNames))],
    ['Codes INSEE des communes', ...cols.map((q) => q.communes.join(', '))],
    ...indicatorRows(cols, scope),
    ...gapRows(cols, results),
    ...mixRows(cols, 'Famille', FAMILIES, FAMILY_LABELS, (q) => q.families, 'establishments'),
    ...mixRows(cols, 'Famille', FAMILIES, FAMILY_LABELS, (q) => q.families, 'jobs'),
    ...mixRows(cols, 'Secteur', SECTORS, SECTOR_LABELS, (q) => q.sectors, 'establishments'),
    ...mixRows(cols, 'Secteur', SECTORS, SECTOR_LABELS, (q) => q.sectors, 'jobs'),
    // Non-employers have their own row above (counted apart) or sit in the counts.
    ...mixRows(cols, 'Taille', SIZE_ORDER.filter((z) => z !== 'non_employeur'), SIZE_LABELS, (q) => q.sizes, 'establishments'),
  ];
  return withNotes(rows, options);
}
