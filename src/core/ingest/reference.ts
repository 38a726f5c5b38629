/**
 * Per-quartier reference CSV (INSEE per-QPV tables or the user's own): population, number of
 * establishments and jobs keyed by quartier code — the denominators of shares and densities.
 */
import Papa from 'papaparse';
import { detectDelimiter } from './csv-sniff.ts';
import { normalizeHeader } from './column-mapping.ts';
import { parseDecimal } from './coordinates.ts';
import { EssqError } from '../errors.ts';
import type { Denominators } from '../indicators/indicators.ts';

export interface ReferenceTable {
  byCode: Map<string, Denominators>;
  columns: { code: string; population: string | null; establishments: string | null; jobs: string | null };
  rows: number;
  /** Rows without a code or with a repeated code. */
  skipped: number;
}

const CODE = ['code qp', 'code quartier', 'codeqp', 'qp', 'code', 'code qpv', 'quartier'];
const POPULATION = ['pop mun', 'population', 'pop', 'population municipale', 'nb habitants', 'habitants'];
const ESTABLISHMENTS = ['nbetab', 'nb etab', 'etablissements', 'nombre d etablissements', 'nb etablissements', 'etab'];
const JOBS = ['emplois', 'emploi', 'nb emplois', 'emplois salaries', 'jobs', 'effectifs', 'emploi total', 'emplois total'];

function find(norm: string[], names: string[]): number {
  for (const n of names) {
    const i = norm.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** Decodes bytes as UTF-8 (BOM skipped), or Windows-1252 when they are not UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node 20 decodes Windows-1252 as Latin-1 in a one-shot decode (’ œ – become control
    // characters); the streaming path decodes it right.
    const decoder = new TextDecoder('windows-1252');
    return decoder.decode(bytes, { stream: true }) + decoder.decode();
  }
}

/**
 * Parses a reference CSV. Throws an EssqError when no quartier code column is found.
 *
 * @example
 * parseReference('code_qp;pop_mun;nbetab\nQP031001;5230;410\n').byCode.get('QP031001')
 * // → { population: 5230, establishments: 410, jobs: null }
 */
export function parseReference(text: string): ReferenceTable {
  const clean = text.replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(clean, { delimiter: detectDelimiter(clean.slice(0, 65536)), skipEmptyLines: 'greedy' }).data;
  if (rows.length === 0) throw new EssqError('empty_file', 'Le fichier de référence est vide. Attendu : un CSV avec une colonne code_qp et des colonnes pop_mun, nbetab ou emplois.');
  const header = rows[0].map((h) => h.trim());
  const norm = header.map(normalizeHeader);
  const code = find(norm, CODE);
  if (code < 0) {
    throw new EssqError(
      'missing_code',
      `Le fichier de référence n’a pas de colonne de code quartier (colonnes trouvées : ${header.slice(0, 8).join(', ')}). ` +
        'Attendu : une colonne code_qp (ou code_quartier) avec les codes QP… / QN….',
    );
  }
  const pop = find(norm, POPULATION);
  const etab = find(norm, ESTABLISHMENTS);
  const jobs = find(norm, JOBS);
  const byCode = new Map<string, Denominators>();
  let skipped = 0;
  const value = (r: string[], i: number) => {
    if (i < 0) return null;
    // Spreadsheets write French thousands separators: "1 250" or "1\u202f250".
    const v = parseDecimal(r[i]?.replace(/[\s\u00a0\u202f]/g, ''));
    return Number.isFinite(v) ? v : null;
  };
  for (const r of rows.slice(1)) {
    const c = (r[code] ?? '').trim().toUpperCase();
    if (c === '' || byCode.has(c)) {
      skipped++;
      continue;
    }
    byCode.set(c, { population: value(r, pop), establishments: value(r, etab), jobs: value(r, jobs) });
  }
  return {
    byCode,
    columns: {
      code: header[code],
      population: pop >= 0 ? header[pop] : null,
      establishments: etab >= 0 ? header[etab] : null,
      jobs: jobs >= 0 ? header[jobs] : null,
    },
    rows: rows.length - 1,
    skipped,
  };
}
