/**
 * The CLI's output contract (DESIGN §6): JSON with `rows` and `quartiers`, or one CSV row per
 * quartier with French headers. The UI's table export uses the same CSV columns.
 */
import type { DiagnosticResult, QuartierResult } from '../diagnostic.ts';
import type { Indicators, MixCell } from '../indicators/indicators.ts';
import { FAMILY_LABELS } from '../indicators/legal-families.ts';
import { SECTOR_LABELS } from '../indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../indicators/tranches.ts';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';
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

function mixJson(m: Record<string, MixCell>) {
  return Object.fromEntries(
    Object.entries(m).map(([k, c]) => [k, { establishments: c.establishments, jobs: round(c.jobs, 2), secret: c.secret }]),
  );
}

function indicatorsJson(q: Indicators) {
  return {
    establishments: q.establishments,
    nonEmployerEstablishments: q.nonEmployerEstablishments,
    jobs: { estimate: round(q.jobs.estimate, 2), min: round(q.jobs.min, 2), max: round(q.jobs.max, 2) },
    essJobShare: round(q.essJobShare),
    essJobShareRange: q.essJobShareRange ? { min: round(q.essJobShareRange.min), max: round(q.essJobShareRange.max) } : null,
    essEstablishmentShare: round(q.essEstablishmentShare),
    densityPer1000: round(q.densityPer1000, 4),
    population: q.population,
    allEstablishments: q.allEstablishments,
    allJobs: round(q.allJobs, 2),
    denominatorSource: q.denominatorSource,
    families: mixJson(q.families),
    sectors: mixJson(q.sectors),
    sizes: mixJson(q.sizes),
    secret: q.secret,
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
      ...indicatorsJson(q),
      quartierVecu: indicatorsJson(q.ring),
    })),
    allQuartiers: indicatorsJson(result.allQuartiers),
    restOfCommunes: result.communes.map((c) => ({ code: c.code, ...indicatorsJson(c) })),
    meta,
  };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** French column headers of the per-quartier table, in order. */
export function quartierCsvHeader(): string[] {
  return [
    'Code quartier', 'Nom du quartier', 'Communes',
    'Établissements ESS employeurs', 'Établissements ESS non employeurs',
    'Emplois ESS (estimation)', 'Emplois ESS (min)', 'Emplois ESS (max)',
    'Part ESS des emplois (%)', 'Part ESS des emplois min (%)', 'Part ESS des emplois max (%)',
    'Part ESS des établissements (%)', 'Établissements ESS pour 1 000 habitants', 'Population',
    ...FAMILIES.map((f) => `${FAMILY_LABELS[f]} (établissements)`),
    ...SECTORS.map((s) => `${SECTOR_LABELS[s]} (emplois)`),
    ...SIZES.map((z) => `${SIZE_LABELS[z]} (établissements)`),
  ];
}

/** One table row per quartier; secret cells are written `s`. */
export function quartierCsvRow(q: QuartierResult): CsvCell[] {
  const s = (secret: boolean, v: CsvCell): CsvCell => (secret ? SECRET_MARK : v);
  const js = q.secret.jobs;
  return [
    q.code, q.name, q.communes.join(', '),
    s(q.secret.establishments, q.establishments), q.nonEmployerEstablishments,
    s(js, Math.round(q.jobs.estimate * 10) / 10), s(js, q.jobs.min), s(js, q.jobs.max),
    s(js, pct(q.essJobShare)), s(js, pct(q.essJobShareRange?.min ?? null)), s(js, pct(q.essJobShareRange?.max ?? null)),
    s(q.secret.establishments, pct(q.essEstablishmentShare)),
    s(q.secret.establishments, q.densityPer1000 === null ? null : Math.round(q.densityPer1000 * 100) / 100),
    q.population,
    ...FAMILIES.map((f) => s(q.families[f].secret, q.families[f].establishments)),
    ...SECTORS.map((x) => s(q.sectors[x].secret, Math.round(q.sectors[x].jobs * 10) / 10)),
    ...SIZES.map((z) => s(q.sizes[z].secret, q.sizes[z].establishments)),
  ];
}

/** The per-quartier CSV (`;`, UTF-8 with BOM, decimal comma unless told otherwise). */
export function quartierCsv(result: DiagnosticResult, decimalComma = true): string {
  return toCsv([quartierCsvHeader(), ...result.quartiers.map(quartierCsvRow)], { decimalComma });
}
