/**
 * The hot path run on every filter change: one linear pass over the typed columns, with the
 * filter compiled into lookup masks, accumulating per-territory totals. Territories ("units")
 * are laid out as: quartiers [0, n), quartier vécu rings [n, 2n), rest of each commune
 * [2n, 2n + c), all loaded quartiers together (2n + c).
 */
import type { EstablishmentTable } from '../ingest/establishment-table.ts';
import { NO_COMMUNE } from '../ingest/establishment-table.ts';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';

export interface Filters {
  /** Allowed family indices; null = all. */
  families: number[] | null;
  sectors: number[] | null;
  sizes: number[] | null;
  /** Count employer establishments only (the observatories' convention; default true). */
  employerOnly: boolean;
  /** Allowed commune codes; null = all. */
  communes: string[] | null;
}

export const DEFAULT_FILTERS: Filters = { families: null, sectors: null, sizes: null, employerOnly: true, communes: null };

/** Per-row placement, computed once by the spatial join. */
export interface Placement {
  /** Quartier index per row, -1 outside every quartier. */
  quartier: Int32Array;
  /** Quartier vécu ring per row (nearest quartier within the band), -1 otherwise. */
  ring: Int32Array;
}

export interface UnitLayout {
  quartiers: number;
  /** Commune codes that have a rest-of-commune unit. */
  communes: string[];
}

export const NF = FAMILIES.length;
export const NS = SECTORS.length;
export const NZ = SIZES.length;

/** Raw sums per unit; arrays of length units (× categories for the mixes). */
export interface Totals {
  units: number;
  layout: UnitLayout;
  /** Non-employers counted apart (not inside essEstablishments). */
  employerOnly: boolean;
  essEstablishments: Float64Array;
  essNonEmployer: Float64Array;
  essJobs: Float64Array;
  essJobsMin: Float64Array;
  essJobsMax: Float64Array;
  /** Largest single ESS establishment (jobs estimate) of the unit, for the dominance rule. */
  essJobsLargest: Float64Array;
  allEstablishments: Float64Array;
  allJobs: Float64Array;
  allJobsMin: Float64Array;
  allJobsMax: Float64Array;
  /**
   * Largest single establishment (jobs estimate) among those in the denominators but not in
   * the ESS count (non-ESS rows, and ESS rows left out by a family, sector or size filter):
   * the dominance rule of the non-ESS remainder (all − ESS), which a published share reveals.
   */
  otherJobsLargest: Float64Array;
  familyEstablishments: Float64Array;
  familyJobs: Float64Array;
  familyLargest: Float64Array;
  sectorEstablishments: Float64Array;
  sectorJobs: Float64Array;
  sectorLargest: Float64Array;
  sizeEstablishments: Float64Array;
  sizeJobs: Float64Array;
  sizeLargest: Float64Array;
}

function mask(allowed: number[] | null, size: number): Uint8Array {
  const m = new Uint8Array(size);
  if (allowed === null) m.fill(1);
  else for (const v of allowed) if (v >= 0 && v < size) m[v] = 1;
  return m;
}

/**
 * What stays true across filter changes for one placement: each row's two territories (a
 * quartier and "all quartiers", or a ring and a rest-of-commune; -1 for none), the ESS rows
 * that reach some territory, and the denominators already computed per employer/commune
 * filter. Family, sector and size filters only select ESS rows, so a click on them reads the
 * ESS rows alone (about one row in eight) and reuses the denominators.
 */
interface Plan {
  table: EstablishmentTable;
  layoutKey: string;
  u0: Int32Array;
  u1: Int32Array;
  essRows: Int32Array;
  communeUnit: Int32Array;
  denominators: Map<string, Float64Array[]>;
}

const plans = new WeakMap<Placement, Plan>();

function planFor(table: EstablishmentTable, placement: Placement, layout: UnitLayout): Plan {
  const layoutKey = `${layout.quartiers}|${layout.communes.join(',')}`;
  const cached = plans.get(placement);
  if (cached && cached.table === table && cached.layoutKey === layoutKey) return cached;
  const n = layout.quartiers;
  const all = 2 * n + layout.communes.length;
  const unitOf = new Map(layout.communes.map((code, i) => [code, 2 * n + i]));
  const communeUnit = new Int32Array(table.communes.length + 1).fill(-1);
  table.communes.forEach((code, i) => (communeUnit[i] = unitOf.get(code) ?? -1));
  const noCommune = table.communes.length;
  const u0 = new Int32Array(table.count);
  const u1 = new Int32Array(table.count);
  let essCount = 0;
  for (let i = 0; i < table.count; i++) {
    const q = placement.quartier[i];
    if (q >= 0) {
      u0[i] = q;
      u1[i] = all;
    } else {
      const r = placement.ring[i];
      const cu = communeUnit[table.commune[i] === NO_COMMUNE ? noCommune : table.commune[i]];
      u0[i] = r >= 0 ? n + r : cu;
      u1[i] = r >= 0 ? cu : -1;
    }
    if (u0[i] >= 0 && table.ess[i] === 1) essCount++;
  }
  const essRows = new Int32Array(essCount);
  for (let i = 0, k = 0; i < table.count; i++) if (u0[i] >= 0 && table.ess[i] === 1) essRows[k++] = i;
  const plan: Plan = { table, layoutKey, u0, u1, essRows, communeUnit, denominators: new Map() };
  plans.set(placement, plan);
  return plan;
}

/** Allowed flag per table commune index (the last index stands for "no commune"). */
function communeMask(table: EstablishmentTable, communes: string[] | null): Uint8Array | null {
  if (!communes) return null;
  const allowed = new Set(communes);
  const ok = new Uint8Array(table.communes.length + 1);
  table.communes.forEach((code, i) => (ok[i] = allowed.has(code) ? 1 : 0));
  return ok;
}

/** All establishments and all jobs per unit: the denominators, cached per employer/commune filter. */
function denominators(plan: Plan, units: number, filters: Filters, communeOk: Uint8Array | null): Float64Array[] {
  const key = `${filters.employerOnly}|${filters.communes?.join(',') ?? '*'}`;
  const cached = plan.denominators.get(key);
  if (cached) return cached;
  const { table, u0, u1 } = plan;
  const { employer, jobsEstimate, jobsMin, jobsMax, commune, ess } = table;
  const est = new Float64Array(units);
  const otherLargest = new Float64Array(units);
  const jobs = new Float64Array(units);
  const jmin = new Float64Array(units);
  const jmax = new Float64Array(units);
  const noCommune = table.communes.length;
  const employerOnly = filters.employerOnly;
  for (let i = 0; i < table.count; i++) {
    const a = u0[i];
    if (a < 0) continue;
    if (employerOnly && employer[i] === 0) continue;
    if (communeOk && communeOk[commune[i] === NO_COMMUNE ? noCommune : commune[i]] === 0) continue;
    const je = jobsEstimate[i], lo = jobsMin[i], hi = jobsMax[i];
    est[a]++;
    jobs[a] += je;
    jmin[a] += lo;
    jmax[a] += hi;
    const other = ess[i] !== 1;
    if (other && je > otherLargest[a]) otherLargest[a] = je;
    const b = u1[i];
    if (b >= 0) {
      est[b]++;
      jobs[b] += je;
      jmin[b] += lo;
      jmax[b] += hi;
      if (other && je > otherLargest[b]) otherLargest[b] = je;
    }
  }
  const result = [est, jobs, jmin, jmax, otherLargest];
  // A handful of employer/commune combinations per session: keep them all but bounded.
  if (plan.denominators.size > 16) plan.denominators.clear();
  plan.denominators.set(key, result);
  return result;
}

/** Adds one counted ESS establishment to unit `u`. */
function addEss(t: Totals, u: number, f: number, s: number, z: number, je: number, lo: number, hi: number, nonEmployer: boolean): void {
  if (nonEmployer) t.essNonEmployer[u]++;
  t.essEstablishments[u]++;
  t.essJobs[u] += je;
  t.essJobsMin[u] += lo;
  t.essJobsMax[u] += hi;
  if (je > t.essJobsLargest[u]) t.essJobsLargest[u] = je;
  const fi = u * NF + f;
  t.familyEstablishments[fi]++;
  t.familyJobs[fi] += je;
  if (je > t.familyLargest[fi]) t.familyLargest[fi] = je;
  const si = u * NS + s;
  t.sectorEstablishments[si]++;
  t.sectorJobs[si] += je;
  if (je > t.sectorLargest[si]) t.sectorLargest[si] = je;
  const zi = u * NZ + z;
  t.sizeEstablishments[zi]++;
  t.sizeJobs[zi] += je;
  if (je > t.sizeLargest[zi]) t.sizeLargest[zi] = je;
}

/**
 * Accumulates the totals of every unit for the given filters.
 *
 * Filters on family, sector and size select the ESS establishments counted; the
 * denominators (all establishments, all jobs) ignore them but follow the employer and
 * commune filters, so that a share compares like with like. The per-placement plan and the
 * denominators are cached: after the first call for a placement, a filter change reads only
 * the ESS rows. The returned arrays must not be modified.
 */
export function aggregate(table: EstablishmentTable, placement: Placement, layout: UnitLayout, filters: Filters): Totals {
  const n = layout.quartiers;
  const c = layout.communes.length;
  const units = 2 * n + c + 1;
  const plan = planFor(table, placement, layout);
  const communeOk = communeMask(table, filters.communes);
  const [allEstablishments, allJobs, allJobsMin, allJobsMax, nonEssLargest] = denominators(plan, units, filters, communeOk);
  const otherJobsLargest = nonEssLargest.slice();
  const f64 = (k = 1) => new Float64Array(units * k);
  const t: Totals = {
    units, layout, employerOnly: filters.employerOnly,
    essEstablishments: f64(), essNonEmployer: f64(), essJobs: f64(), essJobsMin: f64(), essJobsMax: f64(), essJobsLargest: f64(),
    allEstablishments, allJobs, allJobsMin, allJobsMax, otherJobsLargest,
    familyEstablishments: f64(NF), familyJobs: f64(NF), familyLargest: f64(NF),
    sectorEstablishments: f64(NS), sectorJobs: f64(NS), sectorLargest: f64(NS),
    sizeEstablishments: f64(NZ), sizeJobs: f64(NZ), sizeLargest: f64(NZ),
  };
  const famOk = mask(filters.families, NF);
  const secOk = mask(filters.sectors, NS);
  const sizOk = mask(filters.sizes, NZ);
  const { family, sector, size, employer, jobsEstimate, jobsMin, jobsMax, commune } = table;
  const { u0, u1, essRows } = plan;
  const noCommune = table.communes.length;
  const employerOnly = filters.employerOnly;
  for (let k = 0; k < essRows.length; k++) {
    const i = essRows[k];
    if (communeOk && communeOk[commune[i] === NO_COMMUNE ? noCommune : commune[i]] === 0) continue;
    const f = family[i], s = sector[i], z = size[i];
    const a = u0[i], b = u1[i];
    const nonEmployer = employer[i] === 0;
    if (employerOnly && nonEmployer) {
      // Counted apart, as observatories do (and not in the denominators either).
      if (famOk[f] === 1 && secOk[s] === 1) {
        t.essNonEmployer[a]++;
        if (b >= 0) t.essNonEmployer[b]++;
      }
      continue;
    }
    const je = jobsEstimate[i];
    if (famOk[f] === 0 || secOk[s] === 0 || sizOk[z] === 0) {
      // In the denominators, not in the ESS count: part of the remainder all − ESS.
      if (je > otherJobsLargest[a]) otherJobsLargest[a] = je;
      if (b >= 0 && je > otherJobsLargest[b]) otherJobsLargest[b] = je;
      continue;
    }
    const lo = jobsMin[i], hi = jobsMax[i];
    addEss(t, a, f, s, z, je, lo, hi, nonEmployer);
    if (b >= 0) addEss(t, b, f, s, z, je, lo, hi, nonEmployer);
  }
  return t;
}
