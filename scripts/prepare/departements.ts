/**
 * Département codes as the public files write them: two characters in metropolitan France
 * (`01`…`95`, Corsica `2A`/`2B`), three overseas (`971`…`976`). Quartier codes carry theirs
 * (`QN03101M`, `QP971001`: the three characters after the prefix), communes theirs (`31555`,
 * `97411`), so every file can be filtered without a separate table.
 */
import { PrepareError } from './errors.ts';
import { LAMBERT93 } from '../../src/core/geo/crs.ts';

const METRO = new Set([
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A', '2B',
]);
const OVERSEAS = new Set(['971', '972', '973', '974', '976']);

/**
 * Parses `--departements 31,34` into normalised codes (`1` → `01`, `2a` → `2A`). Throws a usage
 * error naming the first code that is not a département.
 */
export function parseDepartements(list: string): string[] {
  const codes = list.split(/[\s,;]+/).filter(Boolean).map((c) => {
    const up = c.toUpperCase();
    return /^\d$/.test(up) ? `0${up}` : up;
  });
  if (codes.length === 0) throw new PrepareError('usage', '--departements attend une liste de codes, par exemple --departements 31,34.');
  const bad = codes.find((c) => !METRO.has(c) && !OVERSEAS.has(c));
  if (bad) {
    throw new PrepareError('usage', `« ${bad} » n’est pas un code de département. Attendu : 01 à 95, 2A, 2B ou 971 à 976 (par exemple --departements 31,34).`);
  }
  return [...new Set(codes)];
}

/** Département of an INSEE commune code; '' when the code is empty. */
export function departementOfCommune(commune: string): string {
  const c = commune.trim().toUpperCase();
  if (c.length < 2) return '';
  return c.startsWith('97') ? c.slice(0, 3) : c.slice(0, 2);
}

/** Département of a quartier code of either generation (`QN03101M` → `31`, `QP971001` → `971`). */
export function departementOfQuartier(code: string): string {
  const d = code.trim().toUpperCase().slice(2, 5);
  return d.startsWith('0') ? d.slice(1) : d;
}

/**
 * Projection of the INSEE stock's coordinates in a département: Lambert-93 in metropolitan
 * France, the local UTM zone overseas (as the SIRENE documentation gives them).
 */
export function inseeCrsOf(departement: string): string {
  switch (departement) {
    case '971':
    case '972':
      return 'EPSG:5490';
    case '973':
      return 'EPSG:2972';
    case '974':
      return 'EPSG:2975';
    case '976':
      return 'EPSG:4471';
    default:
      return LAMBERT93;
  }
}
