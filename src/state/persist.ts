/**
 * Nothing the user loaded is lost on reload: the files they loaded (as File objects), the
 * column mapping they confirmed and the view are kept in IndexedDB (session-db.ts), and at
 * start-up the saved files go through the same actions as a new import, in place of the
 * demo. Re-running the engine on the original files is simpler and safer than storing its
 * typed arrays: one code path, and a session saved by an older version still opens.
 *
 * The view is kept as the URL hash of url.ts (codes and settings, never data); at start-up it
 * is put in the address bar when the link carries no view, so the URL synchronisation applies
 * it, selection and map position included, exactly as it applies a shared link.
 */
import { create } from 'zustand';
import type { ColumnMapping } from '../core/ingest/column-mapping.ts';
import { loadCommunesFile, loadEstablishmentsFile, loadQuartiersFile, loadReferenceFile, onSourceLoaded, type LoadedSource } from './actions.ts';
import { loadDemoData } from './demo.ts';
import { indexedDbBackend, type SessionBackend } from './session-db.ts';
import { useStore, type AppState, type Basemap } from './store.ts';
import { encodeView, viewOf } from './url.ts';

export type SourceKind = LoadedSource['kind'];

/** Restore order: establishments are placed in quartiers, so they come last. */
export const SOURCE_KINDS: readonly SourceKind[] = ['quartiers', 'communes', 'reference', 'etablissements'];

const STORE_KEY: Record<SourceKind, 'quartiersSource' | 'communesSource' | 'referenceSource' | 'establishmentsSource'> = {
  quartiers: 'quartiersSource',
  communes: 'communesSource',
  reference: 'referenceSource',
  etablissements: 'establishmentsSource',
};

export interface SavedFile {
  file: File;
  mapping?: ColumnMapping;
}

export interface SavedView {
  hash: string;
  basemap: Basemap;
}

export interface SavedSession {
  files: Partial<Record<SourceKind, SavedFile>>;
  view: SavedView | null;
}

export const QUOTA_MESSAGE = 'Espace de stockage du navigateur insuffisant : la session ne sera pas restaurée après rechargement.';

export type PersistStatus = 'none' | 'saved' | 'restoring' | 'restored' | 'cleared' | 'unavailable';

/** What the notice shows: whether the loaded files are kept in this browser, and how. */
export const usePersistence = create<{ status: PersistStatus }>()(() => ({ status: 'none' }));

const fileKey = (kind: SourceKind) => `file:${kind}`;
const VIEW_KEY = 'view';
const BASEMAPS: readonly Basemap[] = ['aucun', 'osm', 'ign'];

let defaultBackend: SessionBackend | null = null;
const getDefaultBackend = () => (defaultBackend ??= indexedDbBackend());

/** Turns stored records back into a session; anything malformed is left out, never thrown. */
function parseRecords(records: Map<string, unknown>): SavedSession | null {
  const files: SavedSession['files'] = {};
  for (const kind of SOURCE_KINDS) {
    const r = records.get(fileKey(kind)) as { file?: unknown; name?: unknown; lastModified?: unknown; mapping?: unknown } | undefined;
    if (!r || !(r.file instanceof Blob)) continue;
    const name = typeof r.name === 'string' ? r.name : kind;
    // Browsers give a File back; a plain Blob (older storage) gets its name again.
    const file = r.file instanceof File ? r.file : new File([r.file], name, { lastModified: Number(r.lastModified) || Date.now() });
    const mapping = r.mapping && typeof r.mapping === 'object' ? (r.mapping as ColumnMapping) : undefined;
    files[kind] = mapping ? { file, mapping } : { file };
  }
  if (Object.keys(files).length === 0) return null;
  const v = records.get(VIEW_KEY) as { hash?: unknown; basemap?: unknown } | undefined;
  const view =
    v && typeof v.hash === 'string'
      ? { hash: v.hash, basemap: BASEMAPS.includes(v.basemap as Basemap) ? (v.basemap as Basemap) : 'aucun' }
      : null;
  return { files, view };
}

/**
 * Reads the saved session; null when there is none, when storage fails, or after `timeoutMs`
 * (a start-up must never wait on a stuck database: the demo opens instead).
 */
export async function readSavedSession(backend: SessionBackend = getDefaultBackend(), timeoutMs = 3000): Promise<SavedSession | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    const records = await Promise.race([backend.readAll(), timeout]);
    return records ? parseRecords(records) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

type UrlWindow = Pick<Window, 'location' | 'history'>;

/**
 * Start-up, before the URL synchronisation and the first render: reads the saved session and,
 * when the address carries no view of its own (a link someone shared wins), puts the saved
 * view in the address bar; the saved basemap goes in the store.
 */
export async function readStartupSession(backend: SessionBackend = getDefaultBackend(), win: UrlWindow = window): Promise<SavedSession | null> {
  const session = await readSavedSession(backend);
  if (!session?.view) return session;
  if (session.view.hash && win.location.hash.replace(/^#/, '') === '') {
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}#${session.view.hash}`);
  }
  // The basemap is not part of a link: the user's last choice holds either way.
  useStore.setState({ basemap: session.view.basemap });
  return session;
}

// The saver's state: one per page.
let backend: SessionBackend | null = null;
let files: Partial<Record<SourceKind, SavedFile>> = {};
let queue: Promise<void> = Promise.resolve();
let paused = false;
let restoring = false;
let lastView = '';
let viewTimer: ReturnType<typeof setTimeout> | null = null;
let stopListening: (() => void)[] = [];

const viewKeyOf = (s: AppState) => `${encodeView(viewOf(s))}|${s.basemap}`;

function viewRecord() {
  const s = useStore.getState();
  lastView = viewKeyOf(s);
  return { hash: encodeView(viewOf(s)), basemap: s.basemap, savedAt: Date.now() };
}

function fileRecord(f: SavedFile) {
  return { file: f.file, name: f.file.name, lastModified: f.file.lastModified, mapping: f.mapping, savedAt: Date.now() };
}

const isQuotaError = (e: unknown) => {
  const err = e as { name?: string; code?: number } | null;
  return err?.name === 'QuotaExceededError' || err?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err?.code === 22;
};

/** A failed write is explained, never thrown: the app goes on, only the reload loses. */
async function onWriteError(e: unknown): Promise<void> {
  paused = true;
  usePersistence.setState({ status: 'unavailable' });
  useStore.setState({
    error: isQuotaError(e)
      ? QUOTA_MESSAGE
      : `La session n’a pas pu être enregistrée dans le navigateur (${(e as Error)?.message ?? String(e)}) : elle ne sera pas restaurée après rechargement.`,
  });
  // A session missing its last file would reopen something the user never saw: drop it all.
  await backend?.clear().catch(() => undefined);
}

interface WriteOptions {
  /** Runs even after a failure or a clearing (the clearing itself, a full rewrite). */
  force?: boolean;
  /** Called once the write has landed. */
  done?: () => void;
}

/** Writes one after the other, in the order asked: a later view never lands before its file. */
function enqueue(op: (b: SessionBackend) => Promise<void>, options: WriteOptions = {}): Promise<void> {
  const b = backend;
  if (!b) return queue;
  queue = queue.then(async () => {
    // A write queued before a failure or a clearing must not bring the session back.
    if (paused && !options.force) return;
    try {
      await op(b);
      options.done?.();
    } catch (e) {
      await onWriteError(e);
    }
  });
  return queue;
}

const hasFiles = () => Object.keys(files).length > 0;
const markSaved = () => {
  if (!paused) usePersistence.setState({ status: 'saved' });
};

/** Writes every file and the view (after a clearing or a failure, everything is written again). */
function writeAll(): Promise<void> {
  const puts: Record<string, unknown> = { [VIEW_KEY]: viewRecord() };
  for (const [kind, f] of Object.entries(files) as [SourceKind, SavedFile][]) puts[fileKey(kind)] = fileRecord(f);
  const deletes = SOURCE_KINDS.filter((k) => !files[k]).map(fileKey);
  paused = false;
  return enqueue((b) => b.update(puts, deletes), { force: true, done: markSaved });
}

function onLoaded(source: LoadedSource): void {
  const { kind } = source;
  if (source.demo) {
    // The demo is always there to load again: it is never stored. Under a restore it is the
    // territory the saved establishments go on, not a replacement for them.
    if (restoring) return;
    if (files[kind]) {
      delete files[kind];
      void enqueue((b) => b.update({}, [fileKey(kind)]));
    }
    return;
  }
  const previous = files[kind];
  files[kind] = source.mapping ? { file: source.file, mapping: source.mapping } : { file: source.file };
  // The restore loads the stored files again: nothing new to write.
  if (restoring && previous?.file === source.file) return;
  if (paused) {
    resumeAfterClear = false;
    void writeAll();
    return;
  }
  const record = fileRecord(files[kind]);
  void enqueue((b) => b.update({ [fileKey(kind)]: record, [VIEW_KEY]: viewRecord() }), { done: markSaved });
}

/**
 * Set by « Effacer les données enregistrées »: the next change of the view stores the whole
 * session again. Without it, a user who went on working after erasing would find the demo
 * on the next reload, silently.
 */
let resumeAfterClear = false;

function onStoreChange(s: AppState, prev: AppState): void {
  // A source the app dropped (the demo's companions when the user's quartiers arrive) is
  // dropped from the saved session too.
  for (const kind of SOURCE_KINDS) {
    if (s[STORE_KEY[kind]] === null && prev[STORE_KEY[kind]] !== null && files[kind]) {
      delete files[kind];
      void enqueue((b) => b.update({}, [fileKey(kind)]));
    }
  }
  if (resumeAfterClear && !restoring && hasFiles() && viewKeyOf(s) !== lastView) {
    resumeAfterClear = false;
    void writeAll();
    return;
  }
  if (restoring || paused || !hasFiles() || viewKeyOf(s) === lastView) return;
  if (viewTimer !== null) clearTimeout(viewTimer);
  // A pan writes the view once it settles; a crash loses at most this delay.
  viewTimer = setTimeout(() => {
    viewTimer = null;
    if (!paused && hasFiles() && viewKeyOf(useStore.getState()) !== lastView) void enqueue((b) => b.update({ [VIEW_KEY]: viewRecord() }));
  }, 300);
}

/**
 * Starts saving: every file the user loads (not the demo's), the mapping confirmed for the
 * establishments, and the view. Returns the function that stops (tests).
 */
export function startSessionPersistence(b: SessionBackend = getDefaultBackend()): () => void {
  backend = b;
  files = {};
  paused = false;
  resumeAfterClear = false;
  restoring = false;
  lastView = viewKeyOf(useStore.getState());
  stopListening = [onSourceLoaded(onLoaded), useStore.subscribe(onStoreChange)];
  return () => {
    for (const stop of stopListening) stop();
    stopListening = [];
    if (viewTimer !== null) clearTimeout(viewTimer);
    viewTimer = null;
    backend = null;
    files = {};
    usePersistence.setState({ status: 'none' });
  };
}

/** Resolves once every write queued so far has landed (or failed and been reported). */
export function flushSession(): Promise<void> {
  return queue;
}

/**
 * Loads a saved session through the normal actions, in place of the demo: quartiers (or the
 * demo territory, when only establishments were the user's), communes, reference table,
 * establishments with their confirmed mapping. Returns false, with a French message, when a
 * file could not be read again.
 */
export async function restoreSession(session: SavedSession, options: { loadDemo?: () => Promise<boolean> } = {}): Promise<boolean> {
  restoring = true;
  files = { ...session.files };
  usePersistence.setState({ status: 'restoring' });
  const failed: string[] = [];
  try {
    const f = session.files;
    if (!f.quartiers) await (options.loadDemo ?? loadDemoData)();
    for (const kind of SOURCE_KINDS) {
      const saved = f[kind];
      if (!saved) continue;
      const ok =
        kind === 'quartiers' ? await loadQuartiersFile(saved.file)
        : kind === 'communes' ? await loadCommunesFile(saved.file)
        : kind === 'reference' ? await loadReferenceFile(saved.file)
        : await loadEstablishmentsFile(saved.file, saved.mapping);
      if (!ok) failed.push(saved.file.name);
      if (!ok && kind === 'quartiers') break;
    }
  } finally {
    restoring = false;
  }
  if (failed.length > 0) {
    const cause = useStore.getState().error;
    const message = `La session enregistrée n’a pas pu être entièrement restaurée (${failed.map((n) => `« ${n} »`).join(', ')}${cause ? ` : ${cause}` : ''}). Rechargez ces fichiers dans l’onglet Import.`;
    if (useStore.getState().quartiers.length === 0) {
      // Without its quartiers the session shows nothing: the demo opens, the message stays,
      // and nothing is stored again until the user loads a file.
      await eraseStored();
      await (options.loadDemo ?? loadDemoData)();
      useStore.setState({ error: message });
      return false;
    }
    useStore.setState({ error: message });
  }
  // What the page now shows is what is stored, view included.
  lastView = viewKeyOf(useStore.getState());
  usePersistence.setState({ status: 'restored' });
  return failed.length === 0;
}

/** Removes the stored files and view, and stops saving (queued writes are dropped). */
async function eraseStored(): Promise<void> {
  paused = true;
  resumeAfterClear = false;
  if (viewTimer !== null) clearTimeout(viewTimer);
  viewTimer = null;
  await enqueue((b) => b.clear(), { force: true, done: () => usePersistence.setState({ status: 'cleared' }) });
}

/**
 * « Effacer les données enregistrées »: removes the stored files and view. The page keeps
 * what it shows, and the session is saved again from the user's next change (a new file, or
 * a change of the view), so a later reload reopens what the user was working on.
 */
export async function clearSavedSession(): Promise<void> {
  await eraseStored();
  lastView = viewKeyOf(useStore.getState());
  resumeAfterClear = true;
}
