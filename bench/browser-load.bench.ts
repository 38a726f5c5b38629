/**
 * A 1 000 000-row establishments file (about 130 MB, seeded geo-SIRENE layout) loaded in real
 * headless Chromium through the production build, the way a user does it: the Occitanie
 * quartiers, then the file on the « Établissements » input, the mapping confirmed. Measures
 * the wall time to the load summary and to an idle map, the progress bar's values, and the
 * main thread's long tasks (`longtask` PerformanceObserver); then a second load cancelled
 * half-way must stop at once and leave the worker free for the next file.
 *
 * Peer, in the same run: the same file parsed with papaparse on the main thread in 1 MB
 * chunks (what an app without a worker does), counting rows only, no join.
 *
 *   npx tsx bench/browser-load.bench.ts [--rows 1000000] [--keep]
 *
 * Exits non-zero when a guarantee fails: a main-thread task over 200 ms, a progress bar that
 * does not move, a cancel that does not stop the load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import { closeBrowser, createDriver, type Driver } from '../tests/e2e/driver.ts';
import { shared } from '../tests/shared-data.ts';
import { writeEstablishmentsCsv } from './generate-establishments.ts';
import { loadRealQuartiers } from './spatial-join.bench.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Its own build folder: the e2e runs rebuild .tmp/e2e-dist and must not pull it from under us. */
const OUT_DIR = path.join(ROOT, '.tmp/bench-dist');
const LONG_TASK_LIMIT_MS = 200;
/** Occitanie, around the real quartiers: the area the points not near a quartier fall in. */
const OCCITANIE = [-0.35, 42.3, 4.85, 45.05] as const;
const SEED = 2024;
/** `--vue pts=0`: opens the app on a view (a URL hash), e.g. without the establishment points. */
const HASH = process.argv.includes('--vue') ? `#${process.argv[process.argv.indexOf('--vue') + 1]}` : '';

interface Sample {
  t: number;
  value: number;
  max: number;
}

interface LongTask {
  start: number;
  duration: number;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** Generates the seeded file once; a run with --keep leaves it for the next. */
async function ensureFile(rows: number): Promise<string> {
  const dir = path.join(os.tmpdir(), 'essq-browser-load');
  const file = path.join(dir, `etablissements-${rows}-${SEED}.csv`);
  const marker = `${file}.done`;
  if (fs.existsSync(marker)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const bytes = await writeEstablishmentsCsv(file, loadRealQuartiers(), OCCITANIE, SEED, rows);
  fs.writeFileSync(marker, String(bytes));
  console.log(`génération : ${rows.toLocaleString('fr-FR')} lignes, ${(bytes / 1e6).toFixed(0)} Mo en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}

/** The production build, as tests/e2e/server.ts makes it, served by `vite preview` on a free port. */
async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const configFile = path.join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, mode: 'production', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, reportCompressedSize: false } });
  const server = await preview({ root: ROOT, configFile, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** Before any page script: long tasks and every value the progress bar takes, with their times. */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[]; __progress: Sample[] };
    w.__longTasks = [];
    w.__progress = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLProgressElement;
        if (el instanceof HTMLProgressElement && el.hasAttribute('value')) w.__progress.push({ t: performance.now(), value: el.value, max: el.max });
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value', 'max'] });
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longTasks = (page: Page, from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b), [from, to]);
const progress = (page: Page, from: number) => page.evaluate((a) => (window as unknown as { __progress: Sample[] }).__progress.filter((s) => s.t >= a), from);

async function openWithQuartiers(d: Driver): Promise<void> {
  await instrument(d.page);
  await d.given.appOpened(HASH);
  await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  await d.page.getByRole('tab', { name: 'Import' }).click();
  await d.page.locator('.import-panel').getByLabel('Contours des quartiers', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.geojson'));
  await d.page.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
}

async function chooseAndConfirm(d: Driver, file: string): Promise<number> {
  await d.page.locator('.import-panel').getByLabel('Établissements', { exact: true }).setInputFiles(file);
  const confirm = d.page.getByRole('button', { name: 'Valider et charger' });
  await confirm.waitFor({ timeout: 60_000 });
  const t0 = await now(d.page);
  await confirm.click();
  return t0;
}

const ms = (v: number) => `${Math.round(v).toLocaleString('fr-FR')} ms`;

async function loadRun(base: string, file: string, bytes: number) {
  const d = await createDriver(base);
  try {
    await openWithQuartiers(d);
    const t0 = await chooseAndConfirm(d, file);
    await d.page.getByText('Bilan du chargement').waitFor({ timeout: 600_000 });
    const tLoaded = await now(d.page);
    await d.given.mapIdle();
    const tIdle = await now(d.page);
    const tasks = await longTasks(d.page, t0, tIdle);
    const samples = (await progress(d.page, t0)).filter((s) => s.max > 1);
    const summary = (await d.then.text('.summary')).replace(/\s+/g, ' ');
    return { t0, tLoaded, tIdle, tasks, samples, summary, errors: d.errors, bytes };
  } finally {
    await d.close();
  }
}

async function cancelRun(base: string, file: string, small: string) {
  const d = await createDriver(base);
  try {
    await openWithQuartiers(d);
    const t0 = await chooseAndConfirm(d, file);
    const bar = d.page.locator('.load-progress progress[max]');
    // Cancel once a good part of the file is read, in the middle of the work.
    for (;;) {
      const [value, max] = await bar.evaluate((el: HTMLProgressElement) => [el.value, el.max]).catch(() => [0, 0]);
      if (max > 1 && value / max >= 0.3) break;
      await d.page.waitForTimeout(50);
    }
    const tCancel = await now(d.page);
    await d.page.locator('.load-progress').getByRole('button', { name: 'Annuler' }).click();
    await d.page.locator('.load-progress').waitFor({ state: 'detached', timeout: 10_000 });
    const tGone = await now(d.page);
    const loadedAnyway = (await d.page.getByText('Bilan du chargement').count()) > 0;
    // A worker still parsing the big file would make this small one wait behind it.
    const tSmall = await chooseAndConfirm(d, small);
    await d.page.getByText('Bilan du chargement').waitFor({ timeout: 120_000 });
    const tSmallDone = await now(d.page);
    const summary = (await d.then.text('.summary')).replace(/\s+/g, ' ');
    const tasks = await longTasks(d.page, t0, tSmallDone);
    return { cancelAfter: tCancel - t0, cancelMs: tGone - tCancel, loadedAnyway, smallMs: tSmallDone - tSmall, summary, tasks, errors: d.errors };
  } finally {
    await d.close();
  }
}

/** The peer: papaparse in 1 MB chunks on the main thread over the same File, rows counted. */
async function peerRun(base: string, file: string) {
  const d = await createDriver(base);
  try {
    await instrument(d.page);
    await d.given.appOpened();
    await d.page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/papaparse/papaparse.min.js'), 'utf8'));
    // A detached input of our own, so the app's panels play no part.
    await d.page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'peer-input';
      document.body.append(input);
    });
    await d.page.locator('#peer-input').setInputFiles(file);
    const t0 = await now(d.page);
    // A string, not a function: tsx would add its own helpers to a function's source.
    const result = (await d.page.evaluate(`new Promise((resolve, reject) => {
      const file = document.getElementById('peer-input').files[0];
      const start = performance.now();
      let rows = 0;
      Papa.parse(file, {
        chunkSize: 1 << 20,
        chunk: (r) => { rows += r.data.length; },
        complete: () => resolve({ rows, ms: performance.now() - start }),
        error: reject,
      });
    })`)) as { rows: number; ms: number };
    const tasks = await longTasks(d.page, t0, await now(d.page));
    return { ...result, tasks };
  } finally {
    await d.close();
  }
}

function describeTasks(tasks: LongTask[]): string {
  if (tasks.length === 0) return 'aucune tâche longue (> 50 ms)';
  const max = Math.max(...tasks.map((t) => t.duration));
  const over = tasks.filter((t) => t.duration > LONG_TASK_LIMIT_MS).length;
  return `${tasks.length} tâches longues (> 50 ms), la plus longue ${ms(max)}, ${over} au-delà de ${LONG_TASK_LIMIT_MS} ms`;
}

/** When the tasks over 100 ms happened: time from the click, and how far the reading was. */
function taskTimeline(tasks: LongTask[], t0: number, samples: Sample[], tLoaded: number): string {
  const at = (t: LongTask) => {
    const read = samples.filter((s) => s.t <= t.start).at(-1);
    const phase = t.start >= tLoaded ? 'après le bilan' : read ? `${Math.round((read.value / read.max) * 100)} % lu` : 'avant la lecture';
    return `${ms(t.duration)} à +${ms(t.start - t0)} (${phase})`;
  };
  const big = tasks.filter((t) => t.duration > 100);
  return big.length === 0 ? 'aucune au-delà de 100 ms' : big.map(at).join(', ');
}

async function main(): Promise<void> {
  const rows = Number((arg('rows') ?? '1000000').replace(/_/g, ''));
  const file = await ensureFile(rows);
  const bytes = fs.statSync(file).size;
  const small = path.join(path.dirname(file), 'petit.csv');
  fs.writeFileSync(small, await firstLines(file, 50));
  const server = await startServer();
  const failures: string[] = [];
  try {
    console.log(`# Chargement dans le navigateur : ${rows.toLocaleString('fr-FR')} lignes, ${(bytes / 1e6).toFixed(0)} Mo, Chromium sans tête, ${os.cpus().length} cœurs, charge moyenne ${os.loadavg()[0].toFixed(1)}`);

    const load = await loadRun(server.url, file, bytes);
    const loadMs = load.tLoaded - load.t0;
    const values = load.samples.map((s) => s.value);
    const distinct = new Set(values).size;
    const monotonic = values.every((v, i) => i === 0 || v >= values[i - 1]);
    const maxTask = Math.max(0, ...load.tasks.map((t) => t.duration));
    console.log(`ours  worker : bilan en ${ms(loadMs)} (${((bytes / 1e6) / (loadMs / 1000)).toFixed(0)} Mo/s, ${Math.round(rows / (loadMs / 1000)).toLocaleString('fr-FR')} lignes/s), carte au repos à ${ms(load.tIdle - load.t0)}`);
    console.log(`      fil principal : ${describeTasks(load.tasks)}`);
    console.log(`      tâches > 100 ms : ${taskTimeline(load.tasks, load.t0, load.samples, load.tLoaded)}`);
    console.log(`      barre de progression : ${load.samples.length} mises à jour, ${distinct} valeurs distinctes, ${monotonic ? 'croissantes' : 'NON croissantes'}, de ${((values[0] ?? 0) / bytes * 100).toFixed(0)} % à ${((values.at(-1) ?? 0) / bytes * 100).toFixed(0)} %`);
    console.log(`      bilan : ${load.summary.slice(0, 160)}`);
    if (maxTask > LONG_TASK_LIMIT_MS) failures.push(`tâche longue de ${ms(maxTask)} sur le fil principal`);
    if (distinct < 10 || !monotonic) failures.push('la barre de progression ne progresse pas régulièrement');
    if (load.errors.length > 0) failures.push(`erreurs dans la page : ${load.errors.join(' | ')}`);

    const cancel = await cancelRun(server.url, file, small);
    console.log(`ours  annulation : demandée à ${ms(cancel.cancelAfter)} (≥ 30 % lu), barre retirée en ${ms(cancel.cancelMs)}, puis un petit fichier chargé en ${ms(cancel.smallMs)}`);
    console.log(`      fil principal : ${describeTasks(cancel.tasks)} ; bilan après annulation : ${cancel.summary.slice(0, 80)}`);
    if (cancel.loadedAnyway) failures.push('le fichier annulé a quand même été chargé');
    if (cancel.cancelMs > 1000) failures.push(`annulation lente (${ms(cancel.cancelMs)})`);
    if (cancel.smallMs > 5000) failures.push(`le moteur est resté occupé après l’annulation (${ms(cancel.smallMs)} pour 50 lignes)`);
    if (!cancel.summary.replace(/\s/g, '').includes('Ligneslues50')) failures.push('le petit fichier chargé après l’annulation n’a pas le bon bilan');

    const peer = await peerRun(server.url, file);
    const peerMax = Math.max(0, ...peer.tasks.map((t) => t.duration));
    console.log(`peer  papaparse sur le fil principal (lecture seule, sans jointure) : ${ms(peer.ms)} pour ${peer.rows.toLocaleString('fr-FR')} lignes ; ${describeTasks(peer.tasks)}`);
    console.log(`rapport : tâche la plus longue ${ms(maxTask)} (worker) contre ${ms(peerMax)} (papaparse sur le fil principal)`);
  } finally {
    await closeBrowser();
    await server.close();
    if (!process.argv.includes('--keep')) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.log(`ÉCHEC : ${failures.join(' ; ')}`);
    process.exitCode = 1;
  } else {
    console.log(`OK : aucune tâche du fil principal au-delà de ${LONG_TASK_LIMIT_MS} ms, progression continue, annulation effective.`);
  }
}

/** The header and the first `n` rows of a file, read without loading the whole of it. */
async function firstLines(file: string, n: number): Promise<string> {
  const lines: string[] = [];
  let rest = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > n) break;
  }
  return lines.slice(0, n + 1).join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
