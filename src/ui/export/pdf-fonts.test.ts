import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { PDF_FONT_RANGES, pdfSafeText } from '../../core/export/pdf-text.ts';
import { PDF_FONT, addPdfFonts } from './pdf-fonts.ts';

type FontMetadata = { metadata: { cmap: { unicode: { codeMap: Record<number, number> } } } };

describe('embedded PDF fonts', () => {
  it('have a glyph for every character the text folding lets through, in both weights', () => {
    const doc = new jsPDF({ unit: 'mm' });
    addPdfFonts(doc);
    for (const weight of ['normal', 'bold']) {
      doc.setFont(PDF_FONT, weight);
      const codeMap = (doc.getFont() as unknown as FontMetadata).metadata.cmap.unicode.codeMap;
      const missing: string[] = [];
      for (const [lo, hi] of PDF_FONT_RANGES) for (let cp = lo; cp <= hi; cp++) if (!codeMap[cp]) missing.push(cp.toString(16));
      expect(missing).toEqual([]);
    }
  });

  it('write French text that reads back', () => {
    const doc = new jsPDF({ unit: 'mm', putOnlyUsedFonts: true });
    addPdfFonts(doc);
    doc.text(pdfSafeText('L’ESS : 1\u202f234 emplois, −3,2 pts, « œuvre »'), 10, 10);
    const pdf = doc.output();
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
