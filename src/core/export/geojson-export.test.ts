import { describe, expect, it } from 'vitest';
import { quartiersGeoJson, type QuartierShape } from './geojson-export.ts';
import { createDiagnostic, createQuartierResult } from './test-results.ts';

const square = (x: number, y: number): QuartierShape['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 0.0100000004, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]],
});
const shapes: QuartierShape[] = [
  { code: 'QN03101A', name: 'Les Izards', communes: ['31555'], communeNames: ['Toulouse'], geometry: square(1.43, 43.64) },
  { code: 'QN03102B', name: 'Bagatelle', communes: ['31555'], communeNames: ['Toulouse'], geometry: square(1.4, 43.58) },
];
const results = createDiagnostic([
  createQuartierResult('QN03101A', 'Les Izards', ['31555'], { establishments: 8, jobs: [64, 45, 82], essJobShare: 0.31494 }, { establishments: 3 }),
  createQuartierResult('QN03102B', 'Bagatelle', ['31555'], { establishments: 2, jobs: [10, 8, 12], essJobShare: 0.2, secretEstablishments: true, secretJobs: true }),
]);

describe('quartiers GeoJSON', () => {
  const fc = quartiersGeoJson(shapes, results, { sources: 'Sources : x' });

  it('is one feature per quartier with French properties and rounded coordinates', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(2);
    const p = fc.features[0].properties!;
    expect(p).toMatchObject({ code_qp: 'QN03101A', nom_qp: 'Les Izards', communes: '31555', noms_communes: 'Toulouse', etab_ess: 8, emplois_ess: 64, part_ess_emplois_pct: 31.49, vecu_etab_ess: 3 });
    const ring = (fc.features[0].geometry as GeoJSON.Polygon).coordinates[0];
    expect(ring[1][0]).toBe(1.44);
    expect(fc.metadata.sources).toBe('Sources : x');
  });

  it('writes masked values as null with their flag, never as text', () => {
    const p = fc.features[1].properties!;
    expect(p.etab_ess).toBeNull();
    expect(p.emplois_ess).toBeNull();
    expect(p.part_ess_emplois_pct).toBeNull();
    expect(p.secret_etablissements).toBe(true);
    expect(p.secret_emplois).toBe(true);
    expect(JSON.stringify(fc)).not.toContain('"s"');
  });

  it('still writes the quartiers when no indicator is computed', () => {
    const bare = quartiersGeoJson(shapes, null);
    expect(Object.keys(bare.features[0].properties!)).toEqual(['code_qp', 'nom_qp', 'communes', 'noms_communes']);
  });
});
