/**
 * Outline of the quartier vécu band for the map: each quartier buffered by the band width.
 * The quartier's own fill is drawn on top, so only the band shows; the engine's assignment
 * (core/geo/quartier-vecu.ts) uses its own metric and may differ from this drawing by a few
 * decimetres.
 */
import { buffer } from '@turf/turf';
import type { QuartierSummary } from '../../worker/protocol.ts';

/** Buffered quartiers (`id` = quartier index), or an empty collection for a zero width. */
export function ringCollection(quartiers: readonly QuartierSummary[], metres: number): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  if (metres > 0) {
    quartiers.forEach((q, i) => {
      const buffered = buffer({ type: 'Feature', properties: {}, geometry: q.geometry }, metres, { units: 'meters' });
      if (buffered) features.push({ type: 'Feature', id: i, properties: { name: q.name }, geometry: buffered.geometry });
    });
  }
  return { type: 'FeatureCollection', features };
}
