/**
 * The painter of PDF exports: jsPDF in millimetres, text in the embedded DejaVu Sans (folded
 * to the characters it has, see core/export/pdf-text.ts), vector shapes, and images for the
 * map snapshot. Opacity goes through graphics states, one per value.
 */
import { GState, type jsPDF } from 'jspdf';
import { pdfSafeText } from '../../core/export/pdf-text.ts';
import type { TextStyle } from '../../core/export/text-wrap.ts';
import { PDF_FONT } from './pdf-fonts.ts';
import type { Painter, Paint, Point } from './painter.ts';

/** Millimetres to points: jsPDF's font sizes are in points, the layout in millimetres. */
const PT_PER_MM = 72 / 25.4;

function setStyle(doc: jsPDF, style: TextStyle): void {
  doc.setFont(PDF_FONT, style.bold ? 'bold' : 'normal');
  doc.setFontSize(style.size * PT_PER_MM);
}

export function pdfPainter(doc: jsPDF): Painter {
  const states = new Map<number, GState>();
  const opacity = (a: number) => {
    const key = Math.round(a * 100) / 100;
    let state = states.get(key);
    if (!state) {
      state = new GState({ opacity: key, 'stroke-opacity': 1 });
      states.set(key, state);
    }
    doc.setGState(state);
  };
  const trace = (rings: Point[][]) => {
    for (const ring of rings) {
      if (ring.length < 2) continue;
      doc.moveTo(ring[0][0], ring[0][1]);
      for (let i = 1; i < ring.length; i++) doc.lineTo(ring[i][0], ring[i][1]);
      doc.close();
    }
  };
  /** Fills then strokes: fill opacity must not fade the outline. */
  const paint = (p: Paint, fill: () => void, stroke: () => void) => {
    if (p.fill) {
      doc.setFillColor(p.fill);
      if (p.fillOpacity !== undefined && p.fillOpacity < 1) opacity(p.fillOpacity);
      fill();
      if (p.fillOpacity !== undefined && p.fillOpacity < 1) opacity(1);
    }
    if (p.stroke && (p.strokeWidth ?? 0.2) > 0) {
      doc.setDrawColor(p.stroke);
      doc.setLineWidth(p.strokeWidth ?? 0.2);
      stroke();
    }
  };

  return {
    measure(text, style) {
      setStyle(doc, style);
      return doc.getTextWidth(pdfSafeText(text));
    },
    text(text, x, y, style, options = {}) {
      setStyle(doc, style);
      doc.setTextColor(options.color ?? '#1f2328');
      doc.text(pdfSafeText(text), x, y + (style.lineHeight - style.size) / 2 + style.size * 0.8, { align: options.align ?? 'left', baseline: 'alphabetic' });
    },
    rect(r, p) {
      paint(p, () => doc.rect(r.x, r.y, r.width, r.height, 'F'), () => doc.rect(r.x, r.y, r.width, r.height, 'S'));
    },
    circle(cx, cy, radius, p) {
      paint(p, () => doc.circle(cx, cy, radius, 'F'), () => doc.circle(cx, cy, radius, 'S'));
    },
    path(rings, p) {
      paint(
        p,
        () => {
          trace(rings);
          doc.fillEvenOdd();
        },
        () => {
          trace(rings);
          doc.stroke();
        },
      );
    },
    line(points, stroke, width) {
      if (points.length < 2) return;
      doc.setDrawColor(stroke);
      doc.setLineWidth(width);
      doc.moveTo(points[0][0], points[0][1]);
      for (let i = 1; i < points.length; i++) doc.lineTo(points[i][0], points[i][1]);
      doc.stroke();
    },
    image(source, r) {
      doc.addImage(source, 'PNG', r.x, r.y, r.width, r.height, undefined, 'FAST');
    },
    clip(r, draw) {
      doc.saveGraphicsState();
      // A rectangle path that is not painted, made the clipping path.
      doc.rect(r.x, r.y, r.width, r.height, null);
      doc.clip();
      doc.discardPath();
      try {
        draw();
      } finally {
        doc.restoreGraphicsState();
      }
    },
  };
}
