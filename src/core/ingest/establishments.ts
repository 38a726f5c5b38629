/**
 * Establishment file → columnar table. Reads the CSV as a stream, maps its columns, decides
 * coordinates and ESS membership, classifies each row (family, sector, size, jobs) and
 * accounts for every row: accepted into the table or rejected with its reason.
 */
import { readCsvStream, type CsvStreamOptions } from './csv-stream.ts';
import type { CsvDialect } from './csv-sniff.ts';
import { detectMapping, hasCoordinates, type ColumnMapping, type MappingResult } from './column-mapping.ts';
import { makeCoordinateReader, parseDecimal, planCoordinates, type CoordinatePlan } from './coordinates.ts';
import { EstablishmentTableBuilder, type EstablishmentTable } from './establishment-table.ts';
import { isInFrance } from '../geo/france.ts';
import { EssqError } from '../errors.ts';
import { FAMILIES, REJECT_REASONS, type RejectReason } from '../types.ts';
import { familyForEss, familyFromLabel, familyFromLegalCategory, isEssLegalCategory } from '../indicators/legal-families.ts';
import { sectorFromNaf } from '../indicators/naf-sectors.ts';
import { jobsFromHeadcount, jobsFromTranche, sizeClassFromJobs } from '../indicators/tranches.ts';

/** How ESS membership was decided for the file. */
export type EssBasis = 'flag' | 'family' | 'legal_category' | 'ess_list';

export const ESS_BASIS_LABELS: Record<EssBasis, string> = {
  flag: 'colonne d’appartenance à l’ESS (O/N)',
  family: 'colonne « famille »',
  legal_category: 'catégorie juridique (associations, coopératives, mutuelles, fondations)',
  ess_list: 'aucune colonne ne le dit : le fichier est lu comme une liste d’établissements ESS',
};

export interface RejectedRow {
  /** 1-based data row number (the header is row 0). */
  line: number;
  reason: RejectReason;
  row: string[];
}

export interface IngestReport {
  read: number;
  accepted: number;
  rejected: number;
  rejectedBy: Partial<Record<RejectReason, number>>;
  /** The first rejected rows with their reason (capped: see `rejectedRowsTruncated`). */
  rejectedRows: RejectedRow[];
  rejectedRowsTruncated: boolean;
  header: string[];
  dialect: CsvDialect;
  encodingSwitchAt: number | null;
  mapping: MappingResult;
  coordinates: CoordinatePlan;
  essBasis: EssBasis;
  jobsSource: 'headcount' | 'tranche' | 'none';
  /** Whether the file holds non-ESS rows, which then give the denominators of shares. */
  hasNonEss: boolean;
  bytesRead: number;
  warnings: string[];
}

export interface IngestProgress {
  bytesRead: number;
  rowsParsed: number;
}

export interface IngestOptions extends CsvStreamOptions {
  /** Explicit mapping (the user's correction): skips detection. */
  mapping?: ColumnMapping;
  onProgress?: (p: IngestProgress) => void;
  /** How many rejected rows to keep for download (default 100 000). */
  maxRejectedRows?: number;
}

const UNKNOWN_FAMILY = FAMILIES.indexOf('inconnue');
const TRUE_VALUES = new Set(['o', 'oui', 'true', '1', 'y', 'yes', 'vrai', 'ess']);
const FALSE_VALUES = new Set(['n', 'non', 'false', '0', 'no', 'faux', 'hors ess']);

/** 1 ESS, 0 not ESS, -1 not said. */
export function readEssFlag(raw: string | undefined): number {
  if (raw === undefined) return -1;
  const v = raw.trim().toLowerCase();
  if (TRUE_VALUES.has(v)) return 1;
  if (FALSE_VALUES.has(v)) return 0;
  return -1;
}

/**
 * Reads an establishments CSV into a table and a report. Throws an EssqError with a French
 * message when the file cannot be used at all (no header, no coordinate columns).
 */
export async function ingestEstablishments(
  source: AsyncIterable<Uint8Array>,
  options: IngestOptions = {},
): Promise<{ table: EstablishmentTable; report: IngestReport }> {
  const builder = new EstablishmentTableBuilder();
  const maxRejected = options.maxRejectedRows ?? 100_000;
  const rejectedBy: Partial<Record<RejectReason, number>> = {};
  const rejectedRows: RejectedRow[] = [];
  const warnings: string[] = [];
  let truncated = false;
  let read = 0;
  let header: string[] = [];
  let mapping: MappingResult | null = null;
  let plan: CoordinatePlan | null = null;
  let essBasis: EssBasis = 'ess_list';
  let hasNonEss = false;
  let process: ((row: string[]) => RejectReason | null) | null = null;

  const reject = (row: string[], reason: RejectReason) => {
    rejectedBy[reason] = (rejectedBy[reason] ?? 0) + 1;
    if (rejectedRows.length < maxRejected) rejectedRows.push({ line: read, reason, row });
    else truncated = true;
  };

  const setup = (sample: string[][]) => {
    mapping = options.mapping
      ? { mapping: options.mapping, confidence: {}, layout: 'inconnu', overall: 1 }
      : detectMapping(header, sample);
    const m = mapping.mapping;
    if (!hasCoordinates(m)) {
      throw new EssqError(
        'no_coordinates_column',
        `Aucune colonne de coordonnées reconnue parmi les ${header.length} colonnes (${header.slice(0, 8).join(', ')}${header.length > 8 ? '…' : ''}). ` +
          'Attendu : longitude et latitude, une colonne « lat, lon », ou des coordonnées Lambert-93 (x, y). ' +
          'Indiquez les colonnes dans l’étape de correspondance des colonnes.',
      );
    }
    plan = planCoordinates(m, sample);
    if (plan?.swapped) warnings.push('Latitude et longitude semblent inversées dans le fichier : elles ont été permutées.');
    essBasis = m.essFlag !== undefined ? 'flag' : m.family !== undefined ? 'family' : m.legalCategory !== undefined ? 'legal_category' : 'ess_list';
    process = makeRowProcessor(m, plan!, builder, (v) => (hasNonEss ||= v === 0));
  };

  const { dialect, encodingSwitchAt, bytesRead } = await readCsvStream(
    source,
    {
      onHeader: (h) => {
        header = h;
      },
      onRows: (rows, bytes) => {
        if (!process) setup(rows.slice(0, 500));
        for (const row of rows) {
          read++;
          const reason = process!(row);
          if (reason) reject(row, reason);
        }
        options.onProgress?.({ bytesRead: bytes, rowsParsed: read });
      },
    },
    options,
  );
  if (header.length === 0) {
    throw new EssqError('empty_file', 'Le fichier des établissements est vide. Attendu : une ligne d’en-tête puis une ligne par établissement.');
  }
  if (!mapping) setup([]);
  if (encodingSwitchAt !== null) {
    warnings.push(`Le fichier n’est pas entièrement en UTF-8 (octet ${encodingSwitchAt}) : il a été lu en Windows-1252.`);
  }
  const rejected = Object.values(rejectedBy).reduce((a, b) => a + (b ?? 0), 0);
  const m = mapping!.mapping;
  return {
    table: builder.finish(),
    report: {
      read,
      accepted: builder.count,
      rejected,
      rejectedBy,
      rejectedRows,
      rejectedRowsTruncated: truncated,
      header,
      dialect,
      encodingSwitchAt,
      mapping: mapping!,
      coordinates: plan!,
      essBasis,
      jobsSource: m.headcount !== undefined ? 'headcount' : m.tranche !== undefined ? 'tranche' : 'none',
      hasNonEss,
      bytesRead,
      warnings,
    },
  };
}

/** Builds the per-row function: classification, jobs, coordinates, and rejection reason. */
function makeRowProcessor(
  m: ColumnMapping,
  plan: CoordinatePlan,
  b: EstablishmentTableBuilder,
  seeEss: (ess: number) => void,
): (row: string[]) => RejectReason | null {
  const readCoords = makeCoordinateReader(plan);
  const xy = [0, 0];
  const seenNumeric = new Set<number>();
  const seenText = new Set<string>();
  const cell = (row: string[], col: number | undefined) => (col === undefined ? '' : (row[col] ?? '').trim());
  const maxCol = Math.max(...Object.values(m).filter((v): v is number => v !== undefined));

  return (row) => {
    // A row too short to hold every mapped column (a cut line, a stray note) is not an establishment.
    if (row.length <= maxCol) return 'malformed_row';
    if (m.state !== undefined && cell(row, m.state).toUpperCase() === 'F') return 'closed';
    const siret = cell(row, m.siret).replace(/\s/g, '').replace(/\.0$/, '');
    if (siret !== '' && siret !== '[ND]') {
      if (/^\d{1,15}$/.test(siret)) {
        const key = Number(siret);
        if (seenNumeric.has(key)) return 'duplicate_siret';
        seenNumeric.add(key);
      } else {
        if (seenText.has(siret)) return 'duplicate_siret';
        seenText.add(siret);
      }
    }
    const c = readCoords(row, xy);
    if (c === 'missing') return 'no_coordinates';
    if (c === 'bad') return 'bad_coordinates';
    if (!isInFrance(xy[0], xy[1])) return 'outside_france';

    const legal = cell(row, m.legalCategory);
    const familyLabel = cell(row, m.family);
    let ess = m.essFlag !== undefined ? readEssFlag(row[m.essFlag]) : -1;
    let family = familyLabel !== '' ? familyFromLabel(familyLabel) : -1;
    if (family === UNKNOWN_FAMILY) family = -1;
    if (ess < 0) {
      if (m.family !== undefined && familyLabel !== '') ess = 1;
      else if (m.legalCategory !== undefined && legal !== '') ess = isEssLegalCategory(legal) ? 1 : 0;
      else if (m.essFlag === undefined && m.family === undefined && m.legalCategory === undefined) ess = 1;
      else ess = 0;
    }
    seeEss(ess);
    if (family < 0) family = ess === 1 ? familyForEss(legal) : familyFromLegalCategory(legal);

    let jobs;
    const headcount = m.headcount !== undefined ? parseDecimal(row[m.headcount]) : NaN;
    if (Number.isFinite(headcount) && headcount >= 0) jobs = jobsFromHeadcount(headcount);
    else jobs = jobsFromTranche(cell(row, m.tranche));

    const i = b.addRow();
    b.lon[i] = xy[0];
    b.lat[i] = xy[1];
    b.ess[i] = ess;
    b.family[i] = family;
    const naf = cell(row, m.naf);
    b.sector[i] = sectorFromNaf(naf);
    b.employer[i] = jobs.employer ? 1 : 0;
    b.size[i] = sizeClassFromJobs(jobs, jobs.employer, jobs.known);
    b.jobsEstimate[i] = jobs.estimate;
    b.jobsMin[i] = jobs.min;
    b.jobsMax[i] = jobs.max;
    b.commune[i] = b.communeId(cell(row, m.communeCode));
    b.labelIndex[i] = -1;
    if (ess === 1) b.addLabel(i, { siret, name: cell(row, m.name), naf });
    return null;
  };
}

/** French label of a rejection reason. */
export const rejectLabel = (r: RejectReason) => REJECT_REASONS[r];
