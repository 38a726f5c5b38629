/**
 * The demo data set of public/data: reproducible, small, geometrically valid, with ESS in
 * every quartier and the flaws the manifest announces. Helpers here are written apart from
 * the generator's own geometry so the test does not check the code with itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILES, generateDemoData } from '../scripts/make-demo-data.ts';

type Position = [number, number];
type PolygonCoords = Position[][];
interface QuartierFeature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}
type CsvRow = Record<string, string>;

const COMMITTED_DIR = fileURLToPath(new URL('../public/data/', import.meta.url));

let dirA = '';
let dirB = '';

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'essq-demo-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'essq-demo-b-'));
  generateDemoData(dirA);
  generateDemoData(dirB);
});

afterAll(() => {
  for (const dir of [dirA, dirB]) if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function read(name: string, dir = dirA): string {
  return readFileSync(join(dir, name), 'utf8');
}

function quartiers(): QuartierFeature[] {
  return (JSON.parse(read(DEMO_FILES.quartiers)) as { features: QuartierFeature[] }).features;
}

function polygonsOf(f: QuartierFeature): PolygonCoords[] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

function establishments(): CsvRow[] {
  return Papa.parse<CsvRow>(read(DEMO_FILES.etablissements), { header: true, skipEmptyLines: true }).data;
}

function manifest(): {
  files: { name: string; rows: number }[];
  flaws: { noCoordinates: number; duplicateSirets: number; closed: number };
  description: string;
} {
  return JSON.parse(read(DEMO_FILES.manifest)) as ReturnType<typeof manifest>;
}

/** Ray casting on one ring. */
function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(p: Position, [outer, ...holes]: PolygonCoords): boolean {
  return outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h));
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Proper crossing of segments ab and cd (shared endpoints do not count). */
function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  return cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0;
}

function selfCrosses(ring: Position[]): boolean {
  for (let i = 1; i < ring.length; i++) {
    for (let j = i + 2; j < ring.length; j++) {
      if (i === 1 && j === ring.length - 1) continue; // first and last edges share the closing vertex
      if (segmentsCross(ring[i - 1] as Position, ring[i] as Position, ring[j - 1] as Position, ring[j] as Position)) return true;
    }
  }
  return false;
}

describe('demo data generator', () => {
  it('writes the same bytes on two runs', () => {
    const names = readdirSync(dirA).sort();
    expect(names).toEqual(Object.values(DEMO_FILES).sort());
    for (const name of names) expect(readFileSync(join(dirB, name)).equals(readFileSync(join(dirA, name))), name).toBe(true);
  });

  it('keeps the whole data set under 1 MB', () => {
    const total = readdirSync(dirA).reduce((sum, name) => sum + statSync(join(dirA, name)).size, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('has 6 to 10 quartiers with unique 2024-style codes and their commune fields', () => {
    const features = quartiers();
    expect(features.length).toBeGreaterThanOrEqual(6);
    expect(features.length).toBeLessThanOrEqual(10);
    const codes = features.map((f) => f.properties.code_qp);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of features) {
      expect(f.properties.code_qp).toMatch(/^QN[0-9AB]{3}\d{2}[MNI]$/);
      expect(f.properties.lib_qp).not.toBe('');
      expect(f.properties.insee_com).toMatch(/^99001(, 99002)?$/);
      expect(f.properties.lib_com).not.toBe('');
    }
  });

  it('draws valid quartier polygons: closed rings of at least 4 positions that do not cross themselves', () => {
    for (const f of quartiers()) {
      for (const polygon of polygonsOf(f)) {
        for (const ring of polygon) {
          expect(ring.length, f.properties.code_qp).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], f.properties.code_qp).toEqual(ring[0]);
          expect(selfCrosses(ring), f.properties.code_qp).toBe(false);
          for (const [lon, lat] of ring) {
            // Metropolitan France, 6 decimals at most.
            expect(lon).toBeGreaterThan(-5.5);
            expect(lon).toBeLessThan(10);
            expect(lat).toBeGreaterThan(41);
            expect(lat).toBeLessThan(51.5);
            expect(String(lon)).toMatch(/^-?\d+(\.\d{1,6})?$/);
          }
        }
      }
    }
  });

  it('covers the awkward shapes: a hole, a multipolygon, a quartier on two communes', () => {
    const features = quartiers();
    expect(features.some((f) => polygonsOf(f).some((p) => p.length > 1))).toBe(true);
    expect(features.some((f) => f.geometry.type === 'MultiPolygon' && f.geometry.coordinates.length === 2)).toBe(true);
    expect(features.filter((f) => f.properties.insee_com === '99001, 99002')).toHaveLength(1);
  });

  it('places employer ESS establishments inside every quartier', () => {
    const ess = establishments().filter(
      (r) => r.economieSocialeSolidaireUniteLegale === 'O' && r.longitude !== '' && !['NN', '00'].includes(r.trancheEffectifsEtablissement ?? ''),
    );
    for (const f of quartiers()) {
      const inside = ess.filter((r) => {
        const p: Position = [Number(r.longitude), Number(r.latitude)];
        return polygonsOf(f).some((polygon) => inPolygon(p, polygon));
      });
      // At least 3, the statistical-confidentiality threshold: below it the demo would show `s`.
      expect(inside.length, f.properties.code_qp).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes 14-digit SIRETs as text, some with leading zeros', () => {
    const sirets = establishments().map((r) => r.siret ?? '');
    expect(sirets.every((s) => /^\d{14}$/.test(s))).toBe(true);
    expect(sirets.some((s) => s.startsWith('00'))).toBe(true);
  });

  it('holds exactly the flaws and row counts the manifest announces', () => {
    const rows = establishments();
    const m = manifest();
    expect(m.description).toBe('données fictives de démonstration');
    expect(m.files.find((f) => f.name === DEMO_FILES.etablissements)?.rows).toBe(rows.length);
    expect(rows.filter((r) => r.longitude === '' || r.latitude === '')).toHaveLength(m.flaws.noCoordinates);
    expect(rows.length - new Set(rows.map((r) => r.siret)).size).toBe(m.flaws.duplicateSirets);
    expect(rows.filter((r) => r.etatAdministratifEtablissement === 'F')).toHaveLength(m.flaws.closed);
  });

  it('writes the reference table with a BOM, semicolons and one row per quartier', () => {
    const text = read(DEMO_FILES.reference);
    expect(text.startsWith('\uFEFFcode_qp;nom_qp;pop_mun;nbetab;emplois\r\n')).toBe(true);
    const rows = Papa.parse<CsvRow>(text.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.map((r) => r.code_qp).sort()).toEqual(quartiers().map((f) => f.properties.code_qp).sort());
    for (const r of rows) {
      expect(Number(r.pop_mun)).toBeGreaterThanOrEqual(1500);
      expect(Number(r.pop_mun)).toBeLessThanOrEqual(12000);
      expect(Number(r.nbetab)).toBeGreaterThan(0);
    }
  });

  it('matches the committed public/data files (regenerate with npm run demo-data, never edit by hand)', () => {
    for (const name of Object.values(DEMO_FILES)) {
      const committed = join(COMMITTED_DIR, name);
      expect(() => statSync(committed), `${name} absent de public/data : lancer npm run demo-data`).not.toThrow();
      expect(readFileSync(committed).equals(readFileSync(join(dirA, name))), `${name} diffère d'une génération fraîche`).toBe(true);
    }
  });
});
