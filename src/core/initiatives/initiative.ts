/**
 * Initiatives: what the local ESS actors know and SIRENE misses (informal or emerging
 * initiatives, projects, places, tiers-lieux, vacant premises), added by the users of a shared
 * diagnostic. Each initiative has a stable id and the history of its changes (who, which
 * organisation, when), so two organisations exchanging files can tell an update from a
 * conflict (merge.ts). A deletion is a change too: the initiative stays as a tombstone
 * (`deleted: true`) so that the deletion travels with the file.
 */
import { FAMILIES, type Family } from '../types.ts';

export const INITIATIVE_TYPES = ['initiative_informelle', 'projet', 'lieu', 'tiers_lieu', 'local_vacant', 'autre'] as const;
export type InitiativeType = (typeof INITIATIVE_TYPES)[number];

export const INITIATIVE_TYPE_LABELS: Readonly<Record<InitiativeType, string>> = {
  initiative_informelle: 'Initiative informelle',
  projet: 'Projet',
  lieu: 'Lieu',
  tiers_lieu: 'Tiers-lieu',
  local_vacant: 'Local vacant',
  autre: 'Autre',
};

/** One change: its revision id, when, by whom; a merge names the two revisions it joined. */
export interface Change {
  rev: string;
  at: string;
  author: string;
  organisation: string;
  merged?: [string, string];
}

/** What a user edits. */
export interface InitiativeContent {
  name: string;
  type: InitiativeType;
  family: Family | null;
  /** A resident need id (analysis/resident-needs.ts) or a sector key, free for the user's lists. */
  need: string | null;
  /** ISO date (yyyy-mm-dd) the initiative started or was seen, if known. */
  date: string | null;
  note: string;
  lon: number;
  lat: number;
  deleted: boolean;
}

export interface Initiative extends InitiativeContent {
  id: string;
  /** Oldest first; the last change is the current revision. Never empty. */
  history: Change[];
}

export interface Editor {
  author: string;
  organisation: string;
  /** New ids and revisions (crypto.randomUUID in the app). */
  newId(): string;
  now(): Date;
}

const CONTENT_KEYS = ['name', 'type', 'family', 'need', 'date', 'note', 'lon', 'lat', 'deleted'] as const;

/** True when two initiatives say the same thing (their histories aside). */
export function sameContent(a: InitiativeContent, b: InitiativeContent): boolean {
  return CONTENT_KEYS.every((k) => a[k] === b[k]);
}

export const currentRevision = (i: Initiative) => i.history[i.history.length - 1].rev;

function change(editor: Editor): Change {
  return { rev: editor.newId(), at: editor.now().toISOString(), author: editor.author, organisation: editor.organisation };
}

/** A new initiative with its first change. */
export function createInitiative(content: Omit<InitiativeContent, 'deleted'>, editor: Editor): Initiative {
  return { ...validContent({ ...content, deleted: false }), id: editor.newId(), history: [change(editor)] };
}

/** The initiative with `patch` applied, as a new change (unchanged when the patch changes nothing). */
export function editInitiative(i: Initiative, patch: Partial<InitiativeContent>, editor: Editor): Initiative {
  const next = validContent({ ...i, ...patch });
  if (sameContent(next, i)) return i;
  return { ...next, id: i.id, history: [...i.history, change(editor)] };
}

/** The deletion as a change: a tombstone that travels with the exchanged files. */
export function deleteInitiative(i: Initiative, editor: Editor): Initiative {
  return editInitiative(i, { deleted: true }, editor);
}

/**
 * Revision id of the merge of revision `chosen` over `other`: derived from the two (FNV-1a),
 * not drawn, so that two organisations resolving the same conflict the same way (or finding
 * the same content on both sides, `symmetric`) write the same revision and agree at the next
 * exchange instead of conflicting again over two merge ids.
 */
export function mergeRevision(chosen: string, other: string, symmetric: boolean): string {
  const text = symmetric && other < chosen ? `${other}+${chosen}` : `${chosen}${symmetric ? '+' : '>'}${other}`;
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return `m-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/**
 * A merge change joining two revisions, with the content of `chosen`. `symmetric`: both said
 * the same thing (no choice was made), so the merge does not depend on which side is ours.
 */
export function mergedInitiative(chosen: Initiative, other: Initiative, editor: Editor, symmetric = false): Initiative {
  const seen = new Set<string>();
  const history = [...chosen.history, ...other.history]
    .filter((c) => (seen.has(c.rev) ? false : (seen.add(c.rev), true)))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.rev < b.rev ? -1 : 1));
  const a = currentRevision(chosen), b = currentRevision(other);
  const latest = history[history.length - 1];
  const merge: Change = symmetric
    // Same content: the later of the two changes stands for the merge, on both sides alike.
    ? { rev: mergeRevision(a, b, true), at: latest.at, author: latest.author, organisation: latest.organisation, merged: a < b ? [a, b] : [b, a] }
    : { rev: mergeRevision(a, b, false), at: editor.now().toISOString(), author: editor.author, organisation: editor.organisation, merged: [a, b] };
  return { ...chosen, history: [...history, merge] };
}

/** What is wrong with content, by field: the reasons a file's rows are counted under. */
export class InitiativeError extends Error {
  constructor(readonly field: 'name' | 'type' | 'family' | 'position' | 'date', message: string) {
    super(message);
  }
}

/** Checks and normalises what a user or a file gives; throws an InitiativeError (French message) on bad content. */
export function validContent(c: InitiativeContent): InitiativeContent {
  const name = String(c.name ?? '').trim();
  if (name === '') throw new InitiativeError('name', 'Initiative : un nom est attendu.');
  if (!INITIATIVE_TYPES.includes(c.type)) throw new InitiativeError('type', `Initiative « ${name} » : type attendu parmi ${INITIATIVE_TYPES.join(', ')}, reçu « ${String(c.type)} ».`);
  if (c.family !== null && !FAMILIES.includes(c.family)) throw new InitiativeError('family', `Initiative « ${name} » : famille de l’ESS inconnue « ${String(c.family)} ».`);
  if (!(Number.isFinite(c.lon) && Number.isFinite(c.lat) && Math.abs(c.lon) <= 180 && Math.abs(c.lat) <= 90)) {
    throw new InitiativeError('position', `Initiative « ${name} » : longitude et latitude en degrés WGS84 attendues, reçu ${c.lon}, ${c.lat}.`);
  }
  if (c.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(c.date)) throw new InitiativeError('date', `Initiative « ${name} » : date attendue au format aaaa-mm-jj, reçu « ${c.date} ».`);
  return { name, type: c.type, family: c.family, need: c.need || null, date: c.date, note: String(c.note ?? ''), lon: c.lon, lat: c.lat, deleted: c.deleted === true };
}
