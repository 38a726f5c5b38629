/**
 * What a shapefile's side files say and what its bytes show: the encoding of the .dbf table
 * (the .cpg when there is one, checked against the bytes), the CRS named by the .prj, and the
 * shape type in the .shp header. Kept apart from the zip reading so each rule is tested alone.
 */
import { LAMBERT93, normalizeCrsName } from '../geo/crs';

/** A TextDecoder label for a .dbf ('utf-8', 'windows-1252', 'windows-1250', 'iso-8859-15'…). */
export type DbfEncoding = string;

/**
 * Code pages as .cpg files write them (ArcGIS `ANSI 1250`, QGIS `UTF-8`, `CP1251`, `65001`,
 * `8859_15`), to the WHATWG label TextDecoder knows.
 */
const CPG_LABELS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(utf-?8|65001)(\s*(bom|sans bom))?$/i, () => 'utf-8'],
  // ISO-8859-1 is read as Windows-1252, its superset: ANCT tables written by ArcGIS mix the two.
  [/^(iso[-_ ]?8859[-_ ]?1|8859[-_ ]?1|88591|latin-?1)$/i, () => 'windows-1252'],
  [/^(?:ansi|cp|windows|win|ms)?[-_ ]?(125[0-8])$/i, (m) => `windows-${m[1]}`],
  [/^(?:iso[-_ ]?)?8859[-_ ]?(\d{1,2})$/i, (m) => `iso-8859-${m[1]}`],
  [/^latin-?9$/i, () => 'iso-8859-15'],
  [/^(?:cp|ibm|oem)[-_ ]?866$/i, () => 'ibm866'],
];

/** The TextDecoder label for what a .cpg says, or null when no decoder knows it. */
export function cpgLabel(cpg: string): string | null {
  const declared = cpg.trim();
  for (const [re, label] of CPG_LABELS) {
    const m = re.exec(declared);
    if (m && decoderKnows(label(m))) return label(m);
  }
  // Any other name TextDecoder itself knows (koi8-r, gbk, shift_jis…) is taken as written.
  return /^[\w.:-]{2,40}$/.test(declared) && decoderKnows(declared) ? new TextDecoder(declared).encoding : null;
}

function decoderKnows(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Encoding of a .dbf's values. A .cpg is trusted when the bytes agree with it; without one,
 * or with a .cpg that names UTF-8 over bytes that are not, the table is read as
 * Windows-1252 — what ArcGIS and older QGIS write for French names — unless its values are
 * valid UTF-8 (a plain-ASCII table is both, and reads the same either way). Only the records
 * are checked: the header holds binary lengths and counts.
 *
 * @example dbfEncoding(dbf, undefined) // → 'windows-1252' for « Cépière » written as 0xE9
 */
export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined, label = ''): { encoding: DbfEncoding; warning: string | null } {
  const headerBytes = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  const utf8 = isUtf8(dbf.subarray(Math.min(headerBytes, dbf.length)));
  const declared = cpg?.trim() ?? '';
  if (declared === '') return { encoding: utf8 ? 'utf-8' : 'windows-1252', warning: null };
  const known = cpgLabel(declared);
  if (known === 'utf-8' && !utf8) {
    return { encoding: 'windows-1252', warning: `Le fichier .cpg${label} annonce UTF-8, mais la table n’est pas en UTF-8 : elle a été lue en Windows-1252.` };
  }
  if (known) return { encoding: known, warning: null };
  return {
    encoding: utf8 ? 'utf-8' : 'windows-1252',
    warning: `Encodage « ${declared.slice(0, 40)} » du fichier .cpg${label} non reconnu : la table a été lue en ${utf8 ? 'UTF-8' : 'Windows-1252'}.`,
  };
}

/** ESRI names of the CRSs met in QPV shapefiles (ArcGIS writes no AUTHORITY). */
const ESRI_NAMES: readonly [RegExp, string][] = [
  [/lambert[\s_-]*93/i, LAMBERT93],
  [/^(GCS_)?WGS[\s_-]*(19)?84$/i, 'EPSG:4326'],
  [/^(GCS_)?RGF[\s_-]*(19)?93$/i, 'EPSG:4171'],
  [/RGAF[\s_-]*(20)?09.*UTM.*20\s*N/i, 'EPSG:5490'],
  [/RGFG[\s_-]*(19)?95.*UTM.*22\s*N/i, 'EPSG:2972'],
  [/RGR[\s_-]*(19)?92.*UTM.*40\s*S/i, 'EPSG:2975'],
  [/RGM[\s_-]*(20)?04.*UTM.*38\s*S/i, 'EPSG:4471'],
];

/**
 * CRS named by a .prj (WKT): the EPSG code of its last AUTHORITY when there is one (OGC WKT
 * puts the projected CRS's own code last), else the code of a name this app knows
 * (`RGF_1993_Lambert_93`, `RGAF09_UTM_Zone_20N`), else the PROJCS/GEOGCS name as written, so the user still sees it.
 */
export function crsFromPrj(wkt: string): string | null {
  const authorities = [...wkt.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d{4,6})"?\s*\]/gi)];
  if (authorities.length > 0) return `EPSG:${Number(authorities[authorities.length - 1][1])}`;
  const name = /^\s*(?:PROJCS|PROJCRS|GEOGCS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? null;
  if (name === null) return null;
  return ESRI_NAMES.find(([re]) => re.test(name))?.[1] ?? normalizeCrsName(name) ?? name;
}

/** Shape types of the .shp header, by their base code (Z and M variants add 10 and 20). */
const SHAPE_TYPES: Record<number, string> = { 0: 'vide', 1: 'points', 3: 'lignes', 5: 'polygones', 8: 'multipoints', 31: 'multipatch' };

/** Shape type code of a .shp (byte 32, little-endian), null when the header is too short. */
export function shapeType(shp: Uint8Array): number | null {
  if (shp.length < 100) return null;
  return new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(32, true);
}

/** True for polygon shapefiles, plain, Z or M. */
export const isPolygonType = (type: number | null): boolean => type === 5 || type === 15 || type === 25;

/** French name of a shape type, for messages (« points », « lignes »…). */
export function shapeTypeLabel(type: number | null): string {
  if (type === null) return 'en-tête illisible';
  const base = type === 31 ? 31 : type % 10;
  return SHAPE_TYPES[base] ?? `type ${type}`;
}
