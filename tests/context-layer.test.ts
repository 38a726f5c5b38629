import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuartiers } from '../src/core/ingest/geojson.ts';
import { bytesSource } from '../src/core/ingest/csv-stream.ts';
import { ingestContextPoints } from '../src/core/context/context-points.ts';
import { aggregateContext } from '../src/core/context/context-aggregate.ts';
import { shared } from './shared-data.ts';

const quartiers = () => parseQuartiers(fs.readFileSync(shared('occitanie-qpv-2015/qp.geojson'), 'utf8'), { fileName: 'qp.geojson' }).quartiers;

describe('context layer on the Occitanie DVF sales (foncier_qp.csv)', () => {
  it('places each sale in the quartier its producer gave it, and sums and takes the median of a column', async () => {
    const file = shared('occitanie-qpv-2015/foncier_qp.csv');
    const layer = await ingestContextPoints(fs.createReadStream(file, { highWaterMark: 1 << 16 }), { name: 'DVF', valueColumn: 'valeur_fonciere' });
    expect(layer.read).toBe(28_825);
    expect(layer.count + Object.values(layer.rejectedBy).reduce((a, b) => a + (b ?? 0), 0)).toBe(layer.read);
    const qs = quartiers();
    const result = aggregateContext(qs, layer, 300);

    // Independent truth: the producer's code_qp column, and the values summed from the CSV text itself.
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    const codeCol = head.indexOf('code_qp'), valueCol = head.indexOf('valeur_fonciere');
    const byCode = new Map<string, { n: number; values: number[] }>();
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const e = byCode.get(cells[codeCol]) ?? { n: 0, values: [] };
      e.n++;
      if (cells[valueCol] !== '') e.values.push(Number(cells[valueCol]));
      byCode.set(cells[codeCol], e);
    }
    const placed = result.quartiers.reduce((a, f) => a + f.count, 0);
    const agree = qs.reduce((a, q, i) => a + Math.min(result.quartiers[i].count, byCode.get(q.code)?.n ?? 0), 0);
    // SOURCE.md: 99.0 % of the sales fall inside their own quartier's truncated polygon.
    expect(agree / layer.count).toBeGreaterThan(0.985);
    expect(placed + result.rings.reduce((a, f) => a + f.count, 0) + result.outside).toBe(layer.count);
    // Where every sale of the quartier is placed in it, count, sum and median equal the CSV's own.
    let exact = 0;
    qs.forEach((q, i) => {
      const truth = byCode.get(q.code);
      if (!truth || truth.n !== result.quartiers[i].count || truth.n === 0) return;
      const sorted = [...truth.values].sort((a, b) => a - b);
      const m = sorted.length;
      const median = m % 2 ? sorted[m >> 1] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      if (result.quartiers[i].valued !== m) return;
      expect(result.quartiers[i].median).toBe(median);
      expect(result.quartiers[i].sum).toBeCloseTo(sorted.reduce((a, b) => a + b, 0), 3);
      exact++;
    });
    expect(exact).toBeGreaterThan(60);
    const golden = qs.map((q, i) => ({ code: q.code, ...result.quartiers[i], ring: result.rings[i] }));
    await expect(JSON.stringify({ allQuartiers: result.allQuartiers, outside: result.outside, quartiers: golden }) .replace(/\{"code"/g, '\n{"code"') + '\n')
      .toMatchFileSnapshot('fixtures/context/out/foncier-occitanie.json');
  });

  it('counts each rejected row with its reason and keeps points whose value is missing', async () => {
    const csv = [
      'nom;latitude;longitude;surface',
      'A;43,6;1,44;120',
      ...Array.from({ length: 20 }, (_, k) => `P${k};43,${600 + k};1,${440 + k};${k}`),
      'B;;;80',
      'C;abc;1,44;50',
      'D;40,4;-3,7;10', // Madrid
      'E;43,61;1,45;',
    ].join('\r\n');
    const layer = await ingestContextPoints(bytesSource(new TextEncoder().encode(csv)), { name: 'Locaux', valueColumn: 'Surface' });
    expect(layer.read).toBe(25);
    expect(layer.count).toBe(22);
    expect(layer.rejectedBy).toEqual({ no_coordinates: 1, bad_coordinates: 1, outside_france: 1 });
    expect(layer.valueMissing).toBe(1);
    expect(layer.valueColumn).toBe('surface');
  });

  it('says which columns it expected when a file has no coordinates or the value column is absent', async () => {
    const noCoords = new TextEncoder().encode('nom;adresse\nA;1 rue X\n');
    await expect(ingestContextPoints(bytesSource(noCoords), { name: 'BPE' })).rejects.toThrow(/colonnes de coordonnées attendues/);
    const csv = new TextEncoder().encode('nom,longitude,latitude\nA,1.44,43.6\n');
    await expect(ingestContextPoints(bytesSource(csv), { name: 'BPE', valueColumn: 'prix' })).rejects.toThrow(/la colonne « prix » n’existe pas/);
  });
});
