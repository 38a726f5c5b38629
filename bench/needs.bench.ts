/**
 * « Zones blanches » benchmark: the needs matrix (every quartier × every resident need, with
 * the nearest ESS establishment of the need) for 1 600 quartiers, the default needs and
 * 1 000 000 seeded establishments placed once. Target: under 1 s.
 *
 * Peer, measured in the same run: the brute-force nearest search (for each quartier and need,
 * the distance from the quartier's boundary to every point of the need), the code one writes
 * without a spatial index. It is run on a seeded sample of quartiers and extrapolated.
 *
 * Run alone with `npx tsx bench/needs.bench.ts`; bench/run.ts calls run().
 */
import { fileURLToPath } from 'node:url';
import { placeEstablishments } from '../src/core/diagnostic.ts';
import { createQuartierIndex } from '../src/core/geo/spatial-join.ts';
import { computeNeeds, distanceToBoundary } from '../src/core/analysis/needs.ts';
import { DEFAULT_NEEDS, needsOfNaf } from '../src/core/analysis/resident-needs.ts';
import type { EstablishmentTable } from '../src/core/ingest/establishment-table.ts';
import type { QuartierIndex } from '../src/core/geo/spatial-join.ts';
import { makeEstablishmentTable, withCommunes } from './generate-establishments.ts';
import { FRANCE, loadRealQuartiers, spreadOverFrance } from './spatial-join.bench.ts';

const ESTABLISHMENTS = 1_000_000;
const QUARTIERS = 1600;
const PEER_SAMPLE = 40;
const RUNS = 5;

export interface NeedsFigures {
  lines: string[];
  oursMs: number;
  peerMs: number;
  needs: number;
}

/** Brute force for quartiers `qs`: every point of every need, nearest boundary distance. */
function bruteForce(index: QuartierIndex, table: EstablishmentTable, qs: number[]): number {
  const byNeed: number[][] = DEFAULT_NEEDS.map(() => []);
  for (let i = 0; i < table.count; i++) {
    if (table.ess[i] !== 1 || table.employer[i] !== 1 || table.labelIndex[i] < 0) continue;
    for (const k of needsOfNaf(table.labels[table.labelIndex[i]].naf, DEFAULT_NEEDS)) byNeed[k].push(i);
  }
  let checksum = 0;
  for (const q of qs) {
    for (const rows of byNeed) {
      let best = Infinity;
      for (const i of rows) best = Math.min(best, distanceToBoundary(index, q, table.lon[i], table.lat[i]));
      checksum += Number.isFinite(best) ? best : 0;
    }
  }
  return checksum;
}

export function run(): NeedsFigures {
  const quartiers = withCommunes(spreadOverFrance(loadRealQuartiers(), QUARTIERS));
  const table = makeEstablishmentTable(quartiers, FRANCE, 1600, ESTABLISHMENTS);
  const placement = placeEstablishments(quartiers, table, 300);
  const index = createQuartierIndex(quartiers);
  const times: number[] = [];
  let cells = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const m = computeNeeds(index, table, placement, DEFAULT_NEEDS, { employerOnly: true });
    times.push(performance.now() - t0);
    cells = m.length * DEFAULT_NEEDS.length;
  }
  times.sort((a, b) => a - b);
  const oursMs = times[RUNS >> 1];
  const sample = Array.from({ length: PEER_SAMPLE }, (_, k) => Math.floor((k * QUARTIERS) / PEER_SAMPLE));
  const t0 = performance.now();
  bruteForce(index, table, sample);
  const peerSampleMs = performance.now() - t0;
  const peerMs = (peerSampleMs * QUARTIERS) / PEER_SAMPLE;
  const lines = [
    `## Needs matrix: ${QUARTIERS} quartiers × ${DEFAULT_NEEDS.length} needs, ${ESTABLISHMENTS.toLocaleString('en')} establishments`,
    `ours computeNeeds (R-tree per need, widening search): median ${oursMs.toFixed(0)} ms of ${RUNS} (min ${times[0].toFixed(0)}), ${cells} cells — target < 1000 ms`,
    `peer brute-force nearest: ${peerSampleMs.toFixed(0)} ms for ${PEER_SAMPLE} quartiers, extrapolated ${peerMs.toFixed(0)} ms for ${QUARTIERS}`,
    `ratio: ${(peerMs / oursMs).toFixed(0)}× faster`,
  ];
  return { lines, oursMs, peerMs, needs: DEFAULT_NEEDS.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const l of run().lines) console.log(l);
}
