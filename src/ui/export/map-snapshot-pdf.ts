/**
 * The map snapshot as an A4 PDF page, portrait or landscape: the same composition as the PNG,
 * laid out in millimetres with vector text in the embedded font, the map as an image captured
 * at about 200 dpi for its printed size, and the alternative text in the document's subject.
 */
import { jsPDF } from 'jspdf';
import { composeLayout, type ComposeStyle } from '../../core/export/compose-layout.ts';
import type { TextStyle } from '../../core/export/text-wrap.ts';
import { captureMap, mapScreenSize } from '../../map/export-image.ts';
import { useMapOptions } from '../../map/map-options.ts';
import { useStore } from '../../state/store.ts';
import { legendItems } from './legend-model.ts';
import { paintComposition, snapshotAlt, snapshotFileName, type Snapshot, type SnapshotText } from './map-snapshot.ts';
import { addPdfFonts } from './pdf-fonts.ts';
import { pdfPainter } from './pdf-painter.ts';
import { reportFooter } from './report-context.ts';

export type Orientation = 'portrait' | 'landscape';

const PT = 25.4 / 72;
const t = (pt: number, leading: number, bold = false): TextStyle => ({ size: pt * PT, lineHeight: pt * PT * leading, bold });

/** Page layout in millimetres. */
export const PDF_STYLE: ComposeStyle = {
  margin: 12,
  gap: 4,
  legendWidth: 58,
  title: t(16, 1.25, true),
  subtitle: t(10.5, 1.35),
  footer: t(7, 1.35),
  legend: { title: t(9, 1.3, true), subtitle: t(8.5, 1.3, true), text: t(8, 1.3), note: t(7.5, 1.3), swatch: 4.2, gap: 1.8, sectionGap: 2.2 },
  arrow: 10,
  inset: 3.5,
};

const A4 = { portrait: { width: 210, height: 297 }, landscape: { width: 297, height: 210 } };

/** Print resolution of the map image: sharp on paper without a 20 MB file. */
const TARGET_DPI = 200;

/** A jsPDF A4 document with the embedded fonts and the export's metadata. */
export function createPdf(orientation: Orientation, meta: { title: string; subject: string; keywords: string }): jsPDF {
  const doc = new jsPDF({ orientation, unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  addPdfFonts(doc);
  doc.setProperties({ ...meta, creator: 'ESS Quartiers', author: 'ESS Quartiers' });
  doc.setLanguage('fr-FR');
  return doc;
}

export async function snapshotPdf(text: SnapshotText, orientation: Orientation, nowMs = Date.now()): Promise<Snapshot> {
  const s = useStore.getState();
  const screen = mapScreenSize();
  if (!screen) throw new Error('La carte n’est pas encore affichée : attendez son chargement avant d’exporter.');
  const alt = snapshotAlt(s, text.title);
  const doc = createPdf(orientation, { title: text.title, subject: alt, keywords: 'ESS, quartiers prioritaires, QPV, carte' });
  const painter = pdfPainter(doc);
  const input = {
    ...text,
    legend: legendItems(s, useMapOptions.getState().pointColorBy),
    footer: reportFooter(s, nowMs),
    map: screen,
    page: A4[orientation],
    legendPosition: orientation === 'landscape' ? ('right' as const) : ('below' as const),
  };
  const first = composeLayout(input, PDF_STYLE, painter.measure);
  const ratio = Math.min(3, Math.max(1, ((first.map.width / 25.4) * TARGET_DPI) / screen.width));
  const capture = await captureMap(ratio);
  // The screen may have changed size while the map was captured: lay out again from the capture.
  const layout = composeLayout({ ...input, map: { width: capture.cssWidth, height: capture.cssHeight } }, PDF_STYLE, painter.measure);
  paintComposition(painter, layout, capture, PDF_STYLE);
  const blob = doc.output('blob');
  const page = A4[orientation];
  return { blob, fileName: snapshotFileName(s, 'pdf', nowMs), width: page.width, height: page.height, alt, mapPixelRatio: capture.pixelRatio };
}
