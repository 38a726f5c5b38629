/**
 * Recognises files that are not text at all — a spreadsheet, an archive, an image, a PDF
 * renamed `.csv` or `.geojson` — from their first bytes, so the user is told what the file
 * really is instead of reading its binary bytes quoted back as column names.
 */

interface Kind {
  /** What the file is, after « c’est » (French). */
  what: string;
  /** What to do instead (French). */
  advice: string;
}

const EXPORT_CSV = 'Exportez les données au format CSV (ou GeoJSON pour des contours), puis chargez ce fichier.';
const SAVE_AS_CSV = 'Ouvrez-le dans votre tableur et enregistrez-le au format CSV (« CSV UTF-8 »), puis chargez ce fichier.';
const UNPACK = 'Décompressez-le (7-Zip, l’explorateur de fichiers) et chargez le fichier qu’il contient.';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Latin-1 view of the head, to look for member names inside a zip without decoding it. */
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b.subarray(0, 4096));

function zipKind(head: Uint8Array): Kind {
  const text = latin1(head);
  if (text.includes('[Content_Types].xml') || text.includes('xl/')) {
    return { what: 'un classeur Excel (.xlsx)', advice: SAVE_AS_CSV };
  }
  if (text.includes('opendocument.spreadsheet')) return { what: 'un classeur OpenDocument (.ods)', advice: SAVE_AS_CSV };
  return { what: 'une archive ZIP', advice: UNPACK };
}

const SIGNATURES: readonly [number[], Kind][] = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], { what: 'un classeur Excel 97-2003 (.xls) ou un document Office ancien', advice: SAVE_AS_CSV }],
  [ascii('%PDF'), { what: 'un document PDF', advice: EXPORT_CSV }],
  [[0x89, 0x50, 0x4e, 0x47], { what: 'une image PNG', advice: EXPORT_CSV }],
  [[0xff, 0xd8, 0xff], { what: 'une image JPEG', advice: EXPORT_CSV }],
  [ascii('GIF8'), { what: 'une image GIF', advice: EXPORT_CSV }],
  [[0x1f, 0x8b], { what: 'un fichier compressé gzip (.gz)', advice: UNPACK }],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], { what: 'une archive 7-Zip (.7z)', advice: UNPACK }],
  [ascii('Rar!'), { what: 'une archive RAR', advice: UNPACK }],
  [ascii('BZh'), { what: 'un fichier compressé bzip2 (.bz2)', advice: UNPACK }],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], { what: 'un fichier compressé xz', advice: UNPACK }],
  [ascii('PAR1'), { what: 'un fichier Parquet', advice: 'Convertissez-le en CSV (par exemple avec DuckDB ou QGIS), puis chargez ce fichier.' }],
  [ascii('SQLite format 3'), { what: 'une base SQLite ou GeoPackage (.gpkg)', advice: 'Exportez la couche en GeoJSON ou en CSV avec QGIS, puis chargez ce fichier.' }],
];

/** Whether the head looks like UTF-16 text (a BOM, or one zero byte in every other position). */
export function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  const n = Math.min(head.length, 2048) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // ASCII text in UTF-16: nearly every code unit has one zero byte, always on the same side.
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * What a file is when its first bytes show it is not text (nor UTF-16 text), else null.
 * Zips are recognised here too, so callers that accept zipped shapefiles test for those first.
 *
 * @example binaryKind(pngBytes) // → { what: 'une image PNG', advice: 'Exportez…' }
 */
export function binaryKind(head: Uint8Array): Kind | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return zipKind(head);
  for (const [sig, kind] of SIGNATURES) if (startsWith(head, sig)) return kind;
  if (utf16Order(head) !== null) return null;
  // Text holds no NUL and few control bytes; a stray one (a cut export) must not refuse a CSV.
  const n = Math.min(head.length, 4096);
  let zeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) zeros++;
    else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) controls++;
  }
  if ((zeros > 4 && zeros * 100 > n) || (zeros + controls) * 10 > n) {
    return { what: 'un fichier binaire (il contient des octets nuls ou de contrôle), pas du texte', advice: EXPORT_CSV };
  }
  return null;
}

/** The French sentence for a file that is not text: what it is, what was expected, what to do. */
export function binaryMessage(kind: Kind, expected: string, fileLabel = ''): string {
  return `Le fichier${fileLabel} n’est pas un fichier texte : c’est ${kind.what}. Attendu : ${expected}. ${kind.advice}`;
}
