/**
 * SIRENE headcount brackets (tranches d'effectifs) → jobs with their range, and jobs → size
 * class (DESIGN §3, §4).
 *
 * Source: INSEE, documentation des variables SIRENE, `trancheEffectifsEtablissement` /
 * `trancheEffectifsUniteLegale` (16 codes, NN to 53).
 */
import { SIZES } from '../types.ts';
import type { Jobs, SizeClass } from '../types.ts';

/** Jobs of one establishment, with what the source says about it. */
export interface EstablishmentJobs extends Jobs {
  /**
   * The establishment counts as an employer: any bracket but NN (00 included: no employee on
   * 31/12 but some during the year), a blank bracket (employer of unknown size), or a
   * headcount above 0.
   */
  employer: boolean;
  /** The source gave a readable bracket or headcount. */
  known: boolean;
}

/** The 16 SIRENE bracket codes, in INSEE order. */
export const TRANCHE_CODES = [
  'NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53',
] as const;
export type TrancheCode = (typeof TRANCHE_CODES)[number];

/** INSEE labels of the brackets. */
export const TRANCHE_LABELS: Readonly<Record<TrancheCode, string>> = {
  NN: "Unité non employeuse (pas de salarié au cours de l'année de référence et pas d'effectif au 31/12)",
  '00': "0 salarié (n'ayant pas d'effectif au 31/12 mais ayant employé des salariés au cours de l'année de référence)",
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
};

/** French labels of the size classes for the UI. */
export const SIZE_LABELS: Readonly<Record<SizeClass, string>> = {
  '0': '0 salarié au 31/12',
  '1-2': '1–2 salariés',
  '3-9': '3–9 salariés',
  '10-19': '10–19 salariés',
  '20-49': '20–49 salariés',
  '50+': '50 salariés et plus',
  non_employeur: 'Non employeur',
  inconnue: 'Taille inconnue',
};

function frozen(min: number, max: number, employer: boolean, known: boolean): Readonly<EstablishmentJobs> {
  return Object.freeze({ estimate: (min + max) / 2, min, max, employer, known });
}

/** NN and a headcount of 0: known non-employer, no job. */
const NON_EMPLOYER = frozen(0, 0, false, true);
/**
 * 00: employed someone during the year but nobody on 31/12 (INSEE). An employer, with 0 jobs
 * at 31/12 — the date every other bracket describes — so 0 for min, estimate and max.
 */
const ZERO_AT_YEAR_END = frozen(0, 0, true, true);
/**
 * Empty or unreadable bracket: an employer of unknown size (DESIGN §4), `known: false` so it
 * lands in the `inconnue` size class and the import summary counts it. Its jobs are not
 * estimated (0 for min, estimate and max, as docs/indicateurs.md states): any other figure
 * would be invented, and a 0–10 000 range per row would drown every quartier's range.
 */
const UNKNOWN = frozen(0, 0, true, false);

// Bracket by numeric value, so "1", "01" and "1.0" read the same without building strings.
const BY_VALUE: Array<Readonly<EstablishmentJobs> | undefined> = new Array(54).fill(undefined);
BY_VALUE[0] = ZERO_AT_YEAR_END;
for (const [value, min, max] of [
  [1, 1, 2], [2, 3, 5], [3, 6, 9], [11, 10, 19], [12, 20, 49], [21, 50, 99], [22, 100, 199],
  [31, 200, 249], [32, 250, 499], [41, 500, 999], [42, 1000, 1999], [51, 2000, 4999],
  [52, 5000, 9999],
  // 10 000+ has no upper bound: DESIGN §4 counts 10 000 for all three.
  [53, 10_000, 10_000],
] as const) {
  BY_VALUE[value] = frozen(min, max, true, true);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0xfeff;
}

/**
 * Jobs of a SIRENE bracket: min and max are the bracket's bounds, estimate their midpoint
 * (01 → 1–2, 1.5; 12 → 20–49, 34.5; 53 → 10 000 for all three). NN is a known non-employer;
 * 00 an employer with 0 jobs at 31/12. Empty or unreadable → employer of unknown size
 * (`known: false`), 0 jobs.
 * Accepts "NN"/"nn", surrounding spaces, a dropped leading zero ("1") and floats ("1.0").
 * The returned objects are shared and frozen: copy before changing one.
 */
export function jobsFromTranche(code: string): Readonly<EstablishmentJobs> {
  let end = code.length;
  while (end > 0 && isBlank(code.charCodeAt(end - 1))) end--;
  let i = 0;
  while (i < end && isBlank(code.charCodeAt(i))) i++;
  const c0 = code.charCodeAt(i);
  if ((c0 | 32) === 110) {
    return end - i === 2 && (code.charCodeAt(i + 1) | 32) === 110 ? NON_EMPLOYER : UNKNOWN;
  }
  let value = 0;
  let digits = 0;
  while (i < end) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    digits++;
    i++;
  }
  if (digits === 0 || digits > 2) return UNKNOWN;
  if (i < end && code.charCodeAt(i) === 46) {
    i++;
    while (i < end && code.charCodeAt(i) === 48) i++;
  }
  if (i !== end) return UNKNOWN;
  return BY_VALUE[value] ?? UNKNOWN;
}

/**
 * Jobs from an exact headcount column, which wins over the bracket: min = max = estimate = n,
 * employer when n > 0. A negative or non-finite n (NaN from an empty cell) is unknown.
 */
export function jobsFromHeadcount(n: number): Readonly<EstablishmentJobs> {
  if (!Number.isFinite(n) || n < 0) return UNKNOWN;
  if (n === 0) return NON_EMPLOYER;
  return { estimate: n, min: n, max: n, employer: true, known: true };
}

const SIZE_0 = SIZES.indexOf('0');
const SIZE_1_2 = SIZES.indexOf('1-2');
const SIZE_3_9 = SIZES.indexOf('3-9');
const SIZE_10_19 = SIZES.indexOf('10-19');
const SIZE_20_49 = SIZES.indexOf('20-49');
const SIZE_50_PLUS = SIZES.indexOf('50+');
const SIZE_NON_EMPLOYEUR = SIZES.indexOf('non_employeur');
const SIZE_INCONNUE = SIZES.indexOf('inconnue');

/**
 * Size class (index into `SIZES`) of an establishment. Classes are read on `jobs.min`, which is
 * the bracket's lower bound (02 3–5 and 03 6–9 → 3–9; 12 → 20–49; 21 and above → 50+) and the
 * headcount itself when exact; an employer with no job at 31/12 (bracket 00) → `0`. Not known →
 * `inconnue`; known but not employer → `non_employeur`.
 *
 * @example
 * const j = jobsFromTranche('02');
 * SIZES[sizeClassFromJobs(j, j.employer, j.known)]; // '3-9'
 */
export function sizeClassFromJobs(jobs: Jobs, employer: boolean, known: boolean): number {
  if (!known) return SIZE_INCONNUE;
  if (!employer) return SIZE_NON_EMPLOYEUR;
  const lower = jobs.min;
  if (jobs.max === 0) return SIZE_0;
  if (lower < 3) return SIZE_1_2;
  if (lower < 10) return SIZE_3_9;
  if (lower < 20) return SIZE_10_19;
  if (lower < 50) return SIZE_20_49;
  return SIZE_50_PLUS;
}
