import { describe, expect, it } from 'vitest';
import { placeLegend, type LegendItem } from '../../core/export/legend-layout.ts';
import { approximateMeasure } from '../../core/export/text-wrap.ts';
import { scaleBar } from '../../core/export/scale-bar.ts';
import { hatchSegments, paintLegend, paintNorthArrow, paintScaleBar, type Painter } from './painter.ts';

type Call = [string, ...unknown[]];

/** A painter that records its calls: the drawing vocabulary is the boundary under test. */
function recordingPainter(): Painter & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    measure: approximateMeasure,
    text: (...a) => void calls.push(['text', ...a]),
    rect: (...a) => void calls.push(['rect', ...a]),
    circle: (...a) => void calls.push(['circle', ...a]),
    path: (...a) => void calls.push(['path', ...a]),
    line: (...a) => void calls.push(['line', ...a]),
    image: (...a) => void calls.push(['image', ...a]),
    clip: (r, draw) => {
      calls.push(['clip', r]);
      draw();
    },
  };
}

const style = { size: 10, lineHeight: 13 };

describe('map furniture', () => {
  it('hatches inside the rectangle only', () => {
    const r = { x: 10, y: 20, width: 30, height: 12 };
    const segments = hatchSegments(r, 4);
    expect(segments.length).toBeGreaterThan(5);
    for (const [a, b] of segments) {
      for (const [x, y] of [a, b]) {
        expect(x).toBeGreaterThanOrEqual(r.x - 1e-9);
        expect(x).toBeLessThanOrEqual(r.x + r.width + 1e-9);
        expect(y).toBeGreaterThanOrEqual(r.y - 1e-9);
        expect(y).toBeLessThanOrEqual(r.y + r.height + 1e-9);
      }
    }
  });

  it('draws a bar as long as the scale says, labelled with its length', () => {
    const p = recordingPainter();
    const bar = scaleBar(45, 14, 120);
    paintScaleBar(p, bar, bar.pixels, 0, 100, style);
    const drawn = p.calls.find((c) => c[0] === 'rect' && (c[2] as { fill?: string }).fill === '#1f2328')!;
    expect((drawn[1] as { width: number }).width).toBeCloseTo(bar.pixels, 6);
    expect(p.calls.some((c) => c[0] === 'text' && c[1] === bar.label)).toBe(true);
    expect(bar.label).toBe('200 m');
  });

  it('writes the N of the north arrow above the arrowhead', () => {
    const p = recordingPainter();
    paintNorthArrow(p, 50, 50, 30, 0, style);
    const n = p.calls.find((c) => c[0] === 'text')!;
    expect(n[1]).toBe('N');
    expect(n[3] as number).toBeLessThan(50 - 30 * 0.45);
  });

  it('draws each legend item: texts, swatches, hatching and proportional circles', () => {
    const items: LegendItem[] = [
      { kind: 'title', text: 'Emplois de l’ESS (emplois)' },
      { kind: 'swatch', shape: 'box', fill: '#21918c', text: 'de 10 à 20 %' },
      { kind: 'swatch', shape: 'hatch', fill: '#f4f4f4', text: 's : secret statistique' },
      { kind: 'circles', fill: '#3b6fb6', entries: [{ radius: 20, text: '120 emplois' }, { radius: 9, text: '20 emplois' }] },
    ];
    const legendStyle = { title: style, subtitle: style, text: style, note: style, swatch: 12, gap: 5, sectionGap: 6 };
    const placed = placeLegend(items, 200, legendStyle, approximateMeasure, 0.5);
    const p = recordingPainter();
    paintLegend(p, placed.items, 0, 0, 12, 5, 0.5);
    const texts = p.calls.filter((c) => c[0] === 'text').map((c) => c[1]);
    expect(texts).toEqual(['Emplois de l’ESS (emplois)', 'de 10 à 20 %', 's : secret statistique', '120 emplois', '20 emplois']);
    expect(p.calls.filter((c) => c[0] === 'line').length).toBeGreaterThan(1);
    expect(p.calls.filter((c) => c[0] === 'circle').map((c) => c[3])).toEqual([10, 4.5]);
  });
});
