/**
 * The app's one zustand store, in slices: loaded sources, the load in progress, the view
 * (indicator, classification, filters, selection, map) and the last results. Big arrays are
 * not here (see registry.ts); the map follows this store through `subscribe`.
 */
import { create } from 'zustand';
import type { Filters } from '../core/indicators/aggregate.ts';
import { DEFAULT_FILTERS } from '../core/indicators/aggregate.ts';
import type { DiagnosticResult } from '../core/diagnostic.ts';
import type { IndicatorKey } from '../core/indicators/catalog.ts';
import type { ColumnMapping } from '../core/ingest/column-mapping.ts';
import type { ReferenceIssue } from '../core/ingest/reference.ts';
import type { LoadReport, PreviewResult, Progress, QuartierSummary } from '../worker/protocol.ts';

export interface SourceInfo {
  name: string;
  size: number;
  lastModified: number;
}

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';
export type Basemap = 'aucun' | 'osm' | 'ign';

export interface Classification {
  method: ClassMethod;
  classes: number;
  /** Upper bounds typed by the user for the manual method. */
  manualBreaks: number[];
  palette: string;
}

export interface MapPosition {
  center: [number, number];
  zoom: number;
}

export interface LoadState {
  what: 'quartiers' | 'etablissements' | 'reference' | 'communes';
  fileName: string;
  progress: Progress | null;
}

/** What the reference file gave: codes matched, columns read, and what was left out (French). */
export interface ReferenceInfo {
  matched: number;
  codes: number;
  columns: Record<string, string | null>;
  warnings: string[];
  /** Values and rows left out, one by one (the first 1 000). */
  issues: ReferenceIssue[];
}

export interface PendingMapping {
  file: File;
  preview: PreviewResult;
  mapping: ColumnMapping;
}

export interface AppState {
  // sources
  demo: boolean;
  quartiers: QuartierSummary[];
  quartiersSource: SourceInfo | null;
  quartiersWarnings: string[];
  crs: string | null;
  establishmentsSource: SourceInfo | null;
  report: LoadReport | null;
  pointsId: string | null;
  referenceSource: SourceInfo | null;
  referenceInfo: ReferenceInfo | null;
  communes: GeoJSON.FeatureCollection | null;
  communesSource: SourceInfo | null;
  // loading
  loading: LoadState | null;
  error: string | null;
  pendingMapping: PendingMapping | null;
  // view
  indicator: IndicatorKey;
  classification: Classification;
  filters: Filters;
  selection: number[];
  profile: number | null;
  ringMetres: number;
  showRing: boolean;
  showPoints: boolean;
  basemap: Basemap;
  mapPosition: MapPosition | null;
  // results
  results: DiagnosticResult | null;
  resultsVersion: number;
}

export const MAX_SELECTION = 4;

export const initialState: AppState = {
  demo: false,
  quartiers: [],
  quartiersSource: null,
  quartiersWarnings: [],
  crs: null,
  establishmentsSource: null,
  report: null,
  pointsId: null,
  referenceSource: null,
  referenceInfo: null,
  communes: null,
  communesSource: null,
  loading: null,
  error: null,
  pendingMapping: null,
  indicator: 'essJobShare',
  classification: { method: 'quantile', classes: 5, manualBreaks: [], palette: 'viridis' },
  filters: DEFAULT_FILTERS,
  selection: [],
  profile: null,
  ringMetres: 300,
  showRing: false,
  showPoints: true,
  basemap: 'aucun',
  mapPosition: null,
  results: null,
  resultsVersion: 0,
};

export const useStore = create<AppState>()(() => ({ ...initialState }));

/** Resets the store (tests, "clear everything"). */
export function resetStore(): void {
  useStore.setState({ ...initialState }, true);
}

export const sourceInfo = (f: File): SourceInfo => ({ name: f.name, size: f.size, lastModified: f.lastModified });
