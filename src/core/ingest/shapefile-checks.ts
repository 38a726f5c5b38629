/**
 * Checks a shapefile's .shp and .dbf against their own bytes before shpjs reads them. shpjs
 * trusts every count in the files: a .dbf claiming 4 294 967 295 records loops for minutes, a
 * negative record length in a .shp loops forever, a forged point count allocates gigabytes.
 * Here every count (records, record lengths, parts, points, field lengths) is compared with
 * the bytes actually present first; what cannot be read is cut off or refused with a French
 * message, and records of another shape type are turned into null shapes, with a warning.
 */
import { EssqError } from '../errors.ts';
import { shapeTypeLabel } from './shapefile-meta.ts';

const fr = (n: number) => n.toLocaleString('fr-FR');

const cite = (numbers: number[]) =>
  numbers.slice(0, 5).join(', ') + (numbers.length > 5 ? ` et ${fr(numbers.length - 5)} autres` : '');

/** Smallest content (bytes, shape type included) a polyline or polygon record needs. */
function polyContentBytes(type: number, parts: number, points: number): number {
  const base = 44 + 4 * parts + 16 * points;
  // Z types carry a Z range and a Z per point, which shpjs reads; M values are optional.
  return type === 13 || type === 15 ? base + 16 + 8 * points : base;
}

/**
 * The .shp bytes safe for shpjs: cut before the first record that does not fit in the file,
 * with records whose shape type is not the layer's set to null shapes, and the number of
 * records kept. Warnings (French) are pushed to `warnings`.
 */
export function checkShp(shp: Uint8Array, layer: string, warnings: string[]): { shp: Uint8Array; records: number } {
  if (shp.length < 100) {
    throw new EssqError('invalid_shapefile', `Le fichier « ${layer}.shp » est tronqué : ${shp.length} octets, alors que son seul en-tête en fait 100. Téléchargez à nouveau le zip.`);
  }
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const layerType = view.getInt32(32, true);
  const wrongType: number[] = [];
  const wrongKinds = new Set<string>();
  let out: Uint8Array | null = null;
  let offset = 100;
  let record = 0;
  let brokenAt: string | null = null;
  while (offset + 8 <= shp.length) {
    record++;
    const words = view.getInt32(offset + 4);
    const bytes = words * 2;
    if (words < 0 || offset + 8 + bytes > shp.length) {
      brokenAt =
        words < 0
          ? `la forme n° ${record} annonce une longueur négative (${fr(bytes)} octets)`
          : `la forme n° ${record} annonce ${fr(bytes)} octets, il en reste ${fr(shp.length - offset - 8)}`;
      break;
    }
    if (bytes >= 4) {
      const type = view.getInt32(offset + 8, true);
      if (type !== 0 && type !== layerType) {
        wrongType.push(record);
        wrongKinds.add(shapeTypeLabel(type));
        out ??= shp.slice();
        new DataView(out.buffer).setInt32(offset + 8, 0, true);
      } else if (type !== 0 && type !== 1 && type !== 11 && type !== 21) {
        const problem = polyRecordProblem(view, offset + 8, bytes, type);
        if (problem) {
          brokenAt = `la forme n° ${record} ${problem}`;
          break;
        }
      }
    }
    offset += 8 + bytes;
  }
  if (wrongType.length > 0) {
    warnings.push(
      `« ${layer}.shp » : ${wrongType.length === 1 ? 'la forme' : 'les formes'} n° ${cite(wrongType)} ${wrongType.length === 1 ? 'est' : 'sont'} ` +
        `de type ${[...wrongKinds].join(', ')} dans une couche de ${shapeTypeLabel(layerType)} : ignorée${wrongType.length === 1 ? '' : 's'} ` +
        '(aucun établissement n’y est placé).',
    );
  }
  if (brokenAt === null) return { shp: out ?? shp, records: record };
  if (record === 1) {
    throw new EssqError('invalid_shapefile', `Le fichier « ${layer}.shp » est endommagé : ${brokenAt}. Aucune forme n’est lisible : téléchargez à nouveau le zip.`);
  }
  warnings.push(
    `« ${layer}.shp » est endommagé : ${brokenAt}. Les ${fr(record - 1)} formes précédentes sont lues, la suite du fichier est ignorée.`,
  );
  return { shp: (out ?? shp).subarray(0, offset), records: record - 1 };
}

/** Why a polyline/polygon record's counts do not fit its content, or null when they do. */
function polyRecordProblem(view: DataView, at: number, bytes: number, type: number): string | null {
  if (bytes < 44) return bytes < 4 ? null : `est trop courte (${bytes} octets) pour des contours`;
  const parts = view.getInt32(at + 36, true);
  const points = view.getInt32(at + 40, true);
  if (parts < 0 || points < 0) return `annonce un nombre négatif de parties ou de points`;
  if (parts === 0) return null;
  const counted = `${fr(parts)} partie${parts > 1 ? 's' : ''}`;
  if (parts > points) return `annonce ${counted} pour ${fr(points)} points`;
  const needed = polyContentBytes(type, parts, points);
  if (needed > bytes) return `annonce ${counted} et ${fr(points)} points, soit ${fr(needed)} octets, dans ${fr(bytes)} octets`;
  let previous = -1;
  for (let k = 0; k < parts; k++) {
    const start = view.getInt32(at + 44 + 4 * k, true);
    if (start <= previous || start >= points) return `a des parties qui ne se suivent pas (partie ${k + 1} au point ${fr(start)})`;
    previous = start;
  }
  return null;
}

/**
 * The .dbf bytes safe for shpjs's table reader: header and field lengths checked, and the
 * record count cut down (in a copy) to the records the file really holds, with a warning.
 * Throws an EssqError when the header itself cannot be read.
 */
export function checkDbf(dbf: Uint8Array, layer: string, warnings: string[]): Uint8Array {
  const broken = (why: string): never => {
    throw new EssqError('invalid_shapefile', `La table « ${layer}.dbf » est illisible : ${why}. Téléchargez à nouveau le zip ou réenregistrez la couche avec QGIS.`);
  };
  if (dbf.length < 33) broken(`${dbf.length} octets, moins que son en-tête`);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const declared = view.getUint32(4, true);
  const headerBytes = view.getUint16(8, true);
  const recordBytes = view.getUint16(10, true);
  if (headerBytes < 33 || headerBytes > dbf.length) broken(`l’en-tête annonce ${fr(headerBytes)} octets, le fichier en a ${fr(dbf.length)}`);
  // shpjs reads field descriptors up to the 0x0D terminator and starts the records right after it.
  let fields = 0;
  let fieldBytes = 0;
  let at = 32;
  while (at + 32 <= headerBytes && dbf[at] !== 0x0d) {
    fieldBytes += dbf[at + 16];
    fields++;
    if (dbf[at + 32] === 0x0d) break;
    at += 32;
  }
  const dataStart = (fields + 1) * 32 + 2;
  if (fields === 0) broken('aucune colonne déclarée');
  if (dbf[(fields + 1) * 32] !== 0x0d) broken('la liste des colonnes n’est pas terminée');
  if (recordBytes < 1 + fieldBytes) broken(`les colonnes font ${fr(fieldBytes)} octets, plus que la ligne annoncée (${fr(recordBytes)} octets)`);
  const present = Math.max(0, Math.floor((dbf.length - dataStart + 1) / recordBytes));
  if (declared <= present) return dbf;
  warnings.push(
    `La table « ${layer}.dbf » annonce ${fr(declared)} lignes mais n’en contient que ${fr(present)} : seules celles-ci ont été lues.`,
  );
  const copy = dbf.slice();
  new DataView(copy.buffer).setUint32(4, present, true);
  return copy;
}
