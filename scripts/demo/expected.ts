/**
 * The figures an engine should find in the demo files, computed on the published (rounded)
 * coordinates with the definitions of DESIGN.md §4. They go into the manifest so the
 * import report, the CLI and the UI can be checked against numbers nobody typed by hand.
 */
import type { RejectReason } from '../../src/core/types.ts';
import { pointInPoly } from './geometry.ts';
import type { LocalProjection, Poly } from './geometry.ts';
import type { EstablishmentRow } from './establishments.ts';
import type { QuartierShape } from './territory.ts';

export interface JobRange {
  estimate: number;
  min: number;
  max: number;
}

export interface ExpectedQuartier {
  code: string;
  /** Active, located, first-occurrence establishments inside the polygon, ESS or not. */
  all: number;
  ess: number;
  essEmployers: number;
  jobs: JobRange;
  essJobs: JobRange;
}

export interface Expected {
  rows: { read: number; inQuartier: number; outside: number; rejected: number; rejectedBy: Partial<Record<RejectReason, number>> };
  /** ESS share of employer establishments over the whole file (accepted rows). */
  essEmployerShare: number;
  quartiers: ExpectedQuartier[];
}

/** Bracket bounds (INSEE); `NN` and `00` are non-employers. */
const BRACKETS: Record<string, readonly [number, number]> = {
  NN: [0, 0], '00': [0, 0], '01': [1, 2], '02': [3, 5], '03': [6, 9], '11': [10, 19], '12': [20, 49],
  '21': [50, 99], '22': [100, 199], '31': [200, 249], '32': [250, 499],
};

export function jobsOf(tranche: string): JobRange {
  const b = BRACKETS[tranche];
  if (b === undefined) throw new Error(`Tranche d'effectif inattendue : « ${tranche} »`);
  return { estimate: (b[0] + b[1]) / 2, min: b[0], max: b[1] };
}

export function isEmployer(tranche: string): boolean {
  return tranche !== 'NN' && tranche !== '00';
}

function add(total: JobRange, j: JobRange): void {
  total.estimate += j.estimate;
  total.min += j.min;
  total.max += j.max;
}

export function computeExpected(rows: readonly EstablishmentRow[], quartiers: readonly QuartierShape[], projection: LocalProjection): Expected {
  const polys = quartiers.map((q) => q.polys.map((poly): Poly => poly.map((ring) => ring.map((p) => projection.toLonLat(p)))));
  const result: ExpectedQuartier[] = quartiers.map((q) => ({
    code: q.code, all: 0, ess: 0, essEmployers: 0,
    jobs: { estimate: 0, min: 0, max: 0 }, essJobs: { estimate: 0, min: 0, max: 0 },
  }));
  const rejectedBy: Partial<Record<RejectReason, number>> = {};
  const reject = (reason: RejectReason) => (rejectedBy[reason] = (rejectedBy[reason] ?? 0) + 1);
  const seen = new Set<string>();
  let inQuartier = 0;
  let outside = 0;
  let employers = 0;
  let essEmployers = 0;
  for (const r of rows) {
    const repeated = seen.has(r.siret);
    seen.add(r.siret);
    if (r.lon === null || r.lat === null) reject('no_coordinates');
    else if (repeated) reject('duplicate_siret');
    else if (r.etat === 'F') reject('closed');
    else {
      if (isEmployer(r.tranche)) {
        employers++;
        if (r.ess === 'O') essEmployers++;
      }
      const at = [r.lon, r.lat] as const;
      const index = polys.findIndex((qp) => qp.some((poly) => pointInPoly(at, poly)));
      const q = result[index];
      if (q === undefined) {
        outside++;
        continue;
      }
      inQuartier++;
      const jobs = jobsOf(r.tranche);
      q.all++;
      add(q.jobs, jobs);
      if (r.ess === 'O') {
        q.ess++;
        add(q.essJobs, jobs);
        if (isEmployer(r.tranche)) q.essEmployers++;
      }
    }
  }
  const rejected = rows.length - inQuartier - outside;
  return {
    rows: { read: rows.length, inQuartier, outside, rejected, rejectedBy },
    essEmployerShare: Number((essEmployers / employers).toFixed(4)),
    quartiers: result,
  };
}
