import { describe, expect, it } from 'vitest';
import { createZip } from '../../../tests/fixtures/shapefile/create-shapefile.ts';
import { classifyFile } from './route-files.ts';

const file = (content: BlobPart, name: string) => new File([content], name);

describe('classifyFile', () => {
  it('routes a zip to the quartier boundaries, by extension or by its first bytes', async () => {
    const zip = createZip({ 'QP_LB93.shp': new Uint8Array(100) });
    expect(await classifyFile(file(zip, 'QP_METROPOLE_LB93.zip'))).toBe('quartiers');
    expect(await classifyFile(file(zip, 'contours-sans-extension'))).toBe('quartiers');
  });

  it('tells quartiers from communes in GeoJSON, and reference tables from establishments in CSV', async () => {
    expect(await classifyFile(file('{"features":[{"properties":{"code_qp":"QP031001"}}]}', 'qp.geojson'))).toBe('quartiers');
    expect(await classifyFile(file('{"features":[{"properties":{"nom":"Albi"}}]}', 'communes.geojson'))).toBe('communes');
    expect(await classifyFile(file('code_qp;pop_mun\nQP031001;1200\n', 'qp.csv'))).toBe('reference');
    expect(await classifyFile(file('siret;longitude;latitude\n', 'etab.csv'))).toBe('etablissements');
  });

  it('recognises nothing else', async () => {
    expect(await classifyFile(file('%PDF-1.7', 'rapport.pdf'))).toBeNull();
  });
});
