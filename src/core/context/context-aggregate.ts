/**
 * Context figures per quartier and quartier vécu: the points of a context layer joined once
 * with the same index as the establishments (point in quartier, then nearest quartier within
 * the band), then counted, with the sum and median of the layer's numeric column.
 *
 * Context layers are not business statistics (sales, equipment, premises): no secret
 * statistique applies, and the figures are published as they are.
 */
import { createQuartierIndex, joinPoints, type QuartierIndex } from '../geo/spatial-join.ts';
import { assignRing } from '../geo/quartier-vecu.ts';
import type { Quartier } from '../types.ts';
import type { ContextLayer } from './context-points.ts';

export interface ContextFigures {
  /** Points of the layer in the territory. */
  count: number;
  /** Points with a readable value, and their sum and median (null without a value column or with no value). */
  valued: number;
  sum: number | null;
  median: number | null;
}

export interface ContextResult {
  layer: string;
  valueColumn: string | null;
  quartiers: ContextFigures[];
  rings: ContextFigures[];
  /** All loaded quartiers together. */
  allQuartiers: ContextFigures;
  /** Points outside every quartier and every ring. */
  outside: number;
}

function figures(values: Float64Array | null, rows: number[]): ContextFigures {
  if (!values) return { count: rows.length, valued: 0, sum: null, median: null };
  const v = Float64Array.from(rows.map((i) => values[i]).filter(Number.isFinite)).sort();
  const n = v.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i];
  const median = n === 0 ? null : n % 2 === 1 ? v[n >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return { count: rows.length, valued: n, sum: n === 0 ? null : sum, median };
}

/**
 * Joins the layer's points to the quartiers (and their ring of `ringMetres`) and computes
 * count, sum and median of each territory. Pass the establishments' index to join against
 * the same quartiers without rebuilding it.
 */
export function aggregateContext(quartiers: readonly Quartier[], layer: ContextLayer, ringMetres: number, index: QuartierIndex = createQuartierIndex(quartiers)): ContextResult {
  const inside = joinPoints(index, layer.lon, layer.lat, layer.count);
  const ring = assignRing(index, layer.lon, layer.lat, inside, ringMetres);
  const n = quartiers.length;
  const byQuartier: number[][] = Array.from({ length: n }, () => []);
  const byRing: number[][] = Array.from({ length: n }, () => []);
  const all: number[] = [];
  let outside = 0;
  for (let i = 0; i < layer.count; i++) {
    if (inside[i] >= 0) { byQuartier[inside[i]].push(i); all.push(i); }
    else if (ring[i] >= 0) byRing[ring[i]].push(i);
    else outside++;
  }
  return {
    layer: layer.name,
    valueColumn: layer.valueColumn,
    quartiers: byQuartier.map((r) => figures(layer.values, r)),
    rings: byRing.map((r) => figures(layer.values, r)),
    allQuartiers: figures(layer.values, all),
    outside,
  };
}
