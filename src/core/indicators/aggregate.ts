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
 * Accumulates the totals of every unit for the given filters.
 *
 * Filters on family, sector and size select the ESS establishments counted; the
 * denominators (all establishments, all jobs) ignore them but follow the employer and
 * commune filters, so that a share compares like with like.
 */
export function aggregate(table: EstablishmentTable, placement: Placement, layout: UnitLayout, filters: Filters): Totals {
  const n = layout.quartiers;
  const c = layout.communes.length;
  const units = 2 * n + c + 1;
  const all = 2 * n + c;
  const f64 = (k = 1) => new Float64Array(units * k);
  const t: Totals = {
    units, layout,
    essEstablishments: f64(), essNonEmployer: f64(), essJobs: f64(), essJobsMin: f64(), essJobsMax: f64(), essJobsLargest: f64(),
    allEstablishments: f64(), allJobs: f64(), allJobsMin: f64(), allJobsMax: f64(),
    familyEstablishments: f64(NF), familyJobs: f64(NF), familyLargest: f64(NF),
    sectorEstablishments: f64(NS), sectorJobs: f64(NS), sectorLargest: f64(NS),
    sizeEstablishments: f64(NZ), sizeJobs: f64(NZ), sizeLargest: f64(NZ),
  };
  const famOk = mask(filters.families, NF);
  const secOk = mask(filters.sectors, NS);
  const sizOk = mask(filters.sizes, NZ);
  // Table commune index → rest-of-commune unit, and → allowed by the commune filter.
  const communeUnit = new Int32Array(table.communes.length + 1).fill(-1);
  const communeOk = new Uint8Array(table.communes.length + 1).fill(filters.communes ? 0 : 1);
  const unitOf = new Map(layout.communes.map((code, i) => [code, 2 * n + i]));
  const allowed = filters.communes ? new Set(filters.communes) : null;
  table.communes.forEach((code, i) => {
    communeUnit[i] = unitOf.get(code) ?? -1;
    if (allowed?.has(code)) communeOk[i] = 1;
  });
  const noCommune = table.communes.length;
  if (!allowed) communeOk[noCommune] = 1;

  const { quartier, ring } = placement;
  const { ess, family, sector, size, employer, jobsEstimate, jobsMin, jobsMax, commune } = table;
  const employerOnly = filters.employerOnly;
  const targets = new Int32Array(4);
  const count = table.count;
  for (let i = 0; i < count; i++) {
    const q = quartier[i];
    const r = ring[i];
    const cm = commune[i] === NO_COMMUNE ? noCommune : commune[i];
    if (communeOk[cm] === 0) continue;
    let k = 0;
    if (q >= 0) {
      targets[k++] = q;
      targets[k++] = all;
    } else {
      if (r >= 0) targets[k++] = n + r;
      const cu = communeUnit[cm];
      if (cu >= 0) targets[k++] = cu;
    }
    if (k === 0) continue;
    const isEss = ess[i] === 1;
    if (employerOnly && employer[i] === 0) {
      if (isEss && famOk[family[i]] && secOk[sector[i]]) for (let j = 0; j < k; j++) t.essNonEmployer[targets[j]]++;
      continue;
    }
    const je = jobsEstimate[i];
    const jmin = jobsMin[i];
    const jmax = jobsMax[i];
    const countEss = isEss && famOk[family[i]] === 1 && secOk[sector[i]] === 1 && sizOk[size[i]] === 1;
    for (let j = 0; j < k; j++) {
      const u = targets[j];
      t.allEstablishments[u]++;
      t.allJobs[u] += je;
      t.allJobsMin[u] += jmin;
      t.allJobsMax[u] += jmax;
      if (!countEss) continue;
      if (employer[i] === 0) t.essNonEmployer[u]++;
      t.essEstablishments[u]++;
      t.essJobs[u] += je;
      t.essJobsMin[u] += jmin;
      t.essJobsMax[u] += jmax;
      if (je > t.essJobsLargest[u]) t.essJobsLargest[u] = je;
      const fi = u * NF + family[i];
      t.familyEstablishments[fi]++;
      t.familyJobs[fi] += je;
      if (je > t.familyLargest[fi]) t.familyLargest[fi] = je;
      const si = u * NS + sector[i];
      t.sectorEstablishments[si]++;
      t.sectorJobs[si] += je;
      if (je > t.sectorLargest[si]) t.sectorLargest[si] = je;
      const zi = u * NZ + size[i];
      t.sizeEstablishments[zi]++;
      t.sizeJobs[zi] += je;
      if (je > t.sizeLargest[zi]) t.sizeLargest[zi] = je;
    }
  }
  return t;
}
