/**
 * The live MapLibre map, for the modules that need it outside React (image export reads its
 * canvas, created with `preserveDrawingBuffer` so the pixels stay readable after a frame).
 * Type-only import: importing this module does not load MapLibre.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

let current: MaplibreMap | null = null;
const listeners = new Set<(map: MaplibreMap | null) => void>();

/** The map currently mounted by MapView, or null when none is. */
export function getMap(): MaplibreMap | null {
  return current;
}

/** Called by MapView on mount (the map) and unmount (null). */
export function setMap(map: MaplibreMap | null): void {
  current = map;
  for (const listener of listeners) listener(map);
}

/** Calls `listener` whenever the map is mounted or unmounted; returns the unsubscribe function. */
export function onMapChange(listener: (map: MaplibreMap | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Resolves once the map has drawn everything it has to draw (sources loaded, no transition),
 * so an export captures a complete frame.
 */
export function whenMapIdle(map: MaplibreMap): Promise<void> {
  return new Promise((resolve) => {
    // 'idle' only fires after a frame: ask for one in case the map is already still.
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}
