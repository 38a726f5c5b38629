import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { detectMapping } from '../src/core/ingest/column-mapping.ts';
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
    expect(name('naf')).toBe('activitePrincipaleEtablissement');
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
