/**
 * Field names of QPV boundary files: the 2015 shapefile, 2024 and OpenDataSoft namings are
 * normalised to a quartier's code, name, communes and population.
 */


// Field candidates in priority order, compared after normaliseKey (case, accents and
// separators ignored, so CODE_QP, code_qp and "Code QP" are the same field).
export const CODE_FIELDS = ['code_qp', 'code_quartier', 'codeqp', 'qp', 'code'];
export const NAME_FIELDS = ['lib_qp', 'nom_qp', 'libelle_qp', 'nom_quartier', 'libelle', 'nom', 'name'];
export const COMMUNE_CODE_FIELDS = ['insee_com', 'code_commune', 'code_insee', 'commune_qp', 'depcom'];
export const COMMUNE_NAME_FIELDS = ['lib_com', 'nom_commune', 'nom_com', 'commune_qp'];
export const POPULATION_FIELDS = ['pop_mun', 'population', 'pop'];

/** Commune INSEE code, Corsica (2A/2B) included. */
export const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/i;
/** Features cited by number in a message before "et N autres". */
export const MAX_CITED = 5;
/** Above this size the error position of a JSON syntax error is not searched for. */
export const MAX_POSITION_SEARCH = 20_000_000;

export function normaliseKey(key: string): string {
  return key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Original property keys indexed by normalised key; the first spelling met wins. */
export function keyIndex(props: Record<string, unknown>): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of Object.keys(props)) {
    const k = normaliseKey(key);
    if (!index.has(k)) index.set(k, key);
  }
  return index;
}

export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Splits "31555, 31069" or an array into trimmed, distinct, non-empty items. */
export function listOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(scalarText) : scalarText(value).split(/\s*[,;|]\s*/);
  return [...new Set(raw.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** A commune code stored as a number loses its leading zero (1004 for 01004): put it back. */
export function communeCode(item: string): string {
  return /^\d{4}$/.test(item) ? `0${item}` : item.toUpperCase();
}

export function parsePopulation(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  // French exports write "12 345" or "12345,0".
  const s = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : null;
}

export interface Identity {
  code: string;
  name: string;
  communes: string[];
  communeNames: string[];
  population: number | null;
}

export function readIdentity(props: Record<string, unknown>): Identity {
  const index = keyIndex(props);
  const field = (candidate: string): unknown => {
    const key = index.get(normaliseKey(candidate));
    return key === undefined ? undefined : props[key];
  };
  const first = (candidates: string[]): string => {
    for (const c of candidates) {
      const v = scalarText(field(c));
      if (v !== '') return v;
    }
    return '';
  };
  let communes: string[] = [];
  for (const c of COMMUNE_CODE_FIELDS) {
    const items = listOf(field(c)).map(communeCode);
    // commune_qp holds codes in some files and names in others: only all-code lists count here.
    if (items.length > 0 && items.every((s) => INSEE_CODE.test(s))) {
      communes = items;
      break;
    }
  }
  let communeNames: string[] = [];
  for (const c of COMMUNE_NAME_FIELDS) {
    const items = listOf(field(c));
    if (items.length > 0 && !items.every((s) => INSEE_CODE.test(communeCode(s)))) {
      communeNames = items;
      break;
    }
  }
  let population: number | null = null;
  for (const c of POPULATION_FIELDS) {
    population = parsePopulation(field(c));
    if (population !== null) break;
  }
  return { code: first(CODE_FIELDS), name: first(NAME_FIELDS), communes, communeNames, population };
}

/** 0-based offset of the faulty character, from the engine's message or by bisection. */

/**
 * The communes of a quartier as a reader wants them: every name when the file gives names,
 * else the INSEE codes. Names and codes are not paired by position: a file may name more
 * communes than it codes (2015 files: « Séméac, Tarbes » beside the code of Tarbes alone).
 */
export function communeNamesText(codes: readonly string[], names: readonly string[]): string {
  return (names.length > 0 ? names : codes).join(', ');
}

/**
 * Name of commune `code` of a quartier, when the file pairs them one to one (as many names as
 * codes); null otherwise, so no code is given another commune's name.
 */
export function communeNameOf(code: string, codes: readonly string[], names: readonly string[]): string | null {
  const i = codes.indexOf(code);
  return i >= 0 && codes.length === names.length && names[i] ? names[i] : null;
}
