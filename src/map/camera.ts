/**
 * The camera and the store's `mapPosition`: the map writes its position on `moveend`
 * (debounced, so a pan does not rewrite the URL at every frame) and follows a position set
 * from outside (a shared link, back/forward). Fits the quartiers when a new file arrives,
 * except right after a position came from a link, clear of the panels over the map, and
 * fits them again when the map is resized before anything else moved it.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useStore, type MapPosition } from '../state/store.ts';
import { FIT_MARGIN, type FitPadding } from './fit-padding.ts';
import { quartiersBounds } from './layers/quartiers.ts';
import type { QuartierSummary } from '../worker/protocol.ts';

type Bounds = [[number, number], [number, number]];

export type CameraMap = Pick<MaplibreMap, 'getCenter' | 'getZoom' | 'jumpTo' | 'fitBounds' | 'on' | 'off'>;

/** View of metropolitan France, before any file is loaded. */
export const FRANCE_VIEW: MapPosition = { center: [2.4, 46.6], zoom: 4.8 };

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Position of the map as the store keeps it: 5 decimals (about 1 m) and 2 for the zoom. */
export function positionOf(map: Pick<MaplibreMap, 'getCenter' | 'getZoom'>): MapPosition {
  const c = map.getCenter();
  return { center: [round(c.lng, 5), round(c.lat, 5)], zoom: round(map.getZoom(), 2) };
}

/** True when two positions are the same view (within rounding). */
export function samePosition(a: MapPosition | null, b: MapPosition | null): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.center[0] - b.center[0]) < 1e-5 && Math.abs(a.center[1] - b.center[1]) < 1e-5 && Math.abs(a.zoom - b.zoom) < 0.01;
}

export interface Camera {
  /** Quartiers changed: fit them, unless a linked position is waiting to be honoured. */
  quartiersChanged(quartiers: readonly QuartierSummary[]): void;
  /** The store's position changed: jump there if it is not the map's own. */
  positionChanged(position: MapPosition | null): void;
  detach(): void;
}

export interface CameraOptions {
  positionFromLink: boolean;
  debounceMs?: number;
  /** Padding of the fit to these bounds, measured when it happens (panels fold and unfold). */
  fitPadding?: (bounds: Bounds) => FitPadding;
  /** Calls `changed` whenever the panels over the map change size; returns what stops it. */
  watchPanels?: (changed: () => void) => () => void;
}

/**
 * Connects the camera to the store. `positionFromLink` says the map was created at a
 * position read from a link: the first quartiers then keep that view instead of being fitted.
 */
export function attachCamera(map: CameraMap, options: CameraOptions): Camera {
  let keepLinkedView = options.positionFromLink;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The last fit, kept while the view is still that fit: a side panel widening (Classement,
  // Comparaison) resizes the map, and the legend appears, grows or folds over it; the
  // quartiers are then fitted again. Any other move (the user's, a link's, a cluster's zoom)
  // changes the view and ends it; a resize keeps the centre and zoom, so comparing views
  // tells them apart.
  let fitted: { bounds: Bounds; view: MapPosition } | null = null;

  const fit = (bounds: Bounds) => {
    map.fitBounds(bounds, { padding: options.fitPadding?.(bounds) ?? FIT_MARGIN, duration: 0, maxZoom: 16 });
    fitted = { bounds, view: positionOf(map) };
  };
  const refit = () => {
    if (fitted && samePosition(positionOf(map), fitted.view)) fit(fitted.bounds);
    else fitted = null;
  };
  map.on('resize', refit);
  const unwatchPanels = options.watchPanels?.(refit);

  const onMoveEnd = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const position = positionOf(map);
      if (!samePosition(position, useStore.getState().mapPosition)) useStore.setState({ mapPosition: position });
    }, options.debounceMs ?? 300);
  };
  map.on('moveend', onMoveEnd);

  return {
    quartiersChanged(quartiers) {
      if (quartiers.length === 0) return;
      if (keepLinkedView) {
        keepLinkedView = false;
        return;
      }
      const bounds = quartiersBounds(quartiers);
      if (bounds) fit(bounds);
    },
    positionChanged(position) {
      if (!position || samePosition(position, positionOf(map))) return;
      map.jumpTo({ center: position.center, zoom: position.zoom });
      // A link opened before the data arrives must not be overridden by the first fit.
      if (useStore.getState().quartiers.length === 0) keepLinkedView = true;
    },
    detach() {
      if (timer) clearTimeout(timer);
      map.off('moveend', onMoveEnd);
      map.off('resize', refit);
      unwatchPanels?.();
    },
  };
}
