/**
 * Class breaks for choropleth maps: quantiles, equal intervals, natural breaks (Jenks, computed
 * with the optimal 1-D k-means "ckmeans" of simple-statistics) and breaks typed by the user.
 *
 * A classification is a list of thresholds between classes. A value `v` falls in class
 * `i` = number of thresholds `t` with `t <= v`: the lower bound of a class is included and its
 * upper bound excluded, which is exactly MapLibre's `step` expression, so the map, the legend
 * and the hover read the same class for the same value.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

export const CLASS_METHODS = ['quantile', 'equal', 'jenks', 'manual'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export interface ClassBreaks {
  /** Thresholds between classes, strictly ascending; there are `thresholds.length + 1` classes. */
  thresholds: number[];
  /** Smallest and largest value classified; null when there was no value at all. */
  min: number | null;
  max: number | null;
  /** Values classified (nulls and non-finite values left out). */
  count: number;
  /**
   * Decimal digits the thresholds were rounded to (the display precision, or a few more when
   * two thresholds would read alike); absent when they were not rounded (manual, or no
   * `digits` asked). A legend prints the thresholds at exactly this precision.
   */
  digits?: number;
}

export interface BreaksOptions {
  method: ClassMethod;
  /** Requested classes, clamped to 3–7; fewer come out when the data has fewer distinct values. */
  classes: number;
  /** Thresholds typed by the user (manual method); unsorted, repeated or non-finite entries are tolerated. */
  manualBreaks?: readonly number[];
  /**
   * Digits the values are shown with. Computed thresholds are rounded to them, so the bounds a
   * legend prints are the bounds that classify: typing the printed bounds back as manual
   * thresholds gives the same classes. Without it, thresholds keep full precision.
   */
  digits?: number;
}

/** Rounds like the French display does (the exact decimal value of the double, half up). */
export function roundTo(v: number, digits: number): number {
  return Number(v.toFixed(Math.max(0, Math.min(20, digits))));
}

const MAX_EXTRA_DIGITS = 3;

/**
 * Thresholds rounded to `digits`, or to the fewest extra digits (at most 3) that keep them
 * as many and distinct: 2,66 and 2,71 both read « 2,7 » with one digit.
 */
function roundThresholds(raw: readonly number[], min: number, digits: number): { thresholds: number[]; digits: number } {
  const exact = cleanThresholds(raw, min);
  for (let d = digits; d <= digits + MAX_EXTRA_DIGITS; d++) {
    const rounded = cleanThresholds(exact.map((t) => roundTo(t, d)), min);
    if (rounded.length === exact.length || d === digits + MAX_EXTRA_DIGITS) return { thresholds: rounded, digits: d };
  }
  return { thresholds: exact, digits: digits + MAX_EXTRA_DIGITS };
}

/** Clamps a requested number of classes to the 3–7 the UI offers (5 when not a number). */
export function clampClasses(classes: number): number {
  if (!Number.isFinite(classes)) return 5;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(classes)));
}

function sortedFinite(values: ReadonlyArray<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

function distinctCount(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Sorted, unique thresholds strictly above the minimum (a threshold at the minimum would open an empty first class). */
function cleanThresholds(raw: readonly number[], min: number): number[] {
  const sorted = sortedFinite(raw);
  return sorted.filter((t, i) => t > min && (i === 0 || t !== sorted[i - 1]));
}

function quantileThresholds(sorted: readonly number[], k: number): number[] {
  const out: number[] = [];
  // As many classes as distinct values: each value its own class, which interpolated
  // quantiles would not guarantee when one value dominates.
  if (distinctCount(sorted) <= k) return sorted.filter((v, i) => i > 0 && v !== sorted[i - 1]);
  for (let i = 1; i < k; i++) out.push(quantileSorted(sorted as number[], i / k));
  return out;
}

function equalThresholds(min: number, max: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(min + ((max - min) * i) / k);
  return out;
}

function jenksThresholds(sorted: readonly number[], k: number): number[] {
  // Each cluster starts at its smallest value: with lower bounds included, that value and the
  // rest of its cluster land in the same class, as ckmeans grouped them.
  return ckmeans(sorted, k)
    .filter((cluster) => cluster.length > 0)
    .slice(1)
    .map((cluster) => cluster[0]);
}

/**
 * Computes the class thresholds of a set of values. Nulls (no denominator, masked cells the
 * caller chose to leave out) and non-finite values are ignored. The number of classes is
 * clamped to 3–7 and reduced when there are fewer distinct values than classes; all-equal
 * values make one class, no value at all makes one empty class (`count` 0, `min` null).
 * Manual thresholds are kept as typed (sorted and deduplicated), even outside the data range,
 * so that two maps drawn with the same thresholds compare; at most 6 are used. With
 * `digits`, computed thresholds are rounded to the display precision (see {@link BreaksOptions}).
 *
 * @example
 * computeBreaks([1, 2, 3, 4, 5, 6], { method: 'equal', classes: 3 })
 * // → { thresholds: [2.666…, 4.333…], min: 1, max: 6, count: 6 }
 */
export function computeBreaks(values: ReadonlyArray<number | null | undefined>, options: BreaksOptions): ClassBreaks {
  const sorted = sortedFinite(values);
  const count = sorted.length;
  const min = count > 0 ? sorted[0] : null;
  const max = count > 0 ? sorted[count - 1] : null;
  if (options.method === 'manual') {
    const thresholds = cleanThresholds(options.manualBreaks ?? [], -Infinity).slice(0, MAX_CLASSES - 1);
    return { thresholds, min, max, count };
  }
  if (min === null || max === null) return { thresholds: [], min, max, count };
  const k = Math.min(clampClasses(options.classes), distinctCount(sorted));
  if (k <= 1) return { thresholds: [], min, max, count };
  const raw =
    options.method === 'quantile'
      ? quantileThresholds(sorted, k)
      : options.method === 'equal'
        ? equalThresholds(min, max, k)
        : jenksThresholds(sorted, k);
  if (options.digits === undefined) return { thresholds: cleanThresholds(raw, min), min, max, count };
  return { ...roundThresholds(raw, min, options.digits), min, max, count };
}

/** Class of a value (0-based), or -1 for null and non-finite values. */
export function classOf(value: number | null | undefined, breaks: Pick<ClassBreaks, 'thresholds'>): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  let i = 0;
  while (i < breaks.thresholds.length && breaks.thresholds[i] <= value) i++;
  return i;
}

/** Number of classes of a classification (thresholds + 1). */
export function classCount(breaks: Pick<ClassBreaks, 'thresholds'>): number {
  return breaks.thresholds.length + 1;
}

/**
 * Reads the thresholds a user typed: numbers separated by `;` or line breaks, with a decimal
 * comma or point ("2,5 ; 5 ; 1 000"). Spaces inside a number are French thousands separators,
 * not separators between numbers. Returns the numbers read and the pieces that are not
 * numbers, so the UI can say which entry it could not read.
 */
export function parseManualBreaks(text: string): { values: number[]; invalid: string[] } {
  const values: number[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[;\n\r]+/)) {
    const piece = raw.replace(/[\s\u00a0\u202f]+/g, '');
    if (piece === '') continue;
    const n = Number(piece.replace(',', '.'));
    if (Number.isFinite(n) && /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(piece)) values.push(n);
    else invalid.push(piece);
  }
  return { values, invalid };
}
