import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject, sha256Hex, sourceDifferences, type SourceFingerprint } from './project-file.ts';

const fp = (name: string, sha256: string, size = 10): SourceFingerprint => ({ name, size, lastModified: '2026-01-01T00:00:00.000Z', sha256 });

describe('project file', () => {
  it('hashes bytes with SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('round-trips settings, mapping and sources without any data', () => {
    const text = serializeProject({
      savedAt: '2026-11-29T10:00:00.000Z',
      view: { indicator: 'jobs', selection: ['QP031001'] },
      mapping: { lon: 'longitude', lat: 'latitude' },
      sources: { quartiers: fp('qp.geojson', 'aa') },
    });
    const p = parseProject(text);
    expect(p.view).toEqual({ indicator: 'jobs', selection: ['QP031001'] });
    expect(p.mapping.lon).toBe('longitude');
    expect(p.sources.quartiers?.sha256).toBe('aa');
  });

  it('says which source differs', () => {
    const saved = { quartiers: fp('qp.geojson', 'aa'), etablissements: fp('etab.csv', 'bb', 100) };
    expect(sourceDifferences(saved, { quartiers: fp('qp.geojson', 'aa'), etablissements: fp('etab.csv', 'bb', 100) })).toEqual([]);
    const diff = sourceDifferences(saved, { quartiers: fp('qp.geojson', 'aa'), etablissements: fp('etab-2025.csv', 'cc', 120) });
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/fichier d’établissements diffère.*etab-2025\.csv.*100 octets attendus, 120 trouvés/);
    expect(sourceDifferences(saved, { quartiers: fp('qp.geojson', 'aa') })[0]).toMatch(/n’est pas chargé/);
  });

  it('refuses a file that is not a project, in French', () => {
    expect(() => parseProject('{"type":"FeatureCollection"}')).toThrow(/pas un projet ESS Quartiers/);
    expect(() => parseProject('{oops')).toThrow(/pas un JSON valide/);
  });
});
