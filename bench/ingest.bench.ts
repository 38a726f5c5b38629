/**
 * CSV ingest benchmark: a seeded 1 000 000-row geo-SIRENE-like file (~130 MB) written to the
 * temp directory, then read end to end as the CLI does (stream → parse → map → classify →
 * spatial join → indicators), against papaparse reading the same file in the same run.
 * Also measures the memory the parsed table holds per establishment.
 *
 * Run alone with `npx tsx bench/ingest.bench.ts`; bench/run.ts calls run().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { computeDiagnostic, placeEstablishments } from '../src/core/diagnostic.ts';
import { DEFAULT_FILTERS } from '../src/core/indicators/aggregate.ts';
import { ingestEstablishments } from '../src/core/ingest/establishments.ts';
import type { EstablishmentTable } from '../src/core/ingest/establishment-table.ts';
import { collectGarbage } from './aggregate.bench.ts';
import { withCommunes, writeEstablishmentsCsv } from './generate-establishments.ts';
import { FRANCE, loadRealQuartiers, spreadOverFrance } from './spatial-join.bench.ts';

const ROWS = 1_000_000;
const OURS_RUNS = 5;
const PAPA_ARRAY_RUNS = 2;
const PAPA_HEADER_RUNS = 1;
/** Rows the header-mode objects are held for, to measure their memory without holding a million. */
const PEER_MEMORY_ROWS = 100_000;
/** Read size of the file streams (what scripts/aggregate.ts uses). */
const READ_CHUNK = 1 << 20;

export interface IngestFigures {
  lines: string[];
  /** Best end-to-end and ingest-only rates, MB/s (10^6 bytes). */
  endToEndMBps: number;
  /** End to end on CPU time (all threads): steadier than wall time on a shared machine. */
  endToEndCpuMBps: number;
  ingestMBps: number;
  papaArrayMBps: number;
  papaHeaderMBps: number;
  /** Bytes per establishment: the table's typed arrays, and everything the table holds. */
  typedBytes: number;
  heldBytes: number;
  peerHeldBytes: number;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function measure<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000, value };
}

/** papaparse over a Node file stream; `chunk` keeps it from building a million-row array. */
function papaparseFile(file: string, header: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<unknown>(fs.createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK }) as unknown as File, {
      header,
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

const heapBytes = () => {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function typedBytes(t: EstablishmentTable): number {
  return [t.lon, t.lat, t.ess, t.family, t.sector, t.size, t.employer, t.jobsEstimate, t.jobsMin, t.jobsMax, t.commune, t.labelIndex].reduce(
    (n, a) => n + a.byteLength,
    0,
  );
}

/** Ingests the file and returns only its table (the report is dropped with this call's frame). */
async function loadTable(file: string): Promise<EstablishmentTable> {
  const { table } = await ingestEstablishments(fs.createReadStream(file, { highWaterMark: READ_CHUNK }));
  return table;
}

/** The first rows of the file as papaparse header-mode objects. */
function loadPeerRows(file: string, rows: number): Promise<unknown[]> {
  const kept: unknown[] = [];
  return new Promise((resolve, reject) => {
    const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK });
    Papa.parse<unknown>(stream as unknown as File, {
      header: true,
      skipEmptyLines: true,
      chunk: (results, parser) => {
        for (const row of results.data) if (kept.length < rows) kept.push(row);
        if (kept.length >= rows) {
          parser.abort();
          stream.destroy();
        }
      },
      complete: () => resolve(kept),
      error: reject,
    });
  });
}

/**
 * Bytes per establishment the parsed table holds (typed columns, ESS labels, commune codes),
 * measured as the heap growth it causes. Its own call, so that nothing of it outlives the
 * measurement in a caller's frame.
 */
async function measureTableMemory(file: string) {
  const before = heapBytes();
  const table = await loadTable(file);
  const heldBytes = (heapBytes() - before) / table.count;
  return { heldBytes, typedBytes: typedBytes(table) / table.count, labels: table.labels.length };
}

/** Bytes per row of papaparse's header-mode objects, measured the same way on the first rows. */
async function measurePeerMemory(file: string) {
  const before = heapBytes();
  const rows = await loadPeerRows(file, PEER_MEMORY_ROWS);
  return { peerHeldBytes: (heapBytes() - before) / rows.length };
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const best = (xs: Timing[], key: keyof Timing) => Math.min(...xs.map((x) => x[key]));

/** Generates the file, runs the benchmark, deletes the file; returns the printed lines and figures. */
export async function run(): Promise<IngestFigures> {
  const quartiers = withCommunes(spreadOverFrance(loadRealQuartiers(), 1600));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-bench-'));
  const file = path.join(dir, 'etablissements-geo-sirene.csv');
  try {
    const gen = await measure(() => writeEstablishmentsCsv(file, quartiers, FRANCE, 1600, ROWS));
    const size = gen.value;
    const lines = [
      `## CSV ingest: ${ROWS.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB (${(size / ROWS).toFixed(0)} bytes/row), geo-SIRENE layout, generated in ${(gen.wallMs / 1000).toFixed(1)} s`,
    ];

    // Ours, end to end: what `npm run aggregate` does between reading the file and writing JSON.
    const ours: (Timing & { ingestMs: number; placeMs: number; diagnosticMs: number; accepted: number; rejected: number })[] = [];
    for (let k = 0; k < OURS_RUNS; k++) {
      const phases = { ingestMs: 0, placeMs: 0, diagnosticMs: 0, accepted: 0, rejected: 0 };
      const m = await measure(async () => {
        let t = performance.now();
        const { table, report } = await ingestEstablishments(fs.createReadStream(file, { highWaterMark: READ_CHUNK }));
        phases.ingestMs = performance.now() - t;
        t = performance.now();
        const placement = placeEstablishments(quartiers, table);
        phases.placeMs = performance.now() - t;
        t = performance.now();
        computeDiagnostic(quartiers, table, placement, DEFAULT_FILTERS, { fileHasAll: report.hasNonEss, reference: null });
        phases.diagnosticMs = performance.now() - t;
        phases.accepted = report.accepted;
        phases.rejected = report.rejected;
      });
      ours.push({ ...m, ...phases });
    }
    const fastest = ours.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const endToEndMBps = mbps(size, fastest.wallMs);
    const ingestMBps = mbps(size, Math.min(...ours.map((o) => o.ingestMs)));
    lines.push(
      `ours end to end (ingestEstablishments from a file stream + placeEstablishments + computeDiagnostic), best of ${OURS_RUNS}: ` +
        `${fastest.wallMs.toFixed(0)} ms = ${endToEndMBps.toFixed(1)} MB/s (ingest ${fastest.ingestMs.toFixed(0)} ms, join + ring ${fastest.placeMs.toFixed(0)} ms, ` +
        `indicators ${fastest.diagnosticMs.toFixed(0)} ms); all runs ${ours.map((o) => o.wallMs.toFixed(0)).join(' / ')} ms; ` +
        `CPU time best ${best(ours, 'cpuMs').toFixed(0)} ms (= ${mbps(size, best(ours, 'cpuMs')).toFixed(1)} MB/s, includes GC helper threads); target ≥ 50 MB/s`,
      `ours ingest alone (parse + map + classify + reject), best: ${ingestMBps.toFixed(1)} MB/s; ${fastest.accepted.toLocaleString('en')} accepted, ${fastest.rejected.toLocaleString('en')} rejected (closed, repeated SIRET, no coordinates)`,
    );

    const papaArray: Timing[] = [];
    for (let k = 0; k < PAPA_ARRAY_RUNS; k++) papaArray.push(await measure(() => papaparseFile(file, false)));
    const papaHeader: Timing[] = [];
    for (let k = 0; k < PAPA_HEADER_RUNS; k++) papaHeader.push(await measure(() => papaparseFile(file, true)));
    const papaArrayMBps = mbps(size, best(papaArray, 'wallMs'));
    const papaHeaderMBps = mbps(size, best(papaHeader, 'wallMs'));
    lines.push(
      `peer papaparse header mode (header: true, file stream, rows dropped per chunk): ${papaHeaderMBps.toFixed(1)} MB/s (best of ${PAPA_HEADER_RUNS}); ` +
        `ours end to end / peer = ${(endToEndMBps / papaHeaderMBps).toFixed(1)}×`,
      `peer papaparse array mode (for information, parse only): ${papaArrayMBps.toFixed(1)} MB/s (best of ${PAPA_ARRAY_RUNS}); ` +
        `ours end to end / peer = ${(endToEndMBps / papaArrayMBps).toFixed(2)}×, ours ingest alone / peer = ${(ingestMBps / papaArrayMBps).toFixed(2)}×`,
    );

    const memory = { ...(await measureTableMemory(file)), ...(await measurePeerMemory(file)) };
    lines.push(
      `memory held per establishment after parsing: ${memory.heldBytes.toFixed(1)} bytes (process.memoryUsage after gc: heap + array buffers), of which typed columns ` +
        `${memory.typedBytes.toFixed(1)} bytes (sum of byteLength), the rest the ${memory.labels.toLocaleString('en')} ESS labels and commune codes; target < 100`,
      `peer papaparse header-mode row objects: ${memory.peerHeldBytes.toFixed(0)} bytes per row (measured on ${PEER_MEMORY_ROWS.toLocaleString('en')} rows); ` +
        `peer/ours = ${(memory.peerHeldBytes / memory.heldBytes).toFixed(1)}×`,
    );
    return { lines, endToEndMBps, endToEndCpuMBps: mbps(size, best(ours, 'cpuMs')), ingestMBps, papaArrayMBps, papaHeaderMBps, ...memory };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of (await run()).lines) console.log(line);
}
