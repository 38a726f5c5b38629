import { booleanPointInPolygon, bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { QuartierSummary } from '../../worker/protocol.ts';
import { centreCollection, quartierCentres, quartierCollection, quartiersBounds } from './quartiers.ts';
import { ringCollection } from './ring.ts';
import { createQuartier } from './test-helpers.ts';

/** A U-shaped quartier whose centroid falls in the notch, outside the polygon. */
function createUQuartier(): QuartierSummary {
  const ring = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]].map(([x, y]) => [1.4 + x * 0.001, 43.6 + y * 0.001]);
  return { ...createQuartier(0), geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('quartier layers', () => {
  it('give each polygon its quartier index as feature id', () => {
    const fc = quartierCollection([createQuartier(0), createQuartier(1)]);
    expect(fc.features.map((f) => [f.id, f.properties?.name])).toEqual([[0, 'Quartier 0'], [1, 'Quartier 1']]);
  });

  it('put circles and labels inside the quartier, even a U-shaped one', () => {
    const u = createUQuartier();
    const [centre] = quartierCentres([u]);
    expect(booleanPointInPolygon(centre, u.geometry)).toBe(true);
  });

  it('carry the drawn value on the centres, null when missing, and the secret flag', () => {
    const qs = [createQuartier(0), createQuartier(1)];
    const fc = centreCollection(qs, quartierCentres(qs), [12], [false, true]);
    expect(fc.features.map((f) => f.properties?.v)).toEqual([12, null]);
    expect(fc.features.map((f) => f.properties?.s)).toEqual([0, 1]);
  });

  it('bound all quartiers together', () => {
    expect(quartiersBounds([createQuartier(0, [1, 43]), createQuartier(1, [2, 44])])).toEqual([[1, 43], [2.01, 44.01]]);
    expect(quartiersBounds([])).toBeNull();
  });
});

describe('ringCollection', () => {
  it('widens each quartier by the band width', () => {
    const q = createQuartier(0, [1.4, 43.6]);
    const [ring] = ringCollection([q], 300).features;
    const [w, s, e, n] = bbox(ring);
    // 300 m is about 0.0027° of latitude and 0.0037° of longitude at 43.6° N.
    expect(43.6 - s).toBeCloseTo(0.0027, 3);
    expect(w).toBeLessThan(1.4 - 0.0035);
    expect(e).toBeGreaterThan(1.41 + 0.0035);
    expect(n - 43.61).toBeCloseTo(0.0027, 3);
  });

  it('is empty for a zero width', () => {
    expect(ringCollection([createQuartier(0)], 0).features).toEqual([]);
  });
});
