/**
 * Seeded national-size input for bench/national.bench.ts: 1 584 quartiers (the real Occitanie
 * polygons copied over metropolitan France, 2024 field names) and N establishments laid out
 * as `prepare-data` writes them, or as a whole geo-SIRENE file joined to its legal units.
 *
 * Everything is written streaming, about 1 MB at a time, so generating 16.5 M rows needs no
 * more memory than generating one thousand.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { mulberry32, randomInt, uniform } from './seed.ts';
import { GEO_SIRENE_COLUMNS, PREPARED_COLUMNS } from '../scripts/prepare/sources.ts';

export type NationalLayout = 'prepared' | 'geo-sirene';

/** A quartier ring as plain coordinates, kept to draw points inside it. */
interface PlacedQuartier { ring: number[][]; bbox: [number, number, number, number] }

const METRO: [number, number, number, number] = [-4.5, 42.5, 8, 51];
const METRO_DEPS = [
  ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')), '2A', '2B',
  ...Array.from({ length: 74 }, (_, i) => String(i + 21)),
];

/** Pseudo commune: the 0.1° cell of a position, written as a 5-character INSEE-like code. */
export function communeAt(lon: number, lat: number): string {
  const cell = Math.floor((lat - 40) * 10) * 160 + Math.floor((lon + 6) * 10);
  return String(10_000 + cell).padStart(5, '0');
}

function bboxOf(ring: number[][]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Plain even-odd ray cast, only to draw points that are surely inside a quartier. */
function inRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Writes `total` quartiers: copies of the real polygons of `realFile` moved to seeded places
 * over metropolitan France, with 2024 codes (`QN` + département + number + letter).
 */
export function writeQuartiers(realFile: string, outFile: string, total = 1584, seed = 1584): PlacedQuartier[] {
  const real = JSON.parse(fs.readFileSync(realFile, 'utf8')) as { features: { geometry: { coordinates: number[][][] } }[] };
  const random = mulberry32(seed);
  const placed: PlacedQuartier[] = [];
  const features = Array.from({ length: total }, (_, k) => {
    const rings = real.features[k % real.features.length].geometry.coordinates;
    const [minX, minY] = bboxOf(rings[0]);
    const dx = uniform(random, METRO[0], METRO[2] - 0.05) - minX, dy = uniform(random, METRO[1], METRO[3] - 0.05) - minY;
    const moved = rings.map((r) => r.map(([x, y]) => [+(x + dx).toFixed(6), +(y + dy).toFixed(6)]));
    const box = bboxOf(moved[0]);
    placed.push({ ring: moved[0], bbox: box });
    const dep = METRO_DEPS[k % METRO_DEPS.length];
    const code = `QN${dep.padStart(3, '0')}${String(Math.floor(k / METRO_DEPS.length) + 1).padStart(2, '0')}${'MNI'[k % 3]}`;
    const commune = communeAt((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
    return {
      type: 'Feature',
      properties: { code_qp: code, lib_qp: `Quartier ${k + 1}`, insee_dep: dep, insee_com: commune, lib_com: `Commune ${commune}`, siren_epci: '200000000' },
      geometry: { type: 'Polygon', coordinates: moved },
    };
  });
  fs.writeFileSync(outFile, JSON.stringify({ type: 'FeatureCollection', features }));
  return placed;
}

/** [value, weight] tables drawn in proportion to the weights. */
function picker(table: [string, number][]): (random: () => number) => string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cumulative = table.map(([, w]) => (acc += w) / total);
  return (random) => {
    const r = random();
    let i = 0;
    while (i < cumulative.length - 1 && cumulative[i] <= r) i++;
    return table[i][0];
  };
}

const ESS_LEGAL = picker([['9220', 80], ['9260', 3], ['5458', 3], ['5560', 2], ['8210', 4], ['9300', 2], ['5710', 6]]);
const OTHER_LEGAL = picker([['1000', 45], ['5499', 17], ['5710', 15], ['5720', 8], ['6540', 10], ['7210', 3], ['', 2]]);
const NAF = picker([
  ['88.99B', 3], ['94.99Z', 6], ['93.12Z', 3], ['85.59A', 2], ['87.30A', 1], ['47.11B', 5], ['56.10A', 6],
  ['43.21A', 5], ['68.20B', 12], ['70.22Z', 8], ['86.21Z', 4], ['62.01Z', 4], ['45.20A', 3], ['01.11Z', 4],
  ['96.02A', 4], ['41.20A', 3], ['47.71Z', 3], ['69.20Z', 2], ['74.10Z', 3], ['86.90E', 3], ['64.91Y', 1],
]);
const TRANCHE = picker([
  ['NN', 60], ['00', 6], ['', 4], ['01', 12], ['02', 7], ['03', 4], ['11', 3], ['12', 2], ['21', 1], ['22', 0.5],
  ['31', 0.2], ['32', 0.2], ['41', 0.1], ['42', 0.05], ['51', 0.03], ['53', 0.01],
]);
const WORDS = ['DES LILAS', 'JEAN JAURES', 'DU MOULIN', 'DE LA GARE', 'DES ECOLES', 'MARTIN', 'DURAND', 'PETIT', 'LEROY', 'MOREAU'];

/** Where the rows fall: 3 % inside a quartier, 12 % within ~1 km of one, 1.5 % without coordinates. */
function drawPoint(random: () => number, quartiers: PlacedQuartier[]): [number, number] | null {
  const kind = random();
  if (kind < 0.015) return null;
  if (kind < 0.165) {
    const q = quartiers[randomInt(random, quartiers.length)];
    const pad = kind < 0.045 ? 0 : 0.012;
    for (;;) {
      const x = uniform(random, q.bbox[0] - pad, q.bbox[2] + pad), y = uniform(random, q.bbox[1] - pad, q.bbox[3] + pad);
      if (pad > 0 || inRing(q.ring, x, y)) return [x, y];
    }
  }
  return [uniform(random, METRO[0], METRO[2]), uniform(random, METRO[1], METRO[3])];
}

/** One row's values by column name, as the public files spell them. */
function drawRow(i: number, random: () => number, quartiers: PlacedQuartier[]): Record<string, string> {
  const ess = random() < 0.09;
  const legal = ess ? ESS_LEGAL(random) : OTHER_LEGAL(random);
  const p = drawPoint(random, quartiers);
  const word = WORDS[randomInt(random, WORDS.length)];
  let name = legal === '1000' ? '' : ess ? `ASSOCIATION ${word} ${i % 997}` : `SOCIETE ${word} ${i % 991}`;
  if (random() < 0.005) name = `"${name}, ET ASSOCIES"`;
  const siren = String(100_000_000 + Math.floor(i / 3) * 7).padStart(9, '0');
  const nic = String(10 + (i % 3)).padStart(5, '0');
  return {
    siren, nic, siret: siren + nic, denominationUniteLegale: name, categorieJuridiqueUniteLegale: legal,
    activitePrincipaleEtablissement: NAF(random), nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
    trancheEffectifsEtablissement: TRANCHE(random), economieSocialeSolidaireUniteLegale: ess ? 'O' : random() < 0.7 ? 'N' : '',
    codeCommuneEtablissement: p ? communeAt(p[0], p[1]) : '', etatAdministratifEtablissement: 'A',
    longitude: p ? p[0].toFixed(6) : '', latitude: p ? p[1].toFixed(6) : '', statutDiffusionEtablissement: 'O',
    dateCreationEtablissement: `${1980 + (i % 44)}-0${1 + (i % 9)}-1${i % 10}`, etablissementSiege: i % 3 === 0 ? 'true' : 'false',
    numeroVoieEtablissement: String(1 + (i % 120)), typeVoieEtablissement: 'RUE', libelleVoieEtablissement: word,
    codePostalEtablissement: p ? `${communeAt(p[0], p[1]).slice(0, 2)}000` : '', libelleCommuneEtablissement: 'COMMUNE',
    geo_score: '0.87', geo_type: 'housenumber', geo_adresse: `${1 + (i % 120)} Rue ${word}`, geo_ligne: 'G',
  };
}

/**
 * Streams `rows` establishments to `outFile` in the chosen layout and resolves with the bytes
 * written. Seeded: the same arguments give the same file.
 */
export async function writeEstablishments(
  outFile: string, rows: number, quartiers: PlacedQuartier[], layout: NationalLayout = 'prepared', seed = 16,
  onProgress?: (rowsDone: number) => void,
): Promise<number> {
  const columns: readonly string[] = layout === 'prepared' ? PREPARED_COLUMNS
    : [...GEO_SIRENE_COLUMNS, 'denominationUniteLegale', 'categorieJuridiqueUniteLegale', 'economieSocialeSolidaireUniteLegale'];
  const random = mulberry32(seed);
  const out = fs.createWriteStream(outFile);
  let bytes = 0;
  let chunk = columns.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const row = drawRow(i, random, quartiers);
    chunk += columns.map((c) => row[c] ?? '').join(',') + '\n';
    if (chunk.length >= 1 << 20 || i === rows - 1) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
      onProgress?.(i + 1);
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
