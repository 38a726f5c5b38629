import { describe, expect, it } from 'vitest';
import type { Quartier } from '../types.ts';
import { createQuartierIndex, joinPoints, locatePoint } from './spatial-join.ts';

/** A quartier from rings given as [[x, y], …] per polygon ([outer, ...holes]). */
function createQuartier(code: string, polygons: number[][][][]): Quartier {
  const flat = polygons.map((rings) => rings.map((r) => Float64Array.from(r.flat())));
  const xs = polygons.flat(2).map((p) => p[0]), ys = polygons.flat(2).map((p) => p[1]);
  return {
    code, name: code, communes: [], communeNames: [], polygons: flat, population: null, properties: {},
    bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
}

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
/** 10 × 10 square with a 2 × 2 hole in its middle, near Toulouse so coordinates look real. */
const withHole = createQuartier('QP031001', [[square(1, 43, 1.1, 43.1), square(1.04, 43.04, 1.06, 43.06)]]);
const twoParts = createQuartier('QP031002', [[square(2, 44, 2.01, 44.01)], [square(2.05, 44, 2.06, 44.01)]]);

function join(quartiers: Quartier[], points: number[][]): number[] {
  const index = createQuartierIndex(quartiers);
  return Array.from(joinPoints(index, Float64Array.from(points.map((p) => p[0])), Float64Array.from(points.map((p) => p[1]))));
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * Reference: a point on an edge (within 2e-7°, 2 cm) is inside; otherwise classic full even-odd ray
 * cast (PNPOLY) over every ring; lowest index first.
 */
function referenceJoin(quartiers: Quartier[], x: number, y: number): number {
  return quartiers.findIndex((q) => {
    let inside = false;
    for (const ring of q.polygons.flat()) {
      for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        if (segmentDistance(x, y, ring[j], ring[j + 1], ring[i], ring[i + 1]) <= 2e-7) return true;
        const yi = ring[i + 1], yj = ring[j + 1];
        if (yi > y !== yj > y && x < ((ring[j] - ring[i]) * (y - yi)) / (yj - yi) + ring[i]) inside = !inside;
      }
    }
    return inside;
  });
}

describe('joinPoints', () => {
  it('places a point of the ring area in its quartier', () => {
    expect(join([withHole], [[1.02, 43.02]])).toEqual([0]);
  });

  it('leaves a point inside a hole outside', () => {
    expect(join([withHole], [[1.05, 43.05]])).toEqual([-1]);
  });

  it('keeps a point on the far side of a hole inside (the ray crosses the hole twice)', () => {
    expect(join([withHole], [[1.02, 43.05], [1.08, 43.05], [1.05, 43.02]])).toEqual([0, 0, 0]);
  });

  it('answers -1 outside every quartier and for NaN coordinates', () => {
    expect(join([withHole], [[0.5, 43.05], [1.05, 43.2], [NaN, 43.05], [1.05, NaN]])).toEqual([-1, -1, -1, -1]);
  });

  it('finds both parts of a MultiPolygon and nothing between them', () => {
    const other = createQuartier('QP031003', [[square(3, 44, 3.01, 44.01)]]);
    expect(join([other, twoParts], [[2.005, 44.005], [2.055, 44.005], [2.03, 44.005]])).toEqual([1, 1, -1]);
  });

  it('gives the lowest index when quartiers overlap', () => {
    const big = createQuartier('QP1', [[square(0, 45, 1, 46)]]);
    const small = createQuartier('QP2', [[square(0.4, 45.4, 0.6, 45.6)]]);
    expect(join([small, big], [[0.5, 45.5], [0.1, 45.1]])).toEqual([0, 1]);
  });

  it('treats open and closed rings alike', () => {
    const open = createQuartier('QP4', [[square(5, 45, 5.1, 45.1).slice(0, 4)]]);
    expect(join([open], [[5.05, 45.05], [5.2, 45.05]])).toEqual([0, -1]);
  });

  it('counts points on edges and vertices, outer ring or hole, as inside (like Turf and QGIS)', () => {
    const points = [[1, 43.05], [1.1, 43.05], [1.05, 43], [1.05, 43.1], [1, 43], [1.1, 43.1], [1.04, 43.05], [1.06, 43.05]];
    expect(join([withHole], points)).toEqual(points.map(([x, y]) => referenceJoin([withHole], x, y)));
    expect(join([withHole], points)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(join([withHole], [[1.1 + 1e-7, 43.05], [1.05, 43.1 + 1e-7]])).toEqual([0, 0]);
    expect(join([withHole], [[1.1 + 1e-6, 43.05], [1.05, 43.1 + 1e-6], [1.05, 43.06 - 1e-6]])).toEqual([-1, -1, -1]);
  });

  it('measures the 2e-7° edge band to the segment, endpoints included, not to its line', () => {
    // Diagonally off the corner (1, 43): 1.8e-7 from both edges' lines, but 2.5e-7 from the vertex.
    const d = 1.8e-7;
    expect(segmentDistance(1 - d, 43 - d, 1, 43, 1.1, 43)).toBeGreaterThan(2e-7);
    expect(join([withHole], [[1 - d, 43 - d], [1.1 + d, 43.1 + d], [1 - 1.2e-7, 43 - 1.2e-7], [1.05, 43 - 1.9e-7]])).toEqual([-1, -1, 0, 0]);
  });

  it('joins only the first `count` points', () => {
    const index = createQuartierIndex([withHole]);
    expect(Array.from(joinPoints(index, Float64Array.of(1.02, 1.02), Float64Array.of(43.02, 43.02), 1))).toEqual([0]);
  });

  it('says how many coordinates were missing', () => {
    const index = createQuartierIndex([withHole]);
    expect(() => joinPoints(index, new Float64Array(3), new Float64Array(2))).toThrow('3 points demandés, mais 3 longitudes et 2 latitudes');
  });

  it('copes with no quartiers and with a quartier without geometry', () => {
    expect(join([], [[1, 43]])).toEqual([-1]);
    expect(join([createQuartier('QP0', []), withHole], [[1.02, 43.02]])).toEqual([1]);
  });

  it('matches a full ray cast on a jagged polygon, on random points and on its vertices', () => {
    // A 200-vertex star with a hole: many boundary cells, spikes thinner than a raster cell.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const star = Array.from({ length: 200 }, (_, i) => {
      const a = (2 * Math.PI * i) / 200, r = 0.01 * (i % 2 ? 1 : 0.3 + 0.7 * random());
      return [3 + r * Math.cos(a), 45 + r * Math.sin(a)];
    });
    const q = createQuartier('QP5', [[star, square(2.999, 44.999, 3.001, 45.001)]]);
    const points = [
      ...Array.from({ length: 20000 }, () => [2.989 + 0.022 * random(), 44.989 + 0.022 * random()]),
      ...star,
      ...star.map(([x, y]) => [x, 45 + (y - 45) / 2]),
    ];
    const index = createQuartierIndex([q]);
    const expected = points.map(([x, y]) => referenceJoin([q], x, y));
    expect(join([q], points)).toEqual(expected);
    expect(points.map(([x, y]) => locatePoint(index, x, y))).toEqual(expected);
  });
});
