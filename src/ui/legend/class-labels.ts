/**
 * Legend wording of class breaks, in French: « moins de 5,0 % », « de 5,0 à moins de 10,0 % »,
 * « de 10,0 à 23,4 % ». Lower bounds are included and upper bounds excluded, as the map draws
 * them (core/classify/breaks.ts).
 */
import type { ClassBreaks } from '../../core/classify/breaks.ts';
import { formatFr } from '../../core/indicators/catalog.ts';

const MAX_EXTRA_DIGITS = 3;

/**
 * Digits that keep every threshold distinct once formatted: thresholds 2,66 and 2,71 both
 * read « 2,7 » with one digit, and the legend would show an empty-looking class.
 */
export function legendDigits(thresholds: readonly number[], digits: number): number {
  for (let d = digits; d <= digits + MAX_EXTRA_DIGITS; d++) {
    const texts = thresholds.map((t) => formatFr(t, d));
    if (new Set(texts).size === texts.length) return d;
  }
  return digits + MAX_EXTRA_DIGITS;
}

/**
 * One label per class. The first and last classes show the smallest and largest value when
 * the data reaches them, and an open bound otherwise (manual thresholds outside the data).
 * `unit` is appended to every label (« % »), or nothing for an empty string.
 */
export function classLabels(breaks: ClassBreaks, digits: number, unit = ''): string[] {
  const d = legendDigits(breaks.thresholds, digits);
  const f = (v: number) => formatFr(v, d);
  const u = unit ? ` ${unit}` : '';
  const t = breaks.thresholds;
  const { min, max } = breaks;
  if (t.length === 0) {
    if (min === null || max === null) return ['aucune valeur'];
    return [min === max ? `${f(min)}${u}` : `de ${f(min)} à ${f(max)}${u}`];
  }
  const labels: string[] = [];
  labels.push(min !== null && min < t[0] ? `de ${f(min)} à moins de ${f(t[0])}${u}` : `moins de ${f(t[0])}${u}`);
  for (let i = 1; i < t.length; i++) labels.push(`de ${f(t[i - 1])} à moins de ${f(t[i])}${u}`);
  const last = t[t.length - 1];
  labels.push(max !== null && max > last ? `de ${f(last)} à ${f(max)}${u}` : `${f(last)}${u} et plus`);
  return labels;
}

/** French name of a classification method, as the legend and exports state it. */
export const METHOD_LABELS = {
  quantile: 'Quantiles',
  equal: 'Intervalles égaux',
  jenks: 'Seuils naturels (Jenks)',
  manual: 'Seuils manuels',
} as const;
