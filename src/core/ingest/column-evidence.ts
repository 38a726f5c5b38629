/**
 * What the values of a column say about the role it is proposed for. A header alone can
 * mislead: « Année de validité de l'effectif salarié » contains « effectif » but holds years,
 * and a year read as an exact headcount replaces the bracket in every job figure. A column is
 * therefore proposed for a role only when the values of the sample fit that role; when they
 * do not, the reason is kept so the mapping screen can say why the column was left out.
 */
import type { Field } from './column-mapping.ts';
import { makeCoordinateReader, parseDecimal, planCoordinates } from './coordinates.ts';
import { isInFrance } from '../geo/france.ts';

/**
 * Share of the filled sample values that must fit a role for the column to be proposed: most
 * of them for a column whose name is only close to the role's, a majority for a column with
 * the role's exact name (a few stray values must not drop a `siret` column).
 */
export const MIN_FIT = 0.8;
export const MIN_FIT_EXACT_NAME = 0.5;

export interface ValueEvidence {
  /** Share (0–1) of the filled values that fit the role; 0.5 when no value is filled. */
  fit: number;
  /** Filled values looked at (empty cells and `[ND]` left out). */
  filled: number;
  /** Why the values rule the column out for this role, in French; null when they do not. */
  veto: string | null;
}

/** NAF rév. 2 and NAF 2025 sub-classes: `88.99B`, `8899B`, `64.91Y`. */
export const NAF_RE = /^\d{2}\.?\d{2}[A-Za-z]$/;
const TRANCHE_RE = /^(NN|00|01|02|03|11|12|21|22|31|32|41|42|51|52|53|0|1|2|3)$/;
const ESS_FLAG_RE = /^(o|n|oui|non|true|false|1|0|y|yes|no|vrai|faux)$/i;

/**
 * Words of a header that give it another meaning than the role: « Année de validité de
 * l'effectif », « Effectif … à la centaine près ». `quiet` vetoes are too obvious to list on
 * the mapping screen (a « Libellé de la tranche » is not worth explaining).
 */
const HEADER_VETOES: Partial<Record<Field, { word: string; why: string; quiet?: boolean }[]>> = {
  headcount: [
    { word: 'annee', why: 'son nom dit une année, pas un effectif' },
    { word: 'date', why: 'son nom dit une date, pas un effectif' },
    { word: 'centaine', why: 'effectif arrondi à la centaine, pas un effectif exact' },
    { word: 'libelle', why: 'libellé, pas un effectif', quiet: true },
    { word: 'tranche', why: 'tranche, pas un effectif exact', quiet: true },
  ],
  tranche: [
    { word: 'annee', why: 'son nom dit une année, pas une tranche' },
    { word: 'libelle', why: 'libellé, pas un code de tranche', quiet: true },
  ],
  naf: [
    { word: 'annee', why: 'son nom dit une année, pas un code NAF' },
    { word: 'libelle', why: 'libellé, pas un code NAF', quiet: true },
    { word: 'nomenclature', why: 'nom de la nomenclature, pas un code NAF', quiet: true },
    { word: 'registre', why: 'code du registre des métiers, pas un code NAF' },
  ],
  legalCategory: [{ word: 'libelle', why: 'libellé, pas un code de catégorie juridique', quiet: true }],
  essFlag: [
    { word: 'date', why: 'date d’entrée dans l’ESS, pas l’appartenance', quiet: true },
    { word: 'libelle', why: 'libellé de l’appartenance', quiet: true },
  ],
  siret: [{ word: 'siege', why: 'SIRET du siège, pas celui de l’établissement', quiet: true }],
};

/** Why a normalised header cannot hold `field` (and whether to say so), or null. */
export function headerVeto(field: Field, normalizedHeader: string): { why: string; quiet: boolean } | null {
  const words = normalizedHeader.split(' ');
  const v = HEADER_VETOES[field]?.find((x) => words.includes(x.word));
  return v ? { why: v.why, quiet: v.quiet ?? false } : null;
}

const isFilled = (v: string) => v !== '' && v !== '[ND]';
const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** A few distinct filled values of a column, to show beside a choice (« 2015, 2004, 2016 »). */
export function exampleValues(sample: readonly string[][], col: number, n = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = (row[col] ?? '').trim();
    if (isFilled(v) && !out.includes(v)) out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

/** How well the values of one column fit `field`, and whether they rule it out. */
export function valueEvidence(field: Field, values: readonly string[], minFit = MIN_FIT): ValueEvidence {
  const vs = values.map((v) => v.trim()).filter(isFilled);
  if (vs.length === 0) return { fit: 0.5, filled: 0, veto: null };
  const share = (ok: (v: string) => boolean) => vs.filter(ok).length / vs.length;
  const examples = [...new Set(vs)].slice(0, 3).join(', ');
  const fit = fitOf(field, vs, share);
  if (field === 'headcount') {
    // Years are whole non-negative numbers too: only their range tells them apart.
    const years = share((v) => isYear(parseDecimal(v)));
    if (years > 0.5) return { fit, filled: vs.length, veto: `ses valeurs sont des années (${examples}), pas des effectifs` };
  }
  if (fit < minFit) return { fit, filled: vs.length, veto: `ses valeurs (${examples}) ne ressemblent pas à ${EXPECTED[field] ?? 'ce champ'}` };
  return { fit, filled: vs.length, veto: null };
}

/** What a value of the field looks like, for the messages. */
const EXPECTED: Partial<Record<Field, string>> = {
  siret: 'des SIRET (14 chiffres)',
  naf: 'des codes NAF (88.99B ou 8899B)',
  legalCategory: 'des codes de catégorie juridique (4 chiffres, 9220)',
  tranche: 'des codes de tranche d’effectif (NN, 00, 01… 53)',
  headcount: 'des effectifs (nombres positifs)',
  lon: 'des longitudes',
  lat: 'des latitudes',
  latlon: 'des coordonnées « lat, lon »',
  x: 'des abscisses',
  y: 'des ordonnées',
  communeCode: 'des codes commune INSEE (31555, 2A004)',
  state: 'un état administratif (A ou F)',
  essFlag: 'une appartenance à l’ESS (O ou N)',
};

function fitOf(field: Field, vs: string[], share: (ok: (v: string) => boolean) => number): number {
  const num = (v: string) => parseDecimal(v);
  switch (field) {
    case 'siret':
      return share((v) => /^\d{14}(\.0)?$/.test(v.replace(/\s/g, '')));
    case 'naf':
      return share((v) => NAF_RE.test(v));
    case 'legalCategory':
      return share((v) => /^\d{4}(\.0)?$/.test(v));
    case 'tranche':
      return share((v) => TRANCHE_RE.test(v));
    case 'headcount':
      return share((v) => Number.isFinite(num(v)) && num(v) >= 0);
    case 'lon':
      return share((v) => Number.isFinite(num(v)) && Math.abs(num(v)) <= 180);
    case 'lat':
      return share((v) => Number.isFinite(num(v)) && Math.abs(num(v)) <= 90);
    case 'x':
    case 'y':
      return share((v) => Number.isFinite(num(v)));
    case 'latlon':
      return share((v) => /^-?\d+([.,]\d+)?\s*[,;]\s*-?\d+([.,]\d+)?$/.test(v) || /^\[.*\]$/.test(v));
    case 'communeCode':
      return share((v) => /^(\d{5}|2[AB]\d{3}|\d{4})$/i.test(v));
    case 'state':
      return share((v) => /^[AFaf]$/.test(v));
    case 'essFlag':
      return share((v) => ESS_FLAG_RE.test(v));
    default:
      return vs.length > 0 ? 1 : 0.5;
  }
}

/**
 * Share of the sample rows with readable coordinates whose position falls in France under `mapping`
 * (swaps and projections handled as the ingest will), or null when no row has coordinates.
 */
export function coordinatesInFrance(mapping: Partial<Record<Field, number>>, sample: readonly string[][]): { share: number; rows: number } | null {
  const plan = planCoordinates(mapping, sample as string[][]);
  if (!plan) return null;
  const read = makeCoordinateReader(plan);
  const xy = [0, 0];
  let rows = 0;
  let inside = 0;
  for (const row of sample) {
    // Unreadable cells are the ingest's « coordonnées illisibles », not a sign of a wrong column.
    if (read(row as string[], xy) !== 'ok') continue;
    rows++;
    if (isInFrance(xy[0], xy[1])) inside++;
  }
  return rows === 0 ? null : { share: inside / rows, rows };
}
