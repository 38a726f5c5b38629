import { expression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { SECRET_COLOR, SECRET_HATCH_COLOR, paletteColors } from '../../core/classify/palettes.ts';
import { INDICATORS } from '../../core/indicators/catalog.ts';
import { fillColorExpression, indicatorView } from './choropleth.ts';
import {
  COUNT_MARKER_RADIUS,
  MARKER_OPACITY,
  MARKER_RADIUS,
  MARKER_STROKE_WIDTH,
  SECRET_MARKER_FILTER,
  establishmentsMinZoom,
  hatchDisc,
  hatchDiscSize,
  markerRadius,
} from './markers.ts';
import { centreCollection, quartierCentres } from './quartiers.ts';
import { createIndicators, createQuartier, createResults, evaluatePaint, toHex } from './test-helpers.ts';

const quartiers = [0, 1, 2, 3].map((i) => createQuartier(i));
const view = indicatorView({
  quartiers,
  results: createResults([0, 0.3, 0.6, 0.9].map((share, i) => createIndicators({ share, secret: i === 3 }))),
  indicator: 'essJobShare',
  classification: { method: 'equal', classes: 3, manualBreaks: [], palette: 'blues' },
});

describe('quartier discs at regional scale', () => {
  it('take the class colour of their polygon, from the same feature-state', () => {
    const blues = paletteColors('blues', 3);
    const colour = (state: Record<string, unknown>) => toHex(evaluatePaint('circle', 'circle-color', fillColorExpression(view), { state }));
    expect([0, 30, 60].map((value) => colour({ value }))).toEqual(blues);
    expect(colour({ value: null, secret: true })).toBe(SECRET_COLOR);
  });

  it('are opaque at regional scale and gone once the polygons are large enough', () => {
    const opacity = (zoom: number) => evaluatePaint('circle', 'circle-opacity', MARKER_OPACITY, { zoom });
    expect([6, 10, 10.5, 11, 14].map(opacity)).toEqual([1, 1, 0.5, 0, 0]);
  });

  it('leave a count to its proportional circle, and mark the quartiers that have none', () => {
    const opacity = (v: number | null) => evaluatePaint('circle', 'circle-opacity', MARKER_OPACITY, { zoom: 8, properties: { v } });
    expect([opacity(12), opacity(0), opacity(null)]).toEqual([0, 1, 1]);
  });

  it('outline the compared, profiled and hovered quartiers more thickly', () => {
    const width = (state: Record<string, unknown>) => evaluatePaint('circle', 'circle-stroke-width', MARKER_STROKE_WIDTH, { state });
    expect([width({}), width({ hover: true }), width({ profile: true }), width({ selected: true })]).toEqual([1, 2, 2.5, 3]);
  });

  it('are readable discs for rates and small locating dots under the circles of counts', () => {
    expect(markerRadius(INDICATORS.essJobShare)).toBe(MARKER_RADIUS);
    expect(markerRadius(INDICATORS.establishments)).toBe(COUNT_MARKER_RADIUS);
    expect(hatchDiscSize(INDICATORS.establishments)).toBeCloseTo(COUNT_MARKER_RADIUS / MARKER_RADIUS);
  });

  it('hatch the masked quartiers only', () => {
    const fc = centreCollection(quartiers, quartierCentres(quartiers), [], view.secret);
    const filter = expression.createExpression(SECRET_MARKER_FILTER, { type: 'boolean' } as never);
    if (filter.result !== 'success') throw new Error('filtre invalide');
    const hatched = fc.features.filter((f) => filter.value.evaluate({ zoom: 8 }, { type: 'Point', properties: f.properties ?? {} } as never));
    expect(hatched.map((f) => f.id)).toEqual([3]);
  });
});

describe('hatchDisc', () => {
  const disc = hatchDisc(8, 2);
  const pixel = (x: number, y: number) => [...disc.data.slice((y * disc.width + x) * 4, (y * disc.width + x) * 4 + 4)];

  it('is a square image twice the radius wide, at the given pixel ratio', () => {
    expect([disc.width, disc.height, disc.data.length]).toEqual([32, 32, 32 * 32 * 4]);
  });

  it('draws hatching lines inside the disc and leaves the corners and gaps transparent', () => {
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(31, 31)[3]).toBe(0);
    const inside = [];
    for (let x = 8; x < 24; x++) inside.push(pixel(x, 16));
    const lines = inside.filter((p) => p[3] === 255);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThan(inside.length);
    expect(toHex({ r: lines[0][0] / 255, g: lines[0][1] / 255, b: lines[0][2] / 255, a: 1 })).toBe(SECRET_HATCH_COLOR);
  });
});

describe('establishmentsMinZoom', () => {
  it('waits for an agglomeration zoom above fifty quartiers only', () => {
    expect(establishmentsMinZoom(8)).toBe(0);
    expect(establishmentsMinZoom(50)).toBe(0);
    expect(establishmentsMinZoom(105)).toBe(9);
  });
});
