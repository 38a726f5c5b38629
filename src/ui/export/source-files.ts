/**
 * Fingerprints of the loaded sources (name, size, date, SHA-256) for the project file. The
 * store keeps each source's name, size and date but not its bytes, so the files the user
 * picks or drops are remembered here as they arrive, and hashed when a project is saved or
 * opened. The demo files are fetched again from the app's own folder to be hashed.
 */
import type { SourceFingerprint, SourceKind } from '../../core/export/project-file.ts';
import { sha256Hex } from '../../core/export/project-file.ts';
import { sha256OfBlob } from '../../core/export/sha256-stream.ts';
import { DEMO_FILES } from '../../state/demo.ts';
import type { AppState, SourceInfo } from '../../state/store.ts';

/** Above this size a file is hashed piece by piece rather than read whole into memory. */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;
/** Files kept for hashing: a session loads a handful; the oldest go first. */
const MAX_FILES = 24;

const keyOf = (f: { name: string; size: number; lastModified: number }) => `${f.name}|${f.size}|${f.lastModified}`;
const files = new Map<string, File>();
const hashes = new WeakMap<Blob, Promise<string>>();

/**
 * Remembers a file the user chose, so its fingerprint can be computed later. Called for every
 * file picked or dropped in the page; the import may also call it directly.
 */
export function rememberSourceFile(file: File): void {
  files.delete(keyOf(file));
  files.set(keyOf(file), file);
  while (files.size > MAX_FILES) files.delete(files.keys().next().value as string);
}

/**
 * Listens, in the capture phase, to every file input change and every drop in `root`, and
 * remembers the files. Returns the function that stops listening.
 */
export function trackSourceFiles(root: Document = document): () => void {
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement | null;
    if (input?.type === 'file' && input.files) for (const f of input.files) rememberSourceFile(f);
  };
  const onDrop = (e: DragEvent) => {
    for (const f of e.dataTransfer?.files ?? []) rememberSourceFile(f);
  };
  root.addEventListener('change', onChange, true);
  root.addEventListener('drop', onDrop, true);
  return () => {
    root.removeEventListener('change', onChange, true);
    root.removeEventListener('drop', onDrop, true);
  };
}

/** SHA-256 of a Blob, computed once per Blob. */
export function hashBlob(blob: Blob): Promise<string> {
  let h = hashes.get(blob);
  if (!h) {
    h = blob.size > WHOLE_FILE_LIMIT ? sha256OfBlob(blob) : blob.arrayBuffer().then(sha256Hex);
    hashes.set(blob, h);
  }
  return h;
}

const DEMO_BY_KIND: Record<SourceKind, string> = DEMO_FILES;

async function demoBlob(kind: SourceKind, info: SourceInfo): Promise<Blob | null> {
  const path = DEMO_BY_KIND[kind];
  if (!path || path.split('/').pop() !== info.name) return null;
  const response = await fetch(new URL(path, document.baseURI).href);
  return response.ok ? response.blob() : null;
}

/** The file behind a source, if this page still has it (or can fetch it, for the demo). */
async function blobOf(kind: SourceKind, info: SourceInfo, demo: boolean): Promise<Blob | null> {
  const file = files.get(keyOf(info));
  if (file) return file;
  return demo ? demoBlob(kind, info).catch(() => null) : null;
}

const SOURCE_FIELDS: Record<SourceKind, keyof AppState> = {
  quartiers: 'quartiersSource',
  etablissements: 'establishmentsSource',
  reference: 'referenceSource',
  communes: 'communesSource',
};

/**
 * Fingerprints of the sources loaded now. A source whose bytes this page no longer has gets
 * an empty `sha256`: the project then compares it by name and size only, and says so.
 */
export async function currentFingerprints(s: AppState): Promise<Partial<Record<SourceKind, SourceFingerprint>>> {
  const out: Partial<Record<SourceKind, SourceFingerprint>> = {};
  for (const kind of Object.keys(SOURCE_FIELDS) as SourceKind[]) {
    const info = s[SOURCE_FIELDS[kind]] as SourceInfo | null;
    if (!info) continue;
    const blob = await blobOf(kind, info, s.demo);
    out[kind] = {
      name: info.name,
      size: info.size,
      lastModified: new Date(info.lastModified).toISOString(),
      sha256: blob ? await hashBlob(blob) : '',
    };
  }
  return out;
}
