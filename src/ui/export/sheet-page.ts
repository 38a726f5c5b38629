/**
 * One A4 portrait page per quartier (millimetres): header, the map of the quartier and its
 * quartier vécu with its legend and confidentiality flags, the indicators table with ranges,
 * the gaps to the commune and the national references, the three mix charts, and the footer
 * (method, sources, « s », date, page number). Blocks stack from the top, the footer from the
 * bottom; the charts take what is left.
 */
import { wrapText, type TextStyle } from '../../core/export/text-wrap.ts';
import { FAMILIES } from '../../core/types.ts';
import { FAMILY_LABELS } from '../../core/indicators/legal-families.ts';
import { FAMILY_COLOR_LIST } from '../../core/classify/palettes.ts';
import { RING_COLOR } from '../../map/layers/style.ts';
import { FRAME, INK, MUTED, paintLegend, paintLines, type Painter } from './painter.ts';
import type { SheetContent, SheetMix } from './sheet-content.ts';
import { NEIGHBOUR_FILL, QUARTIER_FILL, paintSheetMap, type SheetMapData } from './sheet-map-paint.ts';
import { placeLegend, type LegendItem } from '../../core/export/legend-layout.ts';
import { formatFr } from '../../core/indicators/catalog.ts';

const PT = 25.4 / 72;
const t = (pt: number, bold = false, leading = 1.3): TextStyle => ({ size: pt * PT, bold, lineHeight: pt * PT * leading });
const S = { eyebrow: t(7.5), title: t(16, true, 1.2), sub: t(9), h: t(9.5, true), cell: t(7.5), small: t(6.5), footer: t(6.5) };
const PAGE = { width: 210, height: 297, margin: 12 };
const W = PAGE.width - 2 * PAGE.margin;
const BAR = '#3b6fb6';

function heading(p: Painter, text: string, x: number, y: number): number {
  p.text(text, x, y, S.h);
  return y + S.h.lineHeight + 0.8;
}

function mapLegend(c: SheetContent, ringMetres: number): LegendItem[] {
  return [
    { kind: 'swatch', shape: 'box', fill: QUARTIER_FILL, text: c.name },
    { kind: 'swatch', shape: 'band', fill: RING_COLOR, text: `Quartier vécu (${formatFr(ringMetres)} m)` },
    { kind: 'swatch', shape: 'box', fill: NEIGHBOUR_FILL, text: 'Autres quartiers prioritaires' },
    { kind: 'subtitle', text: 'Établissements ESS' },
    ...FAMILIES.map((f, i): LegendItem => ({ kind: 'swatch', shape: 'dot', fill: FAMILY_COLOR_LIST[i], text: FAMILY_LABELS[f] })),
    { kind: 'subtitle', text: 'Secret statistique' },
    ...c.flags.map((f): LegendItem => ({ kind: 'note', text: f.charAt(0).toUpperCase() + f.slice(1) })),
  ];
}

function table(p: Painter, c: SheetContent, y: number): number {
  const labelW = 50;
  const colW = (W - labelW) / c.columns.length;
  const x0 = PAGE.margin;
  const head = c.columns.map((h) => wrapText(h, colW - 2, S.small, p.measure));
  const headH = Math.max(...head.map((l) => l.length)) * S.small.lineHeight + 1;
  p.rect({ x: x0, y, width: W, height: headH }, { fill: '#eef0f4' });
  head.forEach((lines, j) => lines.forEach((l, i) => p.text(l, x0 + labelW + (j + 1) * colW - 1, y + 0.5 + i * S.small.lineHeight, { ...S.small, bold: true }, { align: 'right' })));
  y += headH;
  for (const row of c.rows) {
    const label = wrapText(row.label, labelW - 2, S.cell, p.measure);
    const h = Math.max(label.length * S.cell.lineHeight, row.cells.some((x) => x.range) ? S.cell.lineHeight + S.small.lineHeight : 0) + 1;
    paintLines(p, label, x0 + 0.5, y + 0.5, S.cell);
    row.cells.forEach((cell, j) => {
      const right = x0 + labelW + (j + 1) * colW - 1;
      p.text(cell.value, right, y + 0.5, { ...S.cell, bold: j === 0 }, { align: 'right' });
      if (cell.range) p.text(cell.range, right, y + 0.5 + S.cell.lineHeight, S.small, { color: MUTED, align: 'right' });
    });
    y += h;
    p.line([[x0, y], [x0 + W, y]], '#d0d4da', 0.15);
  }
  return y;
}

function gaps(p: Painter, c: SheetContent, y: number): number {
  const x0 = PAGE.margin;
  const cols = [x0 + 0.5, x0 + 62, x0 + 150, x0 + W - 1];
  p.rect({ x: x0, y, width: W, height: S.small.lineHeight + 1 }, { fill: '#eef0f4' });
  const hs = { ...S.small, bold: true };
  p.text('Comparé à', cols[0], y + 0.5, hs);
  p.text('Indicateur', cols[1], y + 0.5, hs);
  p.text('Référence', cols[2], y + 0.5, hs, { align: 'right' });
  p.text('Écart', cols[3], y + 0.5, hs, { align: 'right' });
  y += S.small.lineHeight + 1;
  for (const g of c.gaps) {
    p.text(g.against, cols[0], y + 0.4, S.cell);
    p.text(g.indicator, cols[1], y + 0.4, S.cell, { color: MUTED });
    p.text(g.reference, cols[2], y + 0.4, S.cell, { align: 'right' });
    p.text(g.gap, cols[3], y + 0.4, { ...S.cell, bold: true }, { align: 'right' });
    y += S.cell.lineHeight + 0.8;
  }
  return y;
}

/** `text`, shortened with « … » until it fits `width` (a sector name in a narrow column). */
function fitText(p: Painter, text: string, width: number, style: TextStyle): string {
  if (p.measure(text, style) <= width) return text;
  let cut = text;
  while (cut.length > 1 && p.measure(`${cut}…`, style) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function chart(p: Painter, m: SheetMix, x: number, y: number, width: number, rowH: number): void {
  y = heading(p, m.title, x, y);
  if (m.bars.length === 0) {
    p.text('Aucun établissement ESS.', x, y, S.cell, { color: MUTED });
    return;
  }
  const labelW = width * 0.46;
  const textW = width * 0.2;
  const barW = width - labelW - textW - 2;
  for (const b of m.bars) {
    p.text(fitText(p, b.label, labelW - 1, S.small), x, y, S.small);
    if (!b.secret && b.share > 0) p.rect({ x: x + labelW, y: y + rowH * 0.2, width: Math.max(0.4, barW * b.share), height: rowH * 0.6 }, { fill: BAR });
    p.text(b.text, x + width, y, S.small, { align: 'right' });
    y += rowH;
  }
}

/** Paints the sheet of one quartier on the current page. */
export function paintSheetPage(p: Painter, c: SheetContent, index: number, data: SheetMapData, footer: readonly string[], page: { n: number; of: number }): void {
  const m = PAGE.margin;
  p.text(`Fiche quartier · ${c.code}`, m, m, S.eyebrow, { color: MUTED });
  let y = m + S.eyebrow.lineHeight;
  for (const line of wrapText(c.name, W, S.title, p.measure)) {
    p.text(line, m, y, S.title);
    y += S.title.lineHeight;
  }
  p.text(c.communes, m, y, S.sub, { color: MUTED });
  y += S.sub.lineHeight + 2;
  const mapFrame = { x: m, y, width: 124, height: 88 };
  paintSheetMap(p, mapFrame, index, data, { text: S.small, hairline: 0.12, pointRadius: 0.75, arrow: 8 });
  const legendX = m + mapFrame.width + 4;
  const legendStyle = { title: S.h, subtitle: { ...S.cell, bold: true }, text: S.cell, note: S.small, swatch: 3.4, gap: 1.5, sectionGap: 1.5 };
  const legend = placeLegend(mapLegend(c, data.ringMetres), W - mapFrame.width - 4, legendStyle, p.measure);
  paintLegend(p, legend.items, legendX, y, legendStyle.swatch, legendStyle.gap, 1);
  y += mapFrame.height + 4;
  y = table(p, c, heading(p, 'Indicateurs', m, y));
  if (c.nonEmployer) {
    p.text(c.nonEmployer, m, y + 0.5, S.small, { color: MUTED });
    y += S.small.lineHeight;
  }
  y = gaps(p, c, heading(p, 'Écarts, en points de pourcentage', m, y + 3));
  const footerLines = footer.map((f) => wrapText(f, W, S.footer, p.measure));
  const footerH = footerLines.reduce((h, l) => h + l.length * S.footer.lineHeight, 0) + S.footer.lineHeight;
  const footerTop = PAGE.height - m - footerH;
  const chartsTop = y + 3;
  const rows = Math.max(...c.mixes.map((x) => x.bars.length), 1);
  const rowH = Math.max(2.2, Math.min(3.4, (footerTop - chartsTop - S.h.lineHeight - 3) / rows));
  // Sector names are the longest: their column gets more room.
  const widths = [0.29, 0.29, 0.42].map((f) => f * (W - 8));
  let cx = m;
  c.mixes.forEach((mix, i) => {
    chart(p, mix, cx, chartsTop, widths[i], rowH);
    cx += widths[i] + 4;
  });
  p.line([[m, footerTop - 1.5], [m + W, footerTop - 1.5]], FRAME, 0.15);
  let fy = footerTop;
  for (const lines of footerLines) {
    paintLines(p, lines, m, fy, S.footer, MUTED);
    fy += lines.length * S.footer.lineHeight;
  }
  p.text(`Page ${page.n} / ${page.of}`, m + W, fy, S.footer, { color: INK, align: 'right' });
}
