/**
 * Keeps the map in step with the store, outside React renders (zustand `subscribe`). Every
 * source and layer exists from the start (layers/style.ts); a change of state only calls
 * `setData`, `setPaintProperty`, `setLayoutProperty`, `setLayerZoomRange` or `setFeatureState`,
 * and only for the parts of the state that changed.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { useStore, type AppState } from '../state/store.ts';
import { getPoints } from '../state/registry.ts';
import { basemapVisibility, quartierFillOpacity } from './layers/basemaps.ts';
import { contextVisibility } from './layers/context.ts';
import { circleRadiusExpression, fillColorExpression, indicatorView } from './layers/choropleth.ts';
import { LAYER, SOURCE } from './layers/ids.ts';
import { establishmentsMinZoom, hatchDiscSize, markerRadius } from './layers/markers.ts';
import { pointCollection, pointColorExpression } from './layers/points.ts';
import { centreCollection, quartierCentres, quartierCollection } from './layers/quartiers.ts';
import { ringCollection } from './layers/ring.ts';
import { EMPTY_COLLECTION } from './layers/spec-types.ts';
import { attachCamera, type CameraMap, type CameraOptions } from './camera.ts';
import { useMapOptions, type MapOptions } from './map-options.ts';

/**
 * The part of the MapLibre API the controller uses (a recording stand-in in unit tests).
 * Paint and layout values are untyped JSON here: see spec-types.ts.
 */
export interface ControlledMap extends CameraMap, Pick<MaplibreMap, 'getSource' | 'setFeatureState' | 'removeFeatureState'> {
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setLayerZoomRange(layer: string, minzoom: number, maxzoom: number): unknown;
}

/** Layers of the establishments (clusters and single points), shown and hidden together. */
const ESTABLISHMENT_LAYERS = [LAYER.points, LAYER.clusters, LAYER.clusterCount];
/** Sources whose features are quartiers by index: polygons, and centres (circles and discs). */
const QUARTIER_SOURCES = [SOURCE.quartiers, SOURCE.centres];

const RING_DEBOUNCE_MS = 150;

/**
 * Subscribes the map to the store and applies the current state at once. Returns the
 * function that unsubscribes (MapView calls it before removing the map).
 */
export function attachController(map: ControlledMap, options: Pick<CameraOptions, 'positionFromLink' | 'fitPadding' | 'watchPanels'>): () => void {
  const camera = attachCamera(map, options);
  let centres: [number, number][] = [];
  let ringTimer: ReturnType<typeof setTimeout> | null = null;
  let pointsStale = true;

  const setData = (source: string, data: GeoJSON.GeoJSON) => (map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
  const visibility = (layer: string, visible: boolean) => map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');

  /** Feature-state of quartier `id` on the polygons and on the centres alike. */
  const setQuartierState = (id: number, state: Record<string, unknown>) => {
    for (const source of QUARTIER_SOURCES) map.setFeatureState({ source, id }, state);
  };

  const drawQuartiers = (s: AppState) => {
    for (const source of QUARTIER_SOURCES) map.removeFeatureState({ source });
    setData(SOURCE.quartiers, quartierCollection(s.quartiers));
    centres = quartierCentres(s.quartiers);
    // A region's worth of clusters would hide its quartiers: establishments wait for a closer zoom.
    const minzoom = establishmentsMinZoom(s.quartiers.length);
    for (const layer of ESTABLISHMENT_LAYERS) map.setLayerZoomRange(layer, minzoom, 24);
    camera.quartiersChanged(s.quartiers);
  };

  const drawIndicator = (s: AppState) => {
    const view = indicatorView(s);
    const counts = view.def.kind === 'count';
    const colour = fillColorExpression(view);
    map.setPaintProperty(LAYER.quartiersFill, 'fill-color', colour);
    map.setPaintProperty(LAYER.markers, 'circle-color', colour);
    map.setPaintProperty(LAYER.markers, 'circle-radius', markerRadius(view.def));
    map.setLayoutProperty(LAYER.markersSecret, 'icon-size', hatchDiscSize(view.def));
    setData(SOURCE.centres, centreCollection(s.quartiers, centres, counts ? view.values : [], view.secret));
    map.setPaintProperty(LAYER.circles, 'circle-radius', circleRadiusExpression(counts ? view.maxValue : null));
    visibility(LAYER.circles, counts);
    for (let id = 0; id < s.quartiers.length; id++) setQuartierState(id, { value: view.values[id] ?? null, secret: view.secret[id] ?? false });
  };

  const drawSelection = (s: AppState) => {
    const selected = new Set(s.selection);
    for (let id = 0; id < s.quartiers.length; id++) setQuartierState(id, { selected: selected.has(id), profile: s.profile === id });
  };

  const drawRing = (s: AppState) => {
    visibility(LAYER.ringFill, s.showRing);
    visibility(LAYER.ringLine, s.showRing);
    if (ringTimer) clearTimeout(ringTimer);
    if (!s.showRing) return;
    // Buffering every quartier takes a moment: wait for the width slider to settle.
    ringTimer = setTimeout(() => {
      ringTimer = null;
      const now = useStore.getState();
      setData(SOURCE.ring, now.showRing ? ringCollection(now.quartiers, now.ringMetres) : EMPTY_COLLECTION);
    }, RING_DEBOUNCE_MS);
  };

  let pointsUrl: string | null = null;
  const drawPoints = (s: AppState) => {
    for (const layer of ESTABLISHMENT_LAYERS) visibility(layer, s.showPoints);
    // Hidden points are rebuilt only when shown again: clustering a large file is not free.
    if (!s.showPoints) {
      pointsStale = true;
      return;
    }
    const collection = pointCollection(getPoints(s.pointsId), s.filters);
    if (collection.features.length > LARGE_POINT_SET) {
      // Handed as an object, a big collection is cloned for MapLibre's worker on the main
      // thread (half a second for 60 000 points); as a blob: URL the worker reads it itself.
      const url = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
      (map.getSource(SOURCE.points) as GeoJSONSource | undefined)?.setData(url);
      if (pointsUrl) URL.revokeObjectURL(pointsUrl);
      pointsUrl = url;
    } else {
      setData(SOURCE.points, collection);
    }
    pointsStale = false;
  };

  const drawBasemap = (s: AppState) => {
    for (const [layer, v] of Object.entries({ ...basemapVisibility(s.basemap), ...contextVisibility(s.basemap === 'aucun') })) map.setLayoutProperty(layer, 'visibility', v);
    map.setPaintProperty(LAYER.quartiersFill, 'fill-opacity', quartierFillOpacity(s.basemap));
  };

  const apply = (s: AppState, prev: AppState | null) => {
    const changed = <K extends keyof AppState>(...keys: K[]) => prev === null || keys.some((k) => s[k] !== prev[k]);
    if (changed('communes')) setData(SOURCE.communes, s.communes ?? EMPTY_COLLECTION);
    if (changed('quartiers')) drawQuartiers(s);
    if (changed('quartiers', 'results', 'indicator', 'classification')) drawIndicator(s);
    if (changed('quartiers', 'selection', 'profile')) drawSelection(s);
    if (changed('quartiers', 'showRing', 'ringMetres')) drawRing(s);
    if (changed('showPoints') || (s.showPoints && (pointsStale || changed('pointsId', 'filters')))) drawPoints(s);
    if (changed('basemap')) drawBasemap(s);
    if (changed('mapPosition')) camera.positionChanged(s.mapPosition);
  };

  const applyOptions = (o: MapOptions) => map.setPaintProperty(LAYER.points, 'circle-color', pointColorExpression(o.pointColorBy));

  apply(useStore.getState(), null);
  applyOptions(useMapOptions.getState());
  const unsubscribe = useStore.subscribe((s, prev) => apply(s, prev));
  const unsubscribeOptions = useMapOptions.subscribe((o, prev) => {
    if (o.pointColorBy !== prev.pointColorBy) applyOptions(o);
  });
  return () => {
    unsubscribe();
    unsubscribeOptions();
    camera.detach();
    if (ringTimer) clearTimeout(ringTimer);
    if (pointsUrl) URL.revokeObjectURL(pointsUrl);
  };
}

/** Above this many establishments the points go to MapLibre as a blob: URL, not an object. */
export const LARGE_POINT_SET = 5000;
