/**
 * Evolution of the ESS over a period of full years, per territory: ESS establishments created
 * and closed each year, the stock at the start (1 January of the first year) and at the end
 * (31 December of the last year), the net change, and the jobs of the establishments created
 * and closed where their bracket gives them.
 *
 * Read from one SIRENE file: `dateCreationEtablissement` for creations, and for closed
 * establishments (`etatAdministratifEtablissement = F`) the start date of the period that
 * closed them. An establishment whose creation date is unknown is taken as existing before the
 * period. One closed before it was created (inconsistent dates) is left out and counted apart.
 * With these rules stockEnd = stockStart + Σ created − Σ closed holds exactly in every
 * territory, which is also why one masked figure could be recovered from the others: every
 * line of that identity, and every column quartiers → all quartiers, goes through the same
 * secondary suppression as the snapshot (see suppressLines).
 *
 * Every ESS establishment counts, employer or not: the bracket of a closed establishment is
 * its last one, often NN, and says nothing of the year it closed.
 */
import { isSecret } from '../indicators/confidentiality.ts';
import { suppressLines } from './line-suppression.ts';

/** What the evolution needs of each row; `created`/`closed` are years, 0 = unknown / still active. */
export interface EvolutionRows {
  count: number;
  created: Uint16Array;
  closed: Uint16Array;
  ess: Uint8Array;
  jobsEstimate: Float32Array;
  jobsMin: Float32Array;
  jobsMax: Float32Array;
}

/**
 * The territories each row counts in, two at most (-1 for none), laid out as the snapshot's
 * units: quartiers [0, n), rings [n, 2n), rests of commune, then all quartiers (`units - 1`).
 */
export interface RowTerritories {
  units: number;
  quartiers: number;
  u0: Int32Array;
  u1: Int32Array;
}

export interface EvolutionTable {
  period: [number, number];
  years: number[];
  units: number;
  /** units × years. */
  created: Float64Array;
  closed: Float64Array;
  stockStart: Float64Array;
  stockEnd: Float64Array;
  /** units × 3: estimate, min, max. */
  jobsCreated: Float64Array;
  jobsClosed: Float64Array;
  /** 1 = masked, same shapes as the figures; `net` per unit. */
  masks: { created: Uint8Array; closed: Uint8Array; stockStart: Uint8Array; stockEnd: Uint8Array; net: Uint8Array; jobsCreated: Uint8Array; jobsClosed: Uint8Array };
  /** ESS rows left out: closed before their creation date. */
  inconsistentDates: number;
}

/** Counts every figure of every territory for `period` (inclusive years). */
export function computeEvolution(rows: EvolutionRows, where: RowTerritories, period: [number, number]): EvolutionTable {
  const [from, to] = period;
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const ny = years.length, units = where.units;
  const created = new Float64Array(units * ny), closed = new Float64Array(units * ny);
  const stockStart = new Float64Array(units), stockEnd = new Float64Array(units);
  const jobsCreated = new Float64Array(units * 3), jobsClosed = new Float64Array(units * 3);
  const largestCreated = new Float64Array(units), largestClosed = new Float64Array(units);
  let inconsistentDates = 0;
  const jobs = (out: Float64Array, largest: Float64Array, u: number, i: number) => {
    out[3 * u] += rows.jobsEstimate[i];
    out[3 * u + 1] += rows.jobsMin[i];
    out[3 * u + 2] += rows.jobsMax[i];
    if (rows.jobsEstimate[i] > largest[u]) largest[u] = rows.jobsEstimate[i];
  };
  for (let i = 0; i < rows.count; i++) {
    if (rows.ess[i] !== 1) continue;
    const c = rows.created[i], k = rows.closed[i];
    if (k !== 0 && c !== 0 && k < c) { inconsistentDates++; continue; }
    const before = c === 0 || c < from;
    const atStart = before && (k === 0 || k >= from);
    const atEnd = (c === 0 || c <= to) && (k === 0 || k > to);
    const isCreated = c >= from && c <= to;
    const isClosed = k >= from && k <= to;
    for (const u of [where.u0[i], where.u1[i]]) {
      if (u < 0) continue;
      if (atStart) stockStart[u]++;
      if (atEnd) stockEnd[u]++;
      if (isCreated) { created[u * ny + c - from]++; jobs(jobsCreated, largestCreated, u, i); }
      if (isClosed) { closed[u * ny + k - from]++; jobs(jobsClosed, largestClosed, u, i); }
    }
  }
  const masks = protect({ created, closed, stockStart, stockEnd, jobsCreated, jobsClosed, largestCreated, largestClosed }, units, ny, where.quartiers);
  return { period, years, units, created, closed, stockStart, stockEnd, jobsCreated, jobsClosed, masks, inconsistentDates };
}

interface Figures {
  created: Float64Array; closed: Float64Array; stockStart: Float64Array; stockEnd: Float64Array;
  jobsCreated: Float64Array; jobsClosed: Float64Array; largestCreated: Float64Array; largestClosed: Float64Array;
}

/**
 * Primary masks (1 or 2 establishments; jobs also under the 85 % dominance rule), then the
 * lines: per territory, stockStart + Σ created − Σ closed = stockEnd and stockEnd − stockStart
 * = net; across quartiers, each figure of the quartiers adds up to all quartiers'.
 */
function protect(f: Figures, units: number, ny: number, n: number): EvolutionTable['masks'] {
  // One flat array of every published count: [created | closed | stockStart | stockEnd | net].
  const oC = 0, oK = units * ny, oS = 2 * units * ny, oE = oS + units, oN = oE + units;
  const values = new Float64Array(oN + units);
  values.set(f.created, oC);
  values.set(f.closed, oK);
  values.set(f.stockStart, oS);
  values.set(f.stockEnd, oE);
  for (let u = 0; u < units; u++) values[oN + u] = Math.abs(f.stockEnd[u] - f.stockStart[u]);
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < oN; i++) if (isSecret(values[i])) mask[i] = 1;
  const lines: number[][] = [];
  for (let u = 0; u < units; u++) {
    const line = [oS + u, oE + u];
    for (let y = 0; y < ny; y++) line.push(oC + u * ny + y, oK + u * ny + y);
    lines.push(line, [oS + u, oE + u, oN + u]);
  }
  const all = units - 1;
  if (n > 0) {
    const column = (offset: number, stride: number, c: number) => {
      const line = [offset + all * stride + c];
      for (let q = 0; q < n; q++) line.push(offset + q * stride + c);
      return line;
    };
    for (let y = 0; y < ny; y++) lines.push(column(oC, ny, y), column(oK, ny, y));
    lines.push(column(oS, 1, 0), column(oE, 1, 0));
  }
  suppressLines(values, mask, lines);

  // Jobs: totals over the period, primary rule and the quartiers → all quartiers column.
  const jobsMask = (jobs: Float64Array, largest: Float64Array, counts: Float64Array) => {
    const est = new Float64Array(units), m = new Uint8Array(units);
    for (let u = 0; u < units; u++) {
      let k = 0;
      for (let y = 0; y < ny; y++) k += counts[u * ny + y];
      est[u] = jobs[3 * u];
      if (isSecret(k, jobs[3 * u], largest[u])) m[u] = 1;
    }
    if (n > 0) suppressLines(est, m, [[all, ...Array.from({ length: n }, (_, q) => q)]]);
    return m;
  };
  return {
    created: mask.slice(oC, oK),
    closed: mask.slice(oK, oS),
    stockStart: mask.slice(oS, oE),
    stockEnd: mask.slice(oE, oN),
    net: mask.slice(oN),
    jobsCreated: jobsMask(f.jobsCreated, f.largestCreated, f.created),
    jobsClosed: jobsMask(f.jobsClosed, f.largestClosed, f.closed),
  };
}

/** One territory's evolution as published (JSON, CSV, screen): masked figures are null. */
export interface PublishedEvolution {
  period: [number, number];
  created: Record<string, number | null>;
  closed: Record<string, number | null>;
  net: number | null;
  stockStart: number | null;
  stockEnd: number | null;
  jobsCreated: { estimate: number; min: number; max: number } | null;
  jobsClosed: { estimate: number; min: number; max: number } | null;
}

/** The published evolution of unit `u`. */
export function publishedEvolution(t: EvolutionTable, u: number): PublishedEvolution {
  const ny = t.years.length;
  const perYear = (v: Float64Array, m: Uint8Array) =>
    Object.fromEntries(t.years.map((y, k) => [String(y), m[u * ny + k] ? null : v[u * ny + k]]));
  const jobs = (v: Float64Array, m: Uint8Array) => (m[u] ? null : { estimate: v[3 * u], min: v[3 * u + 1], max: v[3 * u + 2] });
  return {
    period: t.period,
    created: perYear(t.created, t.masks.created),
    closed: perYear(t.closed, t.masks.closed),
    net: t.masks.net[u] ? null : t.stockEnd[u] - t.stockStart[u],
    stockStart: t.masks.stockStart[u] ? null : t.stockStart[u],
    stockEnd: t.masks.stockEnd[u] ? null : t.stockEnd[u],
    jobsCreated: jobs(t.jobsCreated, t.masks.jobsCreated),
    jobsClosed: jobs(t.jobsClosed, t.masks.jobsClosed),
  };
}
