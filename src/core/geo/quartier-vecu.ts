/**
 * "Quartier vécu": the band of a given width (300 m by default in the UI) just outside each
 * quartier, where residents shop, work and use services.
 *
 * Distances use a local equirectangular metric around the point: Δx · cos(lat) · 111 320 m/°
 * and Δy · 111 320 m/° (a spherical Earth with 111 320 m per degree of great circle), not the
 * WGS84 ellipsoid. Between 41° and 51° N a degree of latitude is really 111 054–111 248 m, so
 * north–south distances read 0.06–0.24 % long; a degree of longitude is cos(lat) × 111 480–
 * 111 545 m, so east–west distances read 0.14–0.20 % short. At 300 m the error is thus up to
 * about +0.7 m north–south and −0.6 m east–west (docs/indicateurs.md states it); cos(lat) is
 * taken at the point, whose change over a few hundred metres is below 1e-5. Both are far
 * below the 10 m precision of the boundaries.
 */
import Flatbush from 'flatbush';
import { buffer, difference, featureCollection, feature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Quartier } from '../types.ts';
import { buildCellGrid, cellOf } from './cell-grid.ts';
import { P_MAX_X, P_MAX_Y, P_MIN_X, P_MIN_Y, P_STRIDE } from './quartier-raster.ts';
import type { QuartierIndex } from './spatial-join.ts';

/** Metres per degree of great circle on the sphere used by the local metric. */
export const METRES_PER_DEGREE = 111_320;
const RAD = Math.PI / 180;

/**
 * Squared metres from (px, py) to edge `e` of `edges` (x1, y1, x2, y2 per edge), endpoints
 * included, in the local metric: `kx` is the metres per degree of longitude at the point.
 */
export function edgeDistance2(edges: Float64Array, e: number, px: number, py: number, kx: number): number {
  const ax = (edges[4 * e] - px) * kx, ay = (edges[4 * e + 1] - py) * METRES_PER_DEGREE;
  const dx = (edges[4 * e + 2] - px) * kx - ax, dy = (edges[4 * e + 3] - py) * METRES_PER_DEGREE - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
  const cx = ax + t * dx, cy = ay + t * dy;
  return cx * cx + cy * cy;
}

interface EdgeTree { tree: Flatbush; owner: Int32Array }
/** R-tree of every edge, built on the first ring request and kept as long as the index lives. */
const edgeTrees = new WeakMap<QuartierIndex, EdgeTree>();

function edgeTree(index: QuartierIndex): EdgeTree {
  const cached = edgeTrees.get(index);
  if (cached) return cached;
  const { edges, edgeStart } = index;
  const m = edges.length / 4;
  const tree = new Flatbush(Math.max(m, 1));
  const owner = new Int32Array(m);
  for (let q = 0; q < index.count; q++) owner.fill(q, edgeStart[q], edgeStart[q + 1]);
  for (let e = 0; e < m; e++) {
    const x1 = edges[4 * e], y1 = edges[4 * e + 1], x2 = edges[4 * e + 2], y2 = edges[4 * e + 3];
    tree.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  if (m === 0) tree.add(NaN, NaN, NaN, NaN); // flatbush needs one item; NaN never matches
  tree.finish();
  const built = { tree, owner };
  edgeTrees.set(index, built);
  return built;
}

/**
 * Ring assignment: for each point outside every quartier (`quartierIndex[i] === -1`, from
 * joinPoints), the index of the quartier whose boundary is nearest, if within `metres`;
 * otherwise -1. Points inside a quartier and NaN coordinates get -1. Ties go to the lowest
 * quartier index. Only points inside a quartier's bbox widened by `metres` pay for a distance
 * computation, and then only against the edges near them (R-tree of edges).
 *
 * @example
 * const inside = joinPoints(index, lon, lat);
 * const ring = assignRing(index, lon, lat, inside, 300); // quartier vécu at 300 m
 */
export function assignRing(index: QuartierIndex, lon: Float64Array, lat: Float64Array, quartierIndex: Int32Array, metres: number): Int32Array {
  if (!(metres >= 0)) throw new Error(`assignRing : une distance positive en mètres était attendue, reçu ${metres}.`);
  const count = quartierIndex.length;
  if (lon.length < count || lat.length < count) {
    throw new Error(`assignRing : ${count} points dans quartierIndex, mais ${lon.length} longitudes et ${lat.length} latitudes.`);
  }
  const out = new Int32Array(count).fill(-1);
  if (index.count === 0) return out;

  // Quartier bboxes widened by `metres`, with the smallest cos(lat) of the box so that the
  // widening in longitude is never too narrow.
  const ry = metres / METRES_PER_DEGREE;
  const boxes = new Float64Array(index.count * 4);
  for (let q = 0; q < index.count; q++) {
    const o = q * P_STRIDE, p = index.params;
    const maxAbsLat = Math.min(89, Math.max(Math.abs(p[o + P_MIN_Y] - ry), Math.abs(p[o + P_MAX_Y] + ry)));
    const rx = ry / Math.cos(maxAbsLat * RAD);
    boxes.set([p[o + P_MIN_X] - rx, p[o + P_MIN_Y] - ry, p[o + P_MAX_X] + rx, p[o + P_MAX_Y] + ry], q * 4);
  }
  const grid = buildCellGrid(boxes, 2 * (ry + medianSize(boxes)));
  const { tree, owner } = edgeTree(index);
  const edges = index.edges;

  // State shared with the R-tree callback (one closure for the whole run, no per-point allocation).
  let px = 0, py = 0, kx = 0, best = -1, bestD2 = 0;
  const nearest = (e: number): boolean => {
    const d2 = edgeDistance2(edges, e, px, py, kx);
    const q = owner[e];
    if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || q < best))) { bestD2 = d2; best = q; }
    return false;
  };

  for (let i = 0; i < count; i++) {
    if (quartierIndex[i] !== -1) continue;
    const x = lon[i], y = lat[i];
    const c = cellOf(grid, x, y);
    if (c < 0) continue;
    let near = false;
    for (let k = grid.start[c]; k < grid.start[c + 1] && !near; k++) {
      const b = 4 * grid.items[k];
      near = x >= boxes[b] && y >= boxes[b + 1] && x <= boxes[b + 2] && y <= boxes[b + 3];
    }
    if (!near) continue;
    px = x; py = y; kx = Math.cos(y * RAD) * METRES_PER_DEGREE;
    best = -1; bestD2 = metres * metres;
    const rx = metres / kx;
    tree.search(x - rx, y - ry, x + rx, y + ry, nearest);
    out[i] = best;
  }
  return out;
}

function medianSize(boxes: Float64Array): number {
  const sizes: number[] = [];
  for (let b = 0; b < boxes.length; b += 4) {
    const s = Math.max(boxes[b + 2] - boxes[b], boxes[b + 3] - boxes[b + 1]);
    if (s >= 0) sizes.push(s);
  }
  sizes.sort((a, b) => a - b);
  return sizes.length > 0 ? sizes[sizes.length >> 1] : 0;
}

/**
 * Outline of the quartier vécu band for drawing: the quartier buffered by `metres`, minus the
 * quartier itself, as a GeoJSON Polygon or MultiPolygon (an empty MultiPolygon when the band is
 * empty). Drawing only: it uses turf's geodesic buffer, not the metric of assignRing, so the
 * drawn outline and the assignment may differ by a few decimetres.
 */
export function ringPolygon(quartier: Quartier, metres: number): Polygon | MultiPolygon {
  const shape = feature<MultiPolygon>({
    type: 'MultiPolygon',
    coordinates: quartier.polygons.map((rings) => rings.map(closedRing)),
  });
  const outer = buffer(shape, metres, { units: 'meters' });
  const band = outer ? difference(featureCollection([outer, shape])) : null;
  return band ? band.geometry : { type: 'MultiPolygon', coordinates: [] };
}

function closedRing(ring: Float64Array): number[][] {
  const coords: number[][] = [];
  for (let i = 0; i + 1 < ring.length; i += 2) coords.push([ring[i], ring[i + 1]]);
  const first = coords[0], last = coords[coords.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) coords.push([first[0], first[1]]);
  return coords;
}
