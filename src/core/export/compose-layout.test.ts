import { describe, expect, it } from 'vitest';
import { composeLayout, type ComposeStyle } from './compose-layout.ts';
import { flowColumns, placeLegend, type LegendItem } from './legend-layout.ts';
import { approximateMeasure, wrapText, type TextStyle } from './text-wrap.ts';

const text = (size: number, bold = false): TextStyle => ({ size, bold, lineHeight: size * 1.3 });
const STYLE: ComposeStyle = {
  margin: 20,
  gap: 12,
  legendWidth: 200,
  title: text(22, true),
  subtitle: text(14),
  footer: text(10),
  legend: { title: text(13, true), subtitle: text(12, true), text: text(11), note: text(10), swatch: 14, gap: 6, sectionGap: 8 },
  arrow: 28,
  inset: 10,
};

const LEGEND: LegendItem[] = [
  { kind: 'title', text: 'Part de l’ESS dans l’emploi (%)' },
  { kind: 'note', text: 'Quantiles, 5 classes' },
  { kind: 'swatch', text: 'moins de 10,0 %', fill: '#fde725', shape: 'box' },
  { kind: 'swatch', text: 'de 10,0 à 20,0 %', fill: '#21918c', shape: 'box' },
  { kind: 'swatch', text: 's : secret statistique', fill: '#f4f4f4', shape: 'hatch' },
];

const input = { title: 'Part de l’ESS dans l’emploi', subtitle: 'Ville-Exemple · 8 quartiers', legend: LEGEND, footer: ['Méthode : …', 'Sources : …'] };

describe('wrapText', () => {
  it('cuts at spaces, keeps no-break spaces, and breaks a word longer than the line', () => {
    const s = text(10);
    expect(wrapText('un deux trois quatre', 50, s, approximateMeasure)).toEqual(['un deux', 'trois', 'quatre']);
    expect(wrapText('1\u202f234\u00a0%', 50, s, approximateMeasure)).toEqual(['1\u202f234\u00a0%']);
    const pieces = wrapText('tres-long-nom-de-fichier.csv', 40, s, approximateMeasure);
    expect(pieces.join('')).toBe('tres-long-nom-de-fichier.csv');
    expect(pieces.every((p) => approximateMeasure(p, s) <= 40)).toBe(true);
  });

  it('keeps explicit line breaks', () => {
    expect(wrapText('a\nb', 100, text(10), approximateMeasure)).toEqual(['a', 'b']);
  });
});

describe('legend placement', () => {
  it('stacks items and wraps swatch labels beside the swatch', () => {
    const { items, height } = placeLegend(LEGEND, 100, STYLE.legend, approximateMeasure);
    expect(items.map((i) => i.y)).toEqual([...items.map((i) => i.y)].sort((a, b) => a - b));
    expect(items[0].lines.length).toBeGreaterThan(1);
    expect(height).toBeCloseTo(items[items.length - 1].y + items[items.length - 1].height, 6);
  });

  it('flows into balanced columns without leaving a heading at the bottom of one', () => {
    const many: LegendItem[] = [...LEGEND, { kind: 'subtitle', text: 'Établissements ESS' }, ...LEGEND.slice(2)];
    const placed = placeLegend(many, 150, STYLE.legend, approximateMeasure).items;
    const flowed = flowColumns(placed, 2, 150, 10);
    const xs = [...new Set(flowed.items.map((i) => i.x))];
    expect(xs).toEqual([0, 160]);
    const lastOfFirst = flowed.items.filter((i) => i.x === 0).pop()!;
    expect(['title', 'subtitle']).not.toContain(lastOfFirst.item.kind);
    expect(flowed.height).toBeLessThan(placeLegend(many, 150, STYLE.legend, approximateMeasure).height);
  });
});

describe('composeLayout', () => {
  it('keeps the screen map at its size and grows the page around it (image)', () => {
    const l = composeLayout({ ...input, map: { width: 800, height: 600 }, legendPosition: 'right' }, STYLE, approximateMeasure);
    expect(l.map.width).toBe(800);
    expect(l.map.height).toBe(600);
    expect(l.mapScale).toBe(1);
    expect(l.width).toBe(20 + 800 + 12 + 200 + 20);
    expect(l.legend.x).toBe(l.map.x + 800 + 12);
    const lastFooter = l.footer[l.footer.length - 1];
    expect(lastFooter.y + lastFooter.lines.length * STYLE.footer.lineHeight + STYLE.margin).toBeCloseTo(l.height, 6);
    expect(l.footer[0].y).toBeGreaterThan(l.map.y + l.map.height);
  });

  it('fits the map in a fixed page, keeping its aspect ratio, with the legend beside or below', () => {
    for (const legendPosition of ['right', 'below'] as const) {
      const page = { width: 297, height: 210 };
      const l = composeLayout({ ...input, map: { width: 1200, height: 800 }, page, legendPosition }, { ...STYLE, legendWidth: 50, margin: 12 }, approximateMeasure);
      expect(l.map.width / l.map.height).toBeCloseTo(1.5, 6);
      expect(l.map.x + l.map.width).toBeLessThanOrEqual(page.width - 12 + 1e-9);
      expect(l.footer[0].y).toBeGreaterThanOrEqual(l.map.y + l.map.height);
      expect(l.width).toBe(297);
      expect(l.height).toBe(210);
      if (legendPosition === 'below') expect(l.legend.y).toBeGreaterThan(l.map.y + l.map.height);
    }
  });

  it('puts the north arrow in the top-right corner and the scale bar bottom-left of the map', () => {
    const l = composeLayout({ ...input, map: { width: 800, height: 600 }, legendPosition: 'right' }, STYLE, approximateMeasure);
    expect(l.northArrow.cx).toBeGreaterThan(l.map.x + l.map.width / 2);
    expect(l.northArrow.cy).toBeLessThan(l.map.y + l.map.height / 2);
    expect(l.scaleBar.x).toBeLessThan(l.map.x + l.map.width / 2);
    expect(l.scaleBar.y).toBeGreaterThan(l.map.y + l.map.height / 2);
    expect(l.scaleBar.maxWidth).toBeLessThanOrEqual(l.map.width / 3);
  });

  it('scales proportional circles in the legend like the map', () => {
    const circles: LegendItem[] = [{ kind: 'circles', fill: '#3b6fb6', entries: [{ radius: 28, text: '120 emplois' }, { radius: 10, text: '20 emplois' }] }];
    const big = placeLegend(circles, 200, STYLE.legend, approximateMeasure, 2);
    const small = placeLegend(circles, 200, STYLE.legend, approximateMeasure, 0.5);
    expect(big.height).toBeGreaterThan(small.height);
    expect(big.height).toBeGreaterThanOrEqual(2 * 28 * 2);
  });
});
