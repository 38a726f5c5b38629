/**
 * The legend of an exported map as data — headings, swatches, circle sizes — and its
 * placement in a column of given width. The image and the PDF draw the same placed items, so
 * an exported legend reads the same in both.
 */
import { wrapText, type Measure, type TextStyle } from './text-wrap.ts';

export type SwatchShape = 'box' | 'hatch' | 'dot' | 'band';

export type LegendItem =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'swatch'; text: string; fill: string; shape: SwatchShape }
  /** Proportional circles; radii in CSS pixels of the map, scaled like the map when drawn. */
  | { kind: 'circles'; fill: string; entries: { radius: number; text: string }[] };

export interface LegendStyle {
  title: TextStyle;
  subtitle: TextStyle;
  text: TextStyle;
  note: TextStyle;
  /** Width and height of a swatch; the text starts `swatch + gap` to its right. */
  swatch: number;
  gap: number;
  /** Space above a title or a subtitle that does not open the legend. */
  sectionGap: number;
}

export interface PlacedLegendItem {
  item: LegendItem;
  /** Top-left corner of the item, relative to the legend's origin. */
  x: number;
  y: number;
  height: number;
  /** Wrapped text lines (one list per circle entry for `circles`). */
  lines: string[];
  style: TextStyle;
}

const styleOf = (item: LegendItem, s: LegendStyle): TextStyle =>
  item.kind === 'title' ? s.title : item.kind === 'subtitle' ? s.subtitle : item.kind === 'note' ? s.note : s.text;

/**
 * Places legend items one under the other in a column `width` wide. `circleScale` converts the
 * circles' map pixels into layout units (the map may be drawn smaller or larger than on screen).
 */
export function placeLegend(
  items: readonly LegendItem[],
  width: number,
  style: LegendStyle,
  measure: Measure,
  circleScale = 1,
): { items: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  let y = 0;
  items.forEach((item, i) => {
    const ts = styleOf(item, style);
    if (i > 0 && (item.kind === 'title' || item.kind === 'subtitle')) y += style.sectionGap;
    let lines: string[];
    let height: number;
    if (item.kind === 'swatch') {
      lines = wrapText(item.text, width - style.swatch - style.gap, ts, measure);
      height = Math.max(style.swatch, lines.length * ts.lineHeight) + style.gap / 2;
    } else if (item.kind === 'circles') {
      lines = item.entries.map((e) => e.text);
      const biggest = Math.max(0, ...item.entries.map((e) => e.radius)) * circleScale;
      height = Math.max(2 * biggest, lines.length * ts.lineHeight) + style.gap;
    } else {
      lines = wrapText(item.text, width, ts, measure);
      height = lines.length * ts.lineHeight + style.gap / 2;
    }
    placed.push({ item, x: 0, y, height, lines, style: ts });
    y += height;
  });
  return { items: placed, height: y };
}

/**
 * Flows placed items into `columns` columns of `columnWidth` (plus `gutter`), keeping a
 * heading with the item that follows it, and balancing the columns' heights. Used when the
 * legend goes under the map (portrait pages).
 */
export function flowColumns(
  placed: readonly PlacedLegendItem[],
  columns: number,
  columnWidth: number,
  gutter: number,
): { items: PlacedLegendItem[]; height: number } {
  const total = placed.reduce((h, p) => h + p.height, 0);
  const target = total / Math.max(1, columns);
  const out: PlacedLegendItem[] = [];
  let column = 0;
  let y = 0;
  let height = 0;
  placed.forEach((p, i) => {
    const heading = p.item.kind === 'title' || p.item.kind === 'subtitle';
    const next = placed[i + 1];
    const needed = heading && next ? p.height + next.height : p.height;
    if (y > 0 && y + needed > target + 1e-9 && column < columns - 1) {
      column++;
      y = 0;
    }
    out.push({ ...p, x: column * (columnWidth + gutter), y });
    y += p.height;
    height = Math.max(height, y);
  });
  return { items: out, height };
}
