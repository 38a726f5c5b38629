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
import { binaryKind, binaryMessage } from './binary-sniff.ts';

/** One value of the reference file that was not used, and why (French). */
export interface ReferenceIssue {
  /** Line of the file (the header is line 1). */
  line: number;
  code: string;
  column: string;
  value: string;
  problem: string;
}

export interface ReferenceTable {
  byCode: Map<string, Denominators>;
  columns: { code: string; population: string | null; establishments: string | null; jobs: string | null };
  rows: number;
  /** Rows without a code or with a repeated code. */
  skipped: number;
  /** Values left out (negative, not a number, beyond any quartier), row by row (the first 1 000). */
  issues: ReferenceIssue[];
  /** French sentences summing up the skipped rows and the values left out. */
  warnings: string[];
}

/**
 * Largest value taken as a quartier's figure. The most populous QPV has about 30 000
 * inhabitants; beyond these, a value is a commune's, a typo or a sum, not a quartier's.
 */
export const REFERENCE_MAXIMA = { population: 200_000, establishments: 50_000, jobs: 500_000 } as const;

const MAX_ISSUES = 1000;

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
  const issues: ReferenceIssue[] = [];
  const problems = new Map<string, { line: number; code: string; value: string }[]>();
  let skipped = 0;
  const note = (line: number, c: string, column: number, problem: string, value = '') => {
    const seen = problems.get(problem) ?? [];
    seen.push({ line, code: c, value });
    problems.set(problem, seen);
    if (issues.length < MAX_ISSUES) issues.push({ line, code: c, column: header[column] ?? '', value: value.slice(0, 40), problem });
  };
  const value = (r: string[], i: number, line: number, c: string, max: number) => {
    if (i < 0) return null;
    const raw = (r[i] ?? '').trim();
    if (raw === '' || /^(\[nd\]|nd|n\/?a|s|-|nc)$/i.test(raw)) return null;
    // Spreadsheets write French thousands separators: "1 250" or "1\u202f250".
    const v = parseDecimal(raw.replace(/[\s\u00a0\u202f]/g, ''));
    const column = header[i];
    if (!Number.isFinite(v)) note(line, c, i, `« ${column} » n’est pas un nombre`, raw);
    else if (v < 0) note(line, c, i, `« ${column} » est négatif`, raw);
    else if (v > max) note(line, c, i, `« ${column} » dépasse ${max.toLocaleString('fr-FR')}, plus qu’aucun quartier`, raw);
    else return v;
    return null;
  };
  rows.slice(1).forEach((r, k) => {
    const line = k + 2;
    const c = (r[code] ?? '').trim().toUpperCase();
    if (c === '' || byCode.has(c)) {
      skipped++;
      note(line, c, code, c === '' ? 'sans code de quartier' : `code ${c} déjà lu plus haut`);
      return;
    }
    byCode.set(c, {
      population: value(r, pop, line, c, REFERENCE_MAXIMA.population),
      establishments: value(r, etab, line, c, REFERENCE_MAXIMA.establishments),
      jobs: value(r, jobs, line, c, REFERENCE_MAXIMA.jobs),
    });
  });
  const warnings = [...problems].map(([problem, seen]) => {
    const rowLevel = problem.startsWith('sans code') || problem.startsWith('code ');
    const cited = seen
      .slice(0, 5)
      .map((s) => (rowLevel ? `${s.line}` : `${s.line} (${s.code} : « ${s.value.slice(0, 20)} »)`))
      .join(', ');
    const where =
      seen.length === 1 ? `ligne ${cited}` : seen.length <= 5 ? `lignes ${cited}` : `${seen.length.toLocaleString('fr-FR')} lignes, dont ${cited}…`;
    const used = rowLevel ? (seen.length === 1 ? 'ligne ignorée' : 'lignes ignorées') : 'valeur non utilisée (ni part, ni densité pour ce quartier)';
    return `Fichier de référence, ${where} : ${problem} ; ${used}.`;
  });
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
    issues,
    warnings,
  };
}

/**
 * The reference codes that match no loaded quartier, as a French warning (null when all do).
 * Their figures are not used: a code from another generation (QP… against QN…) is the usual cause.
 */
export function unmatchedReferenceCodes(ref: ReferenceTable, quartierCodes: Iterable<string>): string | null {
  const known = new Set([...quartierCodes].map((c) => c.toUpperCase()));
  const unmatched = [...ref.byCode.keys()].filter((c) => !known.has(c));
  if (unmatched.length === 0) return null;
  const cited = unmatched.slice(0, 5).join(', ') + (unmatched.length > 5 ? ` et ${unmatched.length - 5} autres` : '');
  const all = (codes: Iterable<string>, prefix: string) => [...codes].every((c) => c.startsWith(prefix));
  const these = unmatched.length === 1 ? 'Ce code est' : 'Ces codes sont';
  const generation =
    known.size > 0 && all(unmatched, 'QP') && all(known, 'QN')
      ? ` ${these} de la géographie 2015 (QP…), les quartiers chargés de celle de 2024 (QN…).`
      : known.size > 0 && all(unmatched, 'QN') && all(known, 'QP')
        ? ` ${these} de la géographie 2024 (QN…), les quartiers chargés de celle de 2015 (QP…).`
        : '';
  return (
    `Fichier de référence : ${unmatched.length === 1 ? 'le code' : `${unmatched.length.toLocaleString('fr-FR')} codes`} ${cited} ` +
    `ne ${unmatched.length === 1 ? 'correspond' : 'correspondent'} à aucun quartier chargé ; ${unmatched.length === 1 ? 'sa ligne n’est pas utilisée' : 'leurs lignes ne sont pas utilisées'}.${generation}`
  );
}

/** Parses the bytes of a reference file, refusing one that is not text with a message saying what it is. */
export function parseReferenceFile(bytes: Uint8Array, fileName?: string): ReferenceTable {
  const binary = binaryKind(bytes.subarray(0, 4096));
  if (binary) throw new EssqError('binary_file', binaryMessage(binary, 'un CSV avec une colonne code_qp et des colonnes pop_mun, nbetab ou emplois', fileName ? ` « ${fileName} »` : ''));
  return parseReference(decodeText(bytes));
}
