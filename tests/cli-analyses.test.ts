import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { shared } from './shared-data.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** NAF codes cycled over the points: santé, mobilité (garage), commerce de détail non alimentaire. */
const NAF = ['86.21Z', '45.20A', '47.59B'];

let dir: string;
let points: { lon: number; lat: number; commune: string }[];
let qp: FeatureCollection<Polygon>;

/** ESS establishments on one DVF point in 40 (associations, bracket 01), the rest non-ESS. */
function createEstablishments(file: string) {
  const lines = ['siret,denominationUniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,economieSocialeSolidaireUniteLegale,codeCommuneEtablissement,longitude,latitude'];
  points.forEach((p, i) => {
    const ess = i % 40 === 0;
    lines.push(`${10_000_000_000_000 + i},Structure ${i},${ess ? '9220' : '5710'},${NAF[Math.floor(i / 40) % 3]},01,${ess ? 'O' : 'N'},${p.commune},${p.lon},${p.lat}`);
  });
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

function runCli(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'aggregate', '--', '--quartiers', shared('occitanie-qpv-2015', 'qp.geojson'),
    '--etablissements', path.join(dir, 'etab.csv'), '--reference', shared('occitanie-qpv-2015', 'qp.csv'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-analyses-'));
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(shared('occitanie-qpv-2015', 'derived', 'foncier_qp_points_lambert93.csv'), 'utf8'),
    { header: true, delimiter: ';', skipEmptyLines: true }).data;
  points = rows.map((r) => ({ lon: +r.longitude, lat: +r.latitude, commune: r.code_commune }));
  qp = JSON.parse(fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'), 'utf8'));
  createEstablishments(path.join(dir, 'etab.csv'));
});

describe('aggregate CLI: needs matrix and positioning on the Occitanie quartiers', () => {
  let out: ReturnType<typeof JSON.parse>;

  beforeAll(() => {
    const r = runCli([]);
    expect(r.status).toBe(0);
    out = JSON.parse(r.stdout);
  });

  it('gives each quartier its needs, with the nearest ESS establishment of the need measured from its boundary', () => {
    const ess = points.filter((_, i) => i % 40 === 0).map((p, k) => ({ ...p, naf: NAF[k % 3] }));
    const sante = ess.filter((p) => p.naf === '86.21Z');
    let checked = 0;
    for (const q of out.quartiers.slice(0, 40)) {
      const cell = q.needs.find((n: { need: string }) => n.need === 'sante');
      const feature = qp.features.find((f) => f.properties!.code_qp === q.code)!;
      const inside = sante.filter((p) => booleanPointInPolygon([p.lon, p.lat], feature)).length;
      if (inside > 0) {
        expect(cell.nearestMetres).toBe(0);
        expect(cell.inside === 's' ? inside <= 2 : cell.inside === inside).toBe(true);
      } else {
        // Independent geodesic distance (Turf), against our local metric: within 0.5 % + 2 m.
        const d = Math.min(...sante.map((p) => pointToPolygonDistance([p.lon, p.lat], feature, { units: 'meters' })));
        expect(Math.abs(cell.nearestMetres - d)).toBeLessThan(d * 0.005 + 2);
      }
      checked++;
    }
    expect(checked).toBe(40);
    // No ESS establishment of these needs in the file: null, not 0.
    expect(out.quartiers[0].needs.find((n: { need: string }) => n.need === 'petite_enfance').nearestMetres).toBeNull();
    expect(out.meta.needs.list).toHaveLength(10);
  });

  it('ranks the quartiers on each indicator, masked values left out', () => {
    const published = out.quartiers.filter((q: { essJobShare: unknown }) => typeof q.essJobShare === 'number');
    const sorted = [...published].sort((a, b) => b.essJobShare - a.essJobShare);
    expect(sorted[0].rank.essJobShare).toBe(1);
    for (const q of published) {
      const above = published.filter((o: { essJobShare: number }) => o.essJobShare > q.essJobShare).length;
      expect(q.rank.essJobShare).toBe(above + 1);
      expect(q.ranked.essJobShare).toBe(published.length);
    }
    for (const q of out.quartiers.filter((x: { essJobShare: unknown }) => x.essJobShare === 's')) expect(q.rank.essJobShare).toBeNull();
    expect(out.quartiers[0].comparables).toHaveLength(5);
    expect(out.quartiers[0].rankFrance).toBeUndefined();
  });

  it('reads the user’s list of needs and a national table, and refuses a bad list in French', () => {
    fs.writeFileSync(path.join(dir, 'besoins.csv'), 'besoin;codes_naf\nGarages solidaires;45.20\n');
    // A national table: this run's own output plus quartiers of elsewhere with higher shares.
    const national = { ...out, quartiers: [...out.quartiers, ...Array.from({ length: 50 }, (_, k) => ({ code: `QN0990${k}`, name: `Ailleurs ${k}`, essJobShare: 0.9, population: 2000, allEstablishments: 100 }))] };
    fs.writeFileSync(path.join(dir, 'national.json'), JSON.stringify(national));
    const r = runCli(['--besoins', path.join(dir, 'besoins.csv'), '--reference-nationale', path.join(dir, 'national.json')]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.quartiers[0].needs.map((n: { need: string }) => n.need)).toEqual(['garages_solidaires']);
    const top = o.quartiers.find((q: { rank: { essJobShare: number } }) => q.rank.essJobShare === 1);
    // 50 quartiers of France above every loaded one.
    expect(top.rankFrance.essJobShare).toBe(51);
    expect(top.rankedFrance.essJobShare).toBe(top.ranked.essJobShare + 50);

    fs.writeFileSync(path.join(dir, 'mauvais.csv'), 'nom;naf\nX;86\n');
    const bad = runCli(['--besoins', path.join(dir, 'mauvais.csv')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^Liste de besoins : colonnes « besoin » et « codes_naf » attendues/);
  });

  it('counts a context layer per quartier: the DVF sales with the sum and median of their value', () => {
    const r = runCli(['--contexte', shared('occitanie-qpv-2015', 'foncier_qp.csv'), '--contexte-valeur', 'valeur_fonciere']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.context).toMatchObject({ layer: 'foncier_qp.csv', valueColumn: 'valeur_fonciere', read: 28_825 });
    const placed = o.quartiers.reduce((a: number, q: { context: { count: number; quartierVecu: { count: number } } }) => a + q.context.count + q.context.quartierVecu.count, 0);
    expect(placed + o.context.outside + Object.values(o.context.rejectedBy as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(28_825);
    const mirail = o.quartiers.find((q: { code: string }) => q.code === 'QP031004') ?? o.quartiers[0];
    expect(mirail.context.median).toBeGreaterThan(0);
    const missing = runCli(['--contexte-valeur', 'surface']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--contexte-valeur demande --contexte/);
  });
});
