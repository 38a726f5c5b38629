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
import { sniffCsv, type CsvDialect } from './csv-sniff.ts';
import { FAST_DELIMITERS, ROW_BATCH, hasMultilineQuote, parseWithQuoteRecovery, readRecords } from './csv-records.ts';

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
  /** Byte offset at which strict UTF-8 decoding failed and Windows-1252 took over, if any. */
  encodingSwitchAt: number | null;
  bytesRead: number;
}

export interface CsvStreamHandlers {
  /** Called once with the header row, before any data row. */
  onHeader(header: string[], dialect: CsvDialect): void;
  /** Called with each batch of data rows; the array is not kept by the reader. */
  onRows(rows: string[][], bytesRead: number): void;
}

/** Longest text we accept without a single complete record: beyond it the quotes are broken. */
const MAX_PENDING_CHARS = 32 * 1024 * 1024;

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

/**
 * Decodes chunks in pieces of PIECE_BYTES, streaming; a final call also flushes the decoder.
 * The concatenation of the pieces is exactly the text of one decode of all the bytes. Always
 * streaming also keeps Node 20 from decoding Windows-1252 as Latin-1 (0x92 as U+0092, not ’),
 * which its non-streaming decode does (nodejs/node#56542); browsers decode both ways right.
 */
function decodePieces(decoder: TextDecoder, chunks: Uint8Array[], final: boolean): string[] {
  const pieces: string[] = [];
  for (const bytes of chunks) {
    for (let i = 0; i < bytes.length; i += PIECE_BYTES) {
      const piece = decoder.decode(bytes.subarray(i, Math.min(bytes.length, i + PIECE_BYTES)), { stream: true });
      if (piece !== '') pieces.push(piece);
    }
  }
  if (final) {
    const tail = decoder.decode();
    if (tail !== '') pieces.push(tail);
  }
  return pieces;
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
  let decoder: TextDecoder | null = null;
  let encodingSwitchAt: number | null = null;
  let header: string[] | null = null;
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

  const decode = (chunks: Uint8Array[], total: number, final: boolean): string[] => {
    if (!dialect) throw new Error('dialect not sniffed');
    if (!decoder) decoder = new TextDecoder(dialect.encoding, { fatal: dialect.encoding === 'utf-8' });
    try {
      return decodePieces(decoder, chunks, final);
    } catch {
      // A byte sequence invalid in UTF-8 after a valid head: the file is Windows-1252 after all.
      encodingSwitchAt = bytesRead - total;
      dialect = { ...dialect, encoding: 'windows-1252' };
      decoder = new TextDecoder('windows-1252');
      return decodePieces(decoder, chunks, final);
    }
  };

  const flush = (final: boolean) => {
    if (bufferedBytes === 0 && !final) return;
    const chunks = buffered;
    const total = bufferedBytes;
    buffered = [];
    bufferedBytes = 0;
    if (!dialect) dialect = { ...sniffCsv(head(chunks, 65536)), ...options.dialect };
    // The slice's text is pending + the decoded chunks, kept as a list of small parts.
    const parts = decode(chunks, total, final);
    if (pending !== '') parts.unshift(pending);
    pending = '';
    if (final) {
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
      pending = parts.join('');
      if (pending.length > MAX_PENDING_CHARS) {
        throw new Error(
          `Fichier CSV illisible : plus de ${MAX_PENDING_CHARS / 1048576} Mo sans fin de ligne hors guillemets ` +
            '(guillemet non fermé ?). Attendu : une ligne par établissement.',
        );
      }
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
  return { dialect, header: header ?? [], encodingSwitchAt, bytesRead };
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
