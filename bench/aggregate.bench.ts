/**
 * Re-aggregation benchmark: 1 000 000 seeded establishments on ~1 600 quartiers, placed once,
 * then the indicators recomputed after each filter change, as the app does on every click.
 *
 * Peer, measured in the same run: what a user writes without typed columns (kepler- or
 * magrit-style code): the rows as objects, filtered into a new array, then grouped with a Map
 * per territory. Re-running the spatial join on each change would be a strawman; this is not.
 *
 * Run alone with `npx tsx bench/aggregate.bench.ts`; bench/run.ts calls run().
 */
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { computeDiagnostic, placeEstablishments, unitLayout } from '../src/core/diagnostic.ts';
import { aggregate, DEFAULT_FILTERS, type Filters, type Placement } from '../src/core/indicators/aggregate.ts';
import { NO_COMMUNE, type EstablishmentTable } from '../src/core/ingest/establishment-table.ts';
import { FAMILIES, SECTORS, SIZES, type Quartier } from '../src/core/types.ts';
import { familyIndex, makeEstablishmentTable, sectorIndex, withCommunes } from './generate-establishments.ts';
import { FRANCE, loadRealQuartiers, spreadOverFrance } from './spatial-join.bench.ts';

const ESTABLISHMENTS = 1_000_000;
const RUNS = 20;

export interface AggregateFigures {
  lines: string[];
  /** Medians in milliseconds, and the fastest run of each. */
  aggregateMs: number;
  diagnosticMs: number;
  peerMs: number;
  aggregateMinMs: number;
  diagnosticMinMs: number;
  peerMinMs: number;
}

/** One establishment as the naive code holds it: a plain object with its placement. */
interface PeerRow {
  quartier: string | null;
  ring: string | null;
  commune: string | null;
  ess: boolean;
  employer: boolean;
  family: string;
  sector: string;
  size: string;
  jobs: number;
  jobsMin: number;
  jobsMax: number;
}

interface PeerGroup {
  all: number;
  allJobs: number;
  ess: number;
  essJobs: number;
  essJobsMin: number;
  essJobsMax: number;
  families: Record<string, number>;
  sectors: Record<string, number>;
  sizes: Record<string, number>;
}

function toPeerRows(quartiers: Quartier[], table: EstablishmentTable, placement: Placement): PeerRow[] {
  return Array.from({ length: table.count }, (_, i) => ({
    quartier: placement.quartier[i] >= 0 ? quartiers[placement.quartier[i]].code : null,
    ring: placement.ring[i] >= 0 ? quartiers[placement.ring[i]].code : null,
    commune: table.commune[i] === NO_COMMUNE ? null : table.communes[table.commune[i]],
    ess: table.ess[i] === 1,
    employer: table.employer[i] === 1,
    family: FAMILIES[table.family[i]],
    sector: SECTORS[table.sector[i]],
    size: SIZES[table.size[i]],
    jobs: table.jobsEstimate[i],
    jobsMin: table.jobsMin[i],
    jobsMax: table.jobsMax[i],
  }));
}

/** The naive re-aggregation: filter into a new array of the row objects, then group with a Map per territory. */
function peerAggregate(rows: PeerRow[], filters: Filters, quartierCommunes: Set<string>): Map<string, PeerGroup> {
  const families: string[] | null = filters.families?.map((f) => FAMILIES[f]) ?? null;
  const sectors: string[] | null = filters.sectors?.map((s) => SECTORS[s]) ?? null;
  const sizes: string[] | null = filters.sizes?.map((s) => SIZES[s]) ?? null;
  const selected = rows.filter(
    (r) => (!filters.employerOnly || r.employer) && (filters.communes === null || (r.commune !== null && filters.communes.includes(r.commune))),
  );
  const groups = new Map<string, PeerGroup>();
  for (const r of selected) {
    const counted = r.ess && (!families || families.includes(r.family)) && (!sectors || sectors.includes(r.sector)) && (!sizes || sizes.includes(r.size));
    const units =
      r.quartier !== null
        ? [r.quartier, 'all']
        : [r.ring !== null ? `ring:${r.ring}` : null, r.commune !== null && quartierCommunes.has(r.commune) ? `commune:${r.commune}` : null];
    for (const unit of units) {
      if (unit === null) continue;
      let g = groups.get(unit);
      if (!g) {
        g = { all: 0, allJobs: 0, ess: 0, essJobs: 0, essJobsMin: 0, essJobsMax: 0, families: {}, sectors: {}, sizes: {} };
        groups.set(unit, g);
      }
      g.all++;
      g.allJobs += r.jobs;
      if (!counted) continue;
      g.ess++;
      g.essJobs += r.jobs;
      g.essJobsMin += r.jobsMin;
      g.essJobsMax += r.jobsMax;
      g.families[r.family] = (g.families[r.family] ?? 0) + 1;
      g.sectors[r.sector] = (g.sectors[r.sector] ?? 0) + 1;
      g.sizes[r.size] = (g.sizes[r.size] ?? 0) + 1;
    }
  }
  return groups;
}

/**
 * A full collection, for measurements that must not pay for earlier garbage. Without
 * `--expose-gc` on the command line the flag is turned on here (`npm run bench` is plain tsx).
 */
export function collectGarbage(): void {
  const g = globalThis as { gc?: () => void };
  if (!g.gc) {
    v8.setFlagsFromString('--expose-gc');
    g.gc = vm.runInNewContext('gc') as () => void;
  }
  g.gc();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const value = fn();
  return [performance.now() - t0, value];
}

/** Runs the benchmark and returns its printed lines and medians. */
export function run(): AggregateFigures {
  const quartiers = withCommunes(spreadOverFrance(loadRealQuartiers(), 1600));
  const [genMs, table] = timed(() => makeEstablishmentTable(quartiers, FRANCE, 1600, ESTABLISHMENTS));
  const [placeMs, placement] = timed(() => placeEstablishments(quartiers, table));
  let inside = 0;
  for (let i = 0; i < table.count; i++) if (placement.quartier[i] >= 0) inside++;
  let essCount = 0;
  for (let i = 0; i < table.count; i++) essCount += table.ess[i];
  const layout = unitLayout(quartiers);
  const lines = [
    `## Re-aggregation: ${table.count.toLocaleString('en')} establishments (${((100 * essCount) / table.count).toFixed(1)} % ESS, ` +
      `${((100 * inside) / table.count).toFixed(1)} % inside a quartier), ${quartiers.length} quartiers, ${layout.communes.length} communes with a rest-of-commune`,
    `table generated in ${genMs.toFixed(0)} ms; placed once (index + join + 300 m ring) in ${placeMs.toFixed(0)} ms`,
  ];

  const communeSample = layout.communes.filter((_, i) => i % 8 === 0);
  const scenarios: [string, Filters][] = [
    ['defaults (employers only)', DEFAULT_FILTERS],
    ['families = [association]', { ...DEFAULT_FILTERS, families: [familyIndex('association')] }],
    ['+ sectors = action sociale, santé, enseignement', { ...DEFAULT_FILTERS, families: [familyIndex('association')], sectors: [sectorIndex('action_sociale'), sectorIndex('sante'), sectorIndex('enseignement')] }],
    ['+ employerOnly off', { ...DEFAULT_FILTERS, families: [familyIndex('association')], sectors: [sectorIndex('action_sociale'), sectorIndex('sante'), sectorIndex('enseignement')], employerOnly: false }],
    ['sizes = 10+ salariés', { ...DEFAULT_FILTERS, sizes: [SIZES.indexOf('10-19'), SIZES.indexOf('20-49'), SIZES.indexOf('50+')] }],
    [`communes = ${communeSample.length} of ${layout.communes.length}`, { ...DEFAULT_FILTERS, communes: communeSample }],
  ];
  const options = { fileHasAll: true, reference: null };
  const diagnose = (f: Filters) => computeDiagnostic(quartiers, table, placement, f, { ...options, layout: unitLayout(quartiers) });

  // Warm up both sides once per scenario, and check they count the same establishments.
  const quartierCommunes = new Set(layout.communes);
  const rows = toPeerRows(quartiers, table, placement);
  for (const [name, f] of scenarios) {
    const ours = diagnose(f);
    const peer = peerAggregate(rows, f, quartierCommunes);
    const peerEss = quartiers.reduce((n, q) => n + (peer.get(q.code)?.ess ?? 0), 0);
    const oursEss = ours.quartiers.reduce((n, q) => n + q.establishments, 0);
    if (peerEss !== oursEss || ours.allQuartiers.establishments !== (peer.get('all')?.ess ?? 0)) {
      throw new Error(`re-aggregation peer disagrees on "${name}": ${peerEss} vs ${oursEss} ESS establishments in quartiers`);
    }
  }
  lines.push(`peer and ours count the same ESS establishments in every quartier total for all ${scenarios.length} filter states`);

  // Each side timed in its own block, so one side's garbage is not collected on the other's clock.
  const series = (fn: (f: Filters) => unknown) => {
    collectGarbage();
    return Array.from({ length: RUNS }, (_, k) => timed(() => fn(scenarios[k % scenarios.length][1]))[0]);
  };
  const aggregateTimes = series((f) => aggregate(table, placement, layout, f));
  const diagnosticTimes = series(diagnose);
  const peerTimes = series((f) => peerAggregate(rows, f, quartierCommunes));
  const aggregateMs = median(aggregateTimes);
  const diagnosticMs = median(diagnosticTimes);
  const peerMs = median(peerTimes);
  lines.push(
    `filter changes cycled over: ${scenarios.map(([name]) => name).join('; ')}`,
    `ours aggregate (typed-column pass): median ${aggregateMs.toFixed(2)} ms over ${RUNS} runs (min ${Math.min(...aggregateTimes).toFixed(2)}, max ${Math.max(...aggregateTimes).toFixed(2)})`,
    `ours computeDiagnostic (aggregate + indicators of ${2 * quartiers.length + layout.communes.length + 1} territories): median ${diagnosticMs.toFixed(2)} ms (min ${Math.min(...diagnosticTimes).toFixed(2)}, max ${Math.max(...diagnosticTimes).toFixed(2)}); target < 10 ms`,
    `peer filter into new objects + Map group-by: median ${peerMs.toFixed(0)} ms (min ${Math.min(...peerTimes).toFixed(0)}, max ${Math.max(...peerTimes).toFixed(0)}); peer/ours = ${(peerMs / diagnosticMs).toFixed(0)}× (computeDiagnostic), ${(peerMs / aggregateMs).toFixed(0)}× (aggregate)`,
  );
  return {
    lines,
    aggregateMs,
    diagnosticMs,
    peerMs,
    aggregateMinMs: Math.min(...aggregateTimes),
    diagnosticMinMs: Math.min(...diagnosticTimes),
    peerMinMs: Math.min(...peerTimes),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of run().lines) console.log(line);
}
