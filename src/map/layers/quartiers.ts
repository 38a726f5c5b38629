/**
 * GeoJSON of the quartiers for the map. Polygons are built once per loaded file, with the
 * quartier's index as feature id so values, selection and hover travel as feature-state; the
 * centres (circles, labels) are small and rebuilt with their values.
 */
import { pointOnFeature } from '@turf/turf';
import type { QuartierSummary } from '../../worker/protocol.ts';

/** Polygons with `id` = quartier index, properties `code` and `name`. */
export function quartierCollection(quartiers: readonly QuartierSummary[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: quartiers.map((q, i) => ({
      type: 'Feature',
      id: i,
      properties: { code: q.code, name: q.name },
      geometry: q.geometry,
    })),
  };
}

/**
 * A point inside each quartier (its centroid when that falls inside, else a point on the
 * surface), for circles and labels: a crescent-shaped quartier's centroid can lie outside it.
 */
export function quartierCentres(quartiers: readonly QuartierSummary[]): [number, number][] {
  return quartiers.map((q) => {
    const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: q.geometry });
    const [lon, lat] = p.geometry.coordinates;
    return [lon, lat];
  });
}

/**
 * Centre points with `id` = quartier index and properties `name`, `v` (the value drawn as
 * a circle, null when missing or masked) and `s` (1 for a masked cell). Circles are sorted by
 * `circle-sort-key` on `v`, and the hatched disc of masked cells is a layer filter on `s`:
 * both need properties, since neither a sort key nor a filter can read feature-state.
 */
export function centreCollection(
  quartiers: readonly QuartierSummary[],
  centres: readonly [number, number][],
  values: readonly (number | null)[],
  secret: readonly boolean[] = [],
): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: quartiers.map((q, i) => ({
      type: 'Feature',
      id: i,
      properties: { name: q.name, v: values[i] ?? null, s: secret[i] ? 1 : 0 },
      geometry: { type: 'Point', coordinates: centres[i] ?? [0, 0] },
    })),
  };
}

/** Bounding box of all quartiers, [[west, south], [east, north]], or null when there are none. */
export function quartiersBounds(quartiers: readonly QuartierSummary[]): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const q of quartiers) {
    const [a, b, c, d] = q.bbox;
    if (![a, b, c, d].every(Number.isFinite)) continue;
    w = Math.min(w, a); s = Math.min(s, b); e = Math.max(e, c); n = Math.max(n, d);
  }
  return w <= e && s <= n ? [[w, s], [e, n]] : null;
}
