/**
 * The map of a quartier sheet, drawn as vectors: the quartier and its quartier vécu band, the
 * neighbouring quartiers and commune outlines, the ESS establishments (filtered like the
 * indicators, coloured by family), a scale bar and a north arrow. Everything that does not
 * change from one quartier to the next is prepared once per atlas.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Rect } from '../../core/export/compose-layout.ts';
import { bboxIntersects, fitMercator, geometryBBox, projectRings, sheetScaleBar, type BBox } from '../../core/export/sheet-map.ts';
import type { TextStyle } from '../../core/export/text-wrap.ts';
import { FAMILY_COLOR_LIST } from '../../core/classify/palettes.ts';
import { pointCollection } from '../../map/layers/points.ts';
import { ringCollection } from '../../map/layers/ring.ts';
import { PAPER, RING_COLOR } from '../../map/layers/style.ts';
import { getPoints } from '../../state/registry.ts';
import type { AppState } from '../../state/store.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';
import { FRAME, INK, paintNorthArrow, paintScaleBar, type Painter } from './painter.ts';

export const QUARTIER_FILL = '#f6c85f';
export const NEIGHBOUR_FILL = '#e6e2d8';
const NEIGHBOUR_LINE = '#9a9486';
const COMMUNE_LINE = '#7d7d7d';

type Area = Polygon | MultiPolygon;

export interface SheetMapData {
  quartiers: readonly QuartierSummary[];
  communes: { geometry: Area; bbox: BBox }[];
  /** ESS establishments that pass the filters: lon, lat and family code. */
  points: { lon: number; lat: number; family: number }[];
  ringMetres: number;
}

const isArea = (g: GeoJSON.Geometry | null | undefined): g is Area => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/** Prepares, once per atlas, what every sheet map draws. */
export function prepareSheetMaps(s: Pick<AppState, 'quartiers' | 'communes' | 'pointsId' | 'filters' | 'ringMetres'>): SheetMapData {
  const communes = (s.communes?.features ?? []).flatMap((f) => {
    const bbox = isArea(f.geometry) ? geometryBBox(f.geometry) : null;
    return bbox && isArea(f.geometry) ? [{ geometry: f.geometry, bbox }] : [];
  });
  const points = pointCollection(getPoints(s.pointsId), s.filters).features.map((f) => ({
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
    family: f.properties.f,
  }));
  return { quartiers: s.quartiers, communes, points, ringMetres: s.ringMetres };
}

/** The quartier vécu band of one quartier (its buffer), or null for a zero width. */
function ringOf(q: QuartierSummary, metres: number): Area | null {
  const g = ringCollection([q], metres).features[0]?.geometry;
  return isArea(g) ? g : null;
}

export interface SheetMapStyle {
  text: TextStyle;
  hairline: number;
  pointRadius: number;
  arrow: number;
}

/** Draws the map of quartier `index` in `frame`. */
export function paintSheetMap(p: Painter, frame: Rect, index: number, data: SheetMapData, style: SheetMapStyle): void {
  const q = data.quartiers[index];
  const ring = ringOf(q, data.ringMetres);
  const extent = (ring && geometryBBox(ring)) ?? geometryBBox(q.geometry) ?? q.bbox;
  const proj = fitMercator(extent, frame, 0.08);
  const shown = proj.bbox;
  const h = style.hairline;
  p.rect(frame, { fill: PAPER });
  p.clip(frame, () => {
    for (const c of data.communes) if (bboxIntersects(c.bbox, shown)) p.path(projectRings(c.geometry, proj), { stroke: COMMUNE_LINE, strokeWidth: h });
    data.quartiers.forEach((other, i) => {
      if (i === index || !bboxIntersects(other.bbox, shown)) return;
      p.path(projectRings(other.geometry, proj), { fill: NEIGHBOUR_FILL, stroke: NEIGHBOUR_LINE, strokeWidth: h });
    });
    if (ring) p.path(projectRings(ring, proj), { fill: RING_COLOR, fillOpacity: 0.14, stroke: RING_COLOR, strokeWidth: h * 1.5 });
    p.path(projectRings(q.geometry, proj), { fill: QUARTIER_FILL, fillOpacity: 0.75, stroke: INK, strokeWidth: h * 3 });
    for (const pt of data.points) {
      if (pt.lon < shown[0] || pt.lon > shown[2] || pt.lat < shown[1] || pt.lat > shown[3]) continue;
      const [x, y] = proj.project(pt.lon, pt.lat);
      p.circle(x, y, style.pointRadius, { fill: FAMILY_COLOR_LIST[pt.family] ?? '#999999', stroke: '#ffffff', strokeWidth: h });
    }
  });
  p.rect(frame, { stroke: FRAME, strokeWidth: h * 1.5 });
  const inset = style.arrow * 0.35;
  paintNorthArrow(p, frame.x + frame.width - inset - style.arrow / 2, frame.y + inset + style.arrow * 1.1, style.arrow, 0, { size: style.arrow * 0.4, lineHeight: style.arrow * 0.5, bold: true });
  const bar = sheetScaleBar(proj, frame.width / 3);
  paintScaleBar(p, bar, bar.pixels, frame.x + inset, frame.y + frame.height - inset, style.text);
}
