/**
 * What the map and the legend show for the selected indicator: each quartier's value (null for
 * no data and for masked cells), its secret flag, the class breaks and their colours, and the
 * paint expressions that draw them. The map and the legend both call {@link indicatorView}, so
 * they cannot disagree.
 */
import { computeBreaks, roundTo, type ClassBreaks } from '../../core/classify/breaks.ts';
import { NO_DATA_COLOR, SECRET_COLOR, paletteColors } from '../../core/classify/palettes.ts';
import { INDICATORS, type IndicatorDef } from '../../core/indicators/catalog.ts';
import type { AppState } from '../../state/store.ts';
import type { Expr } from './spec-types.ts';

export interface IndicatorView {
  def: IndicatorDef;
  /** One entry per quartier: display value, null when missing or masked. */
  values: (number | null)[];
  /** One entry per quartier: the cell is masked (secret statistique). */
  secret: boolean[];
  /**
   * One entry per quartier: outside the commune filter. Its value is null (a 0 % over a
   * reference denominator would otherwise read as a true figure) and it reads « hors filtre ».
   */
  outside: boolean[];
  /** Class breaks of the unmasked values (rates); counts are drawn as circles instead. */
  breaks: ClassBreaks;
  /** One colour per class, light to dark. */
  colors: string[];
  /** Largest unmasked value (circle scale), null when there is none. */
  maxValue: number | null;
}

export type ViewInputs = Pick<AppState, 'quartiers' | 'results' | 'indicator' | 'classification'>;

/**
 * Values, masks, breaks and colours of the selected indicator for every quartier. Masked
 * cells are left out of the breaks: a quantile or a Jenks threshold is often one of the
 * values, and would print a masked value in the legend.
 */
export function indicatorView(state: ViewInputs): IndicatorView {
  const def = INDICATORS[state.indicator];
  const n = state.quartiers.length;
  const values: (number | null)[] = new Array<number | null>(n).fill(null);
  const secret: boolean[] = new Array<boolean>(n).fill(false);
  const outside: boolean[] = new Array<boolean>(n).fill(false);
  const rows = state.results?.quartiers ?? [];
  for (let i = 0; i < n && i < rows.length; i++) {
    outside[i] = rows[i].outsideFilter === true;
    if (outside[i]) continue;
    secret[i] = def.secret(rows[i]);
    const v = secret[i] ? null : def.value(rows[i]);
    // A rate is classed as it is shown (« 14,3 % »), so its class agrees with the printed bounds.
    values[i] = typeof v === 'number' && Number.isFinite(v) ? (def.kind === 'rate' ? roundTo(v, def.digits) : v) : null;
  }
  const { method, classes, manualBreaks, palette } = state.classification;
  const breaks = computeBreaks(values, { method, classes, manualBreaks, digits: def.digits });
  const colors = paletteColors(palette, breaks.thresholds.length + 1);
  let maxValue: number | null = null;
  for (const v of values) if (v !== null && (maxValue === null || v > maxValue)) maxValue = v;
  return { def, values, secret, outside, breaks, colors, maxValue };
}

const STATE_VALUE: Expr = ['feature-state', 'value'];
const IS_SECRET: Expr = ['boolean', ['feature-state', 'secret'], false];
const HAS_VALUE: Expr = ['==', ['typeof', STATE_VALUE], 'number'];

/** Fill of a quartier when the indicator is a count: a light neutral under the circles. */
export const COUNT_FILL_COLOR = '#e6e2d8';

/**
 * `fill-color` of the quartiers, read from feature-state (`value`, `secret`), so a new
 * indicator or classification is one `setFeatureState` pass and one `setPaintProperty`, never
 * new GeoJSON. Masked cells take the neutral under the hatching, missing values the no-data
 * grey, the rest their class colour (`step`: lower bounds included, as in classOf).
 */
export function fillColorExpression(view: Pick<IndicatorView, 'def' | 'breaks' | 'colors'>): Expr {
  const classColour: unknown =
    view.def.kind === 'count'
      ? COUNT_FILL_COLOR
      : view.breaks.thresholds.length === 0
        ? view.colors[0]
        : ['step', ['to-number', STATE_VALUE, 0], view.colors[0], ...view.breaks.thresholds.flatMap((t, i) => [t, view.colors[i + 1]])];
  return ['case', IS_SECRET, SECRET_COLOR, HAS_VALUE, classColour, view.def.kind === 'count' ? COUNT_FILL_COLOR : NO_DATA_COLOR];
}

/** `fill-opacity` of the hatching layer: visible on masked cells only. */
export const HATCH_OPACITY: Expr = ['case', IS_SECRET, 1, 0];

/** Largest circle radius in pixels, for the largest count. */
export const MAX_CIRCLE_RADIUS = 28;

/**
 * `circle-radius` of the proportional circles: the area is proportional to the count (radius
 * ∝ √value), the largest count gets {@link MAX_CIRCLE_RADIUS}. Reads the `v` property of the
 * centre features (null for no data or masked: no circle).
 */
export function circleRadiusExpression(maxValue: number | null, maxRadius = MAX_CIRCLE_RADIUS): Expr {
  if (maxValue === null || !(maxValue > 0)) return ['literal', 0];
  const k = maxRadius / Math.sqrt(maxValue);
  return ['case', ['==', ['typeof', ['get', 'v']], 'number'], ['*', k, ['sqrt', ['max', 0, ['get', 'v']]]], 0];
}

/** Radius in pixels of a circle for a count, on the scale of {@link circleRadiusExpression}. */
export function circleRadius(value: number, maxValue: number, maxRadius = MAX_CIRCLE_RADIUS): number {
  return maxValue > 0 && value > 0 ? maxRadius * Math.sqrt(value / maxValue) : 0;
}

/**
 * Counts shown in the circle legend: the largest value and round values near a half and a
 * tenth of it, largest first, without repeats.
 */
export function circleLegendValues(maxValue: number | null): number[] {
  if (maxValue === null || !(maxValue > 0)) return [];
  const out = [maxValue];
  for (const f of [0.5, 0.1]) {
    const v = roundNice(maxValue * f);
    if (v > 0 && v < out[out.length - 1]) out.push(v);
  }
  return out;
}

function roundNice(v: number): number {
  if (v < 1) return Math.round(v * 10) / 10;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  const nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
  return nice * p;
}
