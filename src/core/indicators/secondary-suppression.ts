/**
 * Secret statistique that holds when totals are published (DESIGN §2, INSEE's *manuel de
 * protection des tableaux*): primary masks (fewer than 3 establishments, or one above 85 %
 * of the value) on every published count, then secondary suppression so that no masked cell
 * is the difference between a published total and the published cells beside it.
 *
 * The published tables, and the sums that tie them:
 * - each territory's family, sector and size mixes add up to its ESS establishments and ESS
 *   jobs (rows: the cells of one mix and the total);
 * - the quartiers add up to « ensemble des quartiers », cell by cell and total by total
 *   (columns: one figure of every quartier and the all-quartiers figure);
 * - with the file's own denominators, all establishments = ESS + the non-ESS remainder, so
 *   a remainder under the rule masks the denominator (and the share that reveals it);
 * - with non-employers counted in, ESS establishments = employers + non-employers.
 *
 * A line (row or column) with exactly one masked member gives it away; the smallest other
 * non-empty member of the line is masked in turn (cells before the total), until no line has
 * a single masked member. Each pass is linear in the number of cells, and masks only grow, so
 * it ends after a few passes.
 */
import { NF, NS, NZ, type Totals } from './aggregate.ts';
import { isSecret } from './confidentiality.ts';

/** Masks (1 = masked) per unit, or per unit × category for the mixes. */
export interface Masks {
  establishments: Uint8Array;
  jobs: Uint8Array;
  nonEmployer: Uint8Array;
  /** The denominators « all establishments » and « all jobs » (file-based only). */
  allEstablishments: Uint8Array;
  allJobs: Uint8Array;
  family: Uint8Array;
  sector: Uint8Array;
  size: Uint8Array;
}

interface Mix {
  k: number;
  mask: Uint8Array;
  est: Float64Array;
  jobs: Float64Array;
  /** Masked cells per category among the quartiers and the margin (the column lines). */
  columnMasked: Int32Array;
  /** Units that sit in the column lines: quartiers [0, n) and the margin. */
  inColumns: (u: number) => boolean;
}

function markCell(mix: Mix, u: number, c: number): void {
  mix.mask[u * mix.k + c] = 1;
  if (mix.inColumns(u)) mix.columnMasked[c]++;
}

function primaryMix(t: Totals, k: number, est: Float64Array, jobs: Float64Array, largest: Float64Array): Uint8Array {
  const m = new Uint8Array(t.units * k);
  for (let i = 0; i < m.length; i++) if (est[i] > 0 && isSecret(est[i], jobs[i], largest[i])) m[i] = 1;
  return m;
}

/** Primary masks: each published figure on its own. */
function primary(t: Totals, fileHasAll: boolean, employerOnly: boolean): Masks {
  const u = t.units;
  const m: Masks = {
    establishments: new Uint8Array(u), jobs: new Uint8Array(u), nonEmployer: new Uint8Array(u),
    allEstablishments: new Uint8Array(u), allJobs: new Uint8Array(u),
    family: primaryMix(t, NF, t.familyEstablishments, t.familyJobs, t.familyLargest),
    sector: primaryMix(t, NS, t.sectorEstablishments, t.sectorJobs, t.sectorLargest),
    size: primaryMix(t, NZ, t.sizeEstablishments, t.sizeJobs, t.sizeLargest),
  };
  for (let i = 0; i < u; i++) {
    const e = t.essEstablishments[i];
    if (isSecret(e)) m.establishments[i] = 1;
    if (isSecret(e, t.essJobs[i], t.essJobsLargest[i])) m.jobs[i] = 1;
    const ne = t.essNonEmployer[i];
    // Counted in: the employers are the difference, and fall under the rule too.
    if (isSecret(ne) || (!employerOnly && ne > 0 && isSecret(e - ne))) m.nonEmployer[i] = 1;
    if (fileHasAll) {
      const rest = t.allEstablishments[i] - e;
      if (isSecret(rest)) m.allEstablishments[i] = m.allJobs[i] = 1;
      if (isSecret(rest, t.allJobs[i] - t.essJobs[i], t.otherJobsLargest[i])) m.allJobs[i] = 1;
    }
  }
  return m;
}

/**
 * Masks the smallest unmasked non-empty cell of `mix` in unit `u` other than `except`
 * (-1: any), first among the cells whose column already has a masked member (masking them
 * opens no new gap there); false when there is none.
 */
function maskSmallestCell(mix: Mix, u: number, except: number, by: Float64Array): boolean {
  const o = u * mix.k;
  const columns = mix.inColumns(u);
  let best = -1;
  let bestFree = false;
  for (let c = 0; c < mix.k; c++) {
    const i = o + c;
    if (c === except || mix.mask[i] === 1 || mix.est[i] === 0) continue;
    const free = !columns || mix.columnMasked[c] > 0;
    if (best < 0 || (free && !bestFree) || (free === bestFree && by[i] < by[o + best])) {
      best = c;
      bestFree = free;
    }
  }
  if (best < 0) return false;
  markCell(mix, u, best);
  return true;
}

/** Row lines of unit `u`: each mix against the ESS establishments and the ESS jobs. */
function protectRows(m: Masks, mixes: Mix[], u: number): boolean {
  let changed = false;
  for (const mix of mixes) {
    for (const measure of ['est', 'jobs'] as const) {
      const total = measure === 'est' ? m.establishments : m.jobs;
      const by = measure === 'est' ? mix.est : mix.jobs;
      let masked = total[u];
      let single = -1;
      const o = u * mix.k;
      for (let c = 0; c < mix.k; c++) {
        if (mix.mask[o + c] === 1) {
          masked++;
          single = c;
        }
      }
      if (masked !== 1) continue;
      // One masked cell, total published: mask another cell, or the total when none is left.
      if (!maskSmallestCell(mix, u, single, by)) total[u] = 1;
      changed = true;
    }
  }
  return changed;
}

/** Masked cells of `mix` in unit `u`, cell `except` left out. */
function maskedInRow(mix: Mix, u: number, except: number): number {
  let count = 0;
  for (let c = 0, o = u * mix.k; c < mix.k; c++) if (c !== except && mix.mask[o + c] === 1) count++;
  return count;
}

/**
 * Column line: one figure of every quartier [0, n) and of all quartiers (`margin`).
 * `mask` and `value` are indexed by unit × `k` + `c`. The complement is chosen among the
 * other quartiers and the margin: first those whose own row already has a masked member
 * (`rowMasked(u) > 0`), so masking it opens no new gap there; a quartier before the margin,
 * which readers look at most; then the smallest value.
 */
function protectColumn(
  mask: Uint8Array, value: Float64Array, n: number, margin: number, k: number, c: number,
  rowMasked: (u: number) => number, mark: (u: number) => void,
): boolean {
  let masked = mask[margin * k + c];
  let single = masked === 1 ? margin : -1;
  for (let q = 0; q < n && masked < 2; q++) {
    if (mask[q * k + c] === 1) {
      masked++;
      single = q;
    }
  }
  if (masked !== 1) return false;
  let best = -1;
  let bestRank = 4;
  const consider = (u: number) => {
    const i = u * k + c;
    if (u === single || mask[i] === 1 || value[i] === 0) return;
    const rank = (rowMasked(u) > 0 ? 0 : 2) + (u === margin ? 1 : 0);
    if (rank < bestRank || (rank === bestRank && value[i] < value[best * k + c])) {
      best = u;
      bestRank = rank;
    }
  };
  for (let q = 0; q < n; q++) consider(q);
  consider(margin);
  // Nothing left to mask in the column (every other figure is empty): the line gives nothing away.
  if (best < 0) return false;
  mark(best);
  return true;
}

/**
 * Masks of every published figure of every territory, primary and secondary.
 *
 * @param fileHasAll the denominators come from the file's own non-ESS rows
 * @param employerOnly non-employers are counted apart (not inside the ESS establishments)
 */
export function computeMasks(t: Totals, fileHasAll: boolean, employerOnly: boolean): Masks {
  const m = primary(t, fileHasAll, employerOnly);
  const n = t.layout.quartiers;
  const margin = t.units - 1;
  const inColumns = (u: number) => u < n || u === margin;
  const mix = (k: number, mask: Uint8Array, est: Float64Array, jobs: Float64Array): Mix => {
    const columnMasked = new Int32Array(k);
    for (let u = 0; u < t.units; u++) if (inColumns(u)) for (let c = 0; c < k; c++) columnMasked[c] += mask[u * k + c];
    return { k, mask, est, jobs, columnMasked, inColumns };
  };
  const mixes: Mix[] = [
    mix(NF, m.family, t.familyEstablishments, t.familyJobs),
    mix(NS, m.sector, t.sectorEstablishments, t.sectorJobs),
    mix(NZ, m.size, t.sizeEstablishments, t.sizeJobs),
  ];
  const remainder = new Float64Array(t.units);
  for (let i = 0; i < t.units; i++) remainder[i] = t.allEstablishments[i] - t.essEstablishments[i];
  const totals: [Uint8Array, Float64Array][] = [
    [m.establishments, t.essEstablishments],
    [m.jobs, t.essJobs],
    [m.nonEmployer, t.essNonEmployer],
    [m.allEstablishments, remainder],
    [m.allJobs, remainder],
  ];
  // How masked the rows of a unit already are, for the choice of a column complement.
  const mixRow = (mix: Mix, c: number) => (u: number) => m.establishments[u] + maskedInRow(mix, u, c);
  const totalRows = (u: number) => Math.min(...mixes.map((mix) => maskedInRow(mix, u, -1)));
  const noRow = () => 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = 0; u < t.units; u++) if (protectRows(m, mixes, u)) changed = true;
    if (n === 0) break;
    for (const x of mixes) {
      for (let c = 0; c < x.k; c++) {
        if (protectColumn(x.mask, x.est, n, margin, x.k, c, mixRow(x, c), (u) => markCell(x, u, c))) changed = true;
      }
    }
    totals.forEach(([mask, value], j) => {
      if (protectColumn(mask, value, n, margin, 1, 0, j < 2 ? totalRows : noRow, (u) => (mask[u] = 1))) changed = true;
    });
  }
  return m;
}
