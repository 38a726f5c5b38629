/**
 * A small zip reader with bounded inflation, for zipped shapefiles (browser worker and Node
 * alike, through DecompressionStream). Every number read from the archive — entry count,
 * offsets, name lengths, sizes — is checked against the bytes present before it is used, and
 * each member is inflated chunk by chunk with a budget, so a zip bomb (2 MB that inflate to
 * gigabytes) or a forged directory ends in a French message instead of exhausting memory.
 */
import { EssqError } from '../errors.ts';

/** Limits on what a zip may inflate to; documented in SECURITY.md. */
export const ZIP_LIMITS = {
  /** All the members read from one zip, together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Inflated ÷ compressed size allowed for one member, once it is past `ratioFreeBytes`. */
  ratio: 20,
  /** A member may inflate to this size whatever its ratio (tables of blank-padded text compress very well). */
  ratioFreeBytes: 64 * 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Uncompressed size the archive declares (checked again while inflating). */
  declaredSize: number;
  localHeaderOffset: number;
}

const formatBytes = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Gio` : `${Math.round(n / 1024 ** 2).toLocaleString('fr-FR')} Mio`;

/** Thrown with a short French reason; the caller wraps it in its message naming the file. */
class ZipFormatError extends Error {}

/**
 * Entries of the zip's central directory. Throws an Error whose message says, in French,
 * what is wrong (end of the archive missing, directory outside the file…).
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('fin du fichier absente');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (start + size > end || count * 46 > size) throw new ZipFormatError('répertoire du zip incohérent');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) throw new ZipFormatError(`entrée n° ${k + 1} du répertoire illisible`);
    const nameLength = view.getUint16(p + 28, true);
    const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (p + 46 + skip > end) throw new ZipFormatError(`entrée n° ${k + 1} du répertoire illisible`);
    entries.push({
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + skip;
  }
  return entries;
}

/** The compressed bytes of an entry, after its local header, checked to lie inside the file. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new ZipFormatError(`« ${entry.name} » introuvable dans le zip`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`« ${entry.name} » est tronqué`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Tracks what one zip has inflated so far against ZIP_LIMITS. */
export class ZipBudget {
  used = 0;
  constructor(private readonly label: string) {}

  /** Most bytes `entry` may inflate to. */
  limitFor(entry: ZipEntry): number {
    const ratioLimit = Math.max(ZIP_LIMITS.ratioFreeBytes, entry.compressedSize * ZIP_LIMITS.ratio);
    return Math.min(ratioLimit, ZIP_LIMITS.totalBytes - this.used);
  }

  refuse(entry: ZipEntry, size: number, declared: boolean): never {
    const total = this.used + size > ZIP_LIMITS.totalBytes;
    const rule = total
      ? `au-delà de la limite de ${formatBytes(ZIP_LIMITS.totalBytes)} décompressés pour tout le zip`
      : `plus de ${ZIP_LIMITS.ratio} fois sa taille compressée (${formatBytes(entry.compressedSize)}) au-delà de ${formatBytes(ZIP_LIMITS.ratioFreeBytes)}`;
    throw new EssqError(
      'zip_too_large',
      `Le fichier zip${this.label} est refusé : « ${entry.name} » ${declared ? 'annonce' : 'dépasse en se décompressant'} ` +
        `${formatBytes(size)}, ${rule}. Un zip de contours de quartiers ne se décompresse pas autant : ce fichier est ` +
        'endommagé ou piégé. Téléchargez à nouveau les contours (ANCT, data.gouv.fr).',
      { entry: entry.name, size, limit: this.limitFor(entry) },
    );
  }
}

/** Inflates raw deflate data chunk by chunk, stopping as soon as more than `limit` bytes come out. */
async function inflateBounded(data: Uint8Array, limit: number): Promise<Uint8Array | number> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's promises must not go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return total;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * The inflated bytes of one entry, within the budget. Throws an EssqError (`zip_too_large`)
 * when the entry declares or inflates to more than allowed, an Error with a French reason
 * when its data is damaged.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: ZipBudget): Promise<Uint8Array> {
  const limit = budget.limitFor(entry);
  if (entry.declaredSize > limit) budget.refuse(entry, entry.declaredSize, true);
  const data = entryData(bytes, entry);
  let out: Uint8Array | number;
  if (entry.method === 0) out = data.length > limit ? data.length : data;
  else if (entry.method === 8) {
    try {
      out = await inflateBounded(data, limit);
    } catch {
      throw new ZipFormatError(`« ${entry.name} » est endommagé (données compressées illisibles)`);
    }
  } else throw new ZipFormatError(`« ${entry.name} » utilise une méthode de compression non prise en charge (${entry.method})`);
  if (typeof out === 'number') budget.refuse(entry, out, false);
  budget.used += out.length;
  return out;
}

/** Whether an error is one of this reader's format errors (its message is a French reason). */
export const isZipFormatError = (e: unknown): e is Error => e instanceof ZipFormatError;
