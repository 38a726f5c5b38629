/**
 * The project file (`.essq.json`): the settings, column mappings and a fingerprint of each
 * source (name, size, date, SHA-256) — never the data — so that another person, with the same
 * files, reproduces the same map, and is told which file differs otherwise.
 */
import { EssqError } from '../errors.ts';

export const PROJECT_FORMAT = 'ess-quartiers-projet';
export const PROJECT_VERSION = 1;

export type SourceKind = 'quartiers' | 'etablissements' | 'reference' | 'communes';

export const SOURCE_LABELS: Record<SourceKind, string> = {
  quartiers: 'contours des quartiers',
  etablissements: 'établissements',
  reference: 'données de référence',
  communes: 'contours des communes',
};

/** "le fichier de contours…", "le fichier d’établissements…": French elision before a vowel. */
const ofSource = (kind: SourceKind) => (/^[aeéiou]/i.test(SOURCE_LABELS[kind]) ? `d’${SOURCE_LABELS[kind]}` : `de ${SOURCE_LABELS[kind]}`);

export interface SourceFingerprint {
  name: string;
  size: number;
  /** ISO date of the file's last modification. */
  lastModified: string;
  sha256: string;
}

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  savedAt: string;
  /** View settings as the app keeps them (indicator, classification, filters, selection…). */
  view: Record<string, unknown>;
  /** Column mapping of the establishments file: field → column name. */
  mapping: Record<string, string>;
  sources: Partial<Record<SourceKind, SourceFingerprint>>;
}

/** SHA-256 of bytes, in hexadecimal (Web Crypto: browser and Node). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function serializeProject(p: Omit<ProjectFile, 'format' | 'version'>): string {
  return JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_VERSION, ...p }, null, 2) + '\n';
}

/** Reads a project file, with a French error saying what is wrong. */
export function parseProject(text: string): ProjectFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EssqError('invalid_json', `Le fichier de projet n’est pas un JSON valide (${(e as Error).message}). Attendu : un fichier .essq.json enregistré par ESS Quartiers.`);
  }
  const p = json as Partial<ProjectFile> | null;
  if (!p || typeof p !== 'object' || p.format !== PROJECT_FORMAT) {
    throw new EssqError('not_project', `Ce fichier n’est pas un projet ESS Quartiers (champ « format » : ${JSON.stringify(p?.format ?? null)}, attendu « ${PROJECT_FORMAT} »).`);
  }
  if (typeof p.version !== 'number' || p.version > PROJECT_VERSION) {
    throw new EssqError('project_version', `Projet enregistré par une version plus récente d’ESS Quartiers (version ${p.version}, cette application lit jusqu’à la version ${PROJECT_VERSION}).`);
  }
  return {
    format: PROJECT_FORMAT,
    version: p.version,
    savedAt: String(p.savedAt ?? ''),
    view: (p.view && typeof p.view === 'object' ? p.view : {}) as Record<string, unknown>,
    mapping: (p.mapping && typeof p.mapping === 'object' ? p.mapping : {}) as Record<string, string>,
    sources: (p.sources && typeof p.sources === 'object' ? p.sources : {}) as ProjectFile['sources'],
  };
}

/**
 * French sentences naming each source that differs between a project and the files loaded
 * now (by SHA-256; name and size only help to say what changed). Empty when all match.
 */
export function sourceDifferences(
  saved: ProjectFile['sources'],
  current: Partial<Record<SourceKind, SourceFingerprint>>,
): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(SOURCE_LABELS) as SourceKind[]) {
    const a = saved[kind];
    const b = current[kind];
    if (!a && !b) continue;
    const label = ofSource(kind);
    if (a && !b) out.push(`Le projet utilisait un fichier ${label} (« ${a.name} ») qui n’est pas chargé.`);
    else if (!a && b) out.push(`Un fichier ${label} (« ${b.name} ») est chargé alors que le projet n’en utilisait pas.`);
    else if (a && b && a.sha256 !== b.sha256) {
      const how = a.size !== b.size ? `${a.size} octets attendus, ${b.size} trouvés` : 'même taille, contenu différent';
      out.push(`Le fichier ${label} diffère de celui du projet : « ${b.name} » au lieu de « ${a.name} » (${how}).`);
    }
  }
  return out;
}
