/**
 * National scale through the CLI: 1 584 quartiers and 16.5 M active establishments (all of
 * France), seeded, run by `scripts/aggregate.ts` as a child process so the figures are those a
 * user gets: wall time, rows per second and peak resident memory (VmHWM).
 *
 *   npm run bench:national -- [--rows 16500000] [--layout geo-sirene|prepared] [--dir D] [--keep]
 *
 * `geo-sirene` (default): the 57 columns of Etalab's geo_siret files plus the three legal-unit
 * columns, the widest file a user may hand the CLI; `prepared`: the 10 columns `prepare-data`
 * writes, the usual national input.
 *
 * The peer measured in the same run is the floor of any CSV tool: reading the same file and
 * counting its lines. With --keep the generated inputs stay in --dir and the next run with
 * the same --dir reuses them instead of generating again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeEstablishments, writeQuartiers, type NationalLayout } from './generate-national.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const SHARED = process.env.ESSQ_SHARED_DATA ?? path.resolve(ROOT, '../shared/data');
const TARGET_SECONDS = 120;
const TARGET_BYTES = 4 * 1024 ** 3;

interface BenchArgs { rows: number; layout: NationalLayout; dir: string; keep: boolean }

export function parseBenchArgs(argv: string[]): BenchArgs {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rows = Number((get('rows') ?? '16500000').replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows attend un nombre entier de lignes, reçu « ${get('rows')} ».`);
  const layout = (get('layout') ?? 'geo-sirene') as NationalLayout;
  if (layout !== 'prepared' && layout !== 'geo-sirene') throw new Error(`--layout attend prepared ou geo-sirene, reçu « ${layout} ».`);
  const dir = get('dir') ?? path.join(os.tmpdir(), `essq-national-${layout}-${rows}`);
  return { rows, layout, dir, keep: argv.includes('--keep') };
}

/** Generates the inputs unless a previous run left the same ones (marker file). */
async function ensureInputs(a: BenchArgs): Promise<{ quartiers: string; establishments: string; generatedMs: number }> {
  const quartiers = path.join(a.dir, 'quartiers.geojson');
  const establishments = path.join(a.dir, 'etablissements.csv');
  const marker = path.join(a.dir, 'done.json');
  if (fs.existsSync(marker)) return { quartiers, establishments, generatedMs: 0 };
  fs.mkdirSync(a.dir, { recursive: true });
  const t0 = performance.now();
  const placed = writeQuartiers(path.join(SHARED, 'occitanie-qpv-2015/qp.geojson'), quartiers);
  let last = 0;
  await writeEstablishments(establishments, a.rows, placed, a.layout, 16, (done) => {
    if (performance.now() - last > 5000) {
      last = performance.now();
      process.stderr.write(`génération : ${(done / 1e6).toFixed(1)} M lignes sur ${(a.rows / 1e6).toFixed(1)} M\n`);
    }
  });
  fs.writeFileSync(marker, JSON.stringify({ rows: a.rows, layout: a.layout }));
  return { quartiers, establishments, generatedMs: performance.now() - t0 };
}

/** Peak RSS of a running process, read from /proc (Linux); 0 where /proc is absent. */
function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the CLI as a child. The peak is taken from /usr/bin/time when present (the kernel's
 * figure at exit), else by polling VmHWM every 100 ms, which can miss only the last 100 ms.
 */
function runCli(quartiers: string, establishments: string, out: string) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const timeFile = `${out}.time`;
  const node = [process.execPath, '--import', 'tsx', 'scripts/aggregate.ts', '--quartiers', quartiers, '--etablissements', establishments, '--out', out];
  const [cmd, ...args] = timeBin ? [timeBin, '-f', '%e %M %U %S', '-o', timeFile, ...node] : node;
  return new Promise<{ ms: number; peakBytes: number; cpuSeconds: number | null; status: number | null; stderr: string }>((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let polled = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => {
      // With /usr/bin/time the node process is its child; /proc still gives the wrapper's figure only.
      polled = Math.max(polled, vmHwm(child.pid!));
    }, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      const timed = timeBin && fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number) : null;
      resolve({ ms, peakBytes: timed ? timed[1] * 1024 : polled, cpuSeconds: timed ? timed[2] + timed[3] : null, status, stderr });
    });
  });
}

/** The peer: stream the same file and count line feeds. */
async function readFloor(file: string): Promise<{ ms: number; lines: number }> {
  const t0 = performance.now();
  let lines = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { ms: performance.now() - t0, lines };
}

const gib = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GiB`;

/** Runs the benchmark and returns the printed lines. */
export async function run(argv: string[] = []): Promise<string[]> {
  const a = parseBenchArgs(argv);
  const input = await ensureInputs(a);
  const size = fs.statSync(input.establishments).size;
  const lines = [`## national: 1 584 quartiers, ${a.rows.toLocaleString('en')} établissements (${a.layout}, ${gib(size)})`];
  if (input.generatedMs) lines.push(`generation (not timed below): ${(input.generatedMs / 1000).toFixed(1)} s`);
  const floor = await readFloor(input.establishments);
  lines.push(`peer: stream the file and count lines: ${(floor.ms / 1000).toFixed(1)} s = ${((floor.lines / floor.ms) * 1000 / 1e6).toFixed(2)} M lines/s`);
  const out = path.join(a.dir, 'resultat.json');
  const r = await runCli(input.quartiers, input.establishments, out);
  if (r.status !== 0) {
    if (!a.keep) fs.rmSync(a.dir, { recursive: true, force: true });
    lines.push(`CLI FAILED (exit ${r.status}) after ${(r.ms / 1000).toFixed(1)} s, peak RSS ${gib(r.peakBytes)}: ${r.stderr.trim()}`);
    return lines;
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { rows: { read: number; inQuartier: number; outside: number; rejected: number }; quartiers: unknown[] };
  const s = r.ms / 1000;
  // CPU time next to wall time: on a shared machine the gap is time spent waiting for a core.
  const cpu = r.cpuSeconds === null ? '' : ` (${r.cpuSeconds.toFixed(1)} s CPU)`;
  lines.push(`ours: CLI aggregate: ${s.toFixed(1)} s wall${cpu} = ${(result.rows.read / s / 1e6).toFixed(2)} M rows/s, ${(size / s / 1024 ** 2).toFixed(0)} MiB/s; peak RSS ${gib(r.peakBytes)}`);
  lines.push(`rows: read ${result.rows.read}, in a quartier ${result.rows.inQuartier}, outside ${result.rows.outside}, rejected ${result.rows.rejected}; ${result.quartiers.length} quartiers`);
  lines.push(`targets: time ${s <= TARGET_SECONDS ? 'OK' : 'MISSED'} (< ${TARGET_SECONDS} s), memory ${r.peakBytes <= TARGET_BYTES ? 'OK' : 'MISSED'} (< ${gib(TARGET_BYTES)})`);
  // The inputs weigh gigabytes: kept for a next run only when asked.
  if (!a.keep) fs.rmSync(a.dir, { recursive: true, force: true });
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).then(
    (lines) => lines.forEach((l) => console.log(l)),
    (e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
