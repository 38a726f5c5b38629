/**
 * The CLI's output contract (DESIGN §6): JSON with `rows` and `quartiers`, or one CSV row per
 * quartier with French headers. The UI's table export uses the same CSV columns.
 */
import type { DiagnosticResult, QuartierResult } from '../diagnostic.ts';
import type { Indicators, MixCell } from '../indicators/indicators.ts';
import { INDICATORS, indicatorLabel, roundAsShown, scopeOf, type CountScope } from '../indicators/catalog.ts';
import { communeNamesText } from '../ingest/geojson-fields.ts';
import { FAMILY_LABELS } from '../indicators/legal-families.ts';
import { SECTOR_LABELS } from '../indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../indicators/tranches.ts';
import { FAMILIES, SECTORS, SIZE_ORDER } from '../types.ts';
import { SECRET_MARK } from '../indicators/confidentiality.ts';
import { toCsv, type CsvCell } from './csv-writer.ts';

export interface RowAccounting {
  read: number;
  inQuartier: number;
  outside: number;
  rejected: number;
  rejectedBy: Record<string, number | undefined>;
}

const round = (v: number | null, d = 6) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/** A published value: `s` when masked, so the JSON never carries a figure the CSV hides. */
const hide = <T>(secret: boolean, v: T): T | typeof SECRET_MARK => (secret ? SECRET_MARK : v);

function mixJson(m: Record<string, MixCell>) {
  return Object.fromEntries(
    Object.entries(m).map(([k, c]) => [k, { establishments: hide(c.secret, c.establishments), jobs: hide(c.secret, round(c.jobs, 2)), secret: c.secret }]),
  );
}

function indicatorsJson(q: Indicators) {
  const s = q.secret;
  return {
    establishments: hide(s.establishments, q.establishments),
    nonEmployerEstablishments: hide(s.nonEmployer, q.nonEmployerEstablishments),
    jobs: s.jobs ? SECRET_MARK : { estimate: round(q.jobs.estimate, 2), min: round(q.jobs.min, 2), max: round(q.jobs.max, 2) },
    essJobShare: hide(s.jobShare, round(q.essJobShare)),
    essJobShareRange: hide(s.jobShare, q.essJobShareRange ? { min: round(q.essJobShareRange.min), max: round(q.essJobShareRange.max) } : null),
    essEstablishmentShare: hide(s.establishmentShare, round(q.essEstablishmentShare)),
    densityPer1000: hide(s.establishments, round(q.densityPer1000, 4)),
    population: q.population,
    allEstablishments: hide(s.allEstablishments, q.allEstablishments),
    allJobs: hide(s.allJobs, round(q.allJobs, 2)),
    denominatorSource: q.denominatorSource,
    families: mixJson(q.families),
    sectors: mixJson(q.sectors),
    sizes: mixJson(q.sizes),
    secret: s,
  };
}

/** The contract's JSON object. */
export function contractJson(result: DiagnosticResult, rows: RowAccounting, meta: Record<string, unknown> = {}) {
  return {
    rows: { read: rows.read, inQuartier: rows.inQuartier, outside: rows.outside, rejected: rows.rejected, rejectedBy: rows.rejectedBy },
    quartiers: result.quartiers.map((q: QuartierResult) => ({
      code: q.code,
      name: q.name,
      communes: q.communes,
      communeNames: q.communeNames,
      ...indicatorsJson(q),
      quartierVecu: indicatorsJson(q.ring),
    })),
    allQuartiers: indicatorsJson(result.allQuartiers),
    restOfCommunes: result.communes.map((c) => ({ code: c.code, ...indicatorsJson(c) })),
    meta,
  };
}

/** Size classes with a column of their own: non-employers have theirs (« … non employeurs »). */
const SIZE_COLUMNS = SIZE_ORDER.filter((z) => z !== 'non_employeur');

/**
 * French column headers of the per-quartier table, in order. The establishment columns say
 * what they count: employers only (the default) or employers and non-employers.
 */
export function quartierCsvHeader(scope: CountScope = { employerOnly: true }): string[] {
  const est = indicatorLabel(INDICATORS.establishments, scope);
  return [
    'Code quartier', 'Nom du quartier', 'Communes', 'Codes INSEE des communes',
    est, 'Établissements ESS non employeurs (comptés à part)',
    'Emplois ESS (estimation)', 'Emplois ESS (min)', 'Emplois ESS (max)',
    'Part ESS des emplois (%)', 'Part ESS des emplois min (%)', 'Part ESS des emplois max (%)',
    `${indicatorLabel(INDICATORS.essEstablishmentShare, scope)} (%)`, indicatorLabel(INDICATORS.densityPer1000, scope), 'Population',
    ...FAMILIES.map((f) => `${FAMILY_LABELS[f]} (établissements)`),
    ...SECTORS.map((s) => `${SECTOR_LABELS[s]} (emplois)`),
    ...SIZE_COLUMNS.map((z) => `${SIZE_LABELS[z]} (établissements)`),
  ];
}

/**
 * One table row per quartier: figures rounded as the screen shows them (INDICATORS' digits,
 * jobs to the unit), masked cells written `s` with the same flags as every other output.
 */
export function quartierCsvRow(q: QuartierResult, scope: CountScope = { employerOnly: true }): CsvCell[] {
  const s = (secret: boolean, v: number | null, digits = 0): CsvCell => (secret ? SECRET_MARK : v === null ? null : roundAsShown(v, digits));
  const f = q.secret;
  const pct = (v: number | null) => (v === null ? null : v * 100);
  return [
    q.code, q.name, communeNamesText(q.communes, q.communeNames), q.communes.join(', '),
    s(f.establishments, q.establishments), scope.employerOnly ? s(f.nonEmployer, q.nonEmployerEstablishments) : null,
    s(f.jobs, q.jobs.estimate), s(f.jobs, q.jobs.min), s(f.jobs, q.jobs.max),
    s(f.jobShare, pct(q.essJobShare), 1), s(f.jobShare, pct(q.essJobShareRange?.min ?? null), 1), s(f.jobShare, pct(q.essJobShareRange?.max ?? null), 1),
    s(f.establishmentShare, pct(q.essEstablishmentShare), 1),
    s(f.establishments, q.densityPer1000, INDICATORS.densityPer1000.digits),
    q.population,
    ...FAMILIES.map((k) => s(q.families[k].secret, q.families[k].establishments)),
    ...SECTORS.map((k) => s(q.sectors[k].secret, q.sectors[k].jobs)),
    ...SIZE_COLUMNS.map((k) => s(q.sizes[k].secret, q.sizes[k].establishments)),
  ];
}

/** The per-quartier CSV (`;`, UTF-8 with BOM, decimal comma unless told otherwise). */
export function quartierCsv(result: DiagnosticResult, decimalComma = true): string {
  const scope = scopeOf(result);
  return toCsv([quartierCsvHeader(scope), ...result.quartiers.map((q) => quartierCsvRow(q, scope))], { decimalComma });
}
