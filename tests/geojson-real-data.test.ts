/**
 * parseQuartiers and the Lambert-93 projector against the real Occitanie QPV sample in
 * ../shared/data (read in place, never copied into the project).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAMBERT93, makeProjector } from '../src/core/geo/crs';
import { parseQuartiers } from '../src/core/ingest/geojson';
import type { Quartier } from '../src/core/types';

import { shared } from './shared-data.ts';

const DIR = shared('occitanie-qpv-2015');
const read = (file: string): string => readFileSync(path.join(DIR, file), 'utf8');

/**
 * The WGS84 file is truncated to 4 decimals and the Lambert-93 file was derived from it and
 * rounded to the centimetre, so the round trip is only good to about 1e-7°; 2e-6° (≈20 cm)
 * leaves room without hiding a wrong projection (an error in a parameter moves metres).
 */
const TOLERANCE = 2e-6;

function maxVertexGap(a: Quartier[], b: Quartier[]): number {
  let gap = 0;
  a.forEach((qa, i) => {
    const qb = b[i];
    expect(qb.code).toBe(qa.code);
    expect(qb.polygons.map((p) => p.map((r) => r.length))).toEqual(qa.polygons.map((p) => p.map((r) => r.length)));
    qa.polygons.forEach((polygon, p) =>
      polygon.forEach((ring, r) => {
        for (let k = 0; k < ring.length; k++) gap = Math.max(gap, Math.abs(ring[k] - qb.polygons[p][r][k]));
      }),
    );
  });
  return gap;
}

describe(`real QPV sample (${DIR})`, () => {
  const wgs84 = parseQuartiers(read('qp.geojson'), { fileName: 'qp.geojson' });

  it('reads the 105 Occitanie quartiers from qp.geojson, declared CRS84, warning only about its self-crossing contours', () => {
    expect(wgs84.quartiers).toHaveLength(105);
    expect([wgs84.crs, wgs84.crsSource]).toEqual(['EPSG:4326', 'member']);
    // Coordinates rounded to 1e-4° make three contours cross themselves over a few metres.
    expect(wgs84.warnings).toEqual([expect.stringMatching(/^3 quartiers ont un contour qui se recoupe \(QP030003, QP066006, QP030010\)/)]);
  });

  it('normalises code, name and communes of every quartier', () => {
    for (const q of wgs84.quartiers) {
      expect(q.code).toMatch(/^QP\d{6}$/);
      expect(q.name).not.toBe('');
      expect(q.communes.length).toBeGreaterThan(0);
      for (const c of q.communes) expect(c).toMatch(/^\d{5}$/);
      expect(q.communeNames.length).toBeGreaterThan(0);
      expect(q.polygons.length).toBeGreaterThan(0);
      expect(q.bbox[0]).toBeLessThan(q.bbox[2]);
    }
    const tarbesEst = wgs84.quartiers.find((q) => q.code === 'QP065003');
    expect(tarbesEst).toMatchObject({ name: 'Tarbes Est', communes: ['65440'], communeNames: ['Séméac', 'Tarbes'] });
    expect(tarbesEst?.properties).toMatchObject({ commune_qp: 'Tarbes', code_departement: '65' });
  });

  it('finds the same 105 codes as the INSEE table qp.csv', () => {
    const csvCodes = read('qp.csv')
      .replace(/^\ufeff/, '')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0])
      .filter((code) => code !== '');
    expect(new Set(wgs84.quartiers.map((q) => q.code))).toEqual(new Set(csvCodes));
  });

  it('gives back the WGS84 vertices from the Lambert-93 file with its crs member', () => {
    const lambert = parseQuartiers(read('derived/qp_lambert93.geojson'));
    expect([lambert.crs, lambert.crsSource]).toEqual([LAMBERT93, 'member']);
    expect(lambert.warnings.filter((w) => !/se recoupe/.test(w))).toEqual([]);
    expect(maxVertexGap(wgs84.quartiers, lambert.quartiers)).toBeLessThan(TOLERANCE);
  });

  it('gives back the same vertices from the Lambert-93 file with its crs member removed', () => {
    const root = JSON.parse(read('derived/qp_lambert93.geojson')) as Record<string, unknown>;
    delete root.crs;
    const detected = parseQuartiers(JSON.stringify(root));
    expect([detected.crs, detected.crsSource]).toEqual([LAMBERT93, 'detected']);
    expect(detected.warnings.filter((w) => !/se recoupe/.test(w))).toHaveLength(1);
    expect(maxVertexGap(wgs84.quartiers, detected.quartiers)).toBeLessThan(TOLERANCE);
  });

  it('projects the 28 825 Lambert-93 points of foncier_qp_points_lambert93.csv onto their longitude/latitude', () => {
    const [header, ...rows] = read('derived/foncier_qp_points_lambert93.csv').trimEnd().split('\n');
    const cols = header.split(';');
    const [iLon, iLat, iX, iY] = ['longitude', 'latitude', 'x_l93', 'y_l93'].map((c) => cols.indexOf(c));
    const project = makeProjector(LAMBERT93);
    const out = new Float64Array(2);
    let worst = 0;
    for (const row of rows) {
      const f = row.split(';');
      project(Number(f[iX]), Number(f[iY]), out);
      worst = Math.max(worst, Math.abs(out[0] - Number(f[iLon])), Math.abs(out[1] - Number(f[iLat])));
    }
    expect(rows).toHaveLength(28_825);
    expect(worst).toBeLessThan(1e-5);
  });
});
