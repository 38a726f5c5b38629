/**
 * « Zones blanches »: per quartier and resident need, the ESS establishments serving it inside
 * the quartier, in its quartier vécu, and the distance from the quartier's boundary to the
 * nearest one anywhere in the file.
 *
 * The nearest search runs on one R-tree of points per need (flatbush), widening a box around
 * the quartier until it holds a point closer than the box's margin: every point nearer than
 * the margin lies in the box, so the first such answer is exact. Candidates are visited in
 * order of their distance to the quartier's bbox (a lower bound of the distance to its
 * boundary) and the visit stops once that bound passes the best distance found, so only a few
 * point-to-edges distances are computed per quartier and need.
 *
 * Distances use the local metric of the quartier vécu (quartier-vecu.ts): Δx · cos(lat) and Δy,
 * 111 320 m per degree, cos taken at the point.
 */
import Flatbush from 'flatbush';
import type { EstablishmentTable } from '../ingest/establishment-table.ts';
import type { Placement } from '../indicators/aggregate.ts';
import { isSecret, SECRET_MARK } from '../indicators/confidentiality.ts';
import { P_MAX_X, P_MAX_Y, P_MIN_X, P_MIN_Y, P_STRIDE } from '../geo/quartier-raster.ts';
import { edgeDistance2, METRES_PER_DEGREE } from '../geo/quartier-vecu.ts';
import type { QuartierIndex } from '../geo/spatial-join.ts';
import { needsOfNaf, type ResidentNeed } from './resident-needs.ts';

/** Distance under which the matrix says « à proximité » rather than « aucun à moins de 2 km ». */
export const NEED_NEAR_METRES = 2000;
const RAD = Math.PI / 180;
/** First margin of the widening search; doubled until a point is found or the data is covered. */
const FIRST_MARGIN_METRES = 250;

export interface NeedCell {
  need: string;
  /** ESS establishments of the need inside the quartier. */
  inside: number;
  /** ESS establishments of the need in the quartier vécu ring (outside every quartier). */
  ring: number;
  /**
   * Metres from the quartier's boundary to the nearest one, rounded to the metre (the
   * boundaries are not more precise): 0 when one is inside, null when the file has none.
   */
  nearestMetres: number | null;
  /** Secret statistique on the counts (1 or 2 establishments), as for every published count. */
  secret: { inside: boolean; ring: boolean };
}

export type NeedStatus = 'present' | 'ring' | 'near' | 'none';

/** A cell as published (JSON, CSV, screen): counts under the secret are `s`. */
export interface PublishedNeedCell {
  need: string;
  inside: number | typeof SECRET_MARK;
  ring: number | typeof SECRET_MARK;
  nearestMetres: number | null;
}

export function publishNeedCell(c: NeedCell): PublishedNeedCell {
  return { need: c.need, inside: c.secret.inside ? SECRET_MARK : c.inside, ring: c.secret.ring ? SECRET_MARK : c.ring, nearestMetres: c.nearestMetres };
}

const positive = (n: number | typeof SECRET_MARK) => n === SECRET_MARK || n > 0;

/** The matrix's reading of a cell: inside, in the ring, nearest within 2 km, or none within 2 km. */
export function needStatus(c: NeedCell | PublishedNeedCell): NeedStatus {
  if ('secret' in c) return needStatus(publishNeedCell(c));
  if (positive(c.inside)) return 'present';
  if (positive(c.ring)) return 'ring';
  if (c.nearestMetres !== null && c.nearestMetres <= NEED_NEAR_METRES) return 'near';
  return 'none';
}

interface NeedPoints { tree: Flatbush | null; lon: Float64Array; lat: Float64Array }

/** The ESS rows counted (employer ones when `employerOnly`), grouped by need. */
function pointsByNeed(table: EstablishmentTable, needs: readonly ResidentNeed[], employerOnly: boolean): { rows: number[][]; points: NeedPoints[] } {
  const rows: number[][] = needs.map(() => []);
  const byNaf = new Map<string, number[]>();
  for (let i = 0; i < table.count; i++) {
    if (table.ess[i] !== 1 || (employerOnly && table.employer[i] !== 1)) continue;
    const l = table.labelIndex[i];
    if (l < 0 || !Number.isFinite(table.lon[i]) || !Number.isFinite(table.lat[i])) continue;
    const naf = table.labels[l].naf;
    let ks = byNaf.get(naf);
    if (!ks) { ks = needsOfNaf(naf, needs); byNaf.set(naf, ks); }
    for (const k of ks) rows[k].push(i);
  }
  const points = rows.map((r) => {
    const lon = Float64Array.from(r, (i) => table.lon[i]);
    const lat = Float64Array.from(r, (i) => table.lat[i]);
    if (r.length === 0) return { tree: null, lon, lat };
    const tree = new Flatbush(r.length);
    for (let j = 0; j < r.length; j++) tree.add(lon[j], lat[j], lon[j], lat[j]);
    tree.finish();
    return { tree, lon, lat };
  });
  return { rows, points };
}

/** Metres from (x, y) to the nearest edge of quartier q (its boundary, holes included). */
export function distanceToBoundary(index: QuartierIndex, q: number, x: number, y: number): number {
  const kx = Math.cos(y * RAD) * METRES_PER_DEGREE;
  let best = Infinity;
  for (let k = index.edgeStart[q]; k < index.edgeStart[q + 1]; k++) {
    const d2 = edgeDistance2(index.edges, k, x, y, kx);
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/** Metres from (x, y) to the bbox [x0, y0, x1, y1] (0 inside): a lower bound of the distance to the quartier. */
function distanceToBox(x: number, y: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
  const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
  const mx = dx * Math.cos(y * RAD) * METRES_PER_DEGREE, my = dy * METRES_PER_DEGREE;
  return Math.sqrt(mx * mx + my * my);
}

/** Nearest point of `pts` to quartier q, in metres; null when `pts` is empty. */
function nearestTo(index: QuartierIndex, q: number, pts: NeedPoints): number | null {
  if (!pts.tree) return null;
  const p = index.params, o = q * P_STRIDE;
  const x0 = p[o + P_MIN_X], y0 = p[o + P_MIN_Y], x1 = p[o + P_MAX_X], y1 = p[o + P_MAX_Y];
  if (!(x0 <= x1 && y0 <= y1)) return null; // a quartier without geometry
  const tree = pts.tree;
  // The widest margin ever needed: the box then holds every point of the need.
  const maxLat = Math.max(Math.abs(y0), Math.abs(y1), Math.abs(tree.minY), Math.abs(tree.maxY));
  const cosMin = Math.cos(Math.min(89, maxLat) * RAD);
  const span = Math.max(tree.maxX - x0, x1 - tree.minX, tree.maxY - y0, y1 - tree.minY) * METRES_PER_DEGREE;
  for (let margin = FIRST_MARGIN_METRES; ; margin *= 2) {
    const ry = margin / METRES_PER_DEGREE, rx = ry / cosMin;
    const found = tree.search(x0 - rx, y0 - ry, x1 + rx, y1 + ry);
    if (found.length > 0) {
      const bounds = found.map((j) => distanceToBox(pts.lon[j], pts.lat[j], x0, y0, x1, y1));
      const order = found.map((_, k) => k).sort((a, b) => bounds[a] - bounds[b]);
      let best = Infinity;
      for (const k of order) {
        if (bounds[k] >= best) break;
        const d = distanceToBoundary(index, q, pts.lon[found[k]], pts.lat[found[k]]);
        if (d < best) best = d;
      }
      if (best <= margin || margin >= span) return best;
    } else if (margin >= span) {
      return null;
    }
  }
}

const roundOrNull = (d: number | null) => (d === null ? null : Math.round(d));

/**
 * The needs matrix: for each quartier (index order) one cell per need (`needs` order).
 * Counts follow the establishment convention of the diagnostic (`employerOnly`, the default
 * of observatories); the distance is 0 when an establishment of the need is inside.
 *
 * @example
 * const matrix = computeNeeds(index, table, placement, DEFAULT_NEEDS, { employerOnly: true });
 * needStatus(matrix[0][2]); // 'present' | 'ring' | 'near' | 'none'
 */
export function computeNeeds(
  index: QuartierIndex,
  table: EstablishmentTable,
  placement: Placement,
  needs: readonly ResidentNeed[],
  options: { employerOnly: boolean },
): NeedCell[][] {
  const { rows, points } = pointsByNeed(table, needs, options.employerOnly);
  const n = index.count;
  const inside = needs.map(() => new Int32Array(n));
  const ring = needs.map(() => new Int32Array(n));
  rows.forEach((r, k) => {
    for (const i of r) {
      const q = placement.quartier[i];
      if (q >= 0) inside[k][q]++;
      else if (placement.ring[i] >= 0) ring[k][placement.ring[i]]++;
    }
  });
  const out: NeedCell[][] = [];
  for (let q = 0; q < n; q++) {
    out.push(needs.map((need, k) => ({
      need: need.id,
      inside: inside[k][q],
      ring: ring[k][q],
      nearestMetres: inside[k][q] > 0 ? 0 : roundOrNull(nearestTo(index, q, points[k])),
      secret: { inside: isSecret(inside[k][q]), ring: isSecret(ring[k][q]) },
    })));
  }
  return out;
}
