import { describe, expect, it } from 'vitest';
import { createShapefileZip } from '../../tests/fixtures/shapefile/create-shapefile.ts';
import { createEngineState, handlers, type HandlerContext } from './engine.ts';

const context = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {}, transfer: [] });

describe('loadQuartiers with a zipped shapefile', () => {
  it('sends WGS84 quartiers and the CRS of the .prj, whatever the file is called', async () => {
    const zip = createShapefileZip({
      fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'],
      records: [{ rings: [[[3.87, 43.6], [3.88, 43.6], [3.88, 43.61], [3.87, 43.61]]], values: { CODE_QP: 'QP034012', NOM_QP: 'Près d’Arènes', COMMUNE_QP: 'Montpellier' } }],
      encoding: 'utf-8',
      cpg: 'UTF-8',
    });
    const r = await handlers.loadQuartiers(createEngineState(), { file: new Blob([zip]), name: 'contours' }, context());
    expect(r.crs).toBe('EPSG:2154');
    expect(r.quartiers).toHaveLength(1);
    expect(r.quartiers[0]).toMatchObject({ code: 'QP034012', name: 'Près d’Arènes', communeNames: ['Montpellier'] });
    expect(r.quartiers[0].bbox.map((v) => Number(v.toFixed(6)))).toEqual([3.87, 43.6, 3.88, 43.61]);
    expect(r.quartiers[0].geometry.type).toBe('Polygon');
  });
});
