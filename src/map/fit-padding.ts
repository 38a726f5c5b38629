/**
 * Where the quartiers go when the map fits them. Panels float over the map's top-left corner
 * (indicator and classes, basemap and layers, legend): fitted under them, quartiers would be
 * hidden. The fit keeps them either beside the panels or below them, whichever shows them
 * larger — beside on a wide map, below on a narrow one or once the legend is folded.
 */

export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The box the panels take, in pixels from the map's top-left corner. */
export interface OverlayBox {
  right: number;
  bottom: number;
}

/** Margin around the fitted quartiers, in pixels. */
export const FIT_MARGIN = 40;
/** Gap between the panels and the nearest quartier, in pixels. */
const PANEL_GAP = 24;
/** Smallest room, in pixels, worth fitting the quartiers into. */
const MIN_ROOM = 120;
/** Below the panels must show the quartiers this much larger to be chosen over beside them. */
const BELOW_ADVANTAGE = 1.1;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

/** Pixels per Mercator unit of a fit of `bounds` in the room `padding` leaves. */
function fitScale(width: number, height: number, p: FitPadding, bounds: [[number, number], [number, number]]): number {
  const dx = Math.max(1e-9, ((bounds[1][0] - bounds[0][0]) * Math.PI) / 180);
  const dy = Math.max(1e-9, mercatorY(bounds[1][1]) - mercatorY(bounds[0][1]));
  return Math.min((width - p.left - p.right) / dx, (height - p.top - p.bottom) / dy);
}

/**
 * Padding to fit `bounds` ([[west, south], [east, north]]) in a map of `width` × `height`
 * pixels whose top-left corner `overlay` covers: a margin on every side, and the panels'
 * width on the left or their height on the top, whichever fits the quartiers larger (beside
 * wins a near tie: it keeps the usual layout). Room too small either way (under
 * {@link MIN_ROOM} pixels) falls back to the plain margin: MapLibre refuses a fit whose
 * padding leaves no room.
 *
 * @example fitPadding(1180, 940, { right: 282, bottom: 620 }, occitanie) // → { top: 40, right: 40, bottom: 40, left: 306 }
 */
export function fitPadding(width: number, height: number, overlay: OverlayBox | null, bounds?: [[number, number], [number, number]]): FitPadding {
  const margin = Math.min(FIT_MARGIN, Math.floor(Math.min(width, height) / 8));
  const plain = { top: margin, right: margin, bottom: margin, left: margin };
  if (!overlay || overlay.right <= 0 || overlay.bottom <= 0) return plain;
  const beside = { ...plain, left: Math.round(overlay.right + PANEL_GAP) };
  const below = { ...plain, top: Math.round(overlay.bottom + PANEL_GAP) };
  const fits = (p: FitPadding) => width - p.left - p.right >= MIN_ROOM && height - p.top - p.bottom >= MIN_ROOM;
  if (!fits(below)) return fits(beside) ? beside : plain;
  if (!fits(beside)) return below;
  if (!bounds) return beside;
  return fitScale(width, height, below, bounds) > BELOW_ADVANTAGE * fitScale(width, height, beside, bounds) ? below : beside;
}
