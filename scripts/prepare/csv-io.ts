/**
 * CSV in and out for the public files. Reading goes through the engine's own streaming reader
 * (src/core/ingest/csv-stream.ts), so the prepared file is cut into rows exactly as the app
 * will cut it; the header is checked against the columns we rely on before any row is used.
 * Writing is a plain buffered writer that waits for the disk when it falls behind.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { readCsvStream } from '../../src/core/ingest/csv-stream.ts';
import { formatChanged } from './errors.ts';
import type { OpenedInput } from './open-input.ts';
import type { Progress } from './progress.ts';

/** Column index by name, for the names the caller asked for. */
export type ColumnIndex<K extends string> = Record<K, number>;

export interface ReadOptions<K extends string> {
  /** Name of the file, for messages. */
  name: string;
  docUrl: string;
  required: readonly K[];
  progress?: Progress;
  /** Called before each chunk is parsed: lets a writer apply backpressure. */
  beforeChunk?: () => Promise<void> | void;
}

/**
 * Streams the rows of a public CSV (comma, UTF-8) to `onRow`, with the index of each required
 * column. Throws a `format_changed` error naming the columns that are missing. Returns the
 * number of data rows read.
 */
export async function readPublicCsv<K extends string>(
  input: OpenedInput,
  options: ReadOptions<K>,
  onRow: (row: string[], col: ColumnIndex<K>) => void,
): Promise<number> {
  let col: ColumnIndex<K> | null = null;
  let rows = 0;
  async function* paced(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.bytes) {
      await options.beforeChunk?.();
      yield chunk;
    }
  }
  await readCsvStream(
    paced(),
    {
      onHeader: (header) => {
        const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
        const missing = options.required.filter((k) => !names.includes(k));
        if (missing.length > 0) throw formatChanged(options.name, missing, names, options.docUrl);
        col = Object.fromEntries(options.required.map((k) => [k, names.indexOf(k)])) as ColumnIndex<K>;
      },
      onRows: (batch) => {
        for (const row of batch) onRow(row, col!);
        rows += batch.length;
        options.progress?.tick(input.diskBytes(), rows, input.diskSize);
      },
    },
    { dialect: { delimiter: ',' } },
  );
  if (!col) throw formatChanged(options.name, [...options.required], [], options.docUrl);
  return rows;
}

const NEEDS_QUOTES = /["\n\r]/;

/** One CSV field, quoted only when it must be. */
export const csvField = (v: string, separator = ',') =>
  NEEDS_QUOTES.test(v) || v.includes(separator) ? `"${v.replace(/"/g, '""')}"` : v;

/** Buffered CSV writer; `drain()` resolves once the disk has caught up. */
export class CsvWriter {
  private readonly out: fs.WriteStream;
  private readonly separator: string;
  private buffer: string;
  rows = 0;

  constructor(file: string, header: readonly string[], separator = ',', bom = false) {
    this.out = fs.createWriteStream(file);
    this.separator = separator;
    this.buffer = (bom ? '\uFEFF' : '') + header.join(separator) + '\n';
  }

  write(values: readonly string[]): void {
    this.buffer += values.map((v) => csvField(v, this.separator)).join(this.separator) + '\n';
    this.rows++;
    if (this.buffer.length >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer) this.out.write(this.buffer);
    this.buffer = '';
  }

  /** Waits while the stream holds more than its high-water mark. */
  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}
