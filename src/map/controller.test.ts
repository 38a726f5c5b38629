import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../state/store.ts';
import { attachController, type ControlledMap } from './controller.ts';
import { LAYER, SOURCE } from './layers/ids.ts';
import { createIndicators, createQuartier, createResults } from './layers/test-helpers.ts';

type Call = [string, ...unknown[]];

/** MapLibre stand-in at the map/ boundary: records what the controller asks of the map. */
function createRecordingMap() {
  const calls: Call[] = [];
  const handlers = new Map<string, () => void>();
  let center = { lng: 2.4, lat: 46.6 };
  let zoom = 4.8;
  const map = {
    getSource: (id: string) => ({ setData: (data: unknown) => calls.push(['setData', id, data]) }),
    setPaintProperty: (layer: string, name: string, value: unknown) => calls.push(['paint', layer, name, value]),
    setLayoutProperty: (layer: string, name: string, value: unknown) => calls.push(['layout', layer, name, value]),
    setLayerZoomRange: (layer: string, min: number, max: number) => calls.push(['zoomRange', layer, min, max]),
    setFeatureState: (f: { source: string; id: number }, state: unknown) => calls.push(['state', f.source, f.id, state]),
    removeFeatureState: (f: { source: string }) => calls.push(['removeState', f.source]),
    fitBounds: (bounds: unknown, options: unknown) => calls.push(['fit', bounds, options]),
    jumpTo: (o: { center: [number, number]; zoom: number }) => {
      center = { lng: o.center[0], lat: o.center[1] };
      zoom = o.zoom;
      calls.push(['jump', o]);
    },
    getCenter: () => center,
    getZoom: () => zoom,
    on: (type: string, fn: () => void) => handlers.set(type, fn),
    off: (type: string) => handlers.delete(type),
  };
  const take = () => calls.splice(0, calls.length);
  const move = (lng: number, lat: number, z: number) => {
    center = { lng, lat };
    zoom = z;
    handlers.get('moveend')?.();
  };
  const emit = (type: string) => handlers.get(type)?.();
  return { map: map as unknown as ControlledMap, take, move, emit };
}

const quartiers = [createQuartier(0), createQuartier(1), createQuartier(2)];
const results = createResults([createIndicators({ share: 0.1 }), createIndicators({ share: 0.3, secret: true }), createIndicators({ share: 0.5 })]);

describe('attachController', () => {
  let detach: () => void = () => {};
  beforeEach(() => {
    resetStore();
    vi.useFakeTimers();
  });
  afterEach(() => {
    detach();
    vi.useRealTimers();
  });

  it('draws the quartiers once and fits them', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ quartiers, results });
    detach = attachController(map, { positionFromLink: false });
    const calls = take();
    const data = calls.filter((c) => c[0] === 'setData' && c[1] === SOURCE.quartiers);
    expect(data).toHaveLength(1);
    expect((data[0][2] as GeoJSON.FeatureCollection).features.map((f) => f.id)).toEqual([0, 1, 2]);
    expect(calls.some((c) => c[0] === 'fit')).toBe(true);
    expect(calls).toContainEqual(['state', SOURCE.quartiers, 1, { value: null, secret: true }]);
    expect(calls).toContainEqual(['state', SOURCE.quartiers, 2, { value: 50, secret: false }]);
  });

  it('changes only paint and feature-state when the indicator changes', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ quartiers, results });
    detach = attachController(map, { positionFromLink: false });
    take();
    useStore.setState({ indicator: 'jobs' });
    const calls = take();
    expect(calls.filter((c) => c[0] === 'setData').map((c) => c[1])).toEqual([SOURCE.centres]);
    expect(calls).toContainEqual(['layout', LAYER.circles, 'visibility', 'visible']);
    expect(calls.some((c) => c[0] === 'paint' && c[1] === LAYER.quartiersFill && c[2] === 'fill-color')).toBe(true);
    expect(calls.some((c) => c[0] === 'fit' || c[0] === 'removeState')).toBe(false);
  });

  it('marks the selection and the open profile as feature-state', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ quartiers, results });
    detach = attachController(map, { positionFromLink: false });
    take();
    useStore.setState({ selection: [2], profile: 0 });
    expect(take()).toEqual(
      [
        [0, { selected: false, profile: true }],
        [1, { selected: false, profile: false }],
        [2, { selected: true, profile: false }],
      ].flatMap(([id, state]) => [SOURCE.quartiers, SOURCE.centres].map((source) => ['state', source, id, state])),
    );
  });

  it('colours the regional discs like the polygons and hatches the masked ones', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ quartiers, results });
    detach = attachController(map, { positionFromLink: false });
    const calls = take();
    const paint = (layer: string, name: string) => calls.find((c) => c[0] === 'paint' && c[1] === layer && c[2] === name)?.[3];
    expect(paint(LAYER.markers, 'circle-color')).toEqual(paint(LAYER.quartiersFill, 'fill-color'));
    expect(calls).toContainEqual(['state', SOURCE.centres, 1, { value: null, secret: true }]);
    const centres = calls.find((c) => c[0] === 'setData' && c[1] === SOURCE.centres)?.[2] as GeoJSON.FeatureCollection;
    expect(centres.features.map((f) => f.properties?.s)).toEqual([0, 1, 0]);
  });

  it('keeps the establishments for a closer zoom when a whole region is loaded', () => {
    const { map, take } = createRecordingMap();
    detach = attachController(map, { positionFromLink: false });
    take();
    useStore.setState({ quartiers });
    expect(take()).toContainEqual(['zoomRange', LAYER.clusters, 0, 24]);
    useStore.setState({ quartiers: Array.from({ length: 60 }, (_, i) => createQuartier(i)) });
    const calls = take();
    for (const layer of [LAYER.clusters, LAYER.clusterCount, LAYER.points]) expect(calls).toContainEqual(['zoomRange', layer, 9, 24]);
  });

  it('fits the quartiers clear of the panels over the map', () => {
    const { map, take } = createRecordingMap();
    const padding = { top: 40, right: 40, bottom: 40, left: 306 };
    useStore.setState({ quartiers });
    detach = attachController(map, { positionFromLink: false, fitPadding: () => padding });
    expect(take().find((c) => c[0] === 'fit')?.[2]).toMatchObject({ padding });
  });

  it('fits the quartiers again when the map is resized, until something else moves it', () => {
    const { map, take, emit, move } = createRecordingMap();
    useStore.setState({ quartiers });
    detach = attachController(map, { positionFromLink: false });
    take();
    emit('resize');
    expect(take().filter((c) => c[0] === 'fit')).toHaveLength(1);
    move(1.5, 43.7, 9);
    emit('resize');
    expect(take().filter((c) => c[0] === 'fit')).toHaveLength(0);
  });

  it('fits the quartiers again when the panels over the map change size', () => {
    const { map, take } = createRecordingMap();
    let panelsChanged = () => {};
    useStore.setState({ quartiers });
    detach = attachController(map, { positionFromLink: false, watchPanels: (changed) => ((panelsChanged = changed), () => {}) });
    take();
    panelsChanged();
    expect(take().filter((c) => c[0] === 'fit')).toHaveLength(1);
  });

  it('shows an online basemap only when chosen', () => {
    const { map, take } = createRecordingMap();
    detach = attachController(map, { positionFromLink: false });
    expect(take()).toContainEqual(['layout', LAYER.osm, 'visibility', 'none']);
    useStore.setState({ basemap: 'osm' });
    const calls = take();
    expect(calls).toContainEqual(['layout', LAYER.osm, 'visibility', 'visible']);
    expect(calls).toContainEqual(['layout', LAYER.ign, 'visibility', 'none']);
  });

  it('draws the quartier vécu band once the width settles', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ quartiers });
    detach = attachController(map, { positionFromLink: false });
    take();
    useStore.setState({ showRing: true });
    useStore.setState({ ringMetres: 500 });
    expect(take().filter((c) => c[0] === 'setData')).toEqual([]);
    vi.runAllTimers();
    const ring = take().filter((c) => c[0] === 'setData' && c[1] === SOURCE.ring);
    expect(ring).toHaveLength(1);
    expect((ring[0][2] as GeoJSON.FeatureCollection).features).toHaveLength(3);
  });

  it('writes the position after a move, and follows a position set from a link', () => {
    const { map, take, move } = createRecordingMap();
    detach = attachController(map, { positionFromLink: false });
    move(1.45, 43.61, 12.5);
    vi.runAllTimers();
    expect(useStore.getState().mapPosition).toEqual({ center: [1.45, 43.61], zoom: 12.5 });
    take();
    useStore.setState({ mapPosition: { center: [5.37, 43.3], zoom: 11 } });
    expect(take()).toContainEqual(['jump', { center: [5.37, 43.3], zoom: 11 }]);
  });

  it('keeps a linked view instead of fitting the first quartiers', () => {
    const { map, take } = createRecordingMap();
    useStore.setState({ mapPosition: { center: [1.41, 43.6], zoom: 14 } });
    detach = attachController(map, { positionFromLink: true });
    useStore.setState({ quartiers });
    expect(take().some((c) => c[0] === 'fit')).toBe(false);
    useStore.setState({ quartiers: quartiers.slice(0, 2) });
    expect(take().some((c) => c[0] === 'fit')).toBe(true);
  });
});
