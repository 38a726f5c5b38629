import { area, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Quartier } from '../types.ts';
import { assignRing, METRES_PER_DEGREE, ringPolygon } from './quartier-vecu.ts';
import { createQuartierIndex, joinPoints } from './spatial-join.ts';

function createSquareQuartier(code: string, x0: number, y0: number, side: number): Quartier {
  const ring = Float64Array.of(x0, y0, x0 + side, y0, x0 + side, y0 + side, x0, y0 + side, x0, y0);
  return {
    code, name: code, communes: [], communeNames: [], polygons: [[ring]], population: null, properties: {},
    bbox: [x0, y0, x0 + side, y0 + side],
  };
}

const LAT = 45;
const metresPerLon = Math.cos((LAT * Math.PI) / 180) * METRES_PER_DEGREE;
/** A 0.01° square whose bottom edge lies on latitude 45°. */
const q = createSquareQuartier('QP1', 2, LAT, 0.01);
/** Point `east` metres east of the square's right edge and `north` metres above its bottom edge. */
const east = (metresEast: number, metresNorth = 0): [number, number] => [2.01 + metresEast / metresPerLon, LAT + metresNorth / METRES_PER_DEGREE];

function ring(quartiers: Quartier[], points: [number, number][], metres = 300): number[] {
  const index = createQuartierIndex(quartiers);
  const lon = Float64Array.from(points.map((p) => p[0])), lat = Float64Array.from(points.map((p) => p[1]));
  return Array.from(assignRing(index, lon, lat, joinPoints(index, lon, lat), metres));
}

describe('assignRing', () => {
  it('assigns a point 200 m east of the boundary and not one 400 m away', () => {
    expect(ring([q], [east(200, 10), east(400, 10)])).toEqual([0, -1]);
  });

  it('measures north-south distances in metres too', () => {
    const south = (m: number): [number, number] => [2.005, LAT - m / METRES_PER_DEGREE];
    expect(ring([q], [south(299), south(301)])).toEqual([0, -1]);
  });

  it('uses the distance to the corner, not to the bbox, off a corner', () => {
    // 200 m east and 200 m south of the corner: 283 m away, inside the band; 250/250: 354 m, out.
    expect(ring([q], [east(200, -200), east(250, -250)])).toEqual([0, -1]);
  });

  it('gives -1 to points inside a quartier and to NaN coordinates', () => {
    expect(ring([q], [[2.005, 45.005], [NaN, 45], [2.011, NaN]])).toEqual([-1, -1, -1]);
  });

  it('picks the nearest of two quartiers', () => {
    const neighbour = createSquareQuartier('QP2', 2.01 + 500 / metresPerLon, LAT, 0.01);
    expect(ring([q, neighbour], [east(100, 10), east(400, 10)])).toEqual([0, 1]);
  });

  it('follows the width it is given', () => {
    expect(ring([q], [east(200, 10)], 100)).toEqual([-1]);
    expect(ring([q], [east(200, 10)], 250)).toEqual([0]);
  });

  it('rejects a negative or NaN width with a French message', () => {
    const index = createQuartierIndex([q]);
    expect(() => assignRing(index, new Float64Array(1), new Float64Array(1), new Int32Array(1), -3)).toThrow('distance positive');
  });
});

describe('ringPolygon', () => {
  it('draws a band of the expected area around the quartier, without the quartier', () => {
    const band = ringPolygon(q, 300);
    const side = 0.01 * metresPerLon, height = 0.01 * METRES_PER_DEGREE;
    // Band area = perimeter × width + π × width² for a convex shape.
    const expected = 2 * (side + height) * 300 + Math.PI * 300 * 300;
    expect(area(band) / expected).toBeCloseTo(1, 1);
    expect(booleanPointInPolygon([2.005, 45.005], band)).toBe(false);
    expect(booleanPointInPolygon(east(150, 10), band)).toBe(true);
    expect(booleanPointInPolygon(east(450, 10), band)).toBe(false);
  });
});
