import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { shared } from './shared-data.ts';
import { createShapefileZip } from './fixtures/shapefile/create-shapefile.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// 00 (employees during the year, none on 31/12) and a blank bracket are employers; NN is not.
const TRANCHES = ['NN', '01', '02', '03', '11', '12', '00', ''];
const MID: Record<string, number> = { NN: 0, '01': 1.5, '02': 4, '03': 7.5, '11': 14.5, '12': 34.5, '00': 0, '': 0 };
const trancheOf = (i: number) => TRANCHES[i % TRANCHES.length];

interface Point { lon: number; lat: number; x: number; y: number; commune: string }

let dir: string;
let points: Point[];

/** Establishments on the real DVF points: every 5th is an association, brackets cycle. */
function createEstablishments(file: string, coords: 'wgs84' | 'lambert93') {
  const header = coords === 'wgs84'
    ? 'siret,denominationUniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,codeCommuneEtablissement,longitude,latitude'
    : 'siret,denominationUniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,codeCommuneEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement';
  const lines = [header];
  points.forEach((p, i) => {
    const c = coords === 'wgs84' ? `${p.lon},${p.lat}` : `${p.x},${p.y}`;
    lines.push(`${String(10000000000000 + i)},Structure ${i},${i % 5 === 0 ? '9220' : '5710'},${i % 2 ? '88.99B' : '47.11B'},${trancheOf(i)},${p.commune},${c}`);
  });
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** Lines of stderr other than the warning about the Occitanie contours that cross themselves (rounded coordinates). */
const otherWarnings = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !/^Avertissement \(quartiers, [^)]+\) : \d+ quartiers ont un contour qui se recoupe/.test(l));

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/aggregate.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-cli-'));
  const rows = Papa.parse<Record<string, string>>(
    fs.readFileSync(shared('occitanie-qpv-2015', 'derived', 'foncier_qp_points_lambert93.csv'), 'utf8'),
    { header: true, delimiter: ';', skipEmptyLines: true },
  ).data;
  points = rows.map((r) => ({ lon: +r.longitude, lat: +r.latitude, x: +r.x_l93, y: +r.y_l93, commune: r.code_commune }));
  createEstablishments(path.join(dir, 'etab.csv'), 'wgs84');
  createEstablishments(path.join(dir, 'etab-l93.csv'), 'lambert93');
});

describe('aggregate CLI on the Occitanie quartiers', () => {
  let out: ReturnType<typeof JSON.parse>;

  beforeAll(() => {
    const r = spawnSync('npm', ['run', '--silent', 'aggregate', '--', '--quartiers', shared('occitanie-qpv-2015', 'qp.geojson'),
      '--etablissements', path.join(dir, 'etab.csv'), '--reference', shared('occitanie-qpv-2015', 'qp.csv')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(otherWarnings(r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
    out = JSON.parse(r.stdout);
  });

  it('accounts for every row', () => {
    expect(out.rows.read).toBe(points.length);
    expect(out.rows.inQuartier + out.rows.outside + out.rows.rejected).toBe(out.rows.read);
    expect(out.rows.inQuartier).toBeGreaterThanOrEqual(28_540);
    expect(out.rows.rejected).toBe(0);
  });

  /** ESS establishments per quartier by an independent Turf join, by bracket. */
  function turfCounts(keep: (tranche: string) => boolean): Map<string, number> {
    const qp = JSON.parse(fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'), 'utf8')) as FeatureCollection<Polygon>;
    const counts = new Map<string, number>();
    points.forEach((p, i) => {
      if (i % 5 !== 0 || !keep(trancheOf(i))) return;
      const f = qp.features.find((q: Feature<Polygon>) => booleanPointInPolygon([p.lon, p.lat], q));
      if (f) counts.set(f.properties!.code_qp, (counts.get(f.properties!.code_qp) ?? 0) + 1);
    });
    return counts;
  }

  it('counts the ESS employer establishments (every bracket but NN) of each quartier like an independent Turf join', () => {
    const expected = turfCounts((t) => t !== 'NN');
    expect(out.quartiers).toHaveLength(105);
    let gap = 0;
    let published = 0;
    for (const q of out.quartiers) {
      const n = expected.get(q.code) ?? 0;
      if (q.establishments === 's') {
        // Masked: under 3 establishments, or masked so that another masked count cannot be recovered.
        expect(q.secret.establishments).toBe(true);
        continue;
      }
      published++;
      // Like Turf, a point on a quartier's edge counts as inside.
      gap += Math.abs(q.establishments - n);
    }
    expect(gap).toBe(0);
    expect(published).toBeGreaterThan(80);
    expect(out.allQuartiers.establishments).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });

  it('puts bracket 00 in the « 0 salarié » class and a blank bracket in « taille inconnue », both employers', () => {
    const zero = [...turfCounts((t) => t === '00').values()].reduce((a, b) => a + b, 0);
    const blank = [...turfCounts((t) => t === '').values()].reduce((a, b) => a + b, 0);
    expect(zero).toBeGreaterThan(100);
    expect(out.allQuartiers.sizes['0']).toMatchObject({ establishments: zero, jobs: 0 });
    expect(out.allQuartiers.sizes.inconnue).toMatchObject({ establishments: blank, jobs: 0 });
    // The run says how many rows had no bracket (ESS or not, wherever they lie).
    expect(out.meta.unknownSizeRows).toBe(points.filter((_, i) => trancheOf(i) === '').length);
    expect(out.allQuartiers.sizes.non_employeur.establishments).toBe(0);
    const nn = [...turfCounts((t) => t === 'NN').values()].reduce((a, b) => a + b, 0);
    expect(out.allQuartiers.nonEmployerEstablishments).toBe(nn);
  });

  it('publishes no masked cell that is the difference of published cells (secondary suppression)', () => {
    type Cell = { establishments: number | 's'; jobs: number | 's' };
    type Territory = { establishments: number | 's'; jobs: 's' | { estimate: number }; families: Record<string, Cell>; sectors: Record<string, Cell>; sizes: Record<string, Cell> };
    const single = (values: (number | 's')[]) => values.filter((v) => v === 's').length === 1;
    const gaps: string[] = [];
    const territories: [string, Territory][] = [
      ...out.quartiers.map((q: Territory & { code: string; quartierVecu: Territory }) => [[q.code, q], [`${q.code} vécu`, q.quartierVecu]]).flat(),
      ['ensemble', out.allQuartiers],
    ];
    let masked = 0;
    for (const [name, t] of territories) {
      const jobs = t.jobs === 's' ? 's' : t.jobs.estimate;
      for (const mix of ['families', 'sectors', 'sizes'] as const) {
        const cells = Object.values(t[mix]);
        masked += cells.filter((c) => c.establishments === 's').length;
        if (single([...cells.map((c) => c.establishments), t.establishments])) gaps.push(`${name} ${mix}`);
        if (single([...cells.map((c) => c.jobs), jobs])) gaps.push(`${name} ${mix} emplois`);
      }
    }
    const all = [...out.quartiers, out.allQuartiers] as Territory[];
    if (single(all.map((q) => q.establishments))) gaps.push('colonne établissements');
    for (const mix of ['families', 'sectors', 'sizes'] as const) {
      for (const key of Object.keys(out.allQuartiers[mix])) if (single(all.map((q) => q[mix][key].establishments))) gaps.push(`colonne ${mix} ${key}`);
    }
    expect(masked).toBeGreaterThan(50);
    expect(gaps).toEqual([]);
  });

  it('gives jobs with their range from the SIRENE brackets, and the mixes add up', () => {
    for (const q of out.quartiers) {
      if (q.jobs === 's') continue;
      expect(q.jobs.min).toBeLessThanOrEqual(q.jobs.estimate);
      expect(q.jobs.estimate).toBeLessThanOrEqual(q.jobs.max);
      if (q.establishments === 's' || Object.values(q.families as Record<string, { secret: boolean }>).some((c) => c.secret)) continue;
      const famJobs = Object.values(q.families as Record<string, { jobs: number }>).reduce((a, c) => a + c.jobs, 0);
      expect(famJobs).toBeCloseTo(q.jobs.estimate, 1);
      const famEst = Object.values(q.families as Record<string, { establishments: number }>).reduce((a, c) => a + c.establishments, 0);
      expect(famEst).toBe(q.establishments);
      expect(q.families.association.establishments).toBe(q.establishments);
    }
    const total = out.allQuartiers.jobs.estimate;
    expect(total).toBeGreaterThan(0);
    expect(Number.isInteger(total * 2)).toBe(true);
    expect(Object.values(MID)).toContain(1.5);
  });

  it('computes shares as fractions and density from the reference population', () => {
    const ref = Papa.parse<Record<string, string>>(fs.readFileSync(shared('occitanie-qpv-2015', 'qp.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true }).data;
    const pop = new Map(ref.map((r) => [r.code_qp, Number(r.pop_mun)]));
    for (const q of out.quartiers) {
      if (q.essJobShare !== null && q.essJobShare !== 's') {
        expect(q.essJobShare).toBeGreaterThanOrEqual(0);
        expect(q.essJobShare).toBeLessThanOrEqual(1);
        expect(q.essJobShareRange.min).toBeLessThanOrEqual(q.essJobShare);
        expect(q.essJobShareRange.max).toBeGreaterThanOrEqual(q.essJobShare);
      }
      expect(q.population).toBe(pop.get(q.code));
      // The density gives the establishments back with the population: masked with them.
      if (q.establishments === 's') expect(q.densityPer1000).toBe('s');
      else expect(q.densityPer1000).toBeCloseTo((q.establishments / pop.get(q.code)!) * 1000, 3);
    }
  });

  it('gives the same assignments from Lambert-93 quartiers and establishments', () => {
    const r = runCli(['--quartiers', shared('occitanie-qpv-2015', 'derived', 'qp_lambert93.geojson'), '--etablissements', path.join(dir, 'etab-l93.csv')]);
    expect(r.status).toBe(0);
    const l93 = JSON.parse(r.stdout);
    expect(l93.meta.quartiersCrs).toBe('EPSG:2154');
    expect(l93.rows).toEqual(out.rows);
    const byCode = new Map(out.quartiers.map((q: { code: string; establishments: number }) => [q.code, q.establishments]));
    for (const q of l93.quartiers) expect([q.code, q.establishments]).toEqual([q.code, byCode.get(q.code)]);
  });
});

describe('aggregate CLI on a zipped shapefile', () => {
  it('gives the same result from the quartiers as a Lambert-93 shapefile with a Windows-1252 table', () => {
    const qp = JSON.parse(fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'), 'utf8')) as FeatureCollection<Polygon>;
    const zip = createShapefileZip({
      fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'],
      records: qp.features.map((f) => ({
        rings: f.geometry.coordinates as [number, number][][],
        values: { CODE_QP: f.properties!.code_qp, NOM_QP: f.properties!.nom_qp, COMMUNE_QP: f.properties!.commune_qp },
      })),
    });
    const file = path.join(dir, 'qp-lambert93.zip');
    fs.writeFileSync(file, zip);
    const fromZip = runCli(['--quartiers', file, '--etablissements', path.join(dir, 'etab.csv')]);
    const fromGeoJson = runCli(['--quartiers', shared('occitanie-qpv-2015', 'qp.geojson'), '--etablissements', path.join(dir, 'etab.csv')]);
    expect(otherWarnings(fromZip.stderr)).toEqual([]);
    const a = JSON.parse(fromZip.stdout);
    const b = JSON.parse(fromGeoJson.stdout);
    expect(a.meta.quartiersCrs).toBe('EPSG:2154');
    expect(a.rows).toEqual(b.rows);
    expect(a.quartiers.map((q: { code: string; name: string; establishments: number }) => [q.code, q.name, q.establishments])).toEqual(
      b.quartiers.map((q: { code: string; name: string; establishments: number }) => [q.code, q.name, q.establishments]),
    );
  });
});

describe('aggregate CLI output and errors', () => {
  it('writes the per-quartier CSV with a BOM, semicolons and French headers', () => {
    const file = path.join(dir, 'out.csv');
    const r = runCli(['--quartiers', shared('occitanie-qpv-2015', 'qp.geojson'), '--etablissements', path.join(dir, 'etab.csv'), '--format', 'csv', '--out', file]);
    expect(r.status).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0][0]).toBe('Code quartier');
    expect(rows[0]).toContain('Part ESS des emplois (%)');
    expect(rows).toHaveLength(106);
  });

  it('fails with a one-line French message on a missing file', () => {
    const r = runCli(['--quartiers', 'absent.geojson', '--etablissements', path.join(dir, 'etab.csv')]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/introuvable/);
  });

  it('fails with a one-line French message on a GeoJSON that is not JSON', () => {
    const bad = path.join(dir, 'bad.geojson');
    fs.writeFileSync(bad, '{"type": "FeatureCollection", "features": [ {');
    const r = runCli(['--quartiers', bad, '--etablissements', path.join(dir, 'etab.csv')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/JSON/);
  });

  it('fails when the establishments have no coordinate column', () => {
    const f = path.join(dir, 'nocoord.csv');
    fs.writeFileSync(f, 'siret;nom\n12345678900012;A\n');
    const r = runCli(['--quartiers', shared('occitanie-qpv-2015', 'qp.geojson'), '--etablissements', f]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/coordonnées/);
  });

  it('reports the quartiers file’s warnings on stderr and in the JSON, with the file they are about', () => {
    // Five features, four of them unusable: one quartier is kept, and the run says why.
    const square = [[[1.4, 43.6], [1.42, 43.6], [1.42, 43.62], [1.4, 43.62], [1.4, 43.6]]];
    const features = [
      { type: 'Feature', properties: { code_qp: 'QN03101A', lib_qp: 'Gardé' }, geometry: { type: 'Polygon', coordinates: square } },
      { type: 'Feature', properties: { code_qp: 'QN03102A' }, geometry: { type: 'Point', coordinates: [1.4, 43.6] } },
      { type: 'Feature', properties: { code_qp: 'QN03103A' }, geometry: null },
      { type: 'Feature', properties: { code_qp: 'QN03104A' }, geometry: { type: 'Polygon', coordinates: [[[1, 2]]] } },
      { type: 'Feature', properties: { code_qp: 'QN03105A' }, geometry: { type: 'LineString', coordinates: [[1.4, 43.6], [1.5, 43.7]] } },
    ];
    const file = path.join(dir, 'cinq.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const r = runCli(['--quartiers', file, '--etablissements', path.join(dir, 'etab.csv')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.quartiers.map((q: { code: string }) => q.code)).toEqual(['QN03101A']);
    const warnings = out.meta.warnings as { source: string; file: string; message: string }[];
    expect(warnings.every((w) => w.source === 'quartiers' && w.file === 'cinq.geojson')).toBe(true);
    const said = warnings.map((w) => w.message).join(' ');
    expect(said).toMatch(/sans géométrie ignorée : n° 3/);
    expect(said).toMatch(/non polygonales ignorées \(Point : 1, LineString : 1\)/);
    expect(said).toMatch(/ignorée faute de contour utilisable : n° 4/);
    expect(r.stderr.trim().split('\n')).toEqual(warnings.map((w) => `Avertissement (quartiers, cinq.geojson) : ${w.message}`));
  });

  it('refuses a quartiers file over the size limit in French, before reading it', () => {
    // A sparse file: 2.1 GB long, no disk used. Node itself would refuse it past 2 GiB, in English.
    const file = path.join(dir, 'immense.geojson');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 2_100_000_000);
    const r = runCli(['--quartiers', file, '--etablissements', path.join(dir, 'etab.csv')]);
    fs.rmSync(file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/« immense\.geojson » fait 2 Gio : au-delà de 256 Mio, il n’est pas lu\. Simplifiez les contours .* découpez le fichier par département/);
  });

  it('rejects an unknown option', () => {
    const r = runCli(['--quartier', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Option inconnue --quartier/);
  });
});
