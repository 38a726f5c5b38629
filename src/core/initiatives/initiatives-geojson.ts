/**
 * The exchange file of initiatives: a GeoJSON FeatureCollection of points, one feature per
 * initiative (tombstones included, so deletions travel), properties in French with the
 * revision history, readable by QGIS or any GIS. Reading also takes a foreign point GeoJSON
 * (no id, no history): each feature becomes a new initiative recorded as imported by the
 * user. Every feature that cannot be read is counted with its reason; the others are kept.
 */
import { FAMILIES, type Family } from '../types.ts';
import { INITIATIVE_TYPES, InitiativeError, validContent, type Change, type Editor, type Initiative, type InitiativeType } from './initiative.ts';

export const INITIATIVES_FORMAT = 'ess-quartiers/initiatives@1';

export interface InitiativesFile {
  initiatives: Initiative[];
  /** Features read, and those left out by reason (French keys, as shown). */
  read: number;
  rejectedBy: Record<string, number>;
}

/** The exchange GeoJSON of `initiatives` (with a `meta` member: format, date, organisation). */
export function initiativesToGeoJson(initiatives: readonly Initiative[], meta: { organisation: string; exportedAt: Date }): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    meta: { format: INITIATIVES_FORMAT, organisation: meta.organisation, exportedAt: meta.exportedAt.toISOString() },
    features: initiatives.map((i) => ({
      type: 'Feature',
      id: i.id,
      geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
      properties: {
        id: i.id, nom: i.name, type: i.type, famille: i.family, besoin: i.need, date: i.date, note: i.note,
        supprime: i.deleted, historique: i.history,
      },
    })),
  }, null, 1);
}

/** Why a feature is left out, by the field at fault. */
const REASONS: Record<InitiativeError['field'], string> = {
  name: 'nom absent', type: 'type inconnu', family: 'famille inconnue', position: 'coordonnées illisibles', date: 'date illisible',
};

const pick = (p: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (p[k] !== undefined && p[k] !== null && p[k] !== '') return p[k];
  return null;
};

function readHistory(raw: unknown): Change[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const ok = raw.every((c) => c && typeof c === 'object' && typeof c.rev === 'string' && typeof c.at === 'string');
  return ok ? raw.map((c) => ({ ...c, author: String(c.author ?? ''), organisation: String(c.organisation ?? '') })) : null;
}

function readType(raw: unknown): InitiativeType {
  const t = String(raw ?? '').trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s-]+/g, '_');
  return (INITIATIVE_TYPES as readonly string[]).includes(t) ? (t as InitiativeType) : 'autre';
}

function readFamily(raw: unknown): Family | null {
  const f = String(raw ?? '').trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const byLabel: Record<string, Family> = { association: 'association', cooperative: 'cooperative', mutuelle: 'mutuelle', fondation: 'fondation' };
  if ((FAMILIES as readonly string[]).includes(f)) return f as Family;
  return byLabel[f] ?? null;
}

/**
 * Reads an initiatives GeoJSON (ours or foreign). Throws a French message only when the text
 * is not a GeoJSON FeatureCollection at all.
 */
export function initiativesFromGeoJson(text: string, editor: Editor): InitiativesFile {
  let root: { type?: unknown; features?: unknown };
  try {
    root = JSON.parse(text);
  } catch {
    throw new Error('Fichier d’initiatives : un GeoJSON (FeatureCollection de points) était attendu, le texte n’est pas du JSON.');
  }
  if (!root || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new Error(`Fichier d’initiatives : une FeatureCollection GeoJSON était attendue, trouvé « ${String(root?.type ?? typeof root)} ».`);
  }
  const rejectedBy: Record<string, number> = {};
  const reject = (why: string) => { rejectedBy[why] = (rejectedBy[why] ?? 0) + 1; };
  const initiatives: Initiative[] = [];
  const seen = new Set<string>();
  for (const f of root.features as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }[]) {
    const g = f?.geometry;
    const coords = g?.type === 'Point' && Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : null;
    if (!coords || typeof coords[0] !== 'number' || typeof coords[1] !== 'number') { reject('géométrie autre qu’un point'); continue; }
    const p = f.properties ?? {};
    const history = readHistory(p.historique);
    const id = typeof p.id === 'string' && p.id !== '' && history ? p.id : null;
    try {
      const content = validContent({
        name: String(pick(p, 'nom', 'name', 'libelle', 'titre') ?? ''),
        type: readType(pick(p, 'type', 'categorie')),
        family: readFamily(pick(p, 'famille', 'family')),
        need: (pick(p, 'besoin', 'need', 'secteur') as string | null) ?? null,
        date: (pick(p, 'date') as string | null) ?? null,
        note: String(pick(p, 'note', 'description', 'commentaire') ?? ''),
        lon: coords[0] as number, lat: coords[1] as number,
        deleted: p.supprime === true,
      });
      if (id && seen.has(id)) { reject('identifiant en double'); continue; }
      const now = editor.now().toISOString();
      const initiative: Initiative = id
        ? { ...content, id, history: history! }
        : { ...content, id: editor.newId(), history: [{ rev: editor.newId(), at: now, author: editor.author, organisation: editor.organisation }] };
      seen.add(initiative.id);
      initiatives.push(initiative);
    } catch (e) {
      if (!(e instanceof InitiativeError)) throw e;
      reject(REASONS[e.field]);
    }
  }
  return { initiatives, read: root.features.length, rejectedBy };
}
