/**
 * Seeded establishments for the benchmarks: the same rows on every run, laid out like a
 * geo-SIRENE extract (SIRENE columns, address columns, then longitude and latitude), with the
 * mix a national file really has: about one establishment in eight ESS, most of them
 * associations; half of all establishments non-employers; a few closed, repeated, unplaced or
 * quoted rows, so the ingest pays for every branch it pays for on real data.
 *
 * Rows are written to a file stream in ~1 MB pieces (never one whole-file string); the same
 * draws also fill an in-memory table for the re-aggregation benchmark, which needs no CSV.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Quartier } from '../src/core/types.ts';
import { FAMILIES, SECTORS } from '../src/core/types.ts';
import { EstablishmentTableBuilder, type EstablishmentTable } from '../src/core/ingest/establishment-table.ts';
import { familyForEss, familyFromLegalCategory, isEssLegalCategory } from '../src/core/indicators/legal-families.ts';
import { sectorFromNaf } from '../src/core/indicators/naf-sectors.ts';
import { jobsFromTranche, sizeClassFromJobs } from '../src/core/indicators/tranches.ts';
import { mulberry32, randomInt } from './seed.ts';
import { makePoints } from './spatial-join.bench.ts';

export const HEADER = [
  'siret', 'denominationUniteLegale', 'categorieJuridiqueUniteLegale', 'activitePrincipaleEtablissement',
  'trancheEffectifsEtablissement', 'economieSocialeSolidaireUniteLegale', 'numeroVoieEtablissement',
  'typeVoieEtablissement', 'libelleVoieEtablissement', 'codePostalEtablissement', 'libelleCommuneEtablissement',
  'codeCommuneEtablissement', 'dateCreationEtablissement', 'etatAdministratifEtablissement', 'longitude', 'latitude',
];

/** [value, weight]: drawn in proportion to the weights. */
type Weighted<T> = readonly (readonly [T, number])[];

function picker<T>(table: Weighted<T>): (random: () => number) => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  const cumulative = table.map((_, i) => table.slice(0, i + 1).reduce((s, [, v]) => s + v, 0) / total);
  cumulative[cumulative.length - 1] = 1;
  return (random) => {
    const r = random();
    let i = 0;
    while (cumulative[i] <= r) i++;
    return table[i][0];
  };
}

// Legal categories: ESS units are mostly associations (9220), then coops, mutuelles,
// fondations and ESS companies (SAS 5710); the others are individual firms, SARL, SAS, SCI,
// public bodies.
const ESS_LEGAL = picker([['9220', 70], ['9210', 4], ['9260', 3], ['5458', 3], ['5560', 2], ['6317', 2], ['8210', 4], ['6411', 1], ['9300', 2], ['5710', 6], ['5499', 3]]);
const OTHER_LEGAL = picker([['1000', 38], ['5499', 18], ['5710', 14], ['5720', 8], ['6540', 10], ['7210', 3], ['5599', 3], ['6220', 2], ['9220', 4]]);
const ESS_NAF = picker([
  ['88.99B', 14], ['94.99Z', 22], ['93.12Z', 10], ['85.59A', 6], ['90.01Z', 5], ['87.30A', 4], ['88.10A', 4],
  ['86.10Z', 2], ['64.19Z', 4], ['65.12Z', 3], ['47.11B', 2], ['56.10A', 1], ['01.61Z', 2], ['91.02Z', 2],
  ['70.22Z', 2], ['43.21A', 1], ['55.20Z', 1], ['68.20B', 2], ['88.91A', 3], ['85.20Z', 2],
]);
const OTHER_NAF = picker([
  ['47.11B', 5], ['56.10A', 6], ['43.21A', 5], ['68.20B', 12], ['70.22Z', 7], ['86.21Z', 4], ['62.01Z', 4],
  ['45.20A', 3], ['10.71C', 2], ['01.11Z', 4], ['96.02A', 4], ['49.32Z', 2], ['41.20A', 3], ['47.71Z', 3],
  ['69.20Z', 2], ['74.10Z', 3], ['85.59B', 2], ['86.90E', 3], ['81.21Z', 2], ['55.10Z', 2], ['8411Z', 1],
]);
const TRANCHE = picker([
  ['NN', 44], ['00', 6], ['', 3], ['01', 16], ['02', 10], ['03', 7], ['11', 6], ['12', 4], ['21', 2],
  ['22', 1], ['31', 0.3], ['32', 0.3], ['41', 0.2], ['42', 0.1], ['51', 0.05], ['52', 0.02], ['53', 0.01],
]);
const VOIE = picker([['RUE', 50], ['AV', 18], ['BD', 8], ['CHE', 8], ['PL', 5], ['RTE', 6], ['ALL', 5]]);
const WORDS = [
  'DES', 'LILAS', 'JEAN', 'JAURES', 'VICTOR', 'HUGO', 'REPUBLIQUE', 'GENERAL', 'LECLERC', 'PASTEUR', 'MOULIN',
  'GARE', 'ECOLES', 'PAIX', 'CHAMPS', 'MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT',
  'DURAND', 'LEROY', 'MOREAU', 'SIMON', 'LAURENT', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUX', 'VINCENT',
];
const ESS_PREFIX = ['ASSOCIATION', 'ASS', 'COMITE', 'CLUB', 'AMICALE', 'FOYER', 'SCOP', 'MUTUELLE', 'UNION', 'CENTRE SOCIAL'];
const OTHER_SUFFIX = ['SARL', 'SAS', 'SCI', 'EURL', '', '', 'ET FILS', 'HOLDING'];

/** Pseudo commune: a 0.1° cell of the map, written as a 5-digit INSEE-like code. */
export function communeCodeAt(lon: number, lat: number): string {
  const cx = Math.floor((lon + 6) * 10);
  const cy = Math.floor((lat - 40) * 10);
  return String(10_000 + cy * 200 + cx).padStart(5, '0');
}

/** The quartiers, each told the pseudo commune of its bbox centre (gives rest-of-commune units). */
export function withCommunes(quartiers: Quartier[]): Quartier[] {
  return quartiers.map((q) => ({ ...q, communes: [communeCodeAt((q.bbox[0] + q.bbox[2]) / 2, (q.bbox[1] + q.bbox[3]) / 2)] }));
}

interface Draw {
  siret: string;
  name: string;
  legal: string;
  naf: string;
  tranche: string;
  essFlag: string;
  ess: boolean;
  closed: boolean;
  placed: boolean;
  lon: number;
  lat: number;
  commune: string;
}

/**
 * Draws `count` establishments (at most 1 000 000: the points come from the spatial-join
 * benchmark's generator, 20 % inside a quartier, 40 % near one, 40 % anywhere in `area`).
 */
function* draws(quartiers: Quartier[], area: readonly number[], seed: number, count: number): Generator<Draw> {
  const random = mulberry32(seed);
  const { lon, lat } = makePoints(quartiers, area, seed);
  const sirets: string[] = [];
  for (let i = 0; i < count; i++) {
    const flagDraw = random();
    // SIRENE's flag: "O" for ESS units, "N" or empty for the others (an empty flag leaves the
    // decision to the legal category, as the ingest does).
    const essFlag = flagDraw < 0.12 ? 'O' : flagDraw < 0.85 ? 'N' : '';
    let siret: string;
    if (i > 100 && random() < 0.002) siret = sirets[randomInt(random, sirets.length)];
    else {
      siret = String(10_000_000_000_000 + i * 7919 + randomInt(random, 7919)).padStart(14, '0');
      if (sirets.length < 50_000) sirets.push(siret);
    }
    const legal = essFlag === 'O' ? ESS_LEGAL(random) : OTHER_LEGAL(random);
    const ess = essFlag === 'O' || (essFlag === '' && isEssLegalCategory(legal));
    const w1 = WORDS[randomInt(random, WORDS.length)];
    const w2 = WORDS[randomInt(random, WORDS.length)];
    let name = ess
      ? `${ESS_PREFIX[randomInt(random, ESS_PREFIX.length)]} ${w1} ${w2}`
      : `${w1} ${w2} ${OTHER_SUFFIX[randomInt(random, OTHER_SUFFIX.length)]}`.trimEnd();
    const shape = random();
    if (shape < 0.002) name = `"${w1}, ${w2} ET ASSOCIES"`;
    else if (shape < 0.01) name = '[ND]';
    const placed = random() >= 0.01;
    yield {
      siret, name, legal,
      naf: ess ? ESS_NAF(random) : OTHER_NAF(random),
      tranche: TRANCHE(random),
      essFlag, ess,
      closed: random() < 0.03,
      placed,
      lon: lon[i], lat: lat[i],
      commune: communeCodeAt(lon[i], lat[i]),
    };
  }
}

function csvLine(d: Draw, random: () => number): string {
  const number = randomInt(random, 120) + 1;
  const street = `${WORDS[randomInt(random, WORDS.length)]} ${WORDS[randomInt(random, WORDS.length)]}`;
  const town = `${WORDS[randomInt(random, WORDS.length)]}-SUR-${WORDS[randomInt(random, WORDS.length)]}`;
  const postcode = `${d.commune.slice(0, 2)}${String(randomInt(random, 1000)).padStart(3, '0')}`;
  const created = `${1960 + randomInt(random, 64)}-${String(1 + randomInt(random, 12)).padStart(2, '0')}-${String(1 + randomInt(random, 28)).padStart(2, '0')}`;
  const coords = d.placed ? `${d.lon.toFixed(6)},${d.lat.toFixed(6)}` : ',';
  return (
    `${d.siret},${d.name},${d.legal},${d.naf},${d.tranche},${d.essFlag},${number},${VOIE(random)},${street},` +
    `${postcode},${town},${d.commune},${created},${d.closed ? 'F' : 'A'},${coords}\n`
  );
}

/**
 * Writes a geo-SIRENE-like CSV of `count` rows to `file`, streaming. Returns its size in bytes.
 *
 * @example
 * const bytes = await writeEstablishmentsCsv('/tmp/etab.csv', quartiers, FRANCE, 1600, 1_000_000);
 */
export async function writeEstablishmentsCsv(
  file: string,
  quartiers: Quartier[],
  area: readonly number[],
  seed: number,
  count: number,
): Promise<number> {
  const out = fs.createWriteStream(file);
  const random = mulberry32(seed ^ 0x5eed);
  let piece = HEADER.join(',') + '\n';
  let bytes = 0;
  for (const d of draws(quartiers, area, seed, count)) {
    piece += csvLine(d, random);
    if (piece.length >= 1 << 20) {
      bytes += Buffer.byteLength(piece);
      if (!out.write(piece)) await once(out, 'drain');
      piece = '';
    }
  }
  bytes += Buffer.byteLength(piece);
  out.end(piece);
  await once(out, 'finish');
  return bytes;
}

/**
 * The same draws as a table of exactly `count` rows, for benchmarks that start after parsing:
 * every draw is kept (closed, repeated and unplaced rows are the ingest's business, measured
 * in the ingest benchmark).
 */
export function makeEstablishmentTable(quartiers: Quartier[], area: readonly number[], seed: number, count: number): EstablishmentTable {
  const b = new EstablishmentTableBuilder();
  for (const d of draws(quartiers, area, seed, count)) {
    const jobs = jobsFromTranche(d.tranche);
    const i = b.addRow();
    b.lon[i] = d.lon;
    b.lat[i] = d.lat;
    b.ess[i] = d.ess ? 1 : 0;
    b.family[i] = d.ess ? familyForEss(d.legal) : familyFromLegalCategory(d.legal);
    b.sector[i] = sectorFromNaf(d.naf);
    b.employer[i] = jobs.employer ? 1 : 0;
    b.size[i] = sizeClassFromJobs(jobs, jobs.employer, jobs.known);
    b.jobsEstimate[i] = jobs.estimate;
    b.jobsMin[i] = jobs.min;
    b.jobsMax[i] = jobs.max;
    b.commune[i] = b.communeId(d.commune);
    b.labelIndex[i] = -1;
    if (d.ess) b.addLabel(i, { siret: d.siret, name: d.name, naf: d.naf });
  }
  return b.finish();
}

/** Index of a family or sector key, for filters written by name. */
export const familyIndex = (key: (typeof FAMILIES)[number]) => FAMILIES.indexOf(key);
export const sectorIndex = (key: (typeof SECTORS)[number]) => SECTORS.indexOf(key);
