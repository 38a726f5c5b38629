/**
 * Totals → indicators of DESIGN §4 for one territory: establishments, jobs with their range,
 * ESS job share with its range, ESS establishment share, density, and the three mixes, each
 * cell with its confidentiality flag.
 */
import type { Jobs } from '../types.ts';
import { NF, NS, NZ, type Totals } from './aggregate.ts';
import type { Masks } from './secondary-suppression.ts';

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
  /**
   * ESS establishments ÷ all establishments (0–1), null without a denominator. Same scope on
   * both sides: with the file's rows, employers over employers (or all over all when
   * non-employers are counted in); with a reference `nbetab`, which counts every
   * establishment, all ESS establishments (employers or not) over it.
   */
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
  secret: SecretFlags;
}

/**
 * What is masked (`s`) in a territory's figures, primary and secondary suppression together
 * (secondary-suppression.ts), and what derives from it: every output reads these flags, so
 * the screen, the CSV, the JSON, the sheets and the atlas mask the same cells.
 */
export interface SecretFlags {
  /** ESS establishments, and the density (it gives them back with the population). */
  establishments: boolean;
  /** ESS jobs with their range. */
  jobs: boolean;
  nonEmployer: boolean;
  /** The denominators, when the non-ESS remainder (all − ESS) falls under the rule. */
  allEstablishments: boolean;
  allJobs: boolean;
  /** Derived: masked when the ESS figure or the denominator is (with `nbetab`, the non-employers too). */
  establishmentShare: boolean;
  jobShare: boolean;
}

/**
 * Flag combinations are few: share them (see EMPTY_CELL), keyed by their 5 base bits and a
 * sixth saying the establishment share counts non-employers in its numerator.
 */
const FLAG_CACHE: SecretFlags[] = [];

function flagsOf(bits: number): SecretFlags {
  const cached = FLAG_CACHE[bits];
  if (cached) return cached;
  const establishments = (bits & 1) !== 0, jobs = (bits & 2) !== 0, allEstablishments = (bits & 8) !== 0, allJobs = (bits & 16) !== 0;
  const flags = Object.freeze({
    establishments, jobs, nonEmployer: (bits & 4) !== 0, allEstablishments, allJobs,
    establishmentShare: establishments || allEstablishments || ((bits & 32) !== 0 && (bits & 4) !== 0), jobShare: jobs || allJobs,
  });
  FLAG_CACHE[bits] = flags;
  return flags;
}

/** Flags from the masked base figures, with the derived ones filled in (tests and fixtures). */
export function secretFlags(o: Partial<Pick<SecretFlags, 'establishments' | 'jobs' | 'nonEmployer' | 'allEstablishments' | 'allJobs'>>): SecretFlags {
  return flagsOf((o.establishments ? 1 : 0) | (o.jobs ? 2 : 0) | (o.nonEmployer ? 4 : 0) | (o.allEstablishments ? 8 : 0) | (o.allJobs ? 16 : 0));
}

const ratio = (a: number, b: number | null) => (b !== null && b > 0 ? a / b : null);

/**
 * The empty cell, shared: most cells of most territories are empty, and one shared frozen
 * object is cheaper to build and to post to the main thread (structured clone sends a
 * repeated object once) than thousands of equal ones.
 */
const EMPTY_CELL: MixCell = Object.freeze({ establishments: 0, jobs: 0, secret: false });

/** One mix cell: establishments, jobs and the mask. An empty cell is published as 0. */
function cell(i: number, est: Float64Array, jobs: Float64Array, mask: Uint8Array): MixCell {
  if (est[i] === 0 && jobs[i] === 0) return EMPTY_CELL;
  return { establishments: est[i], jobs: jobs[i], secret: mask[i] === 1 };
}

// The mixes are written as object literals with fixed keys (same order as FAMILIES, SECTORS,
// SIZES): thousands of territories are built on every filter change, and literal shapes are
// several times faster to build than objects grown key by key.
function familyMix(t: Totals, m: Masks, u: number): Record<string, MixCell> {
  const o = u * NF, e = t.familyEstablishments, j = t.familyJobs, l = m.family;
  return {
    association: cell(o, e, j, l), cooperative: cell(o + 1, e, j, l), mutuelle: cell(o + 2, e, j, l),
    fondation: cell(o + 3, e, j, l), societe_commerciale_ess: cell(o + 4, e, j, l), inconnue: cell(o + 5, e, j, l),
  };
}

function sectorMix(t: Totals, m: Masks, u: number): Record<string, MixCell> {
  const o = u * NS, e = t.sectorEstablishments, j = t.sectorJobs, l = m.sector;
  return {
    action_sociale: cell(o, e, j, l), sante: cell(o + 1, e, j, l), enseignement: cell(o + 2, e, j, l),
    sports_loisirs: cell(o + 3, e, j, l), arts_spectacles: cell(o + 4, e, j, l), finance_assurance: cell(o + 5, e, j, l),
    commerce: cell(o + 6, e, j, l), hebergement_restauration: cell(o + 7, e, j, l), soutien_entreprises: cell(o + 8, e, j, l),
    industrie_construction: cell(o + 9, e, j, l), agriculture: cell(o + 10, e, j, l), autres_activites: cell(o + 11, e, j, l),
    non_classe: cell(o + 12, e, j, l),
  };
}

function sizeMix(t: Totals, m: Masks, u: number): Record<string, MixCell> {
  const o = u * NZ, e = t.sizeEstablishments, j = t.sizeJobs, l = m.size;
  return {
    '1-2': cell(o, e, j, l), '3-9': cell(o + 1, e, j, l), '10-19': cell(o + 2, e, j, l), '20-49': cell(o + 3, e, j, l),
    '50+': cell(o + 4, e, j, l), non_employeur: cell(o + 5, e, j, l), inconnue: cell(o + 6, e, j, l), '0': cell(o + 7, e, j, l),
  };
}

/**
 * Indicators of unit `u`, with the masks of `computeMasks` (same `t`, same `fileHasAll`). The
 * file's own non-ESS rows give the denominators when the file has any (same source, same
 * date, same filters); otherwise the reference values, when given.
 */
export function unitIndicators(t: Totals, m: Masks, u: number, fileHasAll: boolean, ref: Denominators | null): Indicators {
  const est = t.essEstablishments[u];
  const jobs: Jobs = { estimate: t.essJobs[u], min: t.essJobsMin[u], max: t.essJobsMax[u] };
  let allEst: number | null = null;
  let allJobs: number | null = null;
  let shareRange: { min: number; max: number } | null = null;
  let source: Indicators['denominatorSource'] = null;
  let shareEst = est;
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
    // nbetab counts every establishment, employer or not: so does the numerator.
    if (t.employerOnly) shareEst = est + t.essNonEmployer[u];
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
    essEstablishmentShare: ratio(shareEst, allEst),
    densityPer1000: density,
    population,
    allEstablishments: allEst,
    allJobs,
    denominatorSource: source,
    families: familyMix(t, m, u),
    sectors: sectorMix(t, m, u),
    sizes: sizeMix(t, m, u),
    secret: flagsOf(m.establishments[u] | (m.jobs[u] << 1) | (m.nonEmployer[u] << 2) | (m.allEstablishments[u] << 3) | (m.allJobs[u] << 4) | (shareEst !== est ? 32 : 0)),
  };
}

/** Sum of denominators over several territories; null when any part is missing. */
export function sumDenominators(parts: (Denominators | null)[]): Denominators | null {
  if (parts.length === 0) return null;
  const sum = (k: keyof Denominators) =>
    parts.every((p) => p && p[k] !== null) ? parts.reduce((a, p) => a + (p![k] as number), 0) : null;
  return { population: sum('population'), establishments: sum('establishments'), jobs: sum('jobs') };
}
