/**
 * Remembers the column mapping a user confirmed, per header signature, so the next file of
 * the same layout opens with their choice. Stored in localStorage (the mapping only, no data).
 */
import type { ColumnMapping } from '../core/ingest/column-mapping.ts';

const KEY = 'essq.mappings.v1';

function readAll(): Record<string, ColumnMapping> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as Record<string, ColumnMapping>;
  } catch {
    return {};
  }
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...readAll(), [signature]: mapping }));
  } catch {
    // A full or disabled storage only loses the convenience, not the data.
  }
}

export function recallMapping(signature: string): ColumnMapping | null {
  return readAll()[signature] ?? null;
}
