/**
 * The settings part of a project file: the view (indicator, classification, filters, selection
 * by code, quartier vécu, basemap, map position) with categories written by name, and the
 * column mapping by column name. Names, not indices, so a project survives a new engine order
 * or a file whose columns moved; anything malformed is dropped on reading, never thrown.
 */
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../classify/breaks.ts';
import { isPaletteName } from '../classify/palettes.ts';
import type { Filters } from '../indicators/aggregate.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../indicators/catalog.ts';
import { FIELDS, type ColumnMapping, type Field } from '../ingest/column-mapping.ts';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';

export const BASEMAP_NAMES = ['aucun', 'osm', 'ign'] as const;
export type BasemapName = (typeof BASEMAP_NAMES)[number];

export interface NamedFilters {
  families: string[] | null;
  sectors: string[] | null;
  sizes: string[] | null;
  employerOnly: boolean;
  communes: string[] | null;
}

export interface ProjectView {
  indicator: IndicatorKey;
  classification: { method: ClassMethod; classes: number; manualBreaks: number[]; palette: string };
  filters: NamedFilters;
  /** Quartier codes. */
  selection: string[];
  profile: string | null;
  ringMetres: number;
  showRing: boolean;
  showPoints: boolean;
  basemap: BasemapName;
  map: { center: [number, number]; zoom: number } | null;
  /** Colouring of the establishment points. */
  pointColorBy: 'family' | 'sector';
}

const toNames = (list: number[] | null, names: readonly string[]) => (list === null ? null : list.map((i) => names[i]).filter((n): n is string => !!n));
const toIndices = (list: string[] | null, names: readonly string[]) =>
  list === null ? null : [...new Set(list.map((n) => names.indexOf(n)).filter((i) => i >= 0))].sort((a, b) => a - b);

/** The engine's filters (category indices) with category names. */
export function filtersToNames(f: Filters): NamedFilters {
  return {
    families: toNames(f.families, FAMILIES),
    sectors: toNames(f.sectors, SECTORS),
    sizes: toNames(f.sizes, SIZES),
    employerOnly: f.employerOnly,
    communes: f.communes,
  };
}

/** Named filters back to the engine's indices; unknown names are dropped. */
export function filtersFromNames(f: NamedFilters): Filters {
  return {
    families: toIndices(f.families, FAMILIES),
    sectors: toIndices(f.sectors, SECTORS),
    sizes: toIndices(f.sizes, SIZES),
    employerOnly: f.employerOnly,
    communes: f.communes,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readFilters(v: unknown): NamedFilters | undefined {
  if (!isObject(v)) return undefined;
  return {
    families: strings(v.families),
    sectors: strings(v.sectors),
    sizes: strings(v.sizes),
    employerOnly: v.employerOnly !== false,
    communes: strings(v.communes),
  };
}

function readClassification(v: unknown): ProjectView['classification'] | undefined {
  if (!isObject(v)) return undefined;
  const method = (CLASS_METHODS as readonly unknown[]).includes(v.method) ? (v.method as ClassMethod) : 'quantile';
  const classes = finite(v.classes) ? Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(v.classes))) : 5;
  const manualBreaks = Array.isArray(v.manualBreaks) ? v.manualBreaks.filter(finite) : [];
  const palette = typeof v.palette === 'string' && isPaletteName(v.palette) ? v.palette : 'viridis';
  return { method, classes, manualBreaks, palette };
}

function readMap(v: unknown): ProjectView['map'] | undefined {
  if (!isObject(v) || !Array.isArray(v.center) || !finite(v.zoom)) return undefined;
  const [lon, lat] = v.center as unknown[];
  if (!finite(lon) || !finite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90 || v.zoom < 0 || v.zoom > 24) return undefined;
  return { center: [lon, lat], zoom: v.zoom };
}

/**
 * The parts of a project's `view` that are well formed. A missing or malformed setting is
 * left out, and the app keeps its current value for it.
 */
export function readProjectView(raw: Record<string, unknown>): Partial<ProjectView> {
  const v: Partial<ProjectView> = {};
  if ((INDICATOR_KEYS as readonly unknown[]).includes(raw.indicator)) v.indicator = raw.indicator as IndicatorKey;
  const classification = readClassification(raw.classification);
  if (classification) v.classification = classification;
  const filters = readFilters(raw.filters);
  if (filters) v.filters = filters;
  const selection = strings(raw.selection);
  if (selection) v.selection = selection.slice(0, 4);
  if (typeof raw.profile === 'string') v.profile = raw.profile;
  if (finite(raw.ringMetres) && raw.ringMetres >= 0 && raw.ringMetres <= 5000) v.ringMetres = raw.ringMetres;
  if (typeof raw.showRing === 'boolean') v.showRing = raw.showRing;
  if (typeof raw.showPoints === 'boolean') v.showPoints = raw.showPoints;
  if ((BASEMAP_NAMES as readonly unknown[]).includes(raw.basemap)) v.basemap = raw.basemap as BasemapName;
  const map = readMap(raw.map);
  if (map) v.map = map;
  if (raw.pointColorBy === 'family' || raw.pointColorBy === 'sector') v.pointColorBy = raw.pointColorBy;
  return v;
}

/** A column mapping (field → column index) as field → column name. */
export function mappingToNames(mapping: ColumnMapping, header: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const i = mapping[f];
    if (i !== undefined && header[i] !== undefined) out[f] = header[i];
  }
  return out;
}

/**
 * A mapping by column names applied to a file's header. `missing` lists the columns the
 * project names that this file does not have (a different file, or a renamed column).
 */
export function mappingFromNames(names: Record<string, string>, header: readonly string[]): { mapping: ColumnMapping; missing: string[] } {
  const mapping: ColumnMapping = {};
  const missing: string[] = [];
  for (const [field, column] of Object.entries(names)) {
    if (!(FIELDS as readonly string[]).includes(field) || typeof column !== 'string') continue;
    const i = header.indexOf(column);
    if (i >= 0) mapping[field as Field] = i;
    else missing.push(column);
  }
  return { mapping, missing };
}
