import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { detectLayout, detectMapping, fieldsToConfirm, hasCoordinates } from '../src/core/ingest/column-mapping.ts';
import { shared } from './shared-data.ts';

function headAndSample(file: string, delimiter: string) {
  const text = fs.readFileSync(shared('sirene-format-samples', file), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text.slice(0, 200_000), { delimiter, skipEmptyLines: true }).data;
  return { header: rows[0], sample: rows.slice(1, 60) };
}

describe('detectMapping on real SIRENE layouts', () => {
  it('maps the geo-SIRENE header', () => {
    const { header, sample } = headAndSample('geo_siret_header_sample.csv', ',');
    const { mapping, layout } = detectMapping(header, sample);
    const name = (f: keyof typeof mapping) => header[mapping[f]!];
    expect(layout).toBe('geo-sirene');
    expect(name('siret')).toBe('siret');
    // The rows are closed 1984 units with old NAP codes (57.10): not NAF, so not proposed.
    expect(mapping.naf).toBeUndefined();
    expect(detectMapping(header, sample).rejected).toContainEqual(
      expect.objectContaining({ field: 'naf', column: header.indexOf('activitePrincipaleEtablissement') }),
    );
    expect(name('tranche')).toBe('trancheEffectifsEtablissement');
    expect(name('communeCode')).toBe('codeCommuneEtablissement');
    expect(name('state')).toBe('etatAdministratifEtablissement');
    expect(name('lon')).toBe('longitude');
    expect(name('lat')).toBe('latitude');
  });

  it('picks the OpenDataSoft v3 column that really holds NAF codes and the "lat, lon" column', () => {
    const { header, sample } = headAndSample('ods_economicref-france-sirene-v3-sample.csv', ',');
    const { mapping, layout } = detectMapping(header, sample);
    expect(layout).toBe('opendatasoft');
    expect(header[mapping.naf!]).toBe("Activité principale de l'établissement.1");
    expect(header[mapping.latlon!]).toBe("Géolocalisation de l'établissement");
    expect(header[mapping.siret!]).toBe('SIRET');
    expect(header[mapping.communeCode!]).toBe("Code commune de l'établissement");
    expect(header[mapping.name!]).toBe("Dénomination de l'unité légale");
  });

  it('maps the 2017 OpenDataSoft v2 export with its French labels and ESS flag', () => {
    const { header, sample } = headAndSample('sirene_v2_ods_bars_bouches-du-rhone_2017.csv', ';');
    const { mapping } = detectMapping(header, sample);
    expect(header[mapping.siret!]).toBe('SIRET');
    expect(header[mapping.legalCategory!]).toBe("Nature juridique de l'entreprise");
    expect(header[mapping.tranche!]).toBe("Tranche d'effectif salarié de l'établissement");
    expect(header[mapping.essFlag!]).toBe('Appartenance au champ de l’économie sociale et solidaire');
    expect(header[mapping.naf!]).toBe("Activité principale de l'établissement");
    expect(header[mapping.latlon!]).toBe('coordonnees');
  });
});

describe('detectMapping on other layouts', () => {
  it('maps an observatory export with French labels, case- and accent-insensitively', () => {
    const header = ['RAISON SOCIALE', 'Famille', 'Secteur', 'Code NAF', 'Effectif salarié', "Tranche d'effectif", 'Latitude', 'Longitude'];
    const sample = [['Régie de quartier', 'Association', 'Action sociale', '88.99B', '12', '11', '43,60', '1,44']];
    const { mapping, layout } = detectMapping(header, sample);
    expect(layout).toBe('observatoire');
    expect(mapping).toMatchObject({ name: 0, family: 1, sector: 2, naf: 3, headcount: 4, tranche: 5, lat: 6, lon: 7 });
  });

  it('maps the INSEE Lambert-93 coordinates', () => {
    const header = ['siret', 'coordonneeLambertAbscisseEtablissement', 'coordonneeLambertOrdonneeEtablissement'];
    const { mapping, layout } = detectMapping(header, [['00012345600012', '574500.1', '6279000.5']]);
    expect(layout).toBe('sirene-lambert');
    expect(mapping).toMatchObject({ siret: 0, x: 1, y: 2 });
  });
});

/** A small observatory-like file: header plus rows built from per-column value makers. */
function createFile(columns: Record<string, (i: number) => string>, rows = 40) {
  const header = Object.keys(columns);
  const sample = Array.from({ length: rows }, (_, i) => header.map((h) => columns[h](i)));
  return { header, sample };
}

const inToulouse = { Latitude: (i: number) => (43.6 + i / 1000).toFixed(5), Longitude: (i: number) => (1.44 + i / 1000).toFixed(5) };

describe('a column is proposed for a role only when its values fit', () => {
  it('does not take a column of years for the exact headcount, and says why', () => {
    const { header, sample } = createFile({ ...inToulouse, "Année de l'effectif": (i) => String(2004 + (i % 12)), 'Tranche effectif': () => '01' });
    const r = detectMapping(header, sample);
    expect(r.mapping.headcount).toBeUndefined();
    expect(r.mapping.tranche).toBe(3);
    expect(r.rejected).toContainEqual({ field: 'headcount', column: 2, reason: expect.stringContaining('années') });
  });

  it('still takes a headcount column with a few headcounts that happen to be in the year range', () => {
    const { header, sample } = createFile({ ...inToulouse, 'Effectif salarié': (i) => (i === 0 ? '2000' : String(i % 30)) });
    expect(detectMapping(header, sample).mapping.headcount).toBe(2);
  });

  it('takes a column of headcounts even when its name says only « effectif », and asks to confirm it', () => {
    const { header, sample } = createFile({ ...inToulouse, 'Effectif au 31/12 du site': (i) => String(i % 30) });
    const r = detectMapping(header, sample);
    expect(r.mapping.headcount).toBe(2);
    expect(fieldsToConfirm(r, r.mapping)).toContain('headcount');
  });

  it('leaves a « Code NAF » column whose values are not NAF codes', () => {
    const { header, sample } = createFile({ ...inToulouse, 'Code NAF': (i) => `Activité ${i}` });
    const r = detectMapping(header, sample);
    expect(r.mapping.naf).toBeUndefined();
    expect(r.rejected[0]).toMatchObject({ field: 'naf', column: 2 });
  });

  it('accepts NAF rév. 2 with and without the dot, and NAF 2025 codes', () => {
    const codes = ['88.99B', '8899B', '64.91Y'];
    const { header, sample } = createFile({ ...inToulouse, 'Code NAF': (i) => codes[i % 3] });
    expect(detectMapping(header, sample).mapping.naf).toBe(2);
  });

  it('drops longitude/latitude columns whose positions are not in France', () => {
    const { header, sample } = createFile({ Latitude: (i) => String(40.7 + i / 1000), Longitude: (i) => String(-74 + i / 1000) });
    const r = detectMapping(header, sample);
    expect(hasCoordinates(r.mapping)).toBe(false);
    expect(r.rejected.map((x) => x.field).sort()).toEqual(['lat', 'lon']);
    expect(r.rejected[0].reason).toContain('France');
  });

  it('keeps an exactly named column when a few stray rows do not fit (they are rejected at ingest)', () => {
    const { header, sample } = createFile({ siret: (i) => (i % 4 === 0 ? 'voir note' : String(40000000000000 + i)), ...inToulouse });
    expect(detectMapping(header, sample).mapping.siret).toBe(0);
  });

  it('reads the positions of the readable rows only when checking they fall in France', () => {
    const { header, sample } = createFile({ ...inToulouse, siret: (i) => String(40000000000000 + i) });
    for (const row of sample.slice(0, 15)) row[0] = 'illisible';
    expect(hasCoordinates(detectMapping(header, sample).mapping)).toBe(true);
  });

  it('keeps swapped latitude/longitude in France (the ingest swaps them back)', () => {
    const { header, sample } = createFile({ Latitude: inToulouse.Longitude, Longitude: inToulouse.Latitude });
    expect(hasCoordinates(detectMapping(header, sample).mapping)).toBe(true);
  });

  it('names the layout from the header alone, whatever the sample', () => {
    const { header } = headAndSample('geo_siret_header_sample.csv', ',');
    expect(detectLayout(header)).toBe('geo-sirene');
    expect(detectMapping(header, []).layout).toBe('geo-sirene');
  });
});
