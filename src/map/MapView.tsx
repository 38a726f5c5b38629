/**
 * The map: the only React component that touches MapLibre. It creates the map once, with the
 * offline style, the controls and the hatching image, then hands over to the controller
 * (store → map) and the interactions (map → store). React never re-renders the map.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { hatchPattern } from '../core/classify/palettes.ts';
import { useStore } from '../state/store.ts';
import { FRANCE_VIEW } from './camera.ts';
import { fitPadding } from './fit-padding.ts';
import { attachController } from './controller.ts';
import { attachInteractions } from './interactions.ts';
import { keepProfileInView } from './profile-view.ts';
import { HATCH_IMAGE } from './layers/ids.ts';
import { HATCH_DISC_IMAGE, HATCH_DISC_PIXEL_RATIO, hatchDisc } from './layers/markers.ts';
import { createBaseStyle } from './layers/style.ts';
import { setMap } from './map-instance.ts';

// Bundled worker file (same origin): no blob URL, so a strict Content-Security-Policy holds.
maplibregl.setWorkerUrl(workerUrl);

const FRENCH_LOCALE = {
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'Map.Title': 'Carte',
  'NavigationControl.ResetBearing': 'Faire glisser pour tourner la carte, cliquer pour revenir au nord',
  'NavigationControl.ZoomIn': 'Zoom avant',
  'NavigationControl.ZoomOut': 'Zoom arrière',
  'Popup.Close': 'Fermer',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
};

function addHatchImages(map: maplibregl.Map): void {
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPattern(8), { pixelRatio: 1 });
  if (!map.hasImage(HATCH_DISC_IMAGE)) map.addImage(HATCH_DISC_IMAGE, hatchDisc(), { pixelRatio: HATCH_DISC_PIXEL_RATIO });
}

/** The panels floating over the map's top-left corner: the cards of the `.map-overlay` column beside it. */
const panelsOf = (el: HTMLElement) => [...(el.parentElement?.querySelector('.map-overlay')?.children ?? [])];

/** Fit padding for the map in `el`, with the panels measured when the fit happens, folded or not. */
function measuredFitPadding(el: HTMLElement, bounds: [[number, number], [number, number]]) {
  const cards = panelsOf(el).map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
  const origin = el.getBoundingClientRect();
  const overlay = cards.length > 0 ? { right: Math.max(...cards.map((r) => r.right)) - origin.left, bottom: Math.max(...cards.map((r) => r.bottom)) - origin.top } : null;
  return fitPadding(el.clientWidth, el.clientHeight, overlay, bounds);
}

/**
 * Tells the camera when a panel changes size: the legend appears only once the quartiers are
 * drawn (after the first fit), and grows, shrinks or folds with the indicator.
 */
function watchPanels(el: HTMLElement, changed: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => changed());
  for (const card of panelsOf(el)) observer.observe(card);
  return () => observer.disconnect();
}

export interface MapViewProps {
  className?: string;
}

/**
 * Mounts the map in a block that fills its parent (give the parent a height). The map follows
 * the store: quartiers, indicator, classification, filters, selection, basemap, quartier vécu
 * and position. Mount it once.
 */
export function MapView({ className }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const linked = useStore.getState().mapPosition;
    const start = linked ?? FRANCE_VIEW;
    const map = new maplibregl.Map({
      container: el,
      style: createBaseStyle(),
      center: start.center,
      zoom: start.zoom,
      // Exports read the canvas after the frame has been presented.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      attributionControl: { compact: true },
      locale: FRENCH_LOCALE,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.on('styleimagemissing', (e) => {
      if (e.id === HATCH_IMAGE || e.id === HATCH_DISC_IMAGE) addHatchImages(map);
    });

    let detach: (() => void)[] = [];
    // Lets tests and exports wait for a complete frame without reaching into the map object.
    map.on('idle', () => void (el.dataset.idle = 'true'));
    map.on('dataloading', () => void delete el.dataset.idle);
    map.on('movestart', () => void delete el.dataset.idle);
    map.on('load', () => {
      addHatchImages(map);
      const controller = attachController(map, {
        positionFromLink: linked !== null,
        fitPadding: (bounds) => measuredFitPadding(el, bounds),
        watchPanels: (changed) => watchPanels(el, changed),
      });
      detach = [controller, attachInteractions(map), keepProfileInView(map)];
      el.dataset.ready = 'true';
    });
    setMap(map);
    return () => {
      for (const d of detach) d();
      setMap(null);
      map.remove();
      delete el.dataset.ready;
      delete el.dataset.idle;
    };
  }, []);

  return (
    <div
      ref={container}
      className={className ? `map-view ${className}` : 'map-view'}
      role="region"
      aria-label="Carte des quartiers"
      style={{ position: 'relative', width: '100%', height: '100%', minHeight: 320 }}
    />
  );
}
