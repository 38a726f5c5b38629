/**
 * Streaming CSV reader: bytes come in chunks (a File's stream in the worker, a file stream in
 * Node), are decoded incrementally and cut at the last complete record, and each slice is
 * parsed by papaparse into rows that the caller consumes at once. No whole-file string and no
 * whole-file array of rows ever exist, so a 150 MB file is read in bounded memory.
 */
import Papa from 'papaparse';
import { sniffCsv, type CsvDialect } from './csv-sniff.ts';

export interface CsvStreamOptions {
  /** Force parts of the dialect instead of sniffing them. */
  dialect?: Partial<CsvDialect>;
  signal?: AbortSignal;
  /** Target size of the text slices handed to papaparse. */
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

/** Index just past the last record separator that is outside double quotes, or -1. */
export function lastRecordEnd(text: string, newline: string): number {
  const nl = newline === '\r' ? 13 : 10;
  if (text.indexOf('"') < 0) {
    const i = text.lastIndexOf(newline === '\r' ? '\r' : '\n');
    return i < 0 ? -1 : i + 1;
  }
  let inQuotes = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === nl && !inQuotes) end = i + 1;
  }
  return end;
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

  const parseSlice = (text: string) => {
    if (!dialect || text === '') return;
    const parsed = Papa.parse<string[]>(text, {
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      header: false,
      skipEmptyLines: 'greedy',
    });
    let rows = parsed.data;
    if (!header) {
      if (rows.length === 0) return;
      header = rows[0].map((h) => h.trim());
      handlers.onHeader(header, dialect);
      rows = rows.slice(1);
    }
    if (rows.length > 0) handlers.onRows(rows, bytesRead);
  };

  const decode = (bytes: Uint8Array, final: boolean): string => {
    if (!dialect) throw new Error('dialect not sniffed');
    if (!decoder) decoder = new TextDecoder(dialect.encoding, { fatal: dialect.encoding === 'utf-8' });
    try {
      return decoder.decode(bytes, { stream: !final });
    } catch {
      // A byte sequence invalid in UTF-8 after a valid head: the file is Windows-1252 after all.
      encodingSwitchAt = bytesRead - bytes.length;
      dialect = { ...dialect, encoding: 'windows-1252' };
      decoder = new TextDecoder('windows-1252');
      return decoder.decode(bytes, { stream: !final });
    }
  };

  const flush = (final: boolean) => {
    if (bufferedBytes === 0 && !final) return;
    const bytes = concat(buffered, bufferedBytes);
    buffered = [];
    bufferedBytes = 0;
    if (!dialect) dialect = { ...sniffCsv(bytes.subarray(0, 65536)), ...options.dialect };
    const text = pending + decode(bytes, final);
    if (final) {
      pending = '';
      parseSlice(text);
      return;
    }
    const end = lastRecordEnd(text, dialect.newline);
    if (end < 0) {
      pending = text;
      if (pending.length > MAX_PENDING_CHARS) {
        throw new Error(
          `Fichier CSV illisible : plus de ${MAX_PENDING_CHARS / 1048576} Mo sans fin de ligne hors guillemets ` +
            '(guillemet non fermé ?). Attendu : une ligne par établissement.',
        );
      }
      return;
    }
    pending = text.slice(end);
    parseSlice(text.slice(0, end));
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

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Wraps an in-memory buffer as a chunked source (tests, small files). */
export async function* bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
}
