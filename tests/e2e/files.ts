/**
 * Small user files for the end-to-end tests, written to a temporary folder: square quartiers
 * side by side (so they fill the fitted map) and an establishments CSV in the SIRENE layout
 * with a few establishments inside each. Names are given by the test, hostile ones included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface QuartierSpec {
  code: string;
  name: string;
  commune: string;
  communeName: string;
}

const SIZE = 0.02;
const ORIGIN: [number, number] = [1.4, 43.6];

const corner = (i: number): [number, number] => [ORIGIN[0] + (i % 3) * SIZE, ORIGIN[1] + Math.floor(i / 3) * SIZE];

export function createTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'essq-e2e-'));
}

/** A GeoJSON of squares, 2024 field names, WGS84. Returns its path. */
export function writeQuartiers(dir: string, quartiers: QuartierSpec[], name = 'quartiers.geojson'): string {
  const features = quartiers.map((q, i) => {
    const [x, y] = corner(i);
    return {
      type: 'Feature',
      properties: { code_qp: q.code, lib_qp: q.name, insee_com: q.commune, lib_com: q.communeName },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + SIZE, y], [x + SIZE, y + SIZE], [x, y + SIZE], [x, y]]] },
    };
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

/**
 * `perQuartier` ESS establishments (associations, 3–5 employees) inside each quartier, named
 * by `nameOf(quartier, k)`, `;`-separated. Returns its path and the number of rows.
 */
export function writeEstablishments(
  dir: string,
  quartiers: QuartierSpec[],
  perQuartier: number,
  nameOf: (q: number, k: number) => string,
  name = 'etablissements.csv',
): { file: string; rows: number } {
  const lines = ['siret;denominationUniteLegale;categorieJuridiqueUniteLegale;activitePrincipaleEtablissement;trancheEffectifsEtablissement;codeCommuneEtablissement;longitude;latitude'];
  quartiers.forEach((q, i) => {
    const [x, y] = corner(i);
    for (let k = 0; k < perQuartier; k++) {
      const siret = String(30000000000000 + i * 1000 + k);
      const lon = (x + SIZE * (0.2 + (0.6 * k) / perQuartier)).toFixed(6);
      const lat = (y + SIZE * (0.3 + (0.4 * ((k * 7) % perQuartier)) / perQuartier)).toFixed(6);
      lines.push([siret, nameOf(i, k), '9220', k % 2 ? '88.99B' : '93.12Z', '02', q.commune, lon, lat].join(';'));
    }
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { file, rows: lines.length - 1 };
}
