/**
 * Test support for the layer modules: small `create*` helpers for quartiers and results, and
 * an evaluator that runs a paint expression the way MapLibre does (its style-spec package),
 * so the tests check the colours and radii the map will draw, not the shape of the JSON.
 */
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { DiagnosticResult, QuartierResult } from '../../core/diagnostic.ts';
import { secretFlags, type Indicators } from '../../core/indicators/indicators.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';

/** A 0.01° square quartier whose south-west corner is `corner`. */
export function createQuartier(index: number, corner: [number, number] = [1.4 + index * 0.02, 43.6]): QuartierSummary {
  const [x, y] = corner;
  return {
    index,
    code: `QN0310${index}A`,
    name: `Quartier ${index}`,
    communes: ['31555'],
    communeNames: ['Toulouse'],
    bbox: [x, y, x + 0.01, y + 0.01],
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
  };
}

/** Indicators of one territory: ESS job share `share` (0–1 or null), counts, secret flags. */
export function createIndicators(o: { share?: number | null; establishments?: number; jobs?: number; secret?: boolean } = {}): Indicators {
  const jobs = o.jobs ?? 10;
  return {
    establishments: o.establishments ?? 5,
    nonEmployerEstablishments: 0,
    jobs: { estimate: jobs, min: jobs, max: jobs },
    essJobShare: o.share === undefined ? 0.1 : o.share,
    essJobShareRange: null,
    essEstablishmentShare: null,
    densityPer1000: null,
    population: null,
    allEstablishments: null,
    allJobs: null,
    denominatorSource: null,
    families: {},
    sectors: {},
    sizes: {},
    secret: secretFlags({ establishments: o.secret, jobs: o.secret }),
  };
}

/** Results for quartiers whose indicators are given in order. */
export function createResults(rows: Indicators[]): DiagnosticResult {
  const quartiers: QuartierResult[] = rows.map((r, i) => ({ ...r, code: `Q${i}`, name: `Quartier ${i}`, communes: ['31555'], communeNames: ['Toulouse'], outsideFilter: false, ring: createIndicators() }));
  return { quartiers, communes: [], allQuartiers: createIndicators(), employerOnly: true };
}

/**
 * Evaluates a data-driven paint property as MapLibre would, for a feature with `properties`
 * and `state` (feature-state). Throws with MapLibre's message when the expression is invalid.
 */
export function evaluatePaint(
  layerType: string,
  property: string,
  value: unknown,
  options: { properties?: Record<string, unknown>; state?: Record<string, unknown>; zoom?: number } = {},
): unknown {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layerType}`][property];
  const parsed = expression.createPropertyExpression(value, property, spec as never);
  if (parsed.result === 'error') throw new Error(parsed.value.map((e) => `${e.key}: ${e.message}`).join('; '));
  const feature = { type: 'Point', properties: options.properties ?? {} } as never;
  return parsed.value.evaluate({ zoom: options.zoom ?? 12 }, feature, (options.state ?? {}) as never);
}

/** `#rrggbb` of a MapLibre Color (r, g, b premultiplied in 0–1). */
export function toHex(colour: unknown): string {
  const c = colour as { r: number; g: number; b: number; a: number };
  const to = (v: number) => Math.round((v / (c.a || 1)) * 255).toString(16).padStart(2, '0');
  return `#${to(c.r)}${to(c.g)}${to(c.b)}`;
}
