/**
 * Scale bar for exported maps: the ground length of a pixel in Web Mercator at a latitude and
 * zoom, and a "nice" bar length (1, 2 or 5 × 10^n metres) that fits a maximum width.
 */

/** Earth circumference used by Web Mercator tiles (WGS84 equatorial radius). */
const EARTH_CIRCUMFERENCE = 2 * Math.PI * 6378137;

/**
 * Metres on the ground per CSS pixel at `latitude` and `zoom`, for 512-pixel tiles (MapLibre).
 *
 * @example metresPerPixel(0, 0) // ≈ 78 271.5 m
 */
export function metresPerPixel(latitude: number, zoom: number, tileSize = 512): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (tileSize * 2 ** zoom);
}

export interface ScaleBar {
  /** Ground length of the bar, in metres. */
  metres: number;
  /** Bar length in CSS pixels. */
  pixels: number;
  /** French label: "500 m", "2 km". */
  label: string;
}

/** Largest 1/2/5 × 10^n value not above `v`. */
function niceFloor(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/**
 * Scale bar no longer than `maxPixels` at the given latitude and zoom.
 *
 * @example scaleBar(45, 14, 120) // { metres: 500, pixels: ≈ 77, label: '500 m' }
 */
export function scaleBar(latitude: number, zoom: number, maxPixels: number): ScaleBar {
  const mpp = metresPerPixel(latitude, zoom);
  const metres = niceFloor(mpp * maxPixels);
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('fr-FR')} km` : `${metres} m`;
  return { metres, pixels: metres / mpp, label };
}
