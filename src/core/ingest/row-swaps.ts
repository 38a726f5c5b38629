/**
 * Rows whose latitude and longitude are swapped one by one (a file assembled from two sources,
 * or typed by hand), while the file as a whole is the right way round: the column-level swap
 * of coordinates.ts does not see them. Each row outside France that lands in France once
 * swapped is counted, so the user is told; with the option on, it is swapped and placed.
 */
import { isInFrance } from '../geo/france.ts';
import type { CoordinatePlan } from './coordinates.ts';

export interface RowSwaps {
  /** Swap such rows instead of rejecting them as outside France. */
  apply: boolean;
  /** Rows rejected outside France that would land in France swapped. */
  candidates: number;
  /** Rows swapped (with `apply`). */
  swapped: number;
}

/**
 * For a position outside France (`xy` = [lon, lat] in degrees): true when swapping puts it in
 * France and the swap is applied (xy is then swapped in place), false otherwise (a candidate
 * is counted). Projected coordinates (Lambert-93) are never swapped: x and y are not interchangeable.
 */
export function swapIntoFrance(xy: number[], plan: CoordinatePlan, swaps: RowSwaps): boolean {
  if (plan.kind === 'xy' || !isInFrance(xy[1], xy[0])) return false;
  if (!swaps.apply) {
    swaps.candidates++;
    return false;
  }
  const lon = xy[1];
  xy[1] = xy[0];
  xy[0] = lon;
  swaps.swapped++;
  return true;
}

const rows = (n: number) => `${n.toLocaleString('fr-FR')} ligne${n > 1 ? 's' : ''}`;

/**
 * Whether rows that would land in France swapped are worth telling the user about (and
 * offering to swap): many of them (10 or more) or most of the rows outside France, so a
 * stray one does not raise an alarm. The warning and the app's offer share this rule.
 */
export function swapWorthOffering(candidates: number, outsideFrance: number): boolean {
  return candidates > 0 && (candidates >= 10 || candidates * 2 > outsideFrance);
}

/** The French warning about swapped rows, or null (see `swapWorthOffering`). */
export function swappedRowsWarning(swaps: RowSwaps, outsideFrance: number): string | null {
  if (swaps.swapped > 0) {
    return `${rows(swaps.swapped)} dont latitude et longitude étaient inversées (hors de France, en France une fois permutées) ont été permutées et placées.`;
  }
  const n = swaps.candidates;
  if (!swapWorthOffering(n, outsideFrance)) return null;
  return (
    `${rows(n)} rejetée${n > 1 ? 's' : ''} « hors de France » sur ${outsideFrance.toLocaleString('fr-FR')} ` +
    `tomberai${n > 1 ? 'ent' : 't'} en France avec latitude et longitude permutées : sur ces lignes, les deux colonnes sont ` +
    'probablement inversées. Permutez-les au chargement pour les placer, ou corrigez le fichier.'
  );
}
