/**
 * The Occitanie session shared by the e2e files: the 105 real quartier contours (2015), their
 * INSEE reference table, an establishments CSV built on the real DVF points (no located ESS
 * extract is public), and the same contours as the zipped Lambert-93 shapefile ANCT would
 * publish. Files are written to a temporary folder and loaded through the labelled inputs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createShapefileZip } from '../fixtures/shapefile/create-shapefile.ts';
import { shared } from '../shared-data.ts';
import type { Driver } from './driver.ts';

const FAMILY_CODES = ['9220', '9220', '9220', '5458', '8210', '9300', '5710', '5499'];
const NAF = ['88.99B', '88.10A', '93.12Z', '85.59A', '47.11B', '56.10A'];
const TRANCHES = ['NN', '01', '02', '03', '11', '12', '21'];

/**
 * Establishments in Windows-1252 with `;` and decimal commas, one per DVF point, plus one row
 * without coordinates (which the import must reject and count); returns the row count.
 */
export function createEstablishmentsCsv(file: string): number {
  const lines = fs.readFileSync(shared('occitanie-qpv-2015', 'foncier_qp.csv'), 'utf8').trim().split('\n').slice(1);
  const out = ['SIRET;Raison sociale;Catégorie juridique;Code NAF;Tranche d’effectif;Longitude;Latitude;Code commune'];
  lines.forEach((l, i) => {
    const c = l.split(',');
    out.push(
      [String(50000000000000 + i), `"Établissement n°${i}; Hérault"`, FAMILY_CODES[i % 8], NAF[i % 6], TRANCHES[i % 7], c[8].replace('.', ','), c[9].replace('.', ','), c[2]].join(';'),
    );
  });
  out.push('99999999999999;Sans coordonnées;9220;88.99B;01;;;31555');
  const text = out.join('\r\n') + '\r\n';
  fs.writeFileSync(file, Buffer.from([...text].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f))));
  return out.length - 1;
}

/** The 105 contours as an ANCT 2015 shapefile: Lambert-93 .prj, CODE_QP/NOM_QP/COMMUNE_QP, Windows-1252, no .cpg. */
export function createQuartiersShapefile(file: string): { codes: string[]; names: string[] } {
  const features = (JSON.parse(fs.readFileSync(shared('occitanie-qpv-2015', 'qp.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>).features;
  const records = features.map((f) => ({
    rings: f.geometry.coordinates as [number, number][][],
    values: { CODE_QP: String(f.properties?.code_qp), NOM_QP: String(f.properties?.nom_qp), COMMUNE_QP: String(f.properties?.commune_qp) },
  }));
  fs.writeFileSync(file, createShapefileZip({ layer: 'QP_OCCITANIE_LB93', fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'], records }));
  return { codes: records.map((r) => r.values.CODE_QP), names: records.map((r) => r.values.NOM_QP) };
}

/** Loads the quartiers, the reference table and the establishments through the Import tab. */
export async function importOccitanie(d: Driver, dir: string): Promise<void> {
  const p = d.page;
  const csv = path.join(dir, 'etablissements-occitanie.csv');
  if (!fs.existsSync(csv)) createEstablishmentsCsv(csv);
  await p.getByRole('tab', { name: 'Import' }).click();
  await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.geojson'));
  await p.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
  await p.getByLabel('Données de référence', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.csv'));
  await p.getByLabel('Établissements', { exact: true }).setInputFiles(csv);
  await p.getByRole('button', { name: 'Valider et charger' }).click({ timeout: 60_000 });
  await p.getByText('Bilan du chargement').waitFor({ timeout: 120_000 });
}
