import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SECRET_COLOR, paletteColors } from '../../core/classify/palettes.ts';
import { initialState } from '../../state/store.ts';
import {
  COUNT_FILL_COLOR,
  HATCH_OPACITY,
  circleLegendValues,
  circleRadius,
  circleRadiusExpression,
  fillColorExpression,
  indicatorView,
  type ViewInputs,
} from './choropleth.ts';
import { createIndicators, createQuartier, createResults, evaluatePaint, toHex } from './test-helpers.ts';

function createInputs(rows: Parameters<typeof createIndicators>[0][], overrides: Partial<ViewInputs> = {}): ViewInputs {
  return {
    quartiers: rows.map((_, i) => createQuartier(i)),
    results: createResults(rows.map((r) => createIndicators(r))),
    indicator: 'essJobShare',
    classification: { method: 'equal', classes: 3, manualBreaks: [], palette: 'blues' },
    ...overrides,
  };
}

const fill = (inputs: ViewInputs, state: Record<string, unknown>) =>
  toHex(evaluatePaint('fill', 'fill-color', fillColorExpression(indicatorView(inputs)), { state }));

describe('indicatorView', () => {
  it('reads display values (percentages) and leaves masked cells out', () => {
    const view = indicatorView(createInputs([{ share: 0.1 }, { share: 0.5, secret: true }, { share: null }]));
    expect(view.values).toEqual([10, null, null]);
    expect(view.secret).toEqual([false, true, false]);
    expect(view.breaks.count).toBe(1);
  });

  it('keeps masked values out of the breaks, where a threshold could print them', () => {
    const view = indicatorView(createInputs([{ share: 0.1 }, { share: 0.2 }, { share: 0.3 }, { share: 0.9, secret: true }]));
    expect(view.breaks.max).toBe(30);
    expect(view.maxValue).toBe(30);
  });

  it('reads a quartier outside the commune filter as « hors filtre », never as a value or a class', () => {
    const inputs = createInputs([{ share: 0.1 }, { share: 0.2 }, { share: 0 }]);
    // Outside the filter, a reference denominator would give it a false 0 %.
    inputs.results!.quartiers[2] = { ...inputs.results!.quartiers[2], outsideFilter: true };
    const view = indicatorView(inputs);
    expect(view.values).toEqual([10, 20, null]);
    expect(view.outside).toEqual([false, false, true]);
    expect(view.breaks.min).toBe(10);
    expect(fill(inputs, { value: null, secret: false })).toBe(fill(createInputs([{ share: null }]), { value: null, secret: false }));
  });

  it('gives all-null values before the results arrive', () => {
    const view = indicatorView({ ...initialState, quartiers: [createQuartier(0), createQuartier(1)] });
    expect(view.values).toEqual([null, null]);
    expect(view.colors).toHaveLength(1);
  });
});

describe('fillColorExpression', () => {
  const inputs = createInputs([{ share: 0 }, { share: 0.3 }, { share: 0.6 }, { share: 0.9 }]);
  const blues = paletteColors('blues', 3);

  it('colours each value with its class (lower bounds included)', () => {
    expect(indicatorView(inputs).breaks.thresholds).toEqual([30, 60]);
    expect([0, 29.9, 30, 60, 90].map((value) => fill(inputs, { value }))).toEqual([blues[0], blues[0], blues[1], blues[2], blues[2]]);
  });

  it('draws masked cells neutral and missing values grey', () => {
    expect(fill(inputs, { value: null, secret: true })).toBe(SECRET_COLOR);
    expect(fill(inputs, { value: null })).toBe(NO_DATA_COLOR);
    expect(fill(inputs, {})).toBe(NO_DATA_COLOR);
  });

  it('uses a single colour when every value is equal', () => {
    const same = createInputs([{ share: 0.2 }, { share: 0.2 }]);
    expect(fill(same, { value: 20 })).toBe(paletteColors('blues', 1)[0]);
  });

  it('uses a light neutral under the circles for counts', () => {
    const counts = createInputs([{ establishments: 3 }, { establishments: 9 }], { indicator: 'establishments' });
    expect(fill(counts, { value: 9 })).toBe(COUNT_FILL_COLOR);
    expect(fill(counts, { secret: true })).toBe(SECRET_COLOR);
  });

  it('shows the hatching on masked cells only', () => {
    expect(evaluatePaint('fill', 'fill-opacity', HATCH_OPACITY, { state: { secret: true } })).toBe(1);
    expect(evaluatePaint('fill', 'fill-opacity', HATCH_OPACITY, { state: {} })).toBe(0);
  });
});

describe('proportional circles', () => {
  it('make areas proportional to the counts', () => {
    const expr = circleRadiusExpression(100, 20);
    expect(evaluatePaint('circle', 'circle-radius', expr, { properties: { v: 100 } })).toBeCloseTo(20);
    expect(evaluatePaint('circle', 'circle-radius', expr, { properties: { v: 25 } })).toBeCloseTo(10);
    expect(evaluatePaint('circle', 'circle-radius', expr, { properties: { v: null } })).toBe(0);
    expect(circleRadius(25, 100, 20)).toBeCloseTo(10);
  });

  it('draw nothing without a positive maximum', () => {
    expect(evaluatePaint('circle', 'circle-radius', circleRadiusExpression(null), { properties: { v: 3 } })).toBe(0);
    expect(evaluatePaint('circle', 'circle-radius', circleRadiusExpression(0), { properties: { v: 0 } })).toBe(0);
  });

  it('show the maximum and round values below it in the legend', () => {
    expect(circleLegendValues(437)).toEqual([437, 200, 50]);
    expect(circleLegendValues(12)).toEqual([12, 5, 1]);
    expect(circleLegendValues(1)).toEqual([1, 0.5, 0.1]);
    expect(circleLegendValues(null)).toEqual([]);
  });
});
