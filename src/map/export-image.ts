/**
 * Reads the live map's pixels for an export, at a chosen pixel ratio: the map is asked to draw
 * at that ratio, the export waits for a complete frame (every source loaded, nothing moving),
 * copies the WebGL canvas — readable after the frame thanks to `preserveDrawingBuffer` — and
 * puts the ratio back. The copy is a 2D canvas the composition can draw from at leisure.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { getMap, whenMapIdle } from './map-instance.ts';

export interface MapCapture {
  /** The map's pixels (a 2D copy, independent of later frames). */
  canvas: HTMLCanvasElement;
  /** Size of the map on screen, in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
  /**
   * Pixels per CSS pixel actually captured. Lower than asked when the canvas would exceed
   * MapLibre's maximum size (4 096 px a side): the composition then scales the copy up.
   */
  pixelRatio: number;
  zoom: number;
  /** Latitude of the map's centre: the scale bar's ground length is measured there, as MapLibre's own. */
  centerLat: number;
  bearing: number;
}

/** A frame the map never finishes (an online basemap offline) must not hang the export. */
const IDLE_TIMEOUT_MS = 30_000;

let queue: Promise<unknown> = Promise.resolve();

function idleOrTimeout(map: MaplibreMap): Promise<void> {
  return Promise.race([
    whenMapIdle(map),
    new Promise<void>((resolve) => setTimeout(resolve, IDLE_TIMEOUT_MS)),
  ]);
}

async function capture(map: MaplibreMap, pixelRatio: number): Promise<MapCapture> {
  const before = map.getPixelRatio();
  // MapLibre follows devicePixelRatio (browser zoom, another screen) unless overridden: give
  // that behaviour back rather than pinning today's value.
  const overridden = before !== globalThis.devicePixelRatio;
  const changed = Math.abs(before - pixelRatio) > 1e-6;
  try {
    if (changed) map.setPixelRatio(pixelRatio);
    await idleOrTimeout(map);
    const gl = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const ctx = copy.getContext('2d');
    if (!ctx) throw new Error('Le navigateur n’a pas fourni de contexte de dessin 2D pour copier la carte.');
    ctx.drawImage(gl, 0, 0);
    const container = map.getContainer();
    const cssWidth = container.clientWidth || gl.clientWidth;
    const cssHeight = container.clientHeight || gl.clientHeight;
    return {
      canvas: copy,
      cssWidth,
      cssHeight,
      pixelRatio: cssWidth > 0 ? copy.width / cssWidth : pixelRatio,
      zoom: map.getZoom(),
      centerLat: map.getCenter().lat,
      bearing: map.getBearing(),
    };
  } finally {
    if (changed) map.setPixelRatio((overridden ? before : null) as number);
  }
}

/** Size of the mounted map on screen (CSS pixels), to lay a page out before capturing. */
export function mapScreenSize(map: MaplibreMap | null = getMap()): { width: number; height: number } | null {
  if (!map) return null;
  const c = map.getContainer();
  return c.clientWidth > 0 && c.clientHeight > 0 ? { width: c.clientWidth, height: c.clientHeight } : null;
}

/**
 * Captures the mounted map at `pixelRatio` (2 = twice the screen size in each direction).
 * Captures run one after the other: two exports never fight over the map's pixel ratio.
 */
export function captureMap(pixelRatio: number, map: MaplibreMap | null = getMap()): Promise<MapCapture> {
  if (!map) return Promise.reject(new Error('La carte n’est pas encore affichée : attendez son chargement avant d’exporter.'));
  const run = queue.then(() => capture(map, pixelRatio));
  queue = run.catch(() => undefined);
  return run;
}
