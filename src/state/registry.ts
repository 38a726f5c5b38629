/**
 * Big arrays live here, keyed by dataset id, not inside the zustand state: the store holds
 * the id, and the map reads the columns from the registry when the id changes.
 */
import type { PointColumns } from '../worker/protocol.ts';
import type { ColumnMapping } from '../core/ingest/column-mapping.ts';

const points = new Map<string, PointColumns>();
let counter = 0;

/** The establishments file last loaded, with its mapping: what a reload with other options re-sends. */
export interface EstablishmentsLoad {
  file: File;
  mapping?: ColumnMapping;
}

// A File can be gigabytes of SIRENE: kept here, out of the store, which only names it.
let lastEstablishments: EstablishmentsLoad | null = null;

export function rememberEstablishmentsLoad(load: EstablishmentsLoad): void {
  lastEstablishments = load;
}

export function getEstablishmentsLoad(): EstablishmentsLoad | null {
  return lastEstablishments;
}

export function registerPoints(p: PointColumns): string {
  const id = `points-${++counter}`;
  points.clear();
  points.set(id, p);
  return id;
}

export function getPoints(id: string | null): PointColumns | null {
  return id ? (points.get(id) ?? null) : null;
}

export function clearRegistry(): void {
  points.clear();
  lastEstablishments = null;
}
