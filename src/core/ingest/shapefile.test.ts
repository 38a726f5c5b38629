import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shared } from '../../../tests/shared-data.ts';
import { createShapefileZip, createZip, LAMBERT93_PRJ, unzipMembers, type ShapefileSpec } from '../../../tests/fixtures/shapefile/create-shapefile.ts';
import type { EssqError } from '../errors';
import { parseQuartiers } from './geojson';
import { isZip, parseQuartiersShapefile } from './shapefile';
import { crsFromPrj, dbfEncoding } from './shapefile-meta';

const square = (lon: number, lat: number): [number, number][] => [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.008], [lon, lat + 0.008]];

/** Two 2015 quartiers (ANCT field names) with accented names, Toulouse and Béziers. */
function createQuartiersSpec(overrides: Partial<ShapefileSpec> = {}): ShapefileSpec {
  return {
    fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'],
    records: [
      { rings: [square(1.425, 43.585)], values: { CODE_QP: 'QP031012', NOM_QP: 'Cépière Beauregard', COMMUNE_QP: 'Toulouse' } },
      { rings: [square(3.21, 43.335)], values: { CODE_QP: 'QP034003', NOM_QP: 'Devèze', COMMUNE_QP: 'Béziers' } },
    ],
    ...overrides,
  };
}

const parse = (spec: ShapefileSpec) => parseQuartiersShapefile(createShapefileZip(spec), { fileName: 'qp.zip' });

async function errorOf(promise: Promise<unknown>): Promise<EssqError> {
  try {
    await promise;
  } catch (e) {
    return e as EssqError;
  }
  throw new Error('une erreur était attendue');
}

describe('parseQuartiersShapefile', () => {
  it('reads a Lambert-93 shapefile with a Latin-1 table into WGS84 quartiers', async () => {
    const r = await parse(createQuartiersSpec());
    expect(r.crs).toBe('EPSG:2154');
    expect(r.crsSource).toBe('member');
    expect(r.quartiers.map((q) => [q.code, q.name, q.communeNames])).toEqual([
      ['QP031012', 'Cépière Beauregard', ['Toulouse']],
      ['QP034003', 'Devèze', ['Béziers']],
    ]);
    const [w, s, e, n] = r.quartiers[0].bbox;
    expect([w, s, e, n].map((v) => Number(v.toFixed(6)))).toEqual([1.425, 43.585, 1.435, 43.593]);
  });

  it('follows a .cpg, and reads UTF-8 tables too', async () => {
    const utf8 = await parse(createQuartiersSpec({ encoding: 'utf-8', cpg: 'UTF-8' }));
    expect(utf8.quartiers[1].name).toBe('Devèze');
    const ansi = await parse(createQuartiersSpec({ cpg: '1252' }));
    expect(ansi.quartiers[0].name).toBe('Cépière Beauregard');
    const noCpg = await parse(createQuartiersSpec({ encoding: 'utf-8' }));
    expect(noCpg.quartiers[0].name).toBe('Cépière Beauregard');
  });

  it('reads a table whose .cpg wrongly says UTF-8 as Windows-1252, and says so', async () => {
    const r = await parse(createQuartiersSpec({ cpg: 'UTF-8' }));
    expect(r.quartiers[0].name).toBe('Cépière Beauregard');
    expect(r.warnings.join(' ')).toMatch(/annonce UTF-8/);
  });

  it('honours the code page a .cpg names (ANSI 1250, CP1251, UTF-8 variants)', async () => {
    // Central European and Cyrillic names, written with the Windows-1252 bytes their code page uses.
    const named = (name: string, cpg: string) =>
      createQuartiersSpec({ cpg, records: [{ rings: [square(1.425, 43.585)], values: { CODE_QP: 'QP031012', NOM_QP: name, COMMUNE_QP: 'Toulouse' } }] });
    expect((await parse(named('£ódŸ', 'ANSI 1250'))).quartiers[0].name).toBe('Łódź');
    expect((await parse(named('Ìîñêâà', 'CP1251'))).quartiers[0].name).toBe('Москва');
    for (const cpg of ['UTF8', 'utf-8 ', '65001']) {
      const r = await parse(createQuartiersSpec({ encoding: 'utf-8', cpg }));
      expect([r.quartiers[0].name, r.warnings]).toEqual(['Cépière Beauregard', []]);
    }
  });

  it('warns about a shape of another type than its layer, and leaves it out of the join', async () => {
    const zip = createShapefileZip(createQuartiersSpec());
    const members = unzipMembers(zip);
    const shp = members['QP_TEST_LB93.shp'].slice();
    const second = 100 + 8 + new DataView(shp.buffer).getInt32(104) * 2;
    new DataView(shp.buffer).setInt32(second + 8, 1, true);
    const r = await parseQuartiersShapefile(createZip({ ...members, 'QP_TEST_LB93.shp': shp }), { fileName: 'qp.zip' });
    expect(r.quartiers.map((q) => q.code)).toEqual(['QP031012']);
    expect(r.warnings.join(' ')).toMatch(/la forme n° 2 est de type points dans une couche de polygones : ignorée \(aucun établissement n’y est placé\)/);
  });

  it('detects Lambert-93 from the coordinates when the .prj is missing', async () => {
    const r = await parse(createQuartiersSpec({ omit: ['prj'] }));
    expect(r.crs).toBe('EPSG:2154');
    expect(r.crsSource).toBe('detected');
    expect(r.quartiers[1].bbox[0]).toBeCloseTo(3.21, 6);
    expect(r.warnings.join(' ')).toMatch(/Pas de fichier \.prj/);
  });

  it('keeps WGS84 shapefiles as they are', async () => {
    const r = await parse(createQuartiersSpec({ projection: 'wgs84' }));
    expect(r.crs).toBe('EPSG:4326');
    expect(r.quartiers[0].bbox[1]).toBeCloseTo(43.585, 9);
  });

  it('says in French that a zip without .shp holds no shapefile, and what it holds', async () => {
    const e = await errorOf(parseQuartiersShapefile(createZip({ 'StockEtablissement_utf8.csv': 'siret\n1' }), { fileName: 'sirene.zip' }));
    expect(e.code).toBe('no_shapefile');
    expect(e.message).toMatch(/« sirene\.zip » ne contient aucun shapefile \(\.shp\) ; il contient : « StockEtablissement_utf8\.csv »/);
    expect(e.message).toMatch(/décompressez-le/);
  });

  it('refuses points with a French message naming the shape type', async () => {
    const e = await errorOf(parse(createQuartiersSpec({ points: true })));
    expect(e.code).toBe('not_polygons');
    expect(e.message).toMatch(/« QP_TEST_LB93\.shp » \(points\).*Attendu : des polygones/);
  });

  it('asks for the .dbf when it is missing', async () => {
    const e = await errorOf(parse(createQuartiersSpec({ omit: ['dbf'] })));
    expect(e.code).toBe('no_dbf');
    expect(e.message).toMatch(/QP_TEST_LB93\.dbf/);
  });

  it('says a damaged zip is unreadable', async () => {
    const zip = createShapefileZip(createQuartiersSpec());
    const e = await errorOf(parseQuartiersShapefile(zip.slice(0, 200), { fileName: 'coupé.zip' }));
    expect(e.code).toBe('invalid_zip');
    expect(e.message).toMatch(/« coupé\.zip » est illisible/);
  });

  it('tells a zip from JSON by its first bytes', () => {
    expect(isZip(createZip({ 'a.txt': 'a' }))).toBe(true);
    expect(isZip(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toBe(false);
  });
});

describe('the 105 Occitanie quartiers as an ANCT-style shapefile', () => {
  it('load with the codes, names and contours of their GeoJSON', async () => {
    const text = fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'), 'utf8');
    const features = (JSON.parse(text) as GeoJSON.FeatureCollection<GeoJSON.Polygon>).features;
    const zip = createShapefileZip({
      layer: 'QP_OCCITANIE_LB93',
      fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'],
      records: features.map((f) => ({
        rings: f.geometry.coordinates as [number, number][][],
        values: { CODE_QP: String(f.properties?.code_qp), NOM_QP: String(f.properties?.nom_qp), COMMUNE_QP: String(f.properties?.commune_qp) },
      })),
    });
    const fromZip = await parseQuartiersShapefile(zip, { fileName: 'QP_OCCITANIE_LB93.zip' });
    const fromJson = parseQuartiers(text);
    expect(fromZip.crs).toBe('EPSG:2154');
    expect(fromZip.quartiers.map((q) => [q.code, q.name])).toEqual(fromJson.quartiers.map((q) => [q.code, q.name]));
    expect(fromZip.quartiers.map((q) => q.name)).toContain('Cœur de Ville');
    fromZip.quartiers.forEach((q, i) => q.bbox.forEach((v, k) => expect(v).toBeCloseTo(fromJson.quartiers[i].bbox[k], 7)));
  });
});

describe('shapefile side files', () => {
  const dbfWith = (values: number[]) => Uint8Array.from([3, 0, 0, 0, 1, 0, 0, 0, 33, 0, 2, 0, ...new Array(20).fill(0), 0x0d, 0x20, ...values]);

  it('reads the encoding from the .cpg, checked against the bytes', () => {
    expect(dbfEncoding(dbfWith([0xe9]), undefined).encoding).toBe('windows-1252');
    expect(dbfEncoding(dbfWith([0xc3, 0xa9]), undefined).encoding).toBe('utf-8');
    expect(dbfEncoding(dbfWith([0xe9]), 'ISO-8859-1').encoding).toBe('windows-1252');
    expect(dbfEncoding(dbfWith([0xe9]), 'ISO 88591\r\n').encoding).toBe('windows-1252');
    expect(dbfEncoding(dbfWith([0xe9]), 'ANSI 1252').encoding).toBe('windows-1252');
    expect(dbfEncoding(dbfWith([0xe9]), 'klingon')).toMatchObject({ encoding: 'windows-1252', warning: expect.stringMatching(/non reconnu/) });
  });

  it('names the CRS of a .prj', () => {
    expect(crsFromPrj(LAMBERT93_PRJ)).toBe('EPSG:2154');
    expect(crsFromPrj('PROJCS["RGF93 / Lambert-93",GEOGCS["RGF93",AUTHORITY["EPSG","4171"]],AUTHORITY["EPSG","2154"]]')).toBe('EPSG:2154');
    expect(crsFromPrj('PROJCS["RGAF09_UTM_Zone_20N",GEOGCS["GCS_RGAF09"]]')).toBe('EPSG:5490');
    expect(crsFromPrj('PROJCS["NTF_Lambert_Zone_III",GEOGCS["GCS_NTF"]]')).toBe('NTF_Lambert_Zone_III');
    expect(crsFromPrj('nonsense')).toBeNull();
  });
});
