/**
 * Small vector maps for the quartier sheets: a Web Mercator projection fitted to a bounding
 * box inside a frame (millimetres on the page), and the rings of a geometry projected into it.
 * Drawing them as vectors keeps the PDF sharp at any zoom and light for a 100-page atlas.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { scaleBar, type ScaleBar } from './scale-bar.ts';

export type BBox = [west: number, south: number, east: number, north: number];

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

const R = 6378137;
const EARTH_CIRCUMFERENCE = 2 * Math.PI * R;
const mercX = (lon: number) => (R * lon * Math.PI) / 180;
const mercY = (lat: number) => R * Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

export interface FittedProjection {
  /** Page position of a longitude/latitude. */
  project(lon: number, lat: number): [number, number];
  /** Page units per Web Mercator metre (ground metres per unit = cos(lat) / scale). */
  scale: number;
  /** The MapLibre zoom that draws the same ground length per unit as a CSS pixel. */
  zoom: number;
  /** The bounding box actually shown (the frame's aspect ratio widens one side). */
  bbox: BBox;
}

/**
 * Fits `bbox`, plus a `padding` fraction on each side, centred in `frame`.
 *
 * @example
 * const p = fitMercator([1.40, 43.58, 1.45, 43.62], { x: 10, y: 10, width: 100, height: 80 });
 * p.project(1.425, 43.60) // ≈ the frame's centre
 */
export function fitMercator(bbox: BBox, frame: Frame, padding = 0.05): FittedProjection {
  const [w, s, e, n] = bbox;
  const x0 = mercX(w), x1 = mercX(e), y0 = mercY(s), y1 = mercY(n);
  // A point or a line still needs a finite scale: give it 100 m of extent.
  const spanX = Math.max(x1 - x0, 100) * (1 + 2 * padding);
  const spanY = Math.max(y1 - y0, 100) * (1 + 2 * padding);
  const scale = Math.min(frame.width / spanX, frame.height / spanY);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const fx = frame.x + frame.width / 2;
  const fy = frame.y + frame.height / 2;
  const project = (lon: number, lat: number): [number, number] => [fx + (mercX(lon) - cx) * scale, fy - (mercY(lat) - cy) * scale];
  const unX = (x: number) => (((x - fx) / scale + cx) / R) * (180 / Math.PI);
  const unY = (y: number) => (2 * Math.atan(Math.exp((cy - (y - fy) / scale) / R)) - Math.PI / 2) * (180 / Math.PI);
  const shown: BBox = [unX(frame.x), unY(frame.y + frame.height), unX(frame.x + frame.width), unY(frame.y)];
  return { project, scale, zoom: Math.log2((EARTH_CIRCUMFERENCE * scale) / 512), bbox: shown };
}

/** Scale bar for a fitted map, in page units, no longer than `maxLength`. */
export function sheetScaleBar(p: FittedProjection, maxLength: number): ScaleBar {
  const lat = (p.bbox[1] + p.bbox[3]) / 2;
  return scaleBar(lat, p.zoom, maxLength);
}

/** Bounding box of a polygon geometry; null for an empty one. */
export function geometryBBox(g: Polygon | MultiPolygon): BBox | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [x, y] of ring) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return w <= e && s <= n ? [w, s, e, n] : null;
}

/** True when two boxes overlap (a neighbour worth drawing). */
export const bboxIntersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Rings of a geometry projected on the page (outer rings and holes alike, for an even-odd fill). */
export function projectRings(g: Polygon | MultiPolygon, p: FittedProjection): [number, number][][] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((poly) => poly.map((ring) => ring.map(([lon, lat]) => p.project(lon, lat))));
}
