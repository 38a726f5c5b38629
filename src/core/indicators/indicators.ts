/**
 * Totals → indicators of DESIGN §4 for one territory: establishments, jobs with their range,
 * ESS job share with its range, ESS establishment share, density, and the three mixes, each
 * cell with its confidentiality flag.
 */
import type { Jobs } from '../types.ts';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';
import { NF, NS, NZ, type Totals } from './aggregate.ts';
import { isSecret } from './confidentiality.ts';

/** Per-territory denominators from a reference file or the boundary file. */
export interface Denominators {
  population: number | null;
  establishments: number | null;
  jobs: number | null;
}

export interface MixCell {
  establishments: number;
  jobs: number;
  secret: boolean;
}

export interface Indicators {
  establishments: number;
  nonEmployerEstablishments: number;
  jobs: Jobs;
  /** ESS jobs ÷ all jobs (0–1), null without a denominator. */
  essJobShare: number | null;
  essJobShareRange: { min: number; max: number } | null;
  /** ESS establishments ÷ all establishments (0–1), null without a denominator. */
  essEstablishmentShare: number | null;
  /** ESS establishments per 1 000 inhabitants, null without a population. */
  densityPer1000: number | null;
  population: number | null;
  allEstablishments: number | null;
  allJobs: number | null;
  /** Where the denominators come from. */
  denominatorSource: 'fichier' | 'reference' | null;
  families: Record<string, MixCell>;
  sectors: Record<string, MixCell>;
  sizes: Record<string, MixCell>;
  secret: { establishments: boolean; jobs: boolean };
}

const ratio = (a: number, b: number | null) => (b !== null && b > 0 ? a / b : null);

function mix(keys: readonly string[], k: number, u: number, est: Float64Array, jobs: Float64Array, largest: Float64Array) {
  const out: Record<string, MixCell> = {};
  keys.forEach((key, j) => {
    const i = u * k + j;
    out[key] = { establishments: est[i], jobs: jobs[i], secret: isSecret(est[i], jobs[i], largest[i]) };
  });
  return out;
}

/**
 * Indicators of unit `u`. The file's own non-ESS rows give the denominators when the file has
 * any (same source, same date, same filters); otherwise the reference values, when given.
 */
export function unitIndicators(t: Totals, u: number, fileHasAll: boolean, ref: Denominators | null): Indicators {
  const est = t.essEstablishments[u];
  const jobs: Jobs = { estimate: t.essJobs[u], min: t.essJobsMin[u], max: t.essJobsMax[u] };
  let allEst: number | null = null;
  let allJobs: number | null = null;
  let shareRange: { min: number; max: number } | null = null;
  let source: Indicators['denominatorSource'] = null;
  if (fileHasAll) {
    allEst = t.allEstablishments[u];
    allJobs = t.allJobs[u];
    source = 'fichier';
    // All jobs = ESS + non-ESS, so the extreme shares pair ESS min with non-ESS max and vice versa.
    const otherMin = t.allJobsMin[u] - jobs.min;
    const otherMax = t.allJobsMax[u] - jobs.max;
    const lo = ratio(jobs.min, jobs.min + otherMax);
    const hi = ratio(jobs.max, jobs.max + otherMin);
    if (lo !== null && hi !== null) shareRange = { min: lo, max: hi };
  } else if (ref && (ref.establishments !== null || ref.jobs !== null)) {
    allEst = ref.establishments;
    allJobs = ref.jobs;
    source = 'reference';
    const lo = ratio(jobs.min, allJobs);
    const hi = ratio(jobs.max, allJobs);
    if (lo !== null && hi !== null) shareRange = { min: lo, max: hi };
  }
  const population = ref?.population ?? null;
  const density = population !== null && population > 0 ? (est / population) * 1000 : null;
  return {
    establishments: est,
    nonEmployerEstablishments: t.essNonEmployer[u],
    jobs,
    essJobShare: ratio(jobs.estimate, allJobs),
    essJobShareRange: shareRange,
    essEstablishmentShare: ratio(est, allEst),
    densityPer1000: density,
    population,
    allEstablishments: allEst,
    allJobs,
    denominatorSource: source,
    families: mix(FAMILIES, NF, u, t.familyEstablishments, t.familyJobs, t.familyLargest),
    sectors: mix(SECTORS, NS, u, t.sectorEstablishments, t.sectorJobs, t.sectorLargest),
    sizes: mix(SIZES, NZ, u, t.sizeEstablishments, t.sizeJobs, t.sizeLargest),
    secret: {
      establishments: isSecret(est),
      jobs: isSecret(est, jobs.estimate, t.essJobsLargest[u]),
    },
  };
}

/** Sum of denominators over several territories; null when any part is missing. */
export function sumDenominators(parts: (Denominators | null)[]): Denominators | null {
  if (parts.length === 0) return null;
  const sum = (k: keyof Denominators) =>
    parts.every((p) => p && p[k] !== null) ? parts.reduce((a, p) => a + (p![k] as number), 0) : null;
  return { population: sum('population'), establishments: sum('establishments'), jobs: sum('jobs') };
}
