/**
 * Saving and opening a project (`.essq.json`): the view and the column mapping by name, and
 * each source's fingerprint — never the data. Opening one applies the view at once; the
 * selection waits for quartiers with those codes, the mapping for an establishments file with
 * those columns; and the sources loaded are compared with the project's, by SHA-256.
 */
import { create } from 'zustand';
import { parseProject, serializeProject, sourceDifferences, type ProjectFile, type SourceKind } from '../../core/export/project-file.ts';
import { filtersFromNames, filtersToNames, mappingFromNames, mappingToNames, readProjectView, type ProjectView } from '../../core/export/project-view.ts';
import { useMapOptions, setPointColorBy } from '../../map/map-options.ts';
import { setFilters, setRingMetres, updatePendingMapping } from '../../state/actions.ts';
import { useStore, type AppState } from '../../state/store.ts';
import { currentFingerprints } from './source-files.ts';

export interface ProjectStatus {
  /** File name of the project opened, null when none is. */
  name: string | null;
  savedAt: string | null;
  /** Sentences naming each source that differs; empty when all match; null while checking. */
  differences: string[] | null;
  /** What could not be applied or verified. */
  notes: string[];
}

export const useProjectStatus = create<ProjectStatus>()(() => ({ name: null, savedAt: null, differences: null, notes: [] }));

/** The project of the current state, as the text of a `.essq.json` file. */
export async function projectText(s: AppState, nowMs = Date.now()): Promise<string> {
  const view: ProjectView = {
    indicator: s.indicator,
    classification: s.classification,
    filters: filtersToNames(s.filters),
    selection: s.selection.map((i) => s.quartiers[i]?.code).filter((c): c is string => !!c),
    profile: s.profile === null ? null : (s.quartiers[s.profile]?.code ?? null),
    ringMetres: s.ringMetres,
    showRing: s.showRing,
    showPoints: s.showPoints,
    basemap: s.basemap,
    map: s.mapPosition,
    pointColorBy: useMapOptions.getState().pointColorBy,
  };
  const mapping = s.report ? mappingToNames(s.report.mapping.mapping, s.report.header) : {};
  return serializeProject({ savedAt: new Date(nowMs).toISOString(), view: { ...view }, mapping, sources: await currentFingerprints(s) });
}

let opened: { project: ProjectFile; selection: string[]; profile: string | null } | null = null;

/** Selection and sheet by code, once quartiers carrying those codes are loaded. */
function resolveCodes(s: AppState): void {
  if (!opened || s.quartiers.length === 0 || (opened.selection.length === 0 && opened.profile === null)) return;
  const byCode = new Map(s.quartiers.map((q) => [q.code.toUpperCase(), q.index]));
  const selection = opened.selection.map((c) => byCode.get(c.toUpperCase())).filter((i): i is number => i !== undefined);
  const profile = opened.profile === null ? undefined : byCode.get(opened.profile.toUpperCase());
  if (selection.length === 0 && profile === undefined) return;
  opened.selection = [];
  opened.profile = null;
  useStore.setState({ selection, ...(profile !== undefined ? { profile } : {}) });
}

/** The project's mapping, by column name, on the establishments file waiting for confirmation. */
function applyMapping(s: AppState): void {
  const names = opened?.project.mapping ?? {};
  if (!s.pendingMapping || Object.keys(names).length === 0) return;
  const { mapping, missing } = mappingFromNames(names, s.pendingMapping.preview.header);
  if (missing.length > 0) {
    const note = `Colonnes du projet absentes de « ${s.pendingMapping.file.name} » : ${missing.join(', ')}. La correspondance détectée est proposée à la place.`;
    const notes = useProjectStatus.getState().notes;
    if (!notes.includes(note)) useProjectStatus.setState({ notes: [...notes, note] });
    return;
  }
  if (JSON.stringify(mapping) !== JSON.stringify(s.pendingMapping.mapping)) updatePendingMapping(mapping);
}

/** Compares the loaded sources with the project's, and publishes the differences. */
export async function checkSources(): Promise<void> {
  if (!opened) return;
  const project = opened.project;
  useProjectStatus.setState({ differences: null });
  const current = await currentFingerprints(useStore.getState());
  const unverified: string[] = [];
  for (const kind of Object.keys(current) as SourceKind[]) {
    const c = current[kind]!;
    const saved = project.sources[kind];
    // Bytes no longer available: trust an identical name and size, and say the hash was not checked.
    if (c.sha256 === '' && saved && saved.name === c.name && saved.size === c.size) {
      c.sha256 = saved.sha256;
      unverified.push(`« ${c.name} » : empreinte SHA-256 non vérifiée (nom et taille identiques).`);
    }
  }
  if (opened?.project !== project) return;
  useProjectStatus.setState((st) => ({ differences: sourceDifferences(project.sources, current), notes: [...st.notes.filter((n) => !n.includes('non vérifiée')), ...unverified] }));
}

/** Opens a project: applies its view, then checks the sources. Throws a French message on a bad file. */
export async function openProject(text: string, fileName: string): Promise<void> {
  const project = parseProject(text);
  const v = readProjectView(project.view);
  opened = { project, selection: v.selection ?? [], profile: v.profile ?? null };
  useProjectStatus.setState({ name: fileName, savedAt: project.savedAt, differences: null, notes: [] });
  const patch: Partial<AppState> = {};
  if (v.indicator) patch.indicator = v.indicator;
  if (v.classification) patch.classification = v.classification;
  if (v.showRing !== undefined) patch.showRing = v.showRing;
  if (v.showPoints !== undefined) patch.showPoints = v.showPoints;
  if (v.basemap) patch.basemap = v.basemap;
  if (v.map) patch.mapPosition = v.map;
  useStore.setState(patch);
  if (v.pointColorBy) setPointColorBy(v.pointColorBy);
  if (v.ringMetres !== undefined && v.ringMetres !== useStore.getState().ringMetres) await setRingMetres(v.ringMetres);
  if (v.filters) await setFilters(filtersFromNames(v.filters));
  resolveCodes(useStore.getState());
  applyMapping(useStore.getState());
  await checkSources();
}

/**
 * Follows the store while a project is open: codes and mapping applied when their files
 * arrive, sources compared again when one changes. Returns the unsubscribe function.
 */
export function followProject(): () => void {
  return useStore.subscribe((s, prev) => {
    if (!opened) return;
    if (s.quartiers !== prev.quartiers) resolveCodes(s);
    if (s.pendingMapping !== prev.pendingMapping) applyMapping(s);
    const sources = ['quartiersSource', 'establishmentsSource', 'referenceSource', 'communesSource'] as const;
    if (sources.some((k) => s[k] !== prev[k])) void checkSources();
  });
}

/** Forgets the opened project (tests, « Fermer le projet »). */
export function closeProject(): void {
  opened = null;
  useProjectStatus.setState({ name: null, savedAt: null, differences: null, notes: [] });
}
