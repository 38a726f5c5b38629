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
import { swapIntoFrance, swappedRowsWarning, type RowSwaps } from './row-swaps.ts';
import { isInFrance } from '../geo/france.ts';
import { EssqError } from '../errors.ts';
import { FAMILIES, REJECT_REASONS, type RejectReason } from '../types.ts';
import { familyForEss, familyFromLabel, familyFromLegalCategory, isEssLegalCategory } from '../indicators/legal-families.ts';
import { sectorFromNaf } from '../indicators/naf-sectors.ts';
import { jobsFromHeadcount, jobsFromTranche, sizeClassFromJobs } from '../indicators/tranches.ts';

/** How ESS membership was decided for the file. */
/** Rows the column mapping is decided on (detectMapping's sample). */
const SAMPLE_ROWS = 500;

export type EssBasis = 'flag' | 'family' | 'legal_category' | 'ess_list';

export const ESS_BASIS_LABELS: Record<EssBasis, string> = {
  flag: 'colonne d’appartenance à l’ESS (O/N)',
  family: 'colonne « famille »',
  legal_category: 'catégorie juridique (associations, coopératives, mutuelles, fondations)',
  ess_list: 'toutes les lignes comptées comme ESS (liste d’observatoire) : aucune colonne du fichier ne le dit',
};

/**
 * Rows with an ESS flag column but no readable flag: decided by the family column, else by
 * the legal category, else counted outside the ESS. The summary states each count.
 */
export interface EssFlagBlank {
  rows: number;
  byFamily: number;
  byLegalCategory: number;
  /** Of `byLegalCategory`, the rows whose legal category is an ESS one. */
  essByLegalCategory: number;
  notEss: number;
}

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
  /** Accepted rows whose ESS flag was empty or unreadable, and how each was decided. */
  essFlagBlank: EssFlagBlank;
  /** Accepted rows whose jobs come from the exact headcount (the others from the bracket). */
  jobsFromHeadcount: number;
  /**
   * Accepted rows with neither a readable bracket nor a headcount: counted as employers of
   * unknown size (size class « inconnue », jobs not estimated, docs/indicateurs.md).
   */
  unknownSize: number;
  /** Rows rejected outside France that land in France with latitude and longitude swapped. */
  swapCandidates: number;
  /** Rows swapped into France (option `swapOutsideFrance`). */
  swappedRows: number;
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
  /** Swap latitude and longitude of the rows outside France that land in France swapped. */
  swapOutsideFrance?: boolean;
}

const UNKNOWN_FAMILY = FAMILIES.indexOf('inconnue');
const TRUE_VALUES = new Set(['o', 'oui', 'true', '1', 'y', 'yes', 'vrai', 'ess']);
const FALSE_VALUES = new Set(['n', 'non', 'false', '0', 'no', 'faux', 'hors ess']);

/** 1 ESS, 0 not ESS, -1 not said. */
export function readEssFlag(raw: string | undefined): number {
  if (raw === undefined) return -1;
  // SIRENE writes one letter: answer it without building a trimmed, lower-cased copy.
  if (raw.length <= 1) {
    const c = raw.charCodeAt(0);
    if (c === 79 || c === 111 || c === 89 || c === 121 || c === 49) return 1; // O o Y y 1
    if (c === 78 || c === 110 || c === 48) return 0; // N n 0
    return -1;
  }
  const v = raw.trim().toLowerCase();
  if (TRUE_VALUES.has(v)) return 1;
  if (FALSE_VALUES.has(v)) return 0;
  return -1;
}

/**
 * A copy of a cell that does not keep the parsed text alive. V8 cuts cells of 13 characters
 * or more as views into the text they were read from, so one kept SIRET or name would hold
 * that text in memory (over a file, nearly all of it); shorter cells are copies already.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Set of SIRET numbers (integers below 10^15). SIRENE extracts come sorted by SIRET, so keys
 * larger than every key before are appended to a sorted run (sequential writes, and a binary
 * search for the rare smaller key); the others go to an open-addressing table of doubles. A
 * million random probes into a 16 MB table, or a Set<number> boxing each key, cost a tenth of
 * the ingest. When keys turn out not to come in order, the run is folded into the table and
 * only the table is used.
 */
class NumberSet {
  private run: Float64Array | null = new Float64Array(1 << 16);
  private runLength = 0;
  private outOfOrder = 0;
  private keys = new Float64Array(1 << 10).fill(-1);
  private size = 0;

  /** Adds `key` (an integer, 0 ≤ key < 2^53); false when it was already there. */
  add(key: number): boolean {
    const run = this.run;
    if (run !== null) {
      const n = this.runLength;
      if (n === 0 || key > run[n - 1]) {
        if (n === run.length) {
          this.run = new Float64Array(n * 2);
          this.run.set(run);
        }
        this.run![n] = key;
        this.runLength = n + 1;
        return true;
      }
      if (sortedIncludes(run, n, key)) return false;
      // Mostly out of order (after a fair sample): a table alone is cheaper than run + table.
      if (++this.outOfOrder > 4096 && this.outOfOrder * 8 > n) {
        for (let i = 0; i < n; i++) this.insert(run[i]);
        this.run = null;
      }
    }
    return this.insert(key);
  }

  private insert(key: number): boolean {
    const i = slot(this.keys, key);
    if (this.keys[i] === key) return false;
    this.keys[i] = key;
    if (++this.size * 2 > this.keys.length) {
      const old = this.keys;
      this.keys = new Float64Array(old.length * 2).fill(-1);
      for (let j = 0; j < old.length; j++) if (old[j] !== -1) this.keys[slot(this.keys, old[j])] = old[j];
    }
    return true;
  }
}

/** Whether the first `n` values of ascending `a` include `key`. */
function sortedIncludes(a: Float64Array, n: number, key: number): boolean {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid];
    if (v === key) return true;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Slot of `key` in an open-addressing table (power-of-two length, -1 = empty). */
function slot(keys: Float64Array, key: number): number {
  const mask = keys.length - 1;
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  let i = h & mask;
  while (keys[i] !== -1 && keys[i] !== key) i = (i + 1) & mask;
  return i;
}

/** Value of a cell of 1 to 15 ASCII digits, or -1 for anything else. */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** True when the trimmed, upper-cased cell is "F" (a closed establishment). */
function isClosedState(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (raw.length === 1) return raw === 'F' || raw === 'f';
  return raw.trim().toUpperCase() === 'F';
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
  const essFlagBlank: EssFlagBlank = { rows: 0, byFamily: 0, byLegalCategory: 0, essByLegalCategory: 0, notEss: 0 };
  const jobsCount = { headcount: 0, unknownSize: 0 };
  const swaps: RowSwaps = { apply: options.swapOutsideFrance ?? false, candidates: 0, swapped: 0 };

  const reject = (row: string[], reason: RejectReason) => {
    rejectedBy[reason] = (rejectedBy[reason] ?? 0) + 1;
    // Kept rows are detached from the parsed text so they do not pin it in memory.
    if (rejectedRows.length < maxRejected) rejectedRows.push({ line: read, reason, row: row.map(detach) });
    else truncated = true;
  };

  const setup = (sample: string[][]) => {
    // The user's mapping replaces the detected columns, never the detected format: the summary
    // must name the same format as the mapping screen did.
    const detected = detectMapping(header, sample);
    mapping = options.mapping ? { ...detected, mapping: options.mapping, confidence: {}, overall: 1, rejected: [] } : detected;
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
    process = makeRowProcessor(m, plan!, builder, (v) => (hasNonEss ||= v === 0), essFlagBlank, jobsCount, swaps);
  };

  const rejectLong = (chars: number) => {
    read++;
    reject([`(${Math.round(chars / 1048576)} Mi caractères sans fin de ligne : ligne non conservée)`], 'line_too_long');
  };
  const processRows = (rows: readonly (string[] | number)[]) => {
    for (const row of rows) {
      if (typeof row === 'number') {
        rejectLong(row);
        continue;
      }
      read++;
      const reason = process!(row);
      if (reason) reject(row, reason);
    }
  };
  /** Rows read before the columns are decided, and the length of each record too long to keep, in file order. */
  let sample: (string[] | number)[] = [];
  let sampled = 0;
  const flushSample = () => {
    setup(sample.filter((r): r is string[] => typeof r !== 'number').slice(0, SAMPLE_ROWS));
    const rows = sample;
    sample = [];
    processRows(rows);
  };

  // Rows come in batches of about a thousand, several per slice of text (all with the slice's
  // byte count): progress is reported once per slice, when the next one starts and at the end,
  // so the worker does not post a message per batch.
  let unreportedBytes = -1;
  const reportProgress = () => {
    if (unreportedBytes >= 0) options.onProgress?.({ bytesRead: unreportedBytes, rowsParsed: read });
    unreportedBytes = -1;
  };
  const { dialect, encodingSwitchAt, encodingWarning, bytesRead } = await readCsvStream(
    source,
    {
      onHeader: (h) => {
        header = h;
      },
      onOversizedRecord: (chars) => {
        // In its place among the rows, so every rejected line keeps its number.
        if (process) rejectLong(chars);
        else sample.push(chars);
      },
      onRows: (rows, bytes) => {
        if (bytes !== unreportedBytes) reportProgress();
        if (process) processRows(rows);
        else {
          // The columns are decided on a sample of SAMPLE_ROWS rows, however the text was cut
          // into batches: a first batch of one odd line must not decide the whole file.
          sample.push(...rows);
          sampled += rows.length;
          if (sampled >= SAMPLE_ROWS) flushSample();
        }
        unreportedBytes = bytes;
      },
    },
    options,
  );
  reportProgress();
  if (header.length === 0) {
    throw new EssqError('empty_file', 'Le fichier des établissements est vide. Attendu : une ligne d’en-tête puis une ligne par établissement.');
  }
  if (!process) flushSample();
  if (encodingWarning) warnings.push(encodingWarning);
  const swapWarning = swappedRowsWarning(swaps, rejectedBy.outside_france ?? 0);
  if (swapWarning) warnings.push(swapWarning);
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
      essFlagBlank,
      jobsFromHeadcount: jobsCount.headcount,
      unknownSize: jobsCount.unknownSize,
      swapCandidates: swaps.candidates,
      swappedRows: swaps.swapped,
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
  blank: EssFlagBlank,
  jobsCount: { headcount: number; unknownSize: number },
  swaps: RowSwaps,
): (row: string[]) => RejectReason | null {
  const readCoords = makeCoordinateReader(plan);
  const xy = [0, 0];
  const seenNumeric = new NumberSet();
  const seenText = new Set<string>();
  const cell = (row: string[], col: number | undefined) => (col === undefined ? '' : (row[col] ?? '').trim());
  const maxCol = Math.max(...Object.values(m).filter((v): v is number => v !== undefined));
  const { siret: siretCol, state: stateCol, essFlag: essFlagCol, family: familyCol, legalCategory: legalCol, headcount: headcountCol } = m;
  const hasFamily = familyCol !== undefined;
  const hasLegal = legalCol !== undefined;
  const hasFlag = essFlagCol !== undefined;

  return (row) => {
    // A row too short to hold every mapped column (a cut line, a stray note) is not an establishment.
    if (row.length <= maxCol) return 'malformed_row';
    if (stateCol !== undefined && isClosedState(row[stateCol])) return 'closed';
    // SIRENE SIRETs are 14 plain digits: read their number directly; anything else (spaces,
    // "….0" from a spreadsheet, letters) takes the general path.
    const rawSiret = siretCol === undefined ? '' : (row[siretCol] ?? '');
    let siret: string;
    let key = digitsValue(rawSiret);
    if (key >= 0) siret = rawSiret;
    else {
      siret = rawSiret.trim().replace(/\s/g, '').replace(/\.0$/, '');
      if (/^\d{1,15}$/.test(siret)) key = Number(siret);
    }
    if (key >= 0) {
      if (!seenNumeric.add(key)) return 'duplicate_siret';
    } else if (siret !== '' && siret !== '[ND]') {
      if (seenText.has(siret)) return 'duplicate_siret';
      seenText.add(siret);
    }
    const c = readCoords(row, xy);
    if (c === 'missing') return 'no_coordinates';
    if (c === 'bad') return 'bad_coordinates';
    if (!isInFrance(xy[0], xy[1]) && !swapIntoFrance(xy, plan, swaps)) return 'outside_france';

    const legal = cell(row, legalCol);
    const familyLabel = cell(row, familyCol);
    let ess = hasFlag ? readEssFlag(row[essFlagCol]) : -1;
    let family = familyLabel !== '' ? familyFromLabel(familyLabel) : -1;
    if (family === UNKNOWN_FAMILY) family = -1;
    if (ess < 0) {
      if (hasFlag) blank.rows++;
      if (hasFamily && familyLabel !== '') {
        ess = 1;
        if (hasFlag) blank.byFamily++;
      } else if (hasLegal && legal !== '') {
        ess = isEssLegalCategory(legal) ? 1 : 0;
        if (hasFlag) {
          blank.byLegalCategory++;
          blank.essByLegalCategory += ess;
        }
      } else if (!hasFlag && !hasFamily && !hasLegal) ess = 1;
      else {
        ess = 0;
        if (hasFlag) blank.notEss++;
      }
    }
    seeEss(ess);
    if (family < 0) family = ess === 1 ? familyForEss(legal) : familyFromLegalCategory(legal);

    let jobs;
    const headcount = headcountCol !== undefined ? parseDecimal(row[headcountCol]) : NaN;
    if (Number.isFinite(headcount) && headcount >= 0) {
      jobs = jobsFromHeadcount(headcount);
      jobsCount.headcount++;
    } else jobs = jobsFromTranche(cell(row, m.tranche));
    if (!jobs.known) jobsCount.unknownSize++;

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
    if (ess === 1) b.addLabel(i, { siret: detach(siret), name: detach(cell(row, m.name)), naf });
    return null;
  };
}

/** French label of a rejection reason. */
export const rejectLabel = (r: RejectReason) => REJECT_REASONS[r];
