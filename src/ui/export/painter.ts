/**
 * One drawing vocabulary for two outputs: a `Painter` draws text, rectangles, circles, paths
 * and images, on a 2D canvas (PNG) or into jsPDF (PDF). The map furniture — legend, scale bar,
 * north arrow — is drawn here once, through a painter, so both files carry the same furniture.
 */
import type { Rect } from '../../core/export/compose-layout.ts';
import type { PlacedLegendItem } from '../../core/export/legend-layout.ts';
import type { ScaleBar } from '../../core/export/scale-bar.ts';
import type { Measure, TextStyle } from '../../core/export/text-wrap.ts';
import { SECRET_COLOR, SECRET_HATCH_COLOR } from '../../core/classify/palettes.ts';

export interface Paint {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
}

export type Point = [number, number];

export interface Painter {
  measure: Measure;
  /** One line of text; `y` is the top of its line box (style.lineHeight high). */
  text(text: string, x: number, y: number, style: TextStyle, options?: { color?: string; align?: 'left' | 'center' | 'right' }): void;
  rect(r: Rect, paint: Paint): void;
  circle(cx: number, cy: number, radius: number, paint: Paint): void;
  /** Closed rings filled with the even-odd rule (holes stay empty). */
  path(rings: Point[][], paint: Paint): void;
  /** An open polyline. */
  line(points: Point[], stroke: string, width: number): void;
  image(source: HTMLCanvasElement, r: Rect): void;
  /** Runs `draw` with everything outside `r` left untouched (a map frame). */
  clip(r: Rect, draw: () => void): void;
}

export const INK = '#1f2328';
export const MUTED = '#5b616b';
export const FRAME = '#8a8f98';

/** Lines of a text block, one under the other. */
export function paintLines(p: Painter, lines: readonly string[], x: number, y: number, style: TextStyle, color = INK): void {
  lines.forEach((line, i) => p.text(line, x, y + i * style.lineHeight, style, { color }));
}

/** Diagonal hatching inside a rectangle (masked cells), as on the map: no clipping needed. */
export function hatchSegments(r: Rect, step: number): [Point, Point][] {
  const out: [Point, Point][] = [];
  // Lines x + y = c, from bottom-left to top-right, clipped to the rectangle by hand.
  for (let c = r.x + r.y + step / 2; c < r.x + r.width + r.y + r.height; c += step) {
    const x0 = Math.max(r.x, c - (r.y + r.height));
    const x1 = Math.min(r.x + r.width, c - r.y);
    if (x1 > x0) out.push([[x0, c - x0], [x1, c - x1]]);
  }
  return out;
}

export function paintHatch(p: Painter, r: Rect, lineWidth: number): void {
  p.rect(r, { fill: SECRET_COLOR });
  for (const seg of hatchSegments(r, Math.max(r.height / 3, lineWidth * 3))) p.line(seg, SECRET_HATCH_COLOR, lineWidth);
}

/** Legend items placed by placeLegend/flowColumns, drawn from (x, y). */
export function paintLegend(p: Painter, items: readonly PlacedLegendItem[], x: number, y: number, swatch: number, gap: number, circleScale: number): void {
  const hair = swatch / 14;
  for (const placed of items) {
    const { item, style, lines } = placed;
    const top = y + placed.y;
    const left = x + placed.x;
    if (item.kind === 'title' || item.kind === 'subtitle' || item.kind === 'note') {
      paintLines(p, lines, left, top, style, item.kind === 'note' ? MUTED : INK);
      continue;
    }
    if (item.kind === 'swatch') {
      const box: Rect = { x: left, y: top + Math.max(0, (style.lineHeight - swatch) / 2), width: swatch, height: swatch * 0.8 };
      if (item.shape === 'hatch') paintHatch(p, box, hair);
      else if (item.shape === 'dot') p.circle(box.x + swatch / 2, box.y + box.height / 2, swatch * 0.35, { fill: item.fill, stroke: '#ffffff', strokeWidth: hair });
      else if (item.shape === 'band') p.rect(box, { fill: item.fill, fillOpacity: 0.2, stroke: item.fill, strokeWidth: hair * 1.5 });
      else p.rect(box, { fill: item.fill, stroke: FRAME, strokeWidth: hair });
      paintLines(p, lines, left + swatch + gap, top, style);
      continue;
    }
    const radii = item.entries.map((e) => e.radius * circleScale);
    const biggest = Math.max(0, ...radii);
    const bottom = top + Math.max(2 * biggest, lines.length * style.lineHeight);
    for (const r of radii) p.circle(left + biggest, bottom - r, r, { fill: item.fill, fillOpacity: 0.25, stroke: item.fill, strokeWidth: hair });
    paintLines(p, lines, left + 2 * biggest + gap, top + Math.max(0, 2 * biggest - lines.length * style.lineHeight) / 2, style);
  }
}

/** The scale bar: a white plate, a black bar with end ticks, the length beside it. */
export function paintScaleBar(p: Painter, bar: ScaleBar, length: number, x: number, bottom: number, style: TextStyle): void {
  const pad = style.size * 0.4;
  const label = bar.label;
  const labelWidth = p.measure(label, style);
  const thick = style.size * 0.28;
  const plate: Rect = { x, y: bottom - style.lineHeight - 2 * pad, width: length + labelWidth + 3 * pad, height: style.lineHeight + 2 * pad };
  p.rect(plate, { fill: '#ffffff', fillOpacity: 0.85, stroke: FRAME, strokeWidth: thick / 4 });
  const barY = plate.y + pad + style.lineHeight * 0.62;
  const x0 = x + pad;
  p.rect({ x: x0, y: barY - thick, width: length, height: thick }, { fill: INK });
  p.line([[x0, barY - thick * 2.2], [x0, barY]], INK, thick / 2.5);
  p.line([[x0 + length, barY - thick * 2.2], [x0 + length, barY]], INK, thick / 2.5);
  p.text(label, x0 + length + pad, plate.y + pad, style);
}

/** The north arrow, turned by the map's bearing: a split arrowhead under an « N ». */
export function paintNorthArrow(p: Painter, cx: number, cy: number, size: number, bearing: number, style: TextStyle): void {
  const a = (-bearing * Math.PI) / 180;
  const rot = ([dx, dy]: Point): Point => [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
  const h = size * 0.45;
  const w = size * 0.2;
  const pad = size * 0.12;
  const top = cy - h - style.lineHeight - pad;
  p.rect({ x: cx - w - pad * 1.5, y: top, width: 2 * (w + pad * 1.5), height: cy + h * 0.7 + pad - top }, { fill: '#ffffff', fillOpacity: 0.85, stroke: FRAME, strokeWidth: size / 50 });
  p.path([[[0, -h], [-w, h * 0.7], [0, h * 0.35]].map((q) => rot(q as Point))], { fill: INK });
  p.path([[[0, -h], [w, h * 0.7], [0, h * 0.35]].map((q) => rot(q as Point))], { fill: '#ffffff', stroke: INK, strokeWidth: size / 40 });
  const [nx, ny] = rot([0, -h]);
  p.text('N', nx, ny - style.lineHeight, style, { align: 'center' });
}
