/**
 * The fonts of the exports: the Latin subset of DejaVu Sans (fonts/README.md), inlined in the
 * export chunk — no request at run time, nothing for a Content-Security-Policy to allow — and
 * embedded in every PDF, so « é », « œ », « ’ », « − » and the thin spaces of French numbers
 * print right on every computer. The PNG composition registers the same font with the page.
 */
import type { jsPDF } from 'jspdf';
import regularDataUrl from './fonts/DejaVuSans-latin.ttf?inline';
import boldDataUrl from './fonts/DejaVuSans-Bold-latin.ttf?inline';
import { EXPORT_FONT_FAMILY } from './canvas-painter.ts';

/** Name of the embedded family in jsPDF. */
export const PDF_FONT = 'DejaVuSans';

const base64Of = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** Registers the regular and bold faces with a jsPDF document and selects the regular one. */
export function addPdfFonts(doc: jsPDF): void {
  doc.addFileToVFS('DejaVuSans-latin.ttf', base64Of(regularDataUrl));
  doc.addFont('DejaVuSans-latin.ttf', PDF_FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold-latin.ttf', base64Of(boldDataUrl));
  doc.addFont('DejaVuSans-Bold-latin.ttf', PDF_FONT, 'bold');
  doc.setFont(PDF_FONT, 'normal');
}

function bytesOf(dataUrl: string): ArrayBuffer {
  const binary = atob(base64Of(dataUrl));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

let canvasFonts: Promise<void> | null = null;

/**
 * Makes the bundled faces available to canvas text (once per page). Without `FontFace` (an old
 * browser), the composition falls back to the system's sans-serif.
 */
export function loadCanvasFonts(): Promise<void> {
  if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  canvasFonts ??= (async () => {
    const faces = [
      new FontFace(EXPORT_FONT_FAMILY, bytesOf(regularDataUrl), { weight: '400' }),
      new FontFace(EXPORT_FONT_FAMILY, bytesOf(boldDataUrl), { weight: '700' }),
    ];
    for (const face of faces) {
      await face.load();
      document.fonts.add(face);
    }
  })().catch(() => undefined);
  return canvasFonts;
}
