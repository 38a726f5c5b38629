/**
 * The map snapshot, ready to paste into a report: title, subtitle, the map read from the WebGL
 * canvas at the requested resolution, north arrow, scale bar, legend, method, sources, « s »
 * and date — as a PNG (1×, 2×, 3× the screen, or a fixed width) or an A4 PDF. The alternative
 * text goes in the PNG's tEXt « Description » and in the PDF's subject.
 */
import { composeLayout, type ComposeStyle, type MapLayout } from '../../core/export/compose-layout.ts';
import { PNG_STYLE, textStyle } from './snapshot-style.ts';
import { addPngText } from '../../core/export/png-text.ts';
import { altText, formatDateFr } from '../../core/export/report-text.ts';
import { scaleBar } from '../../core/export/scale-bar.ts';
import { captureMap, mapScreenSize, type MapCapture } from '../../map/export-image.ts';
import { indicatorView } from '../../map/layers/choropleth.ts';
import { useMapOptions } from '../../map/map-options.ts';
import { useStore, type AppState } from '../../state/store.ts';
import { territoryLabel } from '../common/territory.ts';
import { canvasPainter } from './canvas-painter.ts';
import { exportedClassLabels, legendItems } from './legend-model.ts';
import { FRAME, MUTED, paintLegend, paintLines, paintNorthArrow, paintScaleBar, type Painter } from './painter.ts';
import { loadCanvasFonts } from './pdf-fonts.ts';
import { reportFooter } from './report-context.ts';

export interface SnapshotText {
  title: string;
  subtitle: string;
}

export interface Snapshot {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
  alt: string;
  /** Pixels per CSS pixel the map was read at: below the scale asked when the browser caps the canvas size. */
  mapPixelRatio: number;
}

export function snapshotAlt(s: AppState, title: string): string {
  const view = indicatorView(s);
  return altText({
    title,
    indicator: view.def.label,
    unit: view.def.unit,
    territory: territoryLabel(s.quartiers),
    quartiers: s.quartiers.length,
    secret: view.secret.filter(Boolean).length,
    classes: exportedClassLabels(view),
  });
}

const slug = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** « carte-part-ess-emploi-2026-11-29.png » */
export function snapshotFileName(s: AppState, ext: string, nowMs: number): string {
  const date = formatDateFr(nowMs).split('/').reverse().join('-');
  return `carte-${slug(indicatorView(s).def.short)}-${date}.${ext}`;
}

/** Draws a laid-out composition with its map capture: shared by the PNG and the PDF. */
export function paintComposition(p: Painter, layout: MapLayout, capture: MapCapture, style: ComposeStyle): void {
  paintLines(p, layout.title.lines, layout.title.x, layout.title.y, layout.title.style);
  paintLines(p, layout.subtitle.lines, layout.subtitle.x, layout.subtitle.y, layout.subtitle.style, MUTED);
  p.image(capture.canvas, layout.map);
  p.rect(layout.map, { stroke: FRAME, strokeWidth: style.legend.swatch / 16 });
  const arrow = layout.northArrow;
  paintNorthArrow(p, arrow.cx, arrow.cy, arrow.size, capture.bearing, textStyle(arrow.size * 0.4, arrow.size * 0.5, true));
  const bar = scaleBar(capture.centerLat, capture.zoom, layout.scaleBar.maxWidth / layout.mapScale);
  paintScaleBar(p, bar, bar.pixels * layout.mapScale, layout.scaleBar.x, layout.scaleBar.y, style.legend.note);
  paintLegend(p, layout.legend.items, layout.legend.x, layout.legend.y, style.legend.swatch, style.legend.gap, layout.mapScale);
  for (const block of layout.footer) paintLines(p, block.lines, block.x, block.y, block.style, MUTED);
}

/**
 * Composes the PNG: the map captured at `scale` times its screen size, everything else drawn
 * at the same scale, so the image is `scale` times the composition's CSS size.
 */
export async function snapshotPng(text: SnapshotText, scale: number, nowMs = Date.now()): Promise<Snapshot> {
  await loadCanvasFonts();
  const s = useStore.getState();
  const screen = mapScreenSize();
  if (!screen) throw new Error('La carte n’est pas encore affichée : attendez son chargement avant d’exporter.');
  const capture = await captureMap(scale);
  const scratch = document.createElement('canvas').getContext('2d');
  if (!scratch) throw new Error('Le navigateur n’a pas fourni de contexte de dessin 2D.');
  const input = {
    ...text,
    legend: legendItems(s, useMapOptions.getState().pointColorBy),
    footer: reportFooter(s, nowMs),
    map: { width: capture.cssWidth, height: capture.cssHeight },
    legendPosition: 'right' as const,
  };
  const layout = composeLayout(input, PNG_STYLE, canvasPainter(scratch).measure);
  const out = document.createElement('canvas');
  out.width = Math.round(layout.width * scale);
  out.height = Math.round(layout.height * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('Le navigateur n’a pas fourni de contexte de dessin 2D.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(out.width / layout.width, out.height / layout.height);
  paintComposition(canvasPainter(ctx), layout, capture, PNG_STYLE);
  const png = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('L’image n’a pas pu être encodée en PNG.'))), 'image/png'));
  const alt = snapshotAlt(s, text.title);
  const bytes = addPngText(new Uint8Array(await png.arrayBuffer()), {
    Title: text.title,
    Description: alt,
    // « Source » is, for PNG, the device that made the image: method and sources are a comment.
    Comment: input.footer.join(' '),
    'Creation Time': new Date(nowMs).toISOString(),
    Software: 'ESS Quartiers',
  });
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), fileName: snapshotFileName(s, 'png', nowMs), width: out.width, height: out.height, alt, mapPixelRatio: capture.pixelRatio };
}
