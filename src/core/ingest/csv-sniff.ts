/**
 * Sniffing of establishment CSVs as they really come: encoding (UTF-8 with or without BOM,
 * Windows-1252, or the UTF-16 of Excel's « Texte Unicode »), delimiter and line ending. Only
 * the head of the file is looked at; the reader still checks every byte while decoding.
 */
import { utf16Order } from './binary-sniff.ts';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvDialect {
  encoding: CsvEncoding;
  /** True when the file starts with a byte order mark (UTF-8 or UTF-16; skipped when decoding). */
  bom: boolean;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Names shown to users in reports (French). */
export const DELIMITER_NAMES: Record<string, string> = {
  ',': 'virgule',
  ';': 'point-virgule',
  '\t': 'tabulation',
  '|': 'barre verticale',
};

/**
 * Detects the encoding of the first bytes of a file. UTF-16 shows by its byte order mark or
 * its zero bytes; then strict UTF-8 is tried, because Windows-1252 decodes any byte sequence
 * and would never fail; a multi-byte sequence cut at the end of the sample is not an error.
 */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: boolean } {
  const utf16 = utf16Order(head);
  if (utf16) return { encoding: utf16, bom: head[0] + head[1] === 0xff + 0xfe };
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Counts each candidate delimiter outside double quotes on one line. */
function countOutsideQuotes(line: string): number[] {
  const counts = [0, 0, 0, 0];
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === 44) counts[0]++;
      else if (c === 59) counts[1]++;
      else if (c === 9) counts[2]++;
      else if (c === 124) counts[3]++;
    }
  }
  return counts;
}

/**
 * Picks the delimiter that appears on every sampled line the same number of times (the
 * header's count), preferring the most frequent one. Falls back to the header's most
 * frequent candidate, then to a comma.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  // The last line of a sample may be cut in the middle.
  if (lines.length > 2) lines.pop();
  if (lines.length === 0) return ',';
  const perLine = lines.map(countOutsideQuotes);
  const header = perLine[0];
  let best = -1;
  let bestScore = 0;
  for (let d = 0; d < DELIMITERS.length; d++) {
    if (header[d] === 0) continue;
    const consistent = perLine.filter((c) => c[d] === header[d]).length / perLine.length;
    const score = consistent * 1000 + header[d];
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best >= 0 ? DELIMITERS[best] : ',';
}

/**
 * Detects the line ending from the first one outside double quotes: a header cell may hold a
 * line break of another kind (`"Raison\nsociale"` in a CRLF file).
 */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10) return '\n';
    else if (!inQuotes && c === 13) {
      // A CR at the very end of the sample may be the first half of a CRLF.
      if (i + 1 === text.length) return '\r\n';
      return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    }
  }
  // Quotes that never close (a stray one): the first line break of any kind, as before.
  const i = text.search(/\r\n|\n|\r/);
  if (i < 0) return '\n';
  if (text[i] === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Full dialect detection from the head of a file (64 KiB is plenty). */
export function sniffCsv(head: Uint8Array): CsvDialect {
  const { encoding, bom } = detectEncoding(head);
  const text = new TextDecoder(encoding).decode(head, { stream: true });
  return { encoding, bom, delimiter: detectDelimiter(text), newline: detectNewline(text) };
}
