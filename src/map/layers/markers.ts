/**
 * Quartiers at regional scale. A QPV is a few hundred metres across: once a whole region is in
 * view each polygon is a few pixels and the choropleth disappears. Below {@link MARKER_MAX_ZOOM}
 * every quartier also gets a disc of fixed size at its centre, in its class colour (the very
 * expression of the choropleth, read from the same feature-state), fading out as the polygons
 * grow; masked cells get the hatching inside their disc. With many quartiers in view the
 * establishment clusters wait for a closer zoom, so the quartiers read first.
 */
import { SECRET_HATCH_COLOR } from '../../core/classify/palettes.ts';
import type { IndicatorDef } from '../../core/indicators/catalog.ts';
import type { Expr } from './spec-types.ts';

/** Zoom from which the discs are gone: quartiers are then tens of pixels wide. */
export const MARKER_MAX_ZOOM = 11;
/** Zoom at which the discs start fading into the polygons. */
export const MARKER_FADE_ZOOM = 10;
/** Radius in pixels of a quartier's disc for a rate: large enough to read its colour. */
export const MARKER_RADIUS = 8;
/** Radius of the locating dot under the proportional circles of a count. */
export const COUNT_MARKER_RADIUS = 3.5;

/** Above this many quartiers, establishments wait for {@link ESTABLISHMENTS_MIN_ZOOM}. */
export const MANY_QUARTIERS = 50;
/** Zoom from which establishments are drawn when many quartiers are loaded (an agglomeration). */
export const ESTABLISHMENTS_MIN_ZOOM = 9;

/** Name of the hatched disc image registered with `map.addImage`. */
export const HATCH_DISC_IMAGE = 'disque-secret';
/** Device pixels per CSS pixel of the hatched disc, so it stays crisp on high-density screens. */
export const HATCH_DISC_PIXEL_RATIO = 2;

const state = (key: string): Expr => ['boolean', ['feature-state', key], false];

/**
 * A count's proportional circle already marks its quartier: the locating dot shows only
 * where there is none (zero, no data, masked). Rates carry no `v`, so their discs always show.
 */
const UNLESS_CIRCLE: Expr = ['case', ['>', ['to-number', ['get', 'v'], 0], 0], 0, 1];

/** Opacity of the discs: full up to the fade zoom, none at {@link MARKER_MAX_ZOOM}. */
export const MARKER_OPACITY: Expr = ['interpolate', ['linear'], ['zoom'], MARKER_FADE_ZOOM, UNLESS_CIRCLE, MARKER_MAX_ZOOM, 0];

/** Outline of a disc, like the polygon's: comparison thickest, then open profile, then hover. */
export const MARKER_STROKE_WIDTH: Expr = ['case', state('selected'), 3, state('profile'), 2.5, state('hover'), 2, 1];
export const MARKER_STROKE_COLOR: Expr = ['case', ['any', state('selected'), state('profile'), state('hover')], '#111111', '#3d3d3d'];

/** Radius of the discs for an indicator: a readable disc for rates, a locating dot for counts. */
export function markerRadius(def: Pick<IndicatorDef, 'kind'>): number {
  return def.kind === 'count' ? COUNT_MARKER_RADIUS : MARKER_RADIUS;
}

/** `icon-size` of the hatched disc, so it fills the disc of the current radius. */
export function hatchDiscSize(def: Pick<IndicatorDef, 'kind'>): number {
  return markerRadius(def) / MARKER_RADIUS;
}

/** Only masked quartiers carry the hatched disc (centre property `s`, see centreCollection). */
export const SECRET_MARKER_FILTER: Expr = ['==', ['get', 's'], 1];

/**
 * Minimum zoom of the establishment layers: {@link ESTABLISHMENTS_MIN_ZOOM} when more than
 * {@link MANY_QUARTIERS} quartiers are loaded (a region: clusters would hide the quartiers),
 * 0 otherwise (an agglomeration fits at a zoom where they help).
 */
export function establishmentsMinZoom(quartierCount: number): number {
  return quartierCount > MANY_QUARTIERS ? ESTABLISHMENTS_MIN_ZOOM : 0;
}

/**
 * RGBA pixels of the hatched disc drawn over a masked quartier's disc: the diagonal lines of
 * the polygons' hatching (same colour, same direction), clipped to the disc, transparent
 * elsewhere so the disc's light fill and outline show through. Edge pixels are blended for a
 * round edge.
 */
export function hatchDisc(radius = MARKER_RADIUS, pixelRatio = HATCH_DISC_PIXEL_RATIO, line = SECRET_HATCH_COLOR): { width: number; height: number; data: Uint8Array } {
  const r = radius * pixelRatio;
  const size = Math.ceil(2 * r);
  const spacing = 4 * pixelRatio;
  const [red, green, blue] = [1, 3, 5].map((i) => parseInt(line.slice(i, i + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - size / 2;
      const dy = y + 0.5 - size / 2;
      // Inside the disc, one pixel short of its edge so the outline stays whole.
      const inside = Math.min(1, Math.max(0, r - pixelRatio - Math.hypot(dx, dy)));
      const onLine = (x + y) % spacing < pixelRatio;
      if (inside > 0 && onLine) data.set([red, green, blue, Math.round(255 * inside)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
