/**
 * Layout of a composed map: title and subtitle, the map with its north arrow and scale bar,
 * the legend (right of the map, or under it on a portrait page), and the footer lines (method,
 * sources, secret statistique, production date). Pure geometry in the caller's unit, so the
 * PNG (pixels) and the PDF (millimetres) are laid out by the same code.
 */
import { flowColumns, placeLegend, type LegendItem, type LegendStyle, type PlacedLegendItem } from './legend-layout.ts';
import { wrapText, type Measure, type TextStyle } from './text-wrap.ts';

export interface ComposeStyle {
  /** Outer margin. */
  margin: number;
  /** Space between blocks (header, map, legend, footer). */
  gap: number;
  legendWidth: number;
  title: TextStyle;
  subtitle: TextStyle;
  footer: TextStyle;
  legend: LegendStyle;
  /** Size of the north arrow and inset of the map furniture from the map's edges. */
  arrow: number;
  inset: number;
}

export interface ComposeInput {
  title: string;
  subtitle: string;
  legend: readonly LegendItem[];
  /** Footer paragraphs, in reading order. */
  footer: readonly string[];
  /** Size of the map on screen (CSS pixels): its aspect ratio is kept. */
  map: { width: number; height: number };
  /**
   * A fixed page (PDF): the map is scaled to fit what the other blocks leave. Without one,
   * the map keeps its screen size and the page grows around it (PNG).
   */
  page?: { width: number; height: number };
  legendPosition: 'right' | 'below';
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextBlock {
  x: number;
  /** Top of the first line. */
  y: number;
  lines: string[];
  style: TextStyle;
}

export interface MapLayout {
  width: number;
  height: number;
  title: TextBlock;
  subtitle: TextBlock;
  map: Rect;
  /** Layout units per CSS pixel of the screen map (circles and the scale bar use it). */
  mapScale: number;
  legend: { x: number; y: number; items: PlacedLegendItem[] };
  footer: TextBlock[];
  /** Centre of the north arrow; the scale bar's left end and the longest bar allowed. */
  northArrow: { cx: number; cy: number; size: number };
  scaleBar: { x: number; y: number; maxWidth: number };
}

/**
 * Lays out a composed map.
 *
 * @example
 * composeLayout({ title: 'Part de l’ESS', subtitle: 'Ville-Exemple', legend, footer, map: { width: 800, height: 600 }, legendPosition: 'right' }, style, measure)
 * // → width 800 + legend column + margins, map at (margin, header) 800 × 600
 */
export function composeLayout(input: ComposeInput, style: ComposeStyle, measure: Measure): MapLayout {
  const { margin, gap } = style;
  const right = input.legendPosition === 'right';
  const contentWidth = input.page
    ? input.page.width - 2 * margin
    : input.map.width + (right ? gap + style.legendWidth : 0);
  const title = wrapText(input.title, contentWidth, style.title, measure);
  const subtitle = input.subtitle ? wrapText(input.subtitle, contentWidth, style.subtitle, measure) : [];
  const headerHeight = title.length * style.title.lineHeight + subtitle.length * style.subtitle.lineHeight;
  const footerLines = input.footer.map((p) => wrapText(p, contentWidth, style.footer, measure));
  const footerHeight = footerLines.reduce((h, l) => h + l.length * style.footer.lineHeight, 0);

  // First pass at scale 1 for the legend height; circles are re-placed once the map scale is known.
  const columnWidth = style.legendWidth;
  const columns = right ? 1 : Math.max(1, Math.floor((contentWidth + gap) / (columnWidth + gap)));
  const legendAt = (scale: number) => {
    const single = placeLegend(input.legend, columnWidth, style.legend, measure, scale);
    return right ? single : flowColumns(single.items, columns, columnWidth, gap);
  };

  let mapScale = 1;
  if (input.page) {
    const freeWidth = contentWidth - (right ? gap + style.legendWidth : 0);
    const legendBelow = right ? 0 : legendAt(1).height + gap;
    const freeHeight = input.page.height - 2 * margin - headerHeight - gap - legendBelow - gap - footerHeight;
    mapScale = Math.max(0.05, Math.min(freeWidth / input.map.width, freeHeight / input.map.height));
  }
  const legend = legendAt(mapScale);
  const mapWidth = input.map.width * mapScale;
  const mapHeight = input.map.height * mapScale;
  const top = margin + headerHeight + gap;
  const mapBlock = right ? Math.max(mapHeight, legend.height) : mapHeight + (legend.items.length ? gap + legend.height : 0);
  const footerTop = top + mapBlock + gap;
  const width = input.page ? input.page.width : contentWidth + 2 * margin;
  const height = input.page ? input.page.height : footerTop + footerHeight + margin;

  const footer: TextBlock[] = [];
  let y = input.page ? height - margin - footerHeight : footerTop;
  for (const lines of footerLines) {
    footer.push({ x: margin, y, lines, style: style.footer });
    y += lines.length * style.footer.lineHeight;
  }
  const map: Rect = { x: margin, y: top, width: mapWidth, height: mapHeight };
  return {
    width,
    height,
    title: { x: margin, y: margin, lines: title, style: style.title },
    subtitle: { x: margin, y: margin + title.length * style.title.lineHeight, lines: subtitle, style: style.subtitle },
    map,
    mapScale,
    legend: right ? { x: margin + mapWidth + gap, y: top, items: legend.items } : { x: margin, y: top + mapHeight + gap, items: legend.items },
    footer,
    northArrow: { cx: map.x + mapWidth - style.inset - style.arrow / 2, cy: map.y + style.inset + style.arrow * 1.1, size: style.arrow },
    scaleBar: { x: map.x + style.inset, y: map.y + mapHeight - style.inset, maxWidth: Math.min(mapWidth / 3, style.legendWidth * 0.6) },
  };
}
