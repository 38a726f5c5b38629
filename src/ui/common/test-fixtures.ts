/**
 * Test support: tiny input files built in memory. Three square quartiers in Toulouse and
 * Blagnac, and an establishments CSV in the SIRENE layout whose rows are placed inside,
 * outside or rejected on purpose, so each panel test can assert known numbers.
 */
import { loadEstablishmentsFile, loadQuartiersFile, loadReferenceFile } from '../../state/actions.ts';

export interface QuartierFixture {
  code: string;
  name: string;
  commune: string;
  communeName: string;
  /** South-west corner of a 0.01° square. */
  corner: [number, number];
}

export const QUARTIERS: QuartierFixture[] = [
  { code: 'QN03101A', name: 'Les Izards', commune: '31555', communeName: 'Toulouse', corner: [1.43, 43.64] },
  { code: 'QN03102B', name: 'Bagatelle', commune: '31555', communeName: 'Toulouse', corner: [1.4, 43.58] },
  { code: 'QN03103C', name: 'Andromède', commune: '31069', communeName: 'Blagnac', corner: [1.38, 43.66] },
];

export function createQuartiersGeojson(quartiers: QuartierFixture[] = QUARTIERS): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: quartiers.map((q) => {
      const [x, y] = q.corner;
      return {
        type: 'Feature',
        properties: { code_qp: q.code, lib_qp: q.name, insee_com: q.commune, lib_com: q.communeName },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
      };
    }),
  });
}

export interface EstablishmentFixture {
  name: string;
  legal: string;
  naf: string;
  tranche: string;
  commune: string;
  state?: string;
  lon: number | null;
  lat: number | null;
  siret?: string;
}

/** `count` establishments spread inside the 0.01° square of `q` (or around a point). */
function spread(
  count: number,
  at: [number, number],
  base: Omit<EstablishmentFixture, 'lon' | 'lat' | 'name'> & { name: string },
): EstablishmentFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    name: `${base.name} ${i + 1}`,
    lon: at[0] + 0.002 + 0.0007 * i,
    lat: at[1] + 0.003 + 0.0005 * i,
  }));
}

const [izards, bagatelle, andromede] = QUARTIERS;

/**
 * Les Izards: 5 associations (action sociale, 3–5 salariés) + 3 coopératives (commerce,
 * 10–19); Bagatelle: 3 associations (enseignement, 6–9) + 1 without employees; Andromède: 4 associations (sports,
 * 1–2) + 1 mutuelle (santé, 50–99). Non-ESS rows in each give the job-share denominators.
 */
export const ESTABLISHMENTS: EstablishmentFixture[] = [
  ...spread(5, izards.corner, { name: 'Asso Izards', legal: '9220', naf: '88.99B', tranche: '02', commune: '31555' }),
  ...spread(3, [izards.corner[0] + 0.004, izards.corner[1]], { name: 'Coop Izards', legal: '5458', naf: '47.11B', tranche: '11', commune: '31555' }),
  ...spread(4, [izards.corner[0], izards.corner[1] + 0.004], { name: 'Commerce Izards', legal: '5499', naf: '47.11B', tranche: '12', commune: '31555' }),
  ...spread(3, bagatelle.corner, { name: 'École Bagatelle', legal: '9220', naf: '85.59A', tranche: '03', commune: '31555' }),
  ...spread(1, [bagatelle.corner[0], bagatelle.corner[1] + 0.005], { name: 'Collectif Bagatelle', legal: '9220', naf: '94.99Z', tranche: 'NN', commune: '31555' }),
  ...spread(6, [bagatelle.corner[0] + 0.004, bagatelle.corner[1]], { name: 'Société Bagatelle', legal: '5499', naf: '43.21A', tranche: '11', commune: '31555' }),
  ...spread(4, andromede.corner, { name: 'Club Andromède', legal: '9220', naf: '93.12Z', tranche: '01', commune: '31069' }),
  ...spread(1, [andromede.corner[0] + 0.005, andromede.corner[1]], { name: 'Mutuelle Andromède', legal: '8210', naf: '86.10Z', tranche: '21', commune: '31069' }),
  ...spread(2, [andromede.corner[0], andromede.corner[1] + 0.005], { name: 'SARL Andromède', legal: '5499', naf: '62.01Z', tranche: '02', commune: '31069' }),
  // Just east of Les Izards, inside its 300 m quartier vécu.
  ...spread(3, [1.4395, 43.641], { name: 'Épicerie solidaire', legal: '9220', naf: '47.11D', tranche: '02', commune: '31555' }),
  // Rest of Toulouse, away from every quartier (and from its 300 m quartier vécu).
  ...spread(4, [1.47, 43.6], { name: 'Asso centre', legal: '9220', naf: '88.10A', tranche: '02', commune: '31555' }),
  ...spread(10, [1.47, 43.61], { name: 'Entreprise centre', legal: '5499', naf: '70.22Z', tranche: '03', commune: '31555' }),
  // Rejected on purpose: no coordinates, and a closed establishment.
  { name: 'Sans adresse', legal: '9220', naf: '88.99B', tranche: '02', commune: '31555', lon: null, lat: null },
  { name: 'Fermée', legal: '9220', naf: '88.99B', tranche: '02', commune: '31555', state: 'F', lon: 1.435, lat: 43.645 },
];

const siretOf = (i: number) => String(44306184100000 + i * 7).padStart(14, '0');

/** SIRENE-like CSV (comma, UTF-8); the last row repeats the first SIRET (rejected as a duplicate). */
export function createEstablishmentsCsv(rows: EstablishmentFixture[] = ESTABLISHMENTS): string {
  const header = 'siret,denominationUniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,codeCommuneEtablissement,etatAdministratifEtablissement,longitude,latitude';
  const line = (r: EstablishmentFixture, i: number) =>
    [r.siret ?? siretOf(i), r.name, r.legal, r.naf, r.tranche, r.commune, r.state ?? 'A', r.lon ?? '', r.lat ?? ''].join(',');
  const lines = rows.map(line);
  lines.push(line({ ...rows[0], name: 'Doublon' }, 0));
  return [header, ...lines].join('\n') + '\n';
}

export function createReferenceCsv(): string {
  return ['code_qp;pop_mun;nbetab', 'QN03101A;4200;120', 'QN03102B;3100;80', 'QN03103C;2500;60'].join('\r\n') + '\r\n';
}

export const createFile = (content: string, name: string, type = 'text/plain'): File => new File([content], name, { type });

/** Loads the three fixture files through the app's actions (the engine must be installed). */
export async function loadFixtureData(): Promise<void> {
  await loadQuartiersFile(createFile(createQuartiersGeojson(), 'quartiers.geojson'));
  await loadReferenceFile(createFile(createReferenceCsv(), 'reference.csv'));
  await loadEstablishmentsFile(createFile(createEstablishmentsCsv(), 'etablissements.csv'));
}
