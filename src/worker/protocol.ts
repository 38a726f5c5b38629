/**
 * The one message map between the main thread and the engine worker. Each request type names
 * its payload and its result; progress events and errors share one envelope.
 */
import type { ColumnMapping, MappingResult } from '../core/ingest/column-mapping.ts';
import type { CsvDialect } from '../core/ingest/csv-sniff.ts';
import type { IngestReport } from '../core/ingest/establishments.ts';
import type { ParseQuartiersResult } from '../core/ingest/geojson.ts';
import type { Filters } from '../core/indicators/aggregate.ts';
import type { DiagnosticResult } from '../core/diagnostic.ts';
import type { EstablishmentLabel } from '../core/ingest/establishment-table.ts';
import type { ReferenceTable } from '../core/ingest/reference.ts';
import type { MultiPolygon, Polygon } from 'geojson';

/** A quartier as the UI needs it: identity, bbox and a GeoJSON geometry for the map. */
export interface QuartierSummary {
  index: number;
  code: string;
  name: string;
  communes: string[];
  communeNames: string[];
  bbox: [number, number, number, number];
  geometry: Polygon | MultiPolygon;
}

/** ESS establishments for the map: flat columns, transferred (not copied) to the main thread. */
export interface PointColumns {
  count: number;
  /** Row of each point in the engine's table (for the profile list and popups). */
  row: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  family: Uint8Array;
  sector: Uint8Array;
  size: Uint8Array;
  employer: Uint8Array;
  quartier: Int32Array;
}

export interface Accounting {
  read: number;
  inQuartier: number;
  outside: number;
  rejected: number;
  rejectedBy: Record<string, number | undefined>;
}

/** Report sent to the UI: the ingest report without the bulky rejected rows. */
export type LoadReport = Omit<IngestReport, 'rejectedRows'> & { accounting: Accounting; rejectedKept: number };

export interface PreviewResult {
  header: string[];
  sample: string[][];
  dialect: CsvDialect;
  detected: MappingResult;
}

export interface Requests {
  loadQuartiers: {
    /** A GeoJSON, or a zipped shapefile (recognised by its first bytes, `PK\x03\x04`). */
    payload: { file: Blob; name: string };
    result: Omit<ParseQuartiersResult, 'quartiers'> & { quartiers: QuartierSummary[] };
  };
  previewEstablishments: { payload: { file: Blob }; result: PreviewResult };
  loadEstablishments: {
    payload: {
      file: Blob;
      name: string;
      mapping?: ColumnMapping;
      ringMetres: number;
      /** Swap latitude and longitude of the rows outside France that land in France swapped. */
      swapOutsideFrance?: boolean;
    };
    result: { report: LoadReport; points: PointColumns };
  };
  loadReference: { payload: { file: Blob; name: string }; result: Omit<ReferenceTable, 'byCode'> & { codes: number; matched: number } };
  setRing: { payload: { metres: number }; result: { accounting: Accounting } };
  aggregate: { payload: { filters: Filters }; result: DiagnosticResult };
  establishments: { payload: { quartier: number; ring: boolean; limit: number }; result: (EstablishmentLabel & { row: number })[] };
  rejectedCsv: { payload: Record<string, never>; result: string };
  /** Forgets loaded sources (the demo's, when the user brings their own quartiers). */
  clearSources: { payload: { establishments: boolean; reference: boolean }; result: null };
}

export type RequestType = keyof Requests;

export interface Progress {
  phase: 'lecture' | 'jointure' | 'calcul';
  bytesRead: number;
  bytesTotal: number;
  rowsParsed: number;
  rowsJoined: number;
}

export type ToWorker =
  | { id: number; type: RequestType; payload: unknown }
  | { id: number; type: 'cancel' };

export type FromWorker =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; error: { code: string; message: string; aborted?: boolean } }
  | { id: number; kind: 'progress'; progress: Progress };
