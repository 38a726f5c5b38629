/**
 * Where each quartier stands among others: its rank and percentile on an indicator, and the
 * quartiers most like it in size (« quartiers comparables »).
 *
 * Secret statistique: a masked value gets no rank and takes no part in the ranking of the
 * others (otherwise the ranks around it would bound it), so ranks and percentiles are read
 * among the published values only, and `of` says how many there are.
 */

export interface Position {
  /** 1 for the highest value; tied values share the best rank (1, 2, 2, 4). Null when not published. */
  rank: number | null;
  /**
   * Percentile rank in [0, 100]: 100 × (values below + half the values equal, itself
   * included) ÷ values ranked. The highest of 100 distinct values reads 99.5, a lone value 50.
   */
  percentile: number | null;
  /** Number of published values ranked. */
  of: number;
}

/**
 * Rank and percentile of each value among the published ones (`null` values and those with
 * `secret[i]` are left out and get nulls).
 *
 * @example
 * positions([10, 30, 30, null], [false, false, false, false]);
 * // [{rank: 3, percentile: 16.7, of: 3}, {rank: 1, percentile: 66.7, of: 3}, {rank: 1, …}, {rank: null, …}]
 */
export function positions(values: readonly (number | null)[], secret: readonly boolean[]): Position[] {
  const ranked: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v) && !secret[i]) ranked.push(i);
  });
  const of = ranked.length;
  ranked.sort((a, b) => (values[a] as number) - (values[b] as number));
  const out: Position[] = values.map(() => ({ rank: null, percentile: null, of }));
  for (let s = 0; s < of; ) {
    let e = s;
    while (e + 1 < of && values[ranked[e + 1]] === values[ranked[s]]) e++;
    const equal = e - s + 1;
    const rank = of - e; // values strictly above, plus one
    const percentile = (100 * (s + equal / 2)) / of;
    for (let k = s; k <= e; k++) out[ranked[k]] = { rank, percentile, of };
    s = e + 1;
  }
  return out;
}

export interface Comparable {
  /** Index of the comparable quartier. */
  index: number;
  /** Distance in standard deviations of log(1 + x), over population and all establishments. */
  distance: number;
}

/**
 * The `k` quartiers nearest to each one on population and total establishments (the two
 * sizes that set what ESS presence can be expected), each measured as log(1 + x) in standard
 * deviations over the quartiers that have both. A quartier missing either value gets none;
 * ties go to the lower index.
 */
export function comparableQuartiers(population: readonly (number | null)[], establishments: readonly (number | null)[], k = 5): Comparable[][] {
  const n = population.length;
  const ok: number[] = [];
  const usable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = population[i], e = establishments[i];
    if (p !== null && e !== null && p >= 0 && e >= 0) { ok.push(i); usable[i] = 1; }
  }
  const a = new Float64Array(n), b = new Float64Array(n);
  for (const i of ok) { a[i] = Math.log1p(population[i] as number); b[i] = Math.log1p(establishments[i] as number); }
  const sa = spread(ok.map((i) => a[i])), sb = spread(ok.map((i) => b[i]));
  return population.map((_, i) => {
    if (!usable[i]) return [];
    const d = ok.filter((j) => j !== i).map((j) => ({
      index: j,
      distance: Math.hypot((a[i] - a[j]) / sa, (b[i] - b[j]) / sb),
    }));
    d.sort((x, y) => x.distance - y.distance || x.index - y.index);
    return d.slice(0, k);
  });
}

/** Standard deviation, 1 when the values do not vary (so distances stay finite). */
function spread(xs: number[]): number {
  if (xs.length < 2) return 1;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return v > 0 ? Math.sqrt(v) : 1;
}
