/**
 * Legend wording of class breaks, in French: « moins de 5,0 % », « de 5,0 à moins de 10,0 % »,
 * « de 10,0 à 23,4 % ». Lower bounds are included and upper bounds excluded, as the map draws
 * them (core/classify/breaks.ts).
 */
import type { ClassBreaks } from '../../core/classify/breaks.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { NNBSP } from '../common/format.ts';

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
 * One label per class, with the thresholds as they classify (rounded to the display precision
 * by computeBreaks when it was given `digits`). The first and last classes show the smallest
 * and largest value when the data reaches them, and an open bound otherwise (manual
 * thresholds outside the data) — except above a share, which stops at 100 %: a share is never
 * « 100,0 % et plus ». A last class holding one value reads as that value. `unit` is appended
 * to every label (« % »), or nothing for an empty string.
 */
export function classLabels(breaks: ClassBreaks, digits: number, unit = ''): string[] {
  const d = breaks.digits ?? legendDigits(breaks.thresholds, digits);
  const f = (v: number) => formatFr(v, d);
  const u = unit ? `${NNBSP}${unit}` : '';
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
  if (max !== null && max > last) labels.push(`de ${f(last)} à ${f(max)}${u}`);
  else if (max !== null && max === last) labels.push(`${f(last)}${u}`);
  else if (unit === '%') labels.push(last >= 100 ? `${f(last)}${u}` : `de ${f(last)} à ${f(100)}${u}`);
  else labels.push(`${f(last)}${u} et plus`);
  return labels;
}

/** French name of a classification method, as the legend and exports state it. */
export const METHOD_LABELS = {
  quantile: 'Quantiles',
  equal: 'Intervalles égaux',
  jenks: 'Seuils naturels (Jenks)',
  manual: 'Seuils manuels',
} as const;

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\.$/, '');

/**
 * The unit to print after an indicator's title, or null when the title says it already:
 * « … pour 1 000 habitants » needs no « (pour 1 000 hab.) », « Emplois de l’ESS » no
 * « (emplois) »; a share keeps its « (%) ».
 */
export function titleUnit(def: { label: string; unit: string }): string | null {
  const label = plain(def.label);
  const unit = plain(def.unit);
  // « hab. » abbreviates « habitants »: compare the unit's words as prefixes of the label's.
  const words = unit.split(' ');
  const labelWords = label.split(/[\s’']+/);
  const said = words.every((w) => labelWords.some((lw) => lw.startsWith(w.replace(/\.$/, ''))));
  return said ? null : def.unit;
}
