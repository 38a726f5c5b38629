/**
 * Display helpers shared by the table, the comparison and the profile: an indicator with its
 * range, gaps in percentage points, file sizes. French typography throughout (decimal comma,
 * non-breaking spaces, true minus sign).
 */
import { formatFr, formatIndicator, type IndicatorDef } from '../../core/indicators/catalog.ts';
import type { Indicators } from '../../core/indicators/indicators.ts';

/**
 * The narrow no-break space French typography puts between a number and its unit (« 12 % »,
 * « 300 m »), as Intl's fr-FR grouping does between thousands: the unit never wraps alone.
 */
export const NNBSP = '\u202f';

/**
 * An indicator's value, followed by its range when it has one: « 120 (95–150) »,
 * « 12,5 % (10,1–14,8 %) ». A secret cell stays `s` and shows no range (the bounds would
 * reveal it); a range whose bounds round to the same figure is not shown.
 */
export function formatWithRange(def: IndicatorDef, i: Indicators): string {
  const text = formatIndicator(def, i);
  if (text === 's' || text === '–' || !def.range) return text;
  const r = def.range(i);
  if (!r) return text;
  const lo = formatFr(r.min, def.digits);
  const hi = formatFr(r.max, def.digits);
  if (lo === hi) return text;
  return `${text} (${lo}–${hi}${def.unit === '%' ? ' %' : ''})`;
}

/**
 * The same as {@link formatWithRange}, split into the value and « (min–max) » so a table can
 * set the range under the value; joined with a space, they read exactly as the one string.
 */
export function splitRange(text: string): { value: string; range: string | null } {
  const i = text.indexOf(' (');
  return i < 0 ? { value: text, range: null } : { value: text.slice(0, i), range: text.slice(i + 1) };
}

/** Signed number with a true minus sign: « +3,2 », « −0,8 ». */
export function formatSigned(v: number, digits = 1): string {
  const abs = formatFr(Math.abs(v), digits);
  if (abs === formatFr(0, digits)) return abs;
  return `${v > 0 ? '+' : '−'}${abs}`;
}

/**
 * Gap between two shares (0–1) in percentage points, « +3,2 pts »; « – » when either is
 * missing. Percentage points, not percent: that is how INSEE writes gaps between rates.
 */
export function formatGapPts(share: number | null, reference: number | null): string {
  if (share === null || reference === null || !Number.isFinite(share) || !Number.isFinite(reference)) return '–';
  return `${formatSigned((share - reference) * 100)} pts`;
}

/** A share (0–1) as « 14,3 % ». */
export const formatPct = (share: number | null, digits = 1): string =>
  share === null ? '–' : `${formatFr(share * 100, digits)} %`;

/**
 * Bytes in Mo (10^6, as file managers show them in French). `scale` sets the precision, so
 * « 5,0 Mo sur 10,0 Mo » keeps both figures alike.
 */
export const formatMo = (bytes: number, scale = bytes): string => `${formatFr(bytes / 1e6, scale < 1e7 ? 1 : 0)} Mo`;

/** A file size as people read it: « 312 Ko », « 4,5 Mo », « 1 250 Mo ». */
export function formatSize(bytes: number): string {
  if (bytes < 1e6) return `${formatFr(Math.max(1, Math.round(bytes / 1e3)))} Ko`;
  return formatMo(bytes);
}

/** « 1 234 lignes », with the singular for 0 and 1 as French wants. */
export const plural = (n: number, one: string, many: string): string => `${formatFr(n)} ${n <= 1 ? one : many}`;
