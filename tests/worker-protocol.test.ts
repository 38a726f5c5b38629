import fs from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { serveEngine, type Port } from '../src/worker/serve.ts';
import { EngineClient, type WorkerLike } from '../src/worker/client.ts';
import { DEFAULT_FILTERS } from '../src/core/indicators/aggregate.ts';
import type { Progress } from '../src/worker/protocol.ts';
import { shared } from './shared-data.ts';

/** The real engine behind a real message channel (structured clone, transfers), in Node. */
function createEngine() {
  const { port1, port2 } = new MessageChannel();
  serveEngine(port1 as unknown as Port);
  port1.start();
  port2.start();
  const client = new EngineClient(port2 as unknown as WorkerLike);
  return { client, close: () => (port1.close(), port2.close()) };
}

function createEstablishmentsCsv(rows: number): string {
  const points = fs.readFileSync(shared('occitanie-qpv-2015', 'foncier_qp.csv'), 'utf8').trim().split('\n').slice(1);
  const lines = ['siret;nom;categorieJuridiqueUniteLegale;activitePrincipaleEtablissement;trancheEffectifsEtablissement;latitude;longitude'];
  for (let i = 0; i < rows; i++) {
    const c = points[i % points.length].split(',');
    const lon = c[8].replace('.', ',');
    const lat = c[9].replace('.', ',');
    lines.push(`${String(30000000000000 + i)};"Structure ${i}; quartier";${i % 3 === 0 ? '9220' : '5499'};88.99B;${i % 2 ? '02' : 'NN'};${lat};${lon}`);
  }
  return lines.join('\r\n') + '\r\n';
}

let engine: ReturnType<typeof createEngine>;
afterEach(() => engine?.close());

describe('engine worker protocol', () => {
  it('loads quartiers and establishments, reports progress, and aggregates', async () => {
    engine = createEngine();
    const qp = new Blob([fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'))]);
    const loaded = await engine.client.call('loadQuartiers', { file: qp, name: 'qp.geojson' });
    expect(loaded.quartiers).toHaveLength(105);
    expect(loaded.quartiers[0].geometry.type).toBe('Polygon');

    const progress: Progress[] = [];
    const csv = new Blob([createEstablishmentsCsv(30_000)]);
    const { report, points } = await engine.client.call(
      'loadEstablishments',
      { file: csv, name: 'etab.csv', ringMetres: 300 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(report.accounting.read).toBe(30_000);
    expect(report.accounting.inQuartier + report.accounting.outside + report.accounting.rejected).toBe(30_000);
    expect(report.dialect.delimiter).toBe(';');
    expect(points.lon).toBeInstanceOf(Float64Array);
    expect(points.count).toBe(10_000);
    expect(progress.some((p) => p.phase === 'lecture' && p.rowsParsed > 0)).toBe(true);
    expect(progress.at(-1)?.phase).toBe('calcul');

    const all = await engine.client.call('aggregate', { filters: { ...DEFAULT_FILTERS, employerOnly: false } });
    const employers = await engine.client.call('aggregate', { filters: DEFAULT_FILTERS });
    expect(all.allQuartiers.establishments).toBeGreaterThan(employers.allQuartiers.establishments);
    expect(employers.allQuartiers.establishments).toBeGreaterThan(0);
  });

  it('turns unusable input into a French error with a code', async () => {
    engine = createEngine();
    const bad = new Blob(['{"type": "FeatureCollection", "features": [']);
    await expect(engine.client.call('loadQuartiers', { file: bad, name: 'x.geojson' })).rejects.toMatchObject({ code: 'invalid_json' });
    const csv = new Blob(['a;b\n1;2\n']);
    await expect(engine.client.call('loadEstablishments', { file: csv, name: 'e.csv', ringMetres: 300 })).rejects.toThrow(/quartiers/);
  });

  it('lets a new load supersede the one in flight', async () => {
    engine = createEngine();
    await engine.client.call('loadQuartiers', { file: new Blob([fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'))]), name: 'qp' });
    const big = new Blob([createEstablishmentsCsv(200_000)]);
    const first = engine.client.call('loadEstablishments', { file: big, name: 'a.csv', ringMetres: 300 });
    const second = engine.client.call('loadEstablishments', { file: new Blob([createEstablishmentsCsv(100)]), name: 'b.csv', ringMetres: 300 });
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    expect((await second).report.read).toBe(100);
  });

  it('aborts a load through an AbortSignal', async () => {
    engine = createEngine();
    await engine.client.call('loadQuartiers', { file: new Blob([fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'))]), name: 'qp' });
    const controller = new AbortController();
    const load = engine.client.call('loadEstablishments', { file: new Blob([createEstablishmentsCsv(200_000)]), name: 'a.csv', ringMetres: 300 }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(load).rejects.toMatchObject({ code: 'aborted' });
  });
});
