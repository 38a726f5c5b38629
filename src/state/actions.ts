/**
 * What the UI can ask for. Each action talks to the engine worker and writes the outcome in
 * the store; errors become a French message in `error`, never an exception in a component.
 */
import { getEngine } from './engine.ts';
import { clearRegistry, getEstablishmentsLoad, registerPoints, rememberEstablishmentsLoad } from './registry.ts';
import { MAX_SELECTION, sourceInfo, useStore, type AppState } from './store.ts';
import type { Filters } from '../core/indicators/aggregate.ts';
import type { ColumnMapping } from '../core/ingest/column-mapping.ts';
import { headerSignature, hasCoordinates, hasEssColumn } from '../core/ingest/column-mapping.ts';
import { EngineError } from '../worker/client.ts';
import { rememberMapping, recallMapping } from './mapping-memory.ts';

const set = (partial: Partial<AppState>) => useStore.setState(partial);
const get = () => useStore.getState();

let loadController: AbortController | null = null;

/** A source that has just loaded, with what it takes to load it again (session persistence). */
export interface LoadedSource {
  kind: 'quartiers' | 'etablissements' | 'reference' | 'communes';
  file: File;
  /** The confirmed column mapping (establishments; undefined when the detected one was used). */
  mapping?: ColumnMapping;
  demo: boolean;
}

const loadedListeners = new Set<(source: LoadedSource) => void>();

/**
 * Calls `listener` after every successful load. The store keeps only a file's name and size;
 * whoever must keep the File itself (persist.ts, to reopen the session after a reload)
 * listens here. Returns the function that stops listening.
 */
export function onSourceLoaded(listener: (source: LoadedSource) => void): () => void {
  loadedListeners.add(listener);
  return () => void loadedListeners.delete(listener);
}

function notifyLoaded(source: LoadedSource): void {
  for (const listener of loadedListeners) listener(source);
}

function fail(e: unknown): void {
  if (e instanceof EngineError && e.code === 'aborted') {
    set({ loading: null });
    return;
  }
  set({ loading: null, error: e instanceof Error ? e.message : String(e) });
}

/** Recomputes the indicators for the current filters (cheap: no join). */
export async function refreshResults(): Promise<void> {
  if (get().quartiers.length === 0) return;
  try {
    const results = await getEngine().call('aggregate', { filters: get().filters });
    set({ results, resultsVersion: get().resultsVersion + 1 });
  } catch (e) {
    if (!(e instanceof EngineError && e.code === 'aborted')) fail(e);
  }
}

export async function loadQuartiersFile(file: File, options: { demo?: boolean } = {}): Promise<boolean> {
  set({ loading: { what: 'quartiers', fileName: file.name, progress: null }, error: null });
  try {
    const r = await getEngine().call('loadQuartiers', { file, name: file.name });
    if (get().demo && !options.demo) await forgetDemoSources();
    set({
      quartiers: r.quartiers,
      quartiersSource: sourceInfo(file),
      quartiersWarnings: r.warnings,
      crs: r.crs,
      selection: [],
      profile: null,
      loading: null,
      demo: options.demo ?? false,
    });
    notifyLoaded({ kind: 'quartiers', file, demo: options.demo ?? false });
    await refreshResults();
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

/**
 * The user's own quartiers replace the demo territory: its establishments, reference table
 * and commune outlines would only show zeros and a wrong source list over the new quartiers.
 */
async function forgetDemoSources(): Promise<void> {
  await getEngine().call('clearSources', { establishments: true, reference: true });
  clearRegistry();
  set({
    report: null,
    pointsId: null,
    establishmentsSource: null,
    referenceSource: null,
    referenceInfo: null,
    communes: null,
    communesSource: null,
  });
}

/**
 * First step of an establishments import: reads the head of the file and proposes a column
 * mapping (the one remembered for this header, or the detected one) for the user to confirm.
 */
export async function previewEstablishmentsFile(file: File): Promise<void> {
  set({ error: null });
  try {
    const preview = await getEngine().call('previewEstablishments', { file });
    const remembered = recallMapping(headerSignature(preview.header));
    set({ pendingMapping: { file, preview, mapping: remembered ?? preview.detected.mapping } });
  } catch (e) {
    fail(e);
  }
}

export function updatePendingMapping(mapping: ColumnMapping): void {
  const p = get().pendingMapping;
  if (p) set({ pendingMapping: { ...p, mapping } });
}

export function cancelPendingMapping(): void {
  set({ pendingMapping: null });
}

/**
 * Loads the pending file with the mapping on screen. A mapping with no ESS column counts
 * every row as ESS: it is loaded only when the user said so (`essList`, « toutes ESS »).
 */
export async function confirmMapping(options: { essList?: boolean } = {}): Promise<boolean> {
  const p = get().pendingMapping;
  if (!p) return false;
  if (!hasCoordinates(p.mapping)) {
    set({ error: 'Choisissez les colonnes de coordonnées (longitude et latitude, « lat, lon », ou X/Y Lambert-93) avant de charger le fichier.' });
    return false;
  }
  if (!hasEssColumn(p.mapping) && !options.essList) {
    set({
      error:
        'Aucune colonne ne dit quels établissements sont de l’ESS : choisissez « toutes ESS (liste d’observatoire) », ' +
        '« déduire de la catégorie juridique » ou la colonne qui le dit, avant de charger le fichier.',
    });
    return false;
  }
  rememberMapping(headerSignature(p.preview.header), p.mapping);
  set({ pendingMapping: null });
  return loadEstablishmentsFile(p.file, p.mapping);
}

export interface EstablishmentsLoadOptions {
  demo?: boolean;
  /** Swap latitude and longitude of the rows outside France that land in France swapped. */
  swapOutsideFrance?: boolean;
}

export async function loadEstablishmentsFile(file: File, mapping?: ColumnMapping, options: EstablishmentsLoadOptions = {}): Promise<boolean> {
  loadController?.abort();
  const controller = new AbortController();
  loadController = controller;
  set({ loading: { what: 'etablissements', fileName: file.name, progress: null }, error: null });
  try {
    const { report, points } = await getEngine().call(
      'loadEstablishments',
      { file, name: file.name, mapping, ringMetres: get().ringMetres, swapOutsideFrance: options.swapOutsideFrance },
      {
        signal: controller.signal,
        onProgress: (progress) => set({ loading: { what: 'etablissements', fileName: file.name, progress } }),
      },
    );
    rememberEstablishmentsLoad({ file, mapping });
    set({
      report,
      pointsId: registerPoints(points),
      establishmentsSource: sourceInfo(file),
      loading: null,
      demo: options.demo ?? get().demo,
    });
    notifyLoaded({ kind: 'etablissements', file, mapping, demo: options.demo ?? false });
    await refreshResults();
    return true;
  } catch (e) {
    fail(e);
    return false;
  } finally {
    if (loadController === controller) loadController = null;
  }
}

/**
 * Loads the last establishments file again, with its mapping, swapping latitude and longitude
 * of the rows outside France that land in France swapped (the summary's offer).
 */
export async function reloadSwappingOutsideFrance(): Promise<boolean> {
  const last = getEstablishmentsLoad();
  if (!last) {
    set({ error: 'Le fichier des établissements n’est plus disponible : choisissez-le à nouveau pour permuter ses coordonnées.' });
    return false;
  }
  return loadEstablishmentsFile(last.file, last.mapping, { swapOutsideFrance: true });
}

export function cancelLoad(): void {
  loadController?.abort();
  loadController = null;
  set({ loading: null });
}

export async function loadReferenceFile(file: File, options: { demo?: boolean } = {}): Promise<boolean> {
  set({ loading: { what: 'reference', fileName: file.name, progress: null }, error: null });
  try {
    const r = await getEngine().call('loadReference', { file, name: file.name });
    set({
      referenceSource: sourceInfo(file),
      referenceInfo: { matched: r.matched, codes: r.codes, columns: r.columns, warnings: r.warnings, issues: r.issues },
      loading: null,
    });
    notifyLoaded({ kind: 'reference', file, demo: options.demo ?? false });
    await refreshResults();
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export async function loadCommunesFile(file: File, options: { demo?: boolean } = {}): Promise<boolean> {
  try {
    const json = JSON.parse(await file.text()) as GeoJSON.FeatureCollection;
    if (json?.type !== 'FeatureCollection') throw new Error('Attendu : un GeoJSON FeatureCollection de communes.');
    set({ communes: json, communesSource: sourceInfo(file) });
    notifyLoaded({ kind: 'communes', file, demo: options.demo ?? false });
    return true;
  } catch (e) {
    set({ error: `Contours des communes illisibles : ${(e as Error).message}` });
    return false;
  }
}

export function setFilters(partial: Partial<Filters>): Promise<void> {
  set({ filters: { ...get().filters, ...partial } });
  return refreshResults();
}

export async function setRingMetres(metres: number): Promise<void> {
  set({ ringMetres: metres });
  if (!get().report) return;
  try {
    await getEngine().call('setRing', { metres });
    await refreshResults();
  } catch (e) {
    if (!(e instanceof EngineError && e.code === 'aborted')) fail(e);
  }
}

/** Adds or removes a quartier from the comparison selection (at most 4, oldest dropped). */
export function toggleSelection(index: number): void {
  const s = get().selection;
  if (s.includes(index)) set({ selection: s.filter((i) => i !== index) });
  else set({ selection: [...s, index].slice(-MAX_SELECTION) });
}

export function openProfile(index: number | null): void {
  set({ profile: index });
}

export function dismissError(): void {
  set({ error: null });
}
