/**
 * A quartiers file as the user brings it, told apart by its bytes rather than its name: a
 * zipped shapefile, a GeoJSON (UTF-8 or Windows-1252), or something else that is refused with
 * a message saying what it is. Sizes are bounded before anything is read: a GeoJSON is parsed
 * whole, and past a few hundred megabytes neither Node nor a browser tab can hold it.
 */
import { EssqError } from '../errors.ts';
import { binaryKind, binaryMessage } from './binary-sniff.ts';
import { parseQuartiers, type ParseQuartiersOptions, type ParseQuartiersResult } from './geojson.ts';
import { decodeText } from './reference.ts';
import { isZip, parseQuartiersShapefile } from './shapefile.ts';

/** Largest quartiers file read; documented in SECURITY.md. The national QPV GeoJSON is far smaller. */
export const MAX_QUARTIERS_FILE_BYTES = 256 * 1024 * 1024;

const formatSize = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Gio` : `${Math.round(n / 1024 ** 2).toLocaleString('fr-FR')} Mio`;

/** Throws an EssqError (`file_too_large`) for a quartiers file over MAX_QUARTIERS_FILE_BYTES. */
export function checkQuartiersFileSize(size: number, fileName?: string): void {
  if (size <= MAX_QUARTIERS_FILE_BYTES) return;
  const label = fileName ? ` « ${fileName} »` : '';
  throw new EssqError(
    'file_too_large',
    `Le fichier des quartiers${label} fait ${formatSize(size)} : au-delà de ${formatSize(MAX_QUARTIERS_FILE_BYTES)}, il n’est pas lu. ` +
      'Simplifiez les contours (QGIS : Vecteur › Outils de géométrie › Simplifier, tolérance de 1 à 5 m) ' +
      'ou découpez le fichier par département, puis chargez le résultat.',
    { size, limit: MAX_QUARTIERS_FILE_BYTES },
  );
}

/**
 * Parses the bytes of a quartiers file (zipped shapefile or GeoJSON) into quartiers in WGS84.
 *
 * @example const { quartiers, warnings } = await parseQuartiersFile(bytes, { fileName: 'qpv.geojson' });
 */
export async function parseQuartiersFile(bytes: Uint8Array, opts: ParseQuartiersOptions = {}): Promise<ParseQuartiersResult> {
  checkQuartiersFileSize(bytes.length, opts.fileName);
  if (isZip(bytes)) return parseQuartiersShapefile(bytes, opts);
  const binary = binaryKind(bytes.subarray(0, 4096));
  if (binary) {
    const label = opts.fileName ? ` « ${opts.fileName} »` : '';
    throw new EssqError('binary_file', binaryMessage(binary, 'les contours des quartiers en GeoJSON ou en shapefile zippé', label));
  }
  return parseQuartiers(decodeText(bytes), opts);
}
