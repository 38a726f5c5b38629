/**
 * Context of the offline basemap, bundled with the app (public/basemap, built by
 * scripts/make-basemap-outlines.ts): France's outline and the main towns, named by population
 * as the zoom grows — the big cities at national scale, Béziers or Narbonne at regional scale,
 * towns of 15 000 inhabitants closer in. Drawn only under the offline basemap: the online ones
 * have their own names.
 */
import { LAYER, SOURCE } from './ids.ts';
import type { Expr, LayerSpec, SourceSpec } from './spec-types.ts';

/** Credit required by the sources' licences (GeoNames: CC BY 4.0). */
export const CONTEXT_ATTRIBUTION = 'Contours : Natural Earth ; villes : INSEE (COG, via Etalab), GeoNames (CC BY 4.0)';

/** The files' addresses, made absolute: MapLibre's worker would read a relative one against its own script. */
function fileUrl(path: string): string {
  return typeof document === 'undefined' ? path : new URL(path, document.baseURI).href;
}

export function contextSources(): Record<string, SourceSpec> {
  return {
    [SOURCE.france]: { type: 'geojson', data: fileUrl('basemap/france.geojson'), attribution: CONTEXT_ATTRIBUTION },
    [SOURCE.towns]: { type: 'geojson', data: fileUrl('basemap/villes.geojson') },
  } as Record<string, SourceSpec>;
}

/** Smallest population named at each zoom: 200 000 from zoom 5, 50 000 from 7, all from 8.5. */
export const TOWN_MIN_POPULATION: Expr = ['step', ['zoom'], 200_000, 7, 50_000, 8.5, 0];

export function contextLayers(): LayerSpec[] {
  const layers: unknown[] = [
    { id: LAYER.franceLine, type: 'line', source: SOURCE.france, paint: { 'line-color': '#a7a39a', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 1.6] } },
  ];
  return layers as LayerSpec[];
}

/** Town names go over the quartiers' layers, under nothing the user loaded that carries text. */
export function townLabelLayer(): LayerSpec {
  return {
    id: LAYER.townsLabel,
    type: 'symbol',
    source: SOURCE.towns,
    minzoom: 5,
    maxzoom: 12,
    filter: ['>=', ['get', 'population'], TOWN_MIN_POPULATION],
    layout: {
      'text-field': ['get', 'nom'],
      'text-font': ['sans-serif'],
      'text-size': ['interpolate', ['linear'], ['get', 'population'], 15_000, 11, 300_000, 14],
      'symbol-sort-key': ['-', 0, ['get', 'population']],
    },
    paint: { 'text-color': '#55524b', 'text-halo-color': '#f7f5f0', 'text-halo-width': 1.5 },
  } as unknown as LayerSpec;
}

/** The context layers are drawn under the offline basemap only. */
export function contextVisibility(offline: boolean): Record<string, 'visible' | 'none'> {
  const v = offline ? 'visible' : 'none';
  return { [LAYER.franceLine]: v, [LAYER.townsLabel]: v };
}
