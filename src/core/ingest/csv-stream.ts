/**
 * Streaming CSV reader: bytes come in chunks (a File's stream in the worker, a file stream in
 * Node), are decoded incrementally and cut at the last complete record, and each slice is
 * parsed into rows that the caller consumes at once. No whole-file string and no whole-file
 * array of rows ever exist, so a 150 MB file is read in bounded memory.
 *
 * A slice is kept as a list of small decoded pieces and read piece by piece by a small
 * indexOf-based reader that gives exactly papaparse's rows for well-formed input, about four
 * times faster; the moment it meets something papaparse would report as an error (an
 * unclosed quote, text after a closing quote), the rest of the slice goes to papaparse
 * itself, so odd files are read exactly as before. Slices are cut where they always were.
 */
import Papa from 'papaparse';
import { sniffCsv, type CsvDialect, type CsvEncoding } from './csv-sniff.ts';
import { FAST_DELIMITERS, ROW_BATCH, hasMultilineQuote, parseWithQuoteRecovery, readRecords } from './csv-records.ts';
import { MixedUtf8Decoder } from './text-decoding.ts';
import { binaryKind, binaryMessage } from './binary-sniff.ts';
import { EssqError } from '../errors.ts';

export interface CsvStreamOptions {
  /** Force parts of the dialect instead of sniffing them. */
  dialect?: Partial<CsvDialect>;
  signal?: AbortSignal;
  /** Target size of the slices the text is cut into at record ends (each parsed as one text). */
  sliceBytes?: number;
}

export interface CsvStreamResult {
  dialect: CsvDialect;
  header: string[];
  /**
   * Byte offset of the first byte read as Windows-1252 in a file whose head was UTF-8 (or
   * plain ASCII), if any.
   */
  encodingSwitchAt: number | null;
  /** Lines whose text needed Windows-1252 in a file that is otherwise UTF-8. */
  repairedLines: number;
  /** French sentence about the encoding when the user should know (mixed encodings), else null. */
  encodingWarning: string | null;
  /** Records longer than MAX_RECORD_CHARS, skipped (each also reported by `onOversizedRecord`). */
  oversizedRecords: number;
  bytesRead: number;
}

export interface CsvStreamHandlers {
  /** Called once with the header row, before any data row. */
  onHeader(header: string[], dialect: CsvDialect): void;
  /** Called with each batch of data rows; the array is not kept by the reader. */
  onRows(rows: string[][], bytesRead: number): void;
  /**
   * Called for a record longer than MAX_RECORD_CHARS, in its place among the rows: it is
   * skipped unread (keeping it would take hundreds of megabytes for one cell), the rows after
   * it are read as usual.
   */
  onOversizedRecord?(chars: number, bytesRead: number): void;
}

/** Longest record read: a longer one (no line break for 32 Mi characters) is skipped alone. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/** Number of double quotes in `text`. */
function quoteCount(text: string): number {
  let n = 0;
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) n++;
  return n;
}

/**
 * Index just past the last `nl` of `text` preceded by an even number of quotes, counting
 * `quotesToEnd` quotes from the start of the whole text up to the end of this part of it.
 */
function lastSeparatorOutsideQuotes(text: string, nl: string, quotesToEnd: number): number {
  // Every quote toggles "inside quotes": walk back over separators, uncounting the quotes
  // passed, with indexOf-style jumps instead of a per-character loop.
  let before = quotesToEnd;
  let quote = text.lastIndexOf('"');
  for (let i = text.lastIndexOf(nl); i >= 0; i = i > 0 ? text.lastIndexOf(nl, i - 1) : -1) {
    while (quote > i) {
      before--;
      quote = quote > 0 ? text.lastIndexOf('"', quote - 1) : -1;
    }
    if ((before & 1) === 0) return i + 1;
  }
  return -1;
}

/** Index just past the last record separator that is outside double quotes, or -1. */
export function lastRecordEnd(text: string, newline: string): number {
  const nl = newline === '\r' ? '\r' : '\n';
  if (text.indexOf('"') < 0) {
    const i = text.lastIndexOf(nl);
    return i < 0 ? -1 : i + 1;
  }
  return lastSeparatorOutsideQuotes(text, nl, quoteCount(text));
}

/** lastRecordEnd over the concatenation of `parts`, without building it: [part, index] or null. */
function lastRecordCut(parts: string[], newline: string): [number, number] | null {
  const nl = newline === '\r' ? '\r' : '\n';
  const counts = parts.map(quoteCount);
  let quotesToEnd = counts.reduce((a, b) => a + b, 0);
  for (let k = parts.length - 1; k >= 0; k--) {
    const end = lastSeparatorOutsideQuotes(parts[k], nl, quotesToEnd);
    if (end >= 0) return [k, end];
    quotesToEnd -= counts[k];
  }
  return null;
}

/**
 * Bytes decoded at a time. The text pieces stay under V8's large-object threshold (64 KB even
 * as UTF-16), so they live and die in the young generation; a 2 MB string takes fresh pages
 * from the system every time, which cost a third of the ingest time.
 */
const PIECE_BYTES = 32 * 1024;

/** A streaming decode step: the text of `bytes`, with the decoder flushed when `last`. */
type DecodeStep = (bytes: Uint8Array, last: boolean) => string;

/**
 * Decodes chunks in pieces of PIECE_BYTES, streaming; a final call also flushes the decoder.
 * The concatenation of the pieces is exactly the text of one decode of all the bytes.
 */
function decodePieces(step: DecodeStep, chunks: Uint8Array[], final: boolean): string[] {
  const pieces: string[] = [];
  for (const bytes of chunks) {
    for (let i = 0; i < bytes.length; i += PIECE_BYTES) {
      const piece = step(bytes.subarray(i, Math.min(bytes.length, i + PIECE_BYTES)), false);
      if (piece !== '') pieces.push(piece);
    }
  }
  if (final) {
    const tail = step(new Uint8Array(0), true);
    if (tail !== '') pieces.push(tail);
  }
  return pieces;
}

/**
 * The decode step for an encoding. UTF-8 and Windows-1252 files both go through the mixed
 * decoder (each byte sequence in its own encoding, see text-decoding.ts), which also keeps
 * Node 20 from decoding Windows-1252 as Latin-1 (0x92 as U+0092, not ’) as its non-streaming
 * TextDecoder does (nodejs/node#56542). UTF-16 is decoded by TextDecoder, streaming.
 */
function decodeStep(encoding: CsvEncoding): { step: DecodeStep; mixed: MixedUtf8Decoder | null } {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const d = new TextDecoder(encoding);
    return { step: (bytes, last) => (last ? d.decode(bytes, { stream: true }) + d.decode() : d.decode(bytes, { stream: true })), mixed: null };
  }
  const mixed = new MixedUtf8Decoder();
  return { step: (bytes, last) => mixed.decode(bytes, last), mixed };
}

/** The French warning for a file read partly as Windows-1252, or null when there is nothing to say. */
function encodingWarning(mixed: MixedUtf8Decoder | null, sniffed: CsvEncoding): string | null {
  if (!mixed || mixed.firstRepairAt === null) return null;
  const lines = mixed.repairedLines === 1 ? '1 ligne' : `${mixed.repairedLines.toLocaleString('fr-FR')} lignes`;
  if (mixed.sawUtf8) {
    return (
      `Le fichier mélange deux encodages : ${lines} en Windows-1252 (la première à l’octet ${mixed.firstRepairAt}) ` +
      'au milieu de texte UTF-8. Chaque ligne a été lue dans son propre encodage, sans remplacer aucun accent ; ' +
      'vérifiez les noms de ces lignes.'
    );
  }
  if (sniffed !== 'utf-8') return null;
  return `Le fichier n’est pas en UTF-8 : ses accents (dès l’octet ${mixed.firstRepairAt}) ont été lus en Windows-1252.`;
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Chargement annulé', 'AbortError');
}

/**
 * Reads a CSV from a stream of byte chunks.
 *
 * @example
 * await readCsvStream(fs.createReadStream(path), {
 *   onHeader: (h) => console.log(h),
 *   onRows: (rows) => { for (const r of rows) handle(r); },
 * });
 */
export async function readCsvStream(
  source: AsyncIterable<Uint8Array>,
  handlers: CsvStreamHandlers,
  options: CsvStreamOptions = {},
): Promise<CsvStreamResult> {
  const sliceBytes = options.sliceBytes ?? 2 * 1024 * 1024;
  let dialect: CsvDialect | null = null;
  let decoder: ReturnType<typeof decodeStep> | null = null;
  let sniffedEncoding: CsvEncoding = 'utf-8';
  let header: string[] | null = null;
  // Inside a record longer than MAX_RECORD_CHARS: text is dropped up to its line break.
  let skipping = 0;
  let oversizedRecords = 0;
  let pending = '';
  let bytesRead = 0;
  let buffered: Uint8Array[] = [];
  let bufferedBytes = 0;

  const emit = (rows: string[][]) => {
    if (!header) {
      if (rows.length === 0) return;
      header = rows[0].map((h) => h.trim());
      handlers.onHeader(header, dialect!);
      rows = rows.slice(1);
    }
    if (rows.length > 0) handlers.onRows(rows, bytesRead);
  };

  const papaparseRaw = (text: string) => {
    const r = Papa.parse<string[]>(text, {
      delimiter: dialect!.delimiter,
      newline: dialect!.newline,
      header: false,
      skipEmptyLines: 'greedy',
    });
    return { data: r.data, broken: r.errors.some((e) => e.type === 'Quotes') };
  };
  const papaparse = (text: string): string[][] => parseWithQuoteRecovery(text, papaparseRaw, dialect!.newline);

  /**
   * Parses one slice, given as consecutive parts of its text: the same rows as papaparse on
   * the whole slice, read part by part with the record cut by a part boundary carried over.
   */
  const parseSlice = (parts: string[]) => {
    if (!dialect || parts.every((t) => t === '')) return;
    const { delimiter, newline } = dialect;
    if (!FAST_DELIMITERS.has(delimiter) || hasMultilineQuote(parts, newline)) {
      emit(papaparse(parts.join('')));
      return;
    }
    let rows: string[][] = [];
    let carry = '';
    // Whether a record of the slice has been read, and whether its first character is still ahead.
    let consumed = false;
    let atStart = true;
    for (let k = 0; k < parts.length; k++) {
      const text = carry + parts[k];
      let p = 0;
      if (atStart && text !== '') {
        // papaparse drops a byte order mark at the start of the text it is given.
        if (text.charCodeAt(0) === 0xfeff) p = 1;
        atStart = false;
      }
      for (;;) {
        const next = readRecords(text, p, ROW_BATCH, delimiter, newline, rows, k < parts.length - 1);
        if (typeof next !== 'number') {
          // The rows read so far in this batch go out with papaparse's, in one batch, so the
          // first batch still holds the sample the column mapping is detected on. A leading
          // line break keeps papaparse from dropping a mark that starts a record mid-file.
          const rest =
            !consumed && next.at === p
              ? papaparse(parts.join(''))
              : papaparse(newline + text.slice(next.at) + parts.slice(k + 1).join(''));
          emit(rows.length === 0 ? rest : rows.concat(rest));
          return;
        }
        if (next > p) consumed = true;
        p = next;
        if (rows.length < ROW_BATCH) break;
        emit(rows);
        rows = [];
      }
      carry = text.slice(p);
    }
    emit(rows);
  };

  const decode = (chunks: Uint8Array[], final: boolean): string[] => {
    if (!dialect) throw new Error('dialect not sniffed');
    if (!decoder) decoder = decodeStep(dialect.encoding);
    return decodePieces(decoder.step, chunks, final);
  };

  /** Skips one record too long to read; throws when it is the header. */
  const oversized = (chars: number) => {
    if (!header) {
      throw new EssqError(
        'record_too_long',
        `La première ligne du fichier dépasse ${MAX_RECORD_CHARS / 1048576} Mi caractères sans fin de ligne : ce n’est pas ` +
          'un en-tête de CSV. Attendu : une ligne d’en-tête courte, puis une ligne par établissement.',
      );
    }
    oversizedRecords++;
    handlers.onOversizedRecord?.(chars, bytesRead);
  };

  /** While skipping a long record: the parts after its line break, or null when it goes on. */
  const skipLongRecord = (parts: string[], final: boolean): string[] | null => {
    const nl = dialect!.newline === '\r' ? '\r' : '\n';
    for (let k = 0; k < parts.length; k++) {
      const i = parts[k].indexOf(nl);
      if (i >= 0) {
        oversized(skipping + i);
        skipping = 0;
        return [parts[k].slice(i + 1), ...parts.slice(k + 1)];
      }
      skipping += parts[k].length;
    }
    if (final) {
      oversized(skipping);
      skipping = 0;
    }
    return null;
  };

  const flush = (final: boolean) => {
    if (bufferedBytes === 0 && !final) return;
    const chunks = buffered;
    buffered = [];
    bufferedBytes = 0;
    if (!dialect) {
      const start = head(chunks, 65536);
      const binary = binaryKind(start);
      if (binary) throw new EssqError('binary_file', binaryMessage(binary, 'un fichier CSV, texte, une ligne par établissement'));
      dialect = { ...sniffCsv(start), ...options.dialect };
      sniffedEncoding = dialect.encoding;
    }
    // The slice's text is pending + the decoded chunks, kept as a list of small parts.
    let parts = decode(chunks, final);
    if (pending !== '') parts.unshift(pending);
    pending = '';
    if (skipping > 0) {
      const rest = skipLongRecord(parts, final);
      if (rest === null) return;
      parts = rest;
    }
    if (final) {
      if (pendingLength(parts) > MAX_RECORD_CHARS && !lastLineBreak(parts, dialect.newline)) {
        oversized(pendingLength(parts));
        return;
      }
      parseSlice(parts);
      return;
    }
    let cut = lastRecordCut(parts, dialect.newline);
    if (!cut && pendingLength(parts) > QUOTE_RESYNC_CHARS) {
      // A quote opened a megabyte ago and never closed: it is a stray one. Cut at the last
      // line break anyway; the slice's parse then reads the broken line on its own.
      cut = lastLineBreak(parts, dialect.newline);
    }
    if (!cut) {
      const length = pendingLength(parts);
      if (length > MAX_RECORD_CHARS) {
        // No line break at all in 32 Mi characters: the record is dropped, not kept growing.
        skipping = length;
        return;
      }
      pending = parts.join('');
      return;
    }
    const [k, end] = cut;
    pending = [parts[k].slice(end), ...parts.slice(k + 1)].join('');
    const slice = parts.slice(0, k);
    slice.push(parts[k].slice(0, end));
    parseSlice(slice);
  };

  for await (const chunk of source) {
    checkAbort(options.signal);
    bytesRead += chunk.length;
    buffered.push(chunk);
    bufferedBytes += chunk.length;
    if (bufferedBytes >= sliceBytes) flush(false);
  }
  checkAbort(options.signal);
  flush(true);
  if (!dialect) dialect = { ...sniffCsv(new Uint8Array(0)), ...options.dialect };
  // Assigned inside flush's closure, which TypeScript's narrowing does not follow.
  const mixed = (decoder as ReturnType<typeof decodeStep> | null)?.mixed ?? null;
  // Decided over the whole stream: Windows-1252 only when no valid UTF-8 accent was met.
  if (mixed && mixed.firstRepairAt !== null && !mixed.sawUtf8) dialect = { ...dialect, encoding: 'windows-1252' };
  else if (mixed && mixed.sawUtf8) dialect = { ...dialect, encoding: 'utf-8' };
  return {
    dialect,
    header: header ?? [],
    encodingSwitchAt: mixed && sniffedEncoding === 'utf-8' ? mixed.firstRepairAt : null,
    repairedLines: mixed && mixed.sawUtf8 ? mixed.repairedLines : 0,
    encodingWarning: encodingWarning(mixed, sniffedEncoding),
    oversizedRecords,
    bytesRead,
  };
}

/** Quoted text longer than this without its closing quote is taken for a stray quote. */
const QUOTE_RESYNC_CHARS = 1024 * 1024;

function pendingLength(parts: string[]): number {
  return parts.reduce((a, p) => a + p.length, 0);
}

/** Position just past the last line break of the parts, ignoring quotes: [part, index] or null. */
function lastLineBreak(parts: string[], newline: string): [number, number] | null {
  const nl = newline === '\r' ? '\r' : '\n';
  for (let k = parts.length - 1; k >= 0; k--) {
    const i = parts[k].lastIndexOf(nl);
    if (i >= 0) return [k, i + 1];
  }
  return null;
}

/** The first `n` bytes of a list of chunks (fewer if they hold fewer). */
function head(chunks: Uint8Array[], n: number): Uint8Array {
  if (chunks.length === 0) return new Uint8Array(0);
  if (chunks[0].length >= n || chunks.length === 1) return chunks[0].subarray(0, n);
  const out = new Uint8Array(Math.min(n, chunks.reduce((a, c) => a + c.length, 0)));
  let o = 0;
  for (const c of chunks) {
    if (o >= out.length) break;
    const take = c.subarray(0, out.length - o);
    out.set(take, o);
    o += take.length;
  }
  return out;
}

/** Wraps an in-memory buffer as a chunked source (tests, small files). */
export async function* bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
}
