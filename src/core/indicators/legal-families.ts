/**
 * INSEE legal category (catégorie juridique) → ESS legal family.
 *
 * Source: INSEE, « Catégories juridiques », niveaux II et III, mise à jour du 1er septembre 2022
 * (cj_septembre_2022.xls, 39 niveau II + 260 niveau III codes). Every niveau III code was read
 * and decided; tests/nomenclatures-coverage.test.ts replays the decision against the real list.
 *
 * The legal category alone never proves ESS membership (ESS SAS and SARL exist, and the four
 * families contain bodies INSEE's ESS perimeter then drops by activity), so
 * {@link familyFromLegalCategory} answers "which family does this legal form belong to" and
 * {@link familyForEss} answers "this row is ESS: which family do we count it in".
 */
import { FAMILIES } from '../types.ts';
import type { Family } from '../types.ts';

const ASSOCIATION = FAMILIES.indexOf('association');
const COOPERATIVE = FAMILIES.indexOf('cooperative');
const MUTUELLE = FAMILIES.indexOf('mutuelle');
const FONDATION = FAMILIES.indexOf('fondation');
const SOCIETE_COMMERCIALE_ESS = FAMILIES.indexOf('societe_commerciale_ess');
const INCONNUE = FAMILIES.indexOf('inconnue');

/** French labels for the UI, in the observatories' wording. */
export const FAMILY_LABELS: Readonly<Record<Family, string>> = {
  association: 'Association',
  cooperative: 'Coopérative',
  mutuelle: 'Mutuelle',
  fondation: 'Fondation',
  societe_commerciale_ess: 'Société commerciale ESS',
  inconnue: 'Famille inconnue',
};

/**
 * Niveau II groups that are ESS as a whole. A niveau III code missing from the 2022 list
 * (INSEE adds codes between editions) inherits its group's family instead of being lost.
 */
const LEVEL2_FAMILY: ReadonlyArray<readonly [number, number]> = [
  [51, COOPERATIVE], // Société coopérative commerciale particulière (coop banks, caution mutuelle)
  [61, COOPERATIVE], // Caisse d'épargne et de prévoyance: cooperative banks since the 1999 law
  [63, COOPERATIVE], // Société coopérative agricole
  [64, MUTUELLE], // Société d'assurance mutuelle
  [82, MUTUELLE], // Organisme mutualiste
  [92, ASSOCIATION], // Association loi 1901 ou assimilé
  [93, FONDATION], // Fondation
];

/** Niveau III codes, listed explicitly, including those their niveau II already implies. */
const LEVEL3_FAMILY: ReadonlyArray<readonly [number, readonly number[]]> = [
  [
    COOPERATIVE,
    [
      // 51: coop banks and the caution mutuelle companies INSEE files with them.
      5191, 5192, 5193, 5194, 5195, 5196,
      // SNC, SCS, SCA coopératives.
      5203, 5307, 5309,
      // SARL coopératives, SCOP, unions of coops.
      5443, 5451, 5453, 5454, 5455, 5458, 5459, 5460,
      // SA coopératives à conseil d'administration (incl. HLM production coops).
      5543, 5547, 5551, 5552, 5553, 5554, 5555, 5558, 5559, 5560,
      // SA coopératives à directoire.
      5643, 5647, 5651, 5652, 5653, 5654, 5655, 5658, 5659, 5660,
      6100,
      // CUMA, coopérative agricole, union de coopératives agricoles.
      6316, 6317, 6318,
      // Sociétés civiles coopératives.
      6543, 6551, 6554, 6558, 6560,
      // Crédit mutuel and crédit agricole mutuel local banks are cooperatives, not mutuelles.
      6595, 6596,
    ],
  ],
  [MUTUELLE, [6411, 8210, 8250, 8290]],
  [ASSOCIATION, [9210, 9220, 9221, 9222, 9223, 9230, 9240, 9260]],
  [FONDATION, [9300]],
];

/**
 * Codes inside an ESS niveau II group that are not ESS: 9224 (AARPI) is a law firm sharing the
 * association niveau II, not an association loi 1901.
 * Deliberately absent elsewhere: 7321–7323 (public-law "associations" syndicales/foncières),
 * 9150 (association syndicale libre of landowners), 8140 (Mutualité sociale agricole, a social
 * security scheme), 8510 (institution de prévoyance, paritarian), SICA (5432, 5532, 5632, 6532)
 * and the "groupements de coopération sanitaire" (7470, 9970): none is an ESS family in law.
 */
const NOT_ESS_IN_ESS_GROUP: readonly number[] = [9224];

// Keys: 0–9999 niveau III, 10000 + nn niveau II, 10100 + n niveau I.
const LEVEL2_KEY = 10_000;
const LEVEL1_KEY = 10_100;
const KEY_COUNT = 10_110;

const FAMILY_BY_KEY = new Uint8Array(KEY_COUNT).fill(INCONNUE);
const ESS_FAMILY_BY_KEY = new Uint8Array(KEY_COUNT).fill(INCONNUE);

for (const [group, family] of LEVEL2_FAMILY) {
  FAMILY_BY_KEY[LEVEL2_KEY + group] = family;
  FAMILY_BY_KEY.fill(family, group * 100, group * 100 + 100);
}
for (const [family, codes] of LEVEL3_FAMILY) for (const code of codes) FAMILY_BY_KEY[code] = family;
for (const code of NOT_ESS_IN_ESS_GROUP) FAMILY_BY_KEY[code] = INCONNUE;

// An ESS-flagged row whose legal form is no ESS family is an ESS company: niveau I 5 (sociétés
// commerciales) and 6 (other RCS-registered private bodies, incl. sociétés civiles), plus 3120
// (foreign commercial company registered in France). Public bodies and the rest stay unknown.
ESS_FAMILY_BY_KEY.set(FAMILY_BY_KEY);
for (let key = 0; key < KEY_COUNT; key++) {
  if (FAMILY_BY_KEY[key] !== INCONNUE) continue;
  const level1 =
    key < LEVEL2_KEY ? Math.floor(key / 1000) : key < LEVEL1_KEY ? Math.floor((key - LEVEL2_KEY) / 10) : key - LEVEL1_KEY;
  if (level1 === 5 || level1 === 6 || key === 3120) ESS_FAMILY_BY_KEY[key] = SOCIETE_COMMERCIALE_ESS;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0xfeff;
}

/**
 * Table key of a legal category as files write it: "9220", " 9220 ", "9220.0" (read as a
 * number), "92" (niveau II), "9" (niveau I), "9220 Association déclarée". -1 otherwise.
 */
function legalCategoryKey(code: string): number {
  const n = code.length;
  let i = 0;
  while (i < n && isBlank(code.charCodeAt(i))) i++;
  const start = i;
  let value = 0;
  while (i < n) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    i++;
  }
  const digits = i - start;
  if (i < n && code.charCodeAt(i) === 46) {
    // A spreadsheet's float: only zeros may follow the dot.
    i++;
    while (i < n && code.charCodeAt(i) === 48) i++;
  }
  if (i < n && !isBlank(code.charCodeAt(i))) return -1;
  if (digits === 4) return value;
  if (digits === 2) return LEVEL2_KEY + value;
  if (digits === 1) return LEVEL1_KEY + value;
  return -1;
}

/**
 * ESS family implied by an INSEE legal category alone, as an index into `FAMILIES`:
 * association (92xx), fondation (9300), mutuelle (82xx, 6411), coopérative (coop codes of the
 * 2022 list, coop and mutual banks). Any other code, empty or unreadable input → `inconnue`.
 * Accepts niveau III ("9220"), niveau II ("92"), surrounding spaces and floats ("9220.0").
 *
 * @example familyFromLegalCategory('5458') === FAMILIES.indexOf('cooperative') // SARL SCOP
 */
export function familyFromLegalCategory(code: string): number {
  const key = legalCategoryKey(code);
  return key < 0 ? INCONNUE : FAMILY_BY_KEY[key];
}

/**
 * Family to count a row in once it is known to be ESS (SIRENE flag `O`, observatory list).
 * Same as {@link familyFromLegalCategory}, except that a company that is no ESS family by its
 * form (SAS 5710, SARL 5499, société civile…: niveau I 5 and 6, and 3120) is a
 * `societe_commerciale_ess`. Public bodies and empty or unknown codes stay `inconnue`.
 */
export function familyForEss(code: string): number {
  const key = legalCategoryKey(code);
  return key < 0 ? INCONNUE : ESS_FAMILY_BY_KEY[key];
}

/**
 * True when the legal category alone places the unit in one of the four statutory ESS
 * families (association, coopérative, mutuelle, fondation).
 */
export function isEssLegalCategory(code: string): boolean {
  const family = familyFromLegalCategory(code);
  return family !== INCONNUE && family !== SOCIETE_COMMERCIALE_ESS;
}

// Observatory "Famille" columns repeat a handful of labels over millions of rows: memoise the
// normalised reading, bounded so a column of free text cannot grow it without limit.
const LABEL_CACHE_MAX = 512;
const labelCache = new Map<string, number>();

const DIACRITICS = /[\u0300-\u036f]/g;
const COOPERATIVE_WORDS = /cooperati|\b(?:coop|scop|scic|cuma|cae)\b/;
const MUTUELLE_WORDS = /mutu[ea]l/;
const FONDATION_WORDS = /fondation|fonds de dotation/;
const ASSOCIATION_WORDS = /association|\basso\b/;
const COMPANY_WORDS = /commercia|\besus\b|\bsas\b|\bsarl\b/;

function readFamilyLabel(text: string): number {
  const s = text.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
  // Order matters: "Association coopérative" is a coop, "Société d'assurance mutuelle" a mutuelle.
  if (COOPERATIVE_WORDS.test(s)) return COOPERATIVE;
  if (MUTUELLE_WORDS.test(s)) return MUTUELLE;
  if (FONDATION_WORDS.test(s)) return FONDATION;
  if (ASSOCIATION_WORDS.test(s)) return ASSOCIATION;
  if (COMPANY_WORDS.test(s)) return SOCIETE_COMMERCIALE_ESS;
  return INCONNUE;
}

/**
 * Family read from an observatory "Famille" label, case- and accent-insensitive:
 * "Association(s)", "Coopérative", "SCOP", "SCIC", "CUMA", "Mutuelle", "Fondation",
 * "Fonds de dotation", "Société commerciale ESS", "Entreprise commerciale de l'ESS", and our
 * own keys ("societe_commerciale_ess"). Anything else, or empty → `inconnue`.
 */
export function familyFromLabel(text: string): number {
  const cached = labelCache.get(text);
  if (cached !== undefined) return cached;
  const family = readFamilyLabel(text);
  if (labelCache.size >= LABEL_CACHE_MAX) labelCache.clear();
  labelCache.set(text, family);
  return family;
}
