/**
 * Opens a downloaded file as a stream of bytes, whatever its packaging: plain `.csv`, `.csv.gz`
 * (geo-SIRENE, gunzipped on the fly) or `.zip` (the INSEE stocks: the CSV entry is inflated on
 * the fly with yauzl, which reads the archive's central directory and never extracts to disk).
 * Uncompressed, the legal-unit stock weighs several gigabytes: it never sits in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { PrepareError } from './errors.ts';

const CHUNK = 1 << 20;

function badArchive(file: string, kind: string, error: Error): PrepareError {
  return new PrepareError(
    'bad_archive',
    `${path.basename(file)} n’est pas ${kind} lisible (${error.message}). Le fichier est peut-être incomplet : ` +
      `supprimez-le et relancez le téléchargement.`,
  );
}

/** Opens the first `.csv` entry of a zip archive as a stream. */
function openZipCsv(file: string): Promise<{ stream: Readable; entry: string; size: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(badArchive(file, 'une archive zip', err ?? new Error('archive vide')));
      zip.on('error', (e: Error) => reject(badArchive(file, 'une archive zip', e)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.csv$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(badArchive(file, 'une archive zip', e ?? new Error('entrée illisible')));
          resolve({ stream, entry: entry.fileName, size: entry.uncompressedSize });
        });
      });
      zip.on('end', () => reject(new PrepareError('bad_archive', `${path.basename(file)} ne contient aucun fichier .csv.`)));
      zip.readEntry();
    });
  });
}

export interface OpenedInput {
  /** Bytes of the CSV, decompressed. */
  bytes: AsyncIterable<Uint8Array>;
  /** Compressed bytes read so far from disk, for progress against the file's size. */
  diskBytes: () => number;
  /** Size of the file on disk. */
  diskSize: number;
  /** The CSV's name inside an archive, or the file's own name. */
  entry: string;
}

/**
 * Opens `file` by its extension.
 *
 * @example
 * const input = await openInput('telechargements/geo_siret_31.csv.gz');
 * for await (const chunk of input.bytes) parse(chunk);
 */
export async function openInput(file: string): Promise<OpenedInput> {
  const diskSize = fs.statSync(file).size;
  if (/\.zip$/i.test(file)) {
    const { stream, entry, size } = await openZipCsv(file);
    let read = 0;
    stream.on('data', (c: Buffer) => (read += c.length));
    // yauzl streams the inflated entry; progress is counted on it, scaled to the archive size.
    return { bytes: wrap(stream, file, 'une archive zip'), diskBytes: () => Math.round((read / Math.max(size, 1)) * diskSize), diskSize, entry };
  }
  const raw = fs.createReadStream(file, { highWaterMark: CHUNK });
  if (/\.gz$/i.test(file)) {
    const gunzip = zlib.createGunzip({ chunkSize: CHUNK });
    raw.on('error', (e) => gunzip.destroy(e));
    raw.pipe(gunzip);
    return { bytes: wrap(gunzip, file, 'un fichier gzip'), diskBytes: () => raw.bytesRead, diskSize, entry: path.basename(file) };
  }
  return { bytes: raw, diskBytes: () => raw.bytesRead, diskSize, entry: path.basename(file) };
}

/** Re-raises decompression errors as the French message users read. */
async function* wrap(stream: Readable, file: string, kind: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (e) {
    throw badArchive(file, kind, e as Error);
  }
}
