/**
 * The painter of PNG exports: a 2D canvas in layout units (CSS pixels) scaled to the output
 * resolution, with the bundled DejaVu Sans so an image looks the same on every computer.
 */
import type { TextStyle } from '../../core/export/text-wrap.ts';
import type { Painter, Paint, Point } from './painter.ts';

/** Family name under which the bundled font is registered with `document.fonts`. */
export const EXPORT_FONT_FAMILY = 'ESSQ DejaVu Sans';
const FALLBACK = '"DejaVu Sans", "Segoe UI", Arial, sans-serif';

export const cssFont = (style: TextStyle): string => `${style.bold ? '700' : '400'} ${style.size}px "${EXPORT_FONT_FAMILY}", ${FALLBACK}`;

function applyPaint(ctx: CanvasRenderingContext2D, paint: Paint, draw: (mode: 'fill' | 'stroke') => void): void {
  if (paint.fill) {
    ctx.globalAlpha = paint.fillOpacity ?? 1;
    ctx.fillStyle = paint.fill;
    draw('fill');
    ctx.globalAlpha = 1;
  }
  if (paint.stroke && (paint.strokeWidth ?? 1) > 0) {
    ctx.strokeStyle = paint.stroke;
    ctx.lineWidth = paint.strokeWidth ?? 1;
    draw('stroke');
  }
}

function trace(ctx: CanvasRenderingContext2D, rings: Point[][]): void {
  ctx.beginPath();
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}

/**
 * A painter over `ctx`, already scaled so that one layout unit is one CSS pixel of the
 * composition (the caller sets `ctx.scale(outputScale, outputScale)`).
 */
export function canvasPainter(ctx: CanvasRenderingContext2D): Painter {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  return {
    measure(text, style) {
      ctx.font = cssFont(style);
      return ctx.measureText(text).width;
    },
    text(text, x, y, style, options = {}) {
      ctx.font = cssFont(style);
      ctx.fillStyle = options.color ?? '#1f2328';
      ctx.textAlign = options.align ?? 'left';
      ctx.textBaseline = 'alphabetic';
      // Baseline at 80 % of the font size below the centred em box, as jsPDF's own metrics put it.
      ctx.fillText(text, x, y + (style.lineHeight - style.size) / 2 + style.size * 0.8);
    },
    rect(r, paint) {
      applyPaint(ctx, paint, (mode) => (mode === 'fill' ? ctx.fillRect(r.x, r.y, r.width, r.height) : ctx.strokeRect(r.x, r.y, r.width, r.height)));
    },
    circle(cx, cy, radius, paint) {
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
      applyPaint(ctx, paint, (mode) => (mode === 'fill' ? ctx.fill() : ctx.stroke()));
    },
    path(rings, paint) {
      trace(ctx, rings);
      applyPaint(ctx, paint, (mode) => (mode === 'fill' ? ctx.fill('evenodd') : ctx.stroke()));
    },
    line(points, stroke, width) {
      ctx.beginPath();
      points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.stroke();
    },
    image(source, r) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, r.x, r.y, r.width, r.height);
    },
    clip(r, draw) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.width, r.height);
      ctx.clip();
      try {
        draw();
      } finally {
        ctx.restore();
      }
    },
  };
}
