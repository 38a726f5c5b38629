import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuartiers } from '../../src/core/ingest/geojson.ts';
import { createQuartierIndex, joinPoints } from '../../src/core/geo/spatial-join.ts';
import { assignRing } from '../../src/core/geo/quartier-vecu.ts';
import { expectResultOrFrenchError } from './fuzz-helpers.ts';

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];

/** A valid quartier feature with a unique code, somewhere in metropolitan France. */
function goodFeature(i: number) {
  return {
    type: 'Feature',
    properties: { code_qp: `QN0310${String(i).padStart(2, '0')}N`, lib_qp: `Quartier ${i}` },
    geometry: { type: 'Polygon', coordinates: square(1 + i * 0.05, 43 + (i % 7) * 0.05, 0.01) },
  };
}

const hostileNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0));
const hostileGeometry = fc.oneof(
  fc.constant(null),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(fc.array(fc.tuple(hostileNumber, hostileNumber), { maxLength: 6 }), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.constant([]) }),
  // A bow-tie: self-intersecting, still a polygon to read.
  fc.constant({ type: 'Polygon', coordinates: [[[2, 45], [2.01, 45.01], [2.01, 45], [2, 45.01], [2, 45]]] }),
  fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(hostileNumber, hostileNumber) }),
  fc.letrec((tie) => ({ nested: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('nested'), { maxLength: 3 })) })).nested.map((c) => ({ type: 'MultiPolygon', coordinates: c })),
);

describe('GeoJSON reader under hostile input', () => {
  it('ends any JSON value or random text in a result or a French error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify({ type: 'FeatureCollection', features: v }))), (text) => {
        try {
          const r = parseQuartiers(text);
          expect(r.quartiers.length).toBeGreaterThan(0);
        } catch (e) {
          expectResultOrFrenchError(e);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every valid quartier whatever broken geometries come with it, and the join still works', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(hostileGeometry, { maxLength: 8 }), (n, bad) => {
        const features = [
          ...Array.from({ length: n }, (_, i) => goodFeature(i)),
          ...bad.map((geometry, j) => ({ type: 'Feature', properties: { code_qp: `QN0319${String(j).padStart(2, '0')}N` }, geometry })),
        ];
        let result;
        try {
          result = parseQuartiers(JSON.stringify({ type: 'FeatureCollection', features }));
        } catch (e) {
          expectResultOrFrenchError(e);
          return;
        }
        const codes = new Set(result.quartiers.map((q) => q.code));
        for (let i = 0; i < n; i++) expect(codes.has(goodFeature(i).properties.code_qp)).toBe(true);
        const index = createQuartierIndex(result.quartiers);
        const lon = Float64Array.from({ length: n }, (_, i) => 1.005 + i * 0.05);
        const lat = Float64Array.from({ length: n }, (_, i) => 43.005 + (i % 7) * 0.05);
        const inside = joinPoints(index, lon, lat);
        for (let i = 0; i < n; i++) expect(result.quartiers[inside[i]].code).toBe(goodFeature(i).properties.code_qp);
        const ring = assignRing(index, lon, lat, inside, 300);
        expect(ring.every((r) => r === -1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('names duplicate codes instead of failing obscurely', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [goodFeature(1), { ...goodFeature(2), properties: { code_qp: goodFeature(1).properties.code_qp, lib_qp: 'Autre nom' } }] });
    expect(() => parseQuartiers(text)).toThrow(/QN031001N/);
  });
});
