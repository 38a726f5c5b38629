/**
 * The join on real data: the 105 Occitanie QPV (2015) and 28 825 DVF sales labelled with the
 * code_qp the producer assigned. Shared data is read in place, never copied into the project.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createQuartierIndex, joinPoints, locatePoint, type QuartierIndex } from '../src/core/geo/spatial-join.ts';
import type { Quartier } from '../src/core/types.ts';

const sharedData = process.env.ESSQ_SHARED_DATA ?? path.resolve(__dirname, '../../shared/data');
const dir = path.join(sharedData, 'occitanie-qpv-2015');

/** Test-local reader (the real one lives in src/core/ingest): Polygon features → Quartier. */
function loadQuartiers(): { quartiers: Quartier[]; geometries: Polygon[] } {
  const fc = JSON.parse(readFileSync(path.join(dir, 'qp.geojson'), 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: Polygon }[];
  };
  const quartiers = fc.features.map(({ properties, geometry }): Quartier => {
    const rings = geometry.coordinates.map((r) => Float64Array.from(r.flat()));
    const xs = geometry.coordinates[0].map((p) => p[0]), ys = geometry.coordinates[0].map((p) => p[1]);
    return {
      code: String(properties.code_qp), name: String(properties.nom_qp), communes: [String(properties.code_commune)],
      communeNames: [String(properties.nom_commune)], polygons: [rings], population: null, properties,
      bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    };
  });
  return { quartiers, geometries: fc.features.map((f) => f.geometry) };
}

/** foncier_qp.csv has no quoted fields (checked: 22 columns on every line). */
function loadSales(): { codes: string[]; lon: Float64Array; lat: Float64Array } {
  const [header, ...rows] = readFileSync(path.join(dir, 'foncier_qp.csv'), 'utf8').trim().split('\n');
  const columns = header.split(',');
  const iCode = columns.indexOf('code_qp'), iLon = columns.indexOf('longitude'), iLat = columns.indexOf('latitude');
  const lon = new Float64Array(rows.length), lat = new Float64Array(rows.length);
  const codes = rows.map((row, i) => {
    const cells = row.split(',');
    lon[i] = Number(cells[iLon]);
    lat[i] = Number(cells[iLat]);
    return cells[iCode];
  });
  return { codes, lon, lat };
}

/** Distance in degrees from (x, y) to the nearest edge of a polygon. */
function distanceToEdges(geometry: Polygon, x: number, y: number): number {
  let best = Infinity;
  for (const ring of geometry.coordinates) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
      const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return best;
}

describe('spatial join on the Occitanie QPV and DVF sales', () => {
  let quartiers: Quartier[], geometries: Polygon[], sales: ReturnType<typeof loadSales>;
  let index: QuartierIndex, result: Int32Array;

  beforeAll(() => {
    ({ quartiers, geometries } = loadQuartiers());
    sales = loadSales();
    index = createQuartierIndex(quartiers);
    result = joinPoints(index, sales.lon, sales.lat);
  });

  it('reads the expected inputs', () => {
    expect(quartiers).toHaveLength(105);
    expect(sales.codes).toHaveLength(28825);
  });

  it('puts at least 28 540 sales in the quartier of their own code_qp', () => {
    const agree = sales.codes.filter((code, i) => result[i] >= 0 && quartiers[result[i]].code === code).length;
    expect(agree).toBeGreaterThanOrEqual(28540);
  });

  it('gives the same answer point by point as on the whole column', () => {
    const one = Int32Array.from(sales.codes, (_, i) => locatePoint(index, sales.lon[i], sales.lat[i]));
    expect(one).toEqual(result);
  });

  it('agrees with turf booleanPointInPolygon except within 1e-9° of an edge', () => {
    const features = geometries.map((g) => polygon(g.coordinates));
    const differing: number[] = [];
    for (let i = 0; i < sales.codes.length; i++) {
      const turf = features.findIndex((f) => booleanPointInPolygon([sales.lon[i], sales.lat[i]], f));
      if (turf !== result[i]) differing.push(i);
    }
    const offEdge = differing.filter((i) => {
      const involved = [result[i], features.findIndex((f) => booleanPointInPolygon([sales.lon[i], sales.lat[i]], f))];
      return involved.every((q) => q < 0 || distanceToEdges(geometries[q], sales.lon[i], sales.lat[i]) > 1e-9);
    });
    expect(offEdge).toEqual([]);
  });
});
