/**
 * `npm run bench`: every benchmark on seeded data, each figure printed next to its peer
 * measured in the same run, then one summary table. Takes about two minutes on two cores.
 *
 * The machine may be shared: figures are best-of-N (joins, ingest) or medians (re-aggregation),
 * and the ingest also reports CPU time, steadier than wall time when other processes compete.
 */
import os from 'node:os';
import { run as runSpatialJoin } from './spatial-join.bench.ts';
import { run as runAggregate } from './aggregate.bench.ts';
import { run as runIngest } from './ingest.bench.ts';
import { run as runNeeds } from './needs.bench.ts';

interface Row {
  benchmark: string;
  ours: string;
  peer: string;
  ratio: string;
}

/** A figure from the spatial-join benchmark's printed lines (it returns text only). */
function joinFigures(lines: string[], label: string) {
  const start = lines.findIndex((l) => l.startsWith(`## ${label}`));
  const section = lines.slice(start, start + 8);
  const ours = section.map((l) => /^ours joinPoints: ([\d.]+) ms .* = ([\d.]+ [Mk] pts\/s)/.exec(l)).find(Boolean);
  const peer = section.map((l) => /^peer turf booleanPointInPolygon.* extrapolated (\d+) ms for 1M = ([\d.]+ [Mk] pts\/s)/.exec(l)).find(Boolean);
  if (start < 0 || !ours || !peer) throw new Error(`spatial-join output changed: cannot find the "${label}" figures`);
  return { oursMs: Number(ours[1]), oursRate: ours[2], peerMs: Number(peer[1]), peerRate: peer[2] };
}

function table(rows: Row[]): string[] {
  const header: Row = { benchmark: 'benchmark', ours: 'ours', peer: 'peer (same run)', ratio: 'ratio' };
  const all = [header, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row) => `| ${(Object.keys(header) as (keyof Row)[]).map((k) => r[k].padEnd(width(k))).join(' | ')} |`;
  const rule = `|${(Object.keys(header) as (keyof Row)[]).map((k) => '-'.repeat(width(k) + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)];
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`# ESS Quartiers benchmarks — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);

  const join = runSpatialJoin();
  for (const l of join) console.log(l);
  console.log('');
  const agg = runAggregate();
  for (const l of agg.lines) console.log(l);
  console.log('');
  const ingest = await runIngest();
  for (const l of ingest.lines) console.log(l);
  console.log('');
  const needs = runNeeds();
  for (const l of needs.lines) console.log(l);

  const real = joinFigures(join, '(a)');
  const copies = joinFigures(join, '(b)');
  const rows: Row[] = [
    {
      benchmark: 'spatial join, 105 real quartiers, 1M points',
      ours: `${real.oursMs.toFixed(1)} ms (${real.oursRate})`,
      peer: `turf bbox + booleanPointInPolygon ${real.peerMs} ms (${real.peerRate})`,
      ratio: `${(real.peerMs / real.oursMs).toFixed(1)}× faster`,
    },
    {
      benchmark: 'spatial join, 1 600 quartiers, 1M points',
      ours: `${copies.oursMs.toFixed(1)} ms (${copies.oursRate})`,
      peer: `turf bbox + booleanPointInPolygon ${copies.peerMs} ms (${copies.peerRate})`,
      ratio: `${(copies.peerMs / copies.oursMs).toFixed(1)}× faster`,
    },
    {
      benchmark: 're-aggregation after a filter change, 1M rows (median, min)',
      ours: `computeDiagnostic ${agg.diagnosticMs.toFixed(1)} ms, ${agg.diagnosticMinMs.toFixed(1)} (aggregate alone ${agg.aggregateMs.toFixed(1)}, ${agg.aggregateMinMs.toFixed(1)})`,
      peer: `filter + Map group-by ${agg.peerMs.toFixed(0)} ms, ${agg.peerMinMs.toFixed(0)}`,
      ratio: `${(agg.peerMs / agg.diagnosticMs).toFixed(1)}× faster`,
    },
    {
      benchmark: 'CSV ingest end to end, 132 MB (best)',
      ours: `${ingest.endToEndMBps.toFixed(1)} MB/s (on CPU time ${ingest.endToEndCpuMBps.toFixed(1)}; ingest alone ${ingest.ingestMBps.toFixed(1)})`,
      peer: `papaparse header mode ${ingest.papaHeaderMBps.toFixed(1)} MB/s (array mode ${ingest.papaArrayMBps.toFixed(1)})`,
      ratio: `${(ingest.endToEndMBps / ingest.papaHeaderMBps).toFixed(1)}× faster (${(ingest.endToEndMBps / ingest.papaArrayMBps).toFixed(2)}× array mode)`,
    },
    {
      benchmark: 'memory per establishment after parsing',
      ours: `${ingest.heldBytes.toFixed(0)} bytes (typed columns ${ingest.typedBytes.toFixed(0)})`,
      peer: `papaparse header-mode objects ${ingest.peerHeldBytes.toFixed(0)} bytes`,
      ratio: `${(ingest.peerHeldBytes / ingest.heldBytes).toFixed(1)}× smaller`,
    },
    {
      benchmark: `needs matrix, 1 600 quartiers × ${needs.needs} needs, 1M rows`,
      ours: `computeNeeds ${needs.oursMs.toFixed(0)} ms`,
      peer: `brute-force nearest ${needs.peerMs.toFixed(0)} ms (extrapolated)`,
      ratio: `${(needs.peerMs / needs.oursMs).toFixed(0)}× faster`,
    },
  ];
  console.log('\n## Summary\n');
  for (const l of table(rows)) console.log(l);
  console.log(`\nTargets: re-aggregation < 10 ms, ingest ≥ 50 MB/s end to end, < 100 bytes per establishment, needs matrix < 1 s. Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

await main();
