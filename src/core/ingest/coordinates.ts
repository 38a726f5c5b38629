/**
 * Reading establishment coordinates from a row, whatever the layout: lon/lat columns (maybe
 * swapped), one "lat, lon" column, or projected x/y (Lambert-93, overseas UTM). The layout is
 * decided once from a sample of rows, then each row is read without allocation.
 */
import type { ColumnMapping } from './column-mapping.ts';
import { detectCrsFromRange, makeProjector, WGS84 } from '../geo/crs.ts';
import { looksSwapped } from '../geo/france.ts';

export type CoordinateKind = 'lonlat' | 'latlon-column' | 'xy';

export interface CoordinatePlan {
  kind: CoordinateKind;
  /** Source CRS ('EPSG:4326' for geographic coordinates). */
  crs: string;
  /** True when the lon and lat columns (or the two parts of a combined column) are inverted. */
  swapped: boolean;
  /** Columns read: [a, b] (or [combined, -1]). */
  columns: [number, number];
}

/** Exact powers of ten (10^22 is the largest a double holds exactly). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `[-]digits[.|,digits]` with at most 15 digits, read as digits ÷ 10^decimals: both operands
 * are exact doubles, so the one rounded division gives the same double as Number() (the
 * classic exact fast path of decimal parsing). NaN means "not this shape", not "not a number".
 */
function plainDecimal(s: string): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let decimals = -1;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      v = v * 10 + d;
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === 46 || c === 44) && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  if (decimals > 0) v /= POW10[decimals];
  return s.charCodeAt(0) === 45 ? -v : v;
}

/** Parses a French or English decimal number; NaN for empty, `[ND]` and anything else. */
export function parseDecimal(raw: string | undefined): number {
  if (raw === undefined) return NaN;
  const fast = plainDecimal(raw);
  if (fast === fast) return fast;
  const s = raw.trim();
  if (s === '' || s === '[ND]') return NaN;
  const n = Number(s.indexOf(',') >= 0 ? s.replace(',', '.') : s);
  return Number.isFinite(n) ? n : NaN;
}

/** Empty cell for coordinates: absent, blank or `[ND]`. */
function isEmptyCell(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const s = raw.trim();
  return s === '' || s === '[ND]';
}

/** Splits a combined "lat, lon" cell (also `[lat, lon]`, `lat;lon`, `lat lon`). */
export function splitPair(raw: string | undefined, out: number[]): boolean {
  if (!raw) return false;
  const s = raw.trim().replace(/^[[(]|[\])]$/g, '');
  if (s === '') return false;
  const parts = s.split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2) {
    out[0] = NaN;
    out[1] = NaN;
    return true;
  }
  out[0] = parseDecimal(parts[0]);
  out[1] = parseDecimal(parts[1]);
  return true;
}

/**
 * Decides how to read coordinates from the mapping and a sample of rows, or returns null when
 * the mapping has no coordinate columns.
 */
export function planCoordinates(mapping: ColumnMapping, sample: string[][]): CoordinatePlan | null {
  const pair = [0, 0];
  if (mapping.lon !== undefined && mapping.lat !== undefined) {
    const a = sample.map((r) => parseDecimal(r[mapping.lon!]));
    const b = sample.map((r) => parseDecimal(r[mapping.lat!]));
    const projected = detectProjected(a, b);
    if (projected) return { kind: 'xy', crs: projected, swapped: false, columns: [mapping.lon, mapping.lat] };
    return { kind: 'lonlat', crs: WGS84, swapped: swappedSample(a, b), columns: [mapping.lon, mapping.lat] };
  }
  if (mapping.latlon !== undefined) {
    const lats: number[] = [];
    const lons: number[] = [];
    for (const r of sample) {
      if (splitPair(r[mapping.latlon], pair)) {
        lats.push(pair[0]);
        lons.push(pair[1]);
      }
    }
    // The usual order of a combined column is "lat, lon"; `swapped` means "lon, lat".
    return { kind: 'latlon-column', crs: WGS84, swapped: swappedSample(lons, lats), columns: [mapping.latlon, -1] };
  }
  if (mapping.x !== undefined && mapping.y !== undefined) {
    const xs = sample.map((r) => parseDecimal(r[mapping.x!]));
    const ys = sample.map((r) => parseDecimal(r[mapping.y!]));
    const crs = detectProjected(xs, ys) ?? (looksGeographic(xs, ys) ? WGS84 : null);
    if (crs === WGS84) return { kind: 'lonlat', crs, swapped: swappedSample(xs, ys), columns: [mapping.x, mapping.y] };
    return { kind: 'xy', crs: crs ?? 'EPSG:2154', swapped: false, columns: [mapping.x, mapping.y] };
  }
  return null;
}

function finitePairs(a: number[], b: number[]): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      x.push(a[i]);
      y.push(b[i]);
    }
  }
  return [x, y];
}

function swappedSample(lons: number[], lats: number[]): boolean {
  const [x, y] = finitePairs(lons, lats);
  return x.length > 0 && looksSwapped(x, y);
}

function looksGeographic(a: number[], b: number[]): boolean {
  const [x, y] = finitePairs(a, b);
  return x.length > 0 && x.every((v) => Math.abs(v) <= 180) && y.every((v) => Math.abs(v) <= 180);
}

/** A projected CRS when the sample's values are far outside degrees. */
function detectProjected(a: number[], b: number[]): string | null {
  const [x, y] = finitePairs(a, b);
  if (x.length === 0 || looksGeographic(x, y)) return null;
  const crs = detectCrsFromRange(Math.min(...x), Math.min(...y), Math.max(...x), Math.max(...y));
  return crs && crs !== WGS84 ? crs : null;
}

/**
 * Returns a reader that writes [lon, lat] in WGS84 for a row into `out`, and returns
 * 'ok', 'missing' (both cells empty) or 'bad' (unreadable).
 */
export function makeCoordinateReader(plan: CoordinatePlan): (row: string[], out: number[]) => 'ok' | 'missing' | 'bad' {
  const [ca, cb] = plan.columns;
  const project = plan.kind === 'xy' ? makeProjector(plan.crs) : null;
  const pair = [0, 0];
  return (row, out) => {
    let a: number;
    let b: number;
    if (plan.kind === 'latlon-column') {
      if (!splitPair(row[ca], pair)) return 'missing';
      // Combined columns hold "lat, lon": a = lon, b = lat unless swapped.
      a = plan.swapped ? pair[0] : pair[1];
      b = plan.swapped ? pair[1] : pair[0];
    } else {
      const ra = row[ca];
      const rb = row[cb];
      a = parseDecimal(ra);
      b = parseDecimal(rb);
      // Two numbers cannot be two empty cells: look at the cells only when one is not a number.
      if ((a !== a || b !== b) && isEmptyCell(ra) && isEmptyCell(rb)) return 'missing';
      if (plan.swapped) {
        const t = a;
        a = b;
        b = t;
      }
    }
    if (!Number.isFinite(a) || !Number.isFinite(b)) return 'bad';
    if (project) {
      project(a, b, out);
      if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) return 'bad';
    } else {
      if (Math.abs(a) > 180 || Math.abs(b) > 90) return 'bad';
      out[0] = a;
      out[1] = b;
    }
    return 'ok';
  };
}
