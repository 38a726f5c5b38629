/**
 * NAF division → ESS observatory sector group (DESIGN §4), plus the French labels of the
 * three classifications the UI shows (sectors here; families and sizes re-exported so one
 * import serves a legend).
 *
 * Source of the divisions: INSEE, NAF rév. 2 (2008), 21 sections and 88 divisions. The groups
 * follow the ESS observatories (CNCRESS / ESS France, « Atlas commenté de l'ESS »), which cut
 * the NAF by section; choices the observatories leave open are decided here:
 * - 75 (vétérinaires) stays with its section M in `soutien_entreprises`: the observatories'
 *   "Santé humaine" is division 86 only.
 * - 59 (cinéma, vidéo, musique enregistrée) stays with its section J in `autres_activites`:
 *   "Arts et spectacles" is the performing arts and heritage of section R (90, 91).
 * - 92 (jeux de hasard) goes to `autres_activites`: "Sports et loisirs" is division 93.
 * - 94 (organisations associatives) goes to `autres_activites`, as the Atlas does when it does
 *   not give it a group of its own.
 * NAF 2025 keeps these divisions (it drops 45, whose activities move to 46, 47 and 95), so its
 * codes are read with the same table.
 */
import { SECTORS } from '../types.ts';
import type { Sector } from '../types.ts';

export { FAMILY_LABELS } from './legal-families.ts';
export { SIZE_LABELS } from './tranches.ts';

const NON_CLASSE = SECTORS.indexOf('non_classe');

/** French labels for the UI, in the observatories' wording. */
export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  action_sociale: 'Action sociale',
  sante: 'Santé humaine',
  enseignement: 'Enseignement',
  sports_loisirs: 'Sports et loisirs',
  arts_spectacles: 'Arts et spectacles',
  finance_assurance: "Activités financières et d'assurance",
  commerce: 'Commerce',
  hebergement_restauration: 'Hébergement et restauration',
  soutien_entreprises: 'Soutien aux entreprises',
  industrie_construction: 'Industrie et construction',
  agriculture: 'Agriculture, sylviculture et pêche',
  autres_activites: 'Autres activités',
  non_classe: 'Non classé',
};

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let d = first; d <= last; d++) out.push(d);
  return out;
}

/** The 88 NAF rév. 2 divisions, by sector group; the section is noted for each run. */
const DIVISIONS_BY_SECTOR: ReadonlyArray<readonly [Sector, readonly number[]]> = [
  ['agriculture', range(1, 3)], // A
  [
    'industrie_construction',
    [...range(5, 9), ...range(10, 33), 35, ...range(36, 39), ...range(41, 43)], // B, C, D, E, F
  ],
  ['commerce', range(45, 47)], // G
  ['hebergement_restauration', [55, 56]], // I
  ['finance_assurance', range(64, 66)], // K
  ['soutien_entreprises', [...range(69, 75), ...range(77, 82)]], // M, N
  ['enseignement', [85]], // P
  ['sante', [86]], // Q
  ['action_sociale', [87, 88]], // Q
  ['arts_spectacles', [90, 91]], // R
  ['sports_loisirs', [93]], // R
  [
    'autres_activites',
    // H transport, J information-communication, L immobilier, O administration, R 92,
    // S autres services (94–96), T ménages, U extraterritorial.
    [...range(49, 53), ...range(58, 63), 68, 84, 92, 94, 95, 96, 97, 98, 99],
  ],
];

const SECTOR_BY_DIVISION = new Uint8Array(100).fill(NON_CLASSE);
for (const [sector, divisions] of DIVISIONS_BY_SECTOR) {
  const index = SECTORS.indexOf(sector);
  for (const division of divisions) SECTOR_BY_DIVISION[division] = index;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * NAF division (1–99) of an activity code, or -1 when none can be read. Reads the first two
 * digits of NAF rév. 2 and NAF 2025 codes in every spelling files use: "88.99B", "8899B",
 * "88.99Y", "88.99b", " 88.99B ", "5630Z" (SIRENE v2 APET700), "4399CZ" (registre des métiers),
 * and a division whose leading zero a spreadsheet dropped ("1", "1.11").
 * NAF rév. 1 codes ("85.3K", "853K") give -1: their divisions mean other things (85 was santé
 * et action sociale). NAP codes ("57.10") cannot be told from NAF rév. 2 by their shape; callers
 * holding a nomenclature column should pass only NAFRev2 / NAF 2025 codes.
 */
export function nafDivision(code: string): number {
  const n = code.length;
  let i = 0;
  while (i < n && isBlank(code.charCodeAt(i))) i++;
  const c0 = code.charCodeAt(i);
  if (!isDigit(c0)) return -1;
  const c1 = code.charCodeAt(i + 1);
  if (!isDigit(c1)) {
    // Only a lone digit or a digit before a dot can be a division that lost its leading zero.
    return i + 1 >= n || c1 === 46 || isBlank(c1) ? c0 - 48 : -1;
  }
  let j = i + 2;
  if (code.charCodeAt(j) === 46) j++;
  if (isDigit(code.charCodeAt(j)) && isLetter(code.charCodeAt(j + 1))) return -1;
  return (c0 - 48) * 10 + (c1 - 48);
}

/**
 * ESS observatory sector group of a NAF code, as an index into `SECTORS`. The group depends on
 * the division only (see the module comment for the table and its choices); a code whose
 * division does not exist in the NAF, an empty or unreadable code → `non_classe`.
 *
 * @example SECTORS[sectorFromNaf('88.99B')] === 'action_sociale'
 */
export function sectorFromNaf(code: string): number {
  const division = nafDivision(code);
  return division < 0 ? NON_CLASSE : SECTOR_BY_DIVISION[division];
}
