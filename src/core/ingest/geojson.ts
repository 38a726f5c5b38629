/**
 * Reads a QPV boundary file (GeoJSON) into normalised {@link Quartier}s in WGS84.
 *
 * Real files differ by generation and publisher (field names, CRS, one quartier split over
 * several features), and are sometimes damaged (bad numbers, degenerate rings). Everything
 * recoverable is recovered with a French warning; only what makes the whole file unusable
 * (not JSON, no polygon, quartiers without a code, ambiguous codes, unknown CRS) throws an
 * EssqError.
 */
import type { FlatRing, Quartier } from '../types';
import { EssqError } from '../errors';
import {
  SUPPORTED_CRS,
  WGS84,
  crsFromGeoJsonMember,
  crsLabel,
  detectCrsFromRange,
  isGeographicCrs,
  isSupportedCrs,
  projectFlat,
} from '../geo/crs';
import { isInFrance, looksSwapped } from '../geo/france';

export interface ParseQuartiersOptions {
  /** Shown in messages so the user knows which of their files is at fault. */
  fileName?: string;
}

export interface ParseQuartiersResult {
  quartiers: Quartier[];
  /** CRS the coordinates were read in (`EPSG:2154`…); output is always WGS84. */
  crs: string;
  /** Whether the CRS came from the file's `crs` member or from the coordinate ranges. */
  crsSource: 'member' | 'detected';
  /** French sentences about what was skipped, merged or guessed. */
  warnings: string[];
}

// Field candidates in priority order, compared after normaliseKey (case, accents and
// separators ignored, so CODE_QP, code_qp and "Code QP" are the same field).
const CODE_FIELDS = ['code_qp', 'code_quartier', 'codeqp', 'qp', 'code'];
const NAME_FIELDS = ['lib_qp', 'nom_qp', 'libelle_qp', 'nom_quartier', 'libelle', 'nom', 'name'];
const COMMUNE_CODE_FIELDS = ['insee_com', 'code_commune', 'code_insee', 'commune_qp', 'depcom'];
const COMMUNE_NAME_FIELDS = ['lib_com', 'nom_commune', 'nom_com', 'commune_qp'];
const POPULATION_FIELDS = ['pop_mun', 'population', 'pop'];

/** Commune INSEE code, Corsica (2A/2B) included. */
const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/i;
/** Features cited by number in a message before "et N autres". */
const MAX_CITED = 5;
/** Above this size the error position of a JSON syntax error is not searched for. */
const MAX_POSITION_SEARCH = 20_000_000;

function normaliseKey(key: string): string {
  return key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Original property keys indexed by normalised key; the first spelling met wins. */
function keyIndex(props: Record<string, unknown>): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of Object.keys(props)) {
    const k = normaliseKey(key);
    if (!index.has(k)) index.set(k, key);
  }
  return index;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Splits "31555, 31069" or an array into trimmed, distinct, non-empty items. */
function listOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(scalarText) : scalarText(value).split(/\s*[,;|]\s*/);
  return [...new Set(raw.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** A commune code stored as a number loses its leading zero (1004 for 01004): put it back. */
function communeCode(item: string): string {
  return /^\d{4}$/.test(item) ? `0${item}` : item.toUpperCase();
}

function parsePopulation(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  // French exports write "12 345" or "12345,0".
  const s = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : null;
}

interface Identity {
  code: string;
  name: string;
  communes: string[];
  communeNames: string[];
  population: number | null;
}

function readIdentity(props: Record<string, unknown>): Identity {
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
function syntaxErrorOffset(text: string, message: string): number | null {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n', Number(lineCol[1]) - 1);
    return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  if (text.length > MAX_POSITION_SEARCH) return null;
  // Some engines (V8 for "Unexpected token") give no position. A prefix that stops before the
  // faulty character fails only for lack of input, so the shortest prefix failing for another
  // reason ends right after it.
  const failsBeforeEnd = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      const at = /position (\d+)/.exec(m);
      return !/end of (?:JSON )?(?:input|data)|EOF/i.test(m) && !(at && Number(at[1]) >= length);
    }
  };
  let lo = 1;
  let hi = text.length;
  if (!failsBeforeEnd(hi)) return null;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (failsBeforeEnd(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function parseJson(text: string, label: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new EssqError(
      'invalid_json',
      `Le fichier des quartiers${label} est vide. Attendu : un GeoJSON FeatureCollection.`,
    );
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    let where = 'position inconnue';
    const offset = syntaxErrorOffset(body, raw);
    if (offset !== null && offset >= body.length) {
      where = 'fin du fichier atteinte trop tôt : le fichier semble tronqué';
    } else if (offset !== null) {
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      const excerpt = body.slice(Math.max(0, offset - 25), offset + 10).replace(/\s+/g, ' ').trim();
      where =
        `caractère « ${body[offset]} » inattendu à la position ${offset}, ligne ${line}, ` +
        `colonne ${column}, dans « ${excerpt} »`;
    }
    let hint = 'Vérifiez que le fichier est complet et qu’il s’agit bien d’un export GeoJSON.';
    if (body.startsWith('PK')) {
      hint = 'Le fichier ressemble à une archive ZIP : décompressez-la et chargez le fichier .geojson qu’elle contient.';
    } else if (body.trimStart().startsWith('<')) {
      hint = 'Le fichier ressemble à du XML (KML ou GML) : exportez-le en GeoJSON, par exemple avec QGIS.';
    }
    throw new EssqError(
      'invalid_json',
      `Le fichier des quartiers${label} n’est pas un JSON valide (${where}). ` +
        `Attendu : un GeoJSON FeatureCollection. ${hint}`,
      { offset, engineMessage: raw },
    );
  }
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const EXPECTED_COLLECTION =
  'Attendu : un GeoJSON FeatureCollection de quartiers, chaque entité portant un code (code_qp) ' +
  'et un contour Polygon ou MultiPolygon.';

function featuresOf(root: unknown, label: string): unknown[] {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    const found = Array.isArray(root)
      ? 'un tableau JSON'
      : `une valeur JSON isolée (${JSON.stringify(root)?.slice(0, 40)})`;
    throw new EssqError('not_geojson', `Le fichier des quartiers${label} contient ${found}. ${EXPECTED_COLLECTION}`);
  }
  const type = (root as { type?: unknown }).type;
  if (type === 'FeatureCollection') {
    const features = (root as { features?: unknown }).features;
    if (Array.isArray(features)) return features;
    throw new EssqError('not_geojson', `Le FeatureCollection${label} n’a pas de liste « features ». ${EXPECTED_COLLECTION}`);
  }
  if (type === 'Feature') return [root];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    throw new EssqError(
      'not_geojson',
      `Le fichier des quartiers${label} contient une géométrie seule (${type}), sans propriétés : ` +
        `impossible de savoir de quel quartier il s’agit. ${EXPECTED_COLLECTION}`,
    );
  }
  let found = `un objet sans membre « type » (clés : ${Object.keys(root).slice(0, 8).join(', ')})`;
  if (type === 'Topology') {
    found = 'un TopoJSON (convertissez-le en GeoJSON, par exemple avec mapshaper)';
  } else if (typeof type === 'string') {
    found = `un objet de type « ${type} »`;
  }
  throw new EssqError(
    'not_geojson',
    `Le fichier des quartiers${label} n’est pas du GeoJSON : trouvé ${found}. ${EXPECTED_COLLECTION}`,
  );
}

/** Counts what was skipped, to report it in a few sentences instead of one per feature. */
interface Skipped {
  notFeature: number[];
  noGeometry: number[];
  byType: Map<string, number>;
  badRings: number;
  badRingFeatures: Set<number>;
  unusable: number[];
}

/** Ring of raw positions → flat array in the file's CRS, or null when unusable. */
function readRing(ring: unknown): Float64Array | null {
  if (!Array.isArray(ring) || ring.length < 4) return null;
  const flat = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (!Array.isArray(p) || p.length < 2) return null;
    const x: unknown = p[0];
    const y: unknown = p[1];
    // JSON.parse turns 1e999 into Infinity, so finiteness is checked, not only the type.
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  }
  return flat;
}

/** Polygon rings → [outer, ...holes]; a bad hole is dropped, a bad outer ring drops the polygon. */
function readPolygon(rings: unknown, skipped: Skipped, feature: number): FlatRing[] | null {
  if (!Array.isArray(rings) || rings.length === 0) {
    skipped.badRings++;
    skipped.badRingFeatures.add(feature);
    return null;
  }
  const out: FlatRing[] = [];
  for (let r = 0; r < rings.length; r++) {
    const flat = readRing(rings[r]);
    if (flat === null) {
      skipped.badRings += r === 0 ? rings.length : 1;
      skipped.badRingFeatures.add(feature);
      if (r === 0) return null;
      continue;
    }
    out.push(flat);
  }
  return out;
}

/** Polygons of a geometry, or null when it has no polygonal part (its type is then counted). */
function readGeometry(geometry: unknown, skipped: Skipped, feature: number): FlatRing[][] | null {
  if (typeof geometry !== 'object' || geometry === null) {
    skipped.noGeometry.push(feature);
    return null;
  }
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const polygons: FlatRing[][] = [];
  const collect = (geom: typeof g, depth: number): boolean => {
    if (geom.type === 'Polygon') {
      const p = readPolygon(geom.coordinates, skipped, feature);
      if (p) polygons.push(p);
      return true;
    }
    if (geom.type === 'MultiPolygon') {
      if (Array.isArray(geom.coordinates)) {
        for (const rings of geom.coordinates) {
          const p = readPolygon(rings, skipped, feature);
          if (p) polygons.push(p);
        }
      }
      return true;
    }
    if (geom.type === 'GeometryCollection' && depth === 0 && Array.isArray(geom.geometries)) {
      let any = false;
      for (const member of geom.geometries) {
        if (typeof member === 'object' && member !== null) any = collect(member as typeof g, 1) || any;
      }
      return any;
    }
    return false;
  };
  if (!collect(g, 0)) {
    const type = typeof g.type === 'string' ? g.type : 'inconnu';
    skipped.byType.set(type, (skipped.byType.get(type) ?? 0) + 1);
    return null;
  }
  if (polygons.length === 0) {
    skipped.unusable.push(feature);
    return null;
  }
  return polygons;
}

/** "1, 2 et 3", or "1, 2, 3, 4, 5 et 7 autres" past MAX_CITED. */
function citeNumbers(numbers: readonly number[]): string {
  if (numbers.length > MAX_CITED) {
    const rest = plural(numbers.length - MAX_CITED, 'autre', 'autres');
    return `${numbers.slice(0, MAX_CITED).join(', ')} et ${rest}`;
  }
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} et ${numbers[numbers.length - 1]}`;
}

/** "QP031001, QP031002…", at most MAX_CITED codes. */
function citeCodes(codes: readonly string[]): string {
  return codes.slice(0, MAX_CITED).join(', ') + (codes.length > MAX_CITED ? '…' : '');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function skippedWarnings(skipped: Skipped): string[] {
  const w: string[] = [];
  const { notFeature, noGeometry, byType, badRings, badRingFeatures, unusable } = skipped;
  if (notFeature.length > 0) {
    const what = plural(notFeature.length, 'élément ignoré', 'éléments ignorés');
    w.push(`${what} car ce ne sont pas des entités GeoJSON (« Feature ») : n° ${citeNumbers(notFeature)}.`);
  }
  if (noGeometry.length > 0) {
    const what = plural(noGeometry.length, 'entité sans géométrie ignorée', 'entités sans géométrie ignorées');
    w.push(`${what} : n° ${citeNumbers(noGeometry)}.`);
  }
  if (byType.size > 0) {
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const what = plural(total, 'entité non polygonale ignorée', 'entités non polygonales ignorées');
    const detail = [...byType].map(([t, n]) => `${t} : ${n}`).join(', ');
    w.push(`${what} (${detail}). Seuls les contours Polygon et MultiPolygon décrivent des quartiers.`);
  }
  if (badRings > 0) {
    w.push(
      `${plural(badRings, 'anneau invalide ignoré', 'anneaux invalides ignorés')} ` +
        '(coordonnées non numériques ou infinies, ou moins de 4 positions ; un contour extérieur ' +
        `invalide emporte ses trous) dans les entités n° ${citeNumbers([...badRingFeatures])}.`,
    );
  }
  if (unusable.length > 0) {
    const what = plural(unusable.length, 'entité ignorée', 'entités ignorées');
    w.push(`${what} faute de contour utilisable : n° ${citeNumbers(unusable)}.`);
  }
  return w;
}

interface Draft extends Identity {
  polygons: FlatRing[][];
  properties: Record<string, unknown>;
  features: number[];
  populationConflict: boolean;
}

/** Names compared as a person would: case and runs of spaces do not matter. */
const sameName = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Extent of every position, in the file's CRS. */
function rawExtent(drafts: Iterable<Draft>): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const d of drafts) {
    for (const polygon of d.polygons) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i += 2) {
          const x = ring[i];
          const y = ring[i + 1];
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

const formatMetres = (v: number): string => Math.round(v).toLocaleString('fr-FR');

function resolveCrs(
  member: unknown,
  extent: [number, number, number, number],
  label: string,
  warnings: string[],
): { crs: string; crsSource: 'member' | 'detected' } {
  const declared = crsFromGeoJsonMember(member);
  const detected = detectCrsFromRange(...extent);
  const [minX, minY, maxX, maxY] = extent.map(formatMetres);
  const range = `x de ${minX} à ${maxX}, y de ${minY} à ${maxY}`;
  const advice =
    'Reprojetez le fichier en WGS 84 (EPSG:4326) ou en Lambert-93 (EPSG:2154), par exemple avec QGIS, ' +
    'puis rechargez-le.';
  if (member !== undefined && member !== null && declared === null) {
    warnings.push(
      `Le membre « crs » du fichier${label} est illisible (${JSON.stringify(member).slice(0, 80)}) : ` +
        'système de coordonnées déduit des valeurs.',
    );
  }
  if (declared !== null) {
    if (!isSupportedCrs(declared)) {
      throw new EssqError(
        'unknown_crs',
        `Le fichier des quartiers${label} déclare le système de coordonnées ${declared}, non pris en charge. ` +
          `Attendu : WGS 84, Lambert-93, une zone CC ou une projection UTM des outre-mer. ${advice}`,
        { crs: declared, supported: SUPPORTED_CRS },
      );
    }
    const degrees = detected === WGS84;
    if (isGeographicCrs(declared) === degrees) return { crs: declared, crsSource: 'member' };
    // The member contradicts the numbers (a tool rewrote the coordinates but kept the member):
    // the numbers are what will be drawn, so they win.
    if (detected !== null) {
      warnings.push(
        `Le fichier${label} déclare ${crsLabel(declared)} mais ses coordonnées (${range}) ` +
          `correspondent à ${crsLabel(detected)} : ce dernier a été retenu.`,
      );
      return { crs: detected, crsSource: 'detected' };
    }
    throw new EssqError(
      'unknown_crs',
      `Le fichier des quartiers${label} déclare ${crsLabel(declared)} mais ses coordonnées (${range}) ` +
        `ne sont pas compatibles avec ce système. ${advice}`,
      { crs: declared, extent },
    );
  }
  if (detected === null) {
    throw new EssqError(
      'unknown_crs',
      `Système de coordonnées inconnu : le fichier des quartiers${label} ne le déclare pas et ses ` +
        `coordonnées (${range}) ne correspondent ni à WGS 84, ni à Lambert-93, ni aux projections UTM ` +
        `des outre-mer. ${advice}`,
      { extent },
    );
  }
  if (!isGeographicCrs(detected)) {
    warnings.push(
      `Le fichier${label} ne déclare pas son système de coordonnées : ${crsLabel(detected)} a été déduit ` +
        'de l’étendue des coordonnées. Vérifiez l’emplacement des quartiers sur la carte.',
    );
  }
  return { crs: detected, crsSource: 'detected' };
}

/** Reprojects every ring; a ring that no longer has finite coordinates is dropped like a bad one. */
function toWgs84(drafts: Draft[], crs: string, warnings: string[]): void {
  let dropped = 0;
  for (const d of drafts) {
    const polygons: FlatRing[][] = [];
    for (const polygon of d.polygons) {
      const projected = polygon.map((ring) => projectFlat(crs, ring));
      if (!projected[0].every(Number.isFinite)) {
        dropped += projected.length;
        continue;
      }
      const kept = projected.filter((ring) => ring.every(Number.isFinite));
      dropped += projected.length - kept.length;
      polygons.push(kept);
    }
    d.polygons = polygons;
  }
  if (dropped > 0) {
    const what = plural(dropped, 'anneau non reprojetable ignoré', 'anneaux non reprojetables ignorés');
    warnings.push(`${what} (coordonnées hors du domaine de ${crsLabel(crs)}).`);
  }
}

function swapIfInverted(drafts: Draft[], warnings: string[]): void {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const d of drafts) {
    for (const polygon of d.polygons) {
      lons.push(polygon[0][0]);
      lats.push(polygon[0][1]);
    }
  }
  if (!looksSwapped(lons, lats)) return;
  for (const d of drafts) {
    d.polygons = d.polygons.map((polygon) =>
      polygon.map((ring) => {
        const out = new Float64Array(ring.length);
        for (let i = 0; i + 1 < ring.length; i += 2) {
          out[i] = ring[i + 1];
          out[i + 1] = ring[i];
        }
        return out;
      }),
    );
  }
  warnings.push(
    'Les coordonnées semblent données dans l’ordre (latitude, longitude) : elles ont été permutées ' +
      'pour placer les quartiers en France.',
  );
}

function bboxOf(polygons: FlatRing[][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    // Holes lie inside their outer ring, so the outer rings alone give the extent.
    const ring = polygon[0];
    for (let i = 0; i + 1 < ring.length; i += 2) {
      if (ring[i] < minX) minX = ring[i];
      if (ring[i] > maxX) maxX = ring[i];
      if (ring[i + 1] < minY) minY = ring[i + 1];
      if (ring[i + 1] > maxY) maxY = ring[i + 1];
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Parses a QPV boundary GeoJSON (FeatureCollection, or a single Feature) into quartiers with
 * flat WGS84 rings, whatever the generation's field names (`code_qp`/`CODE_QP`/`code_quartier`,
 * `lib_qp`/`nom_qp`, `insee_com`/`code_commune`/`COMMUNE_QP`, `lib_com`/`nom_commune`, `pop_mun`)
 * and whatever the CRS (declared in the `crs` member, else detected from the coordinate ranges).
 * Features sharing a code are merged into one multipolygon quartier when their names are equal
 * (a quartier split over several features; it keeps the first feature's properties); otherwise
 * the codes are ambiguous and it throws.
 * Throws an {@link EssqError} (`invalid_json`, `not_geojson`, `no_polygon`, `missing_code`,
 * `duplicate_code`, `unknown_crs`) when the file cannot be used; everything else is a warning.
 *
 * @example
 * const { quartiers, crs, warnings } = parseQuartiers(text, { fileName: 'qpv.geojson' });
 * // quartiers[0] → { code: 'QP031001', name: 'Reynerie', communes: ['31555'], polygons: [[outer, …holes]], … }
 */
export function parseQuartiers(text: string, opts: ParseQuartiersOptions = {}): ParseQuartiersResult {
  const label = opts.fileName ? ` « ${opts.fileName} »` : '';
  const root = parseJson(text, label);
  const features = featuresOf(root, label);
  const skipped: Skipped = {
    notFeature: [],
    noGeometry: [],
    byType: new Map(),
    badRings: 0,
    badRingFeatures: new Set(),
    unusable: [],
  };
  const warnings: string[] = [];
  const drafts = new Map<string, Draft>();
  const missingCode: number[] = [];
  let firstMissingKeys: string[] = [];
  const conflicts: { code: string; a: Draft; feature: number; name: string }[] = [];

  features.forEach((feature, i) => {
    const n = i + 1;
    if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
      skipped.notFeature.push(n);
      return;
    }
    const f = feature as { geometry?: unknown; properties?: unknown };
    const polygons = readGeometry(f.geometry, skipped, n);
    if (polygons === null) return;
    const properties =
      typeof f.properties === 'object' && f.properties !== null && !Array.isArray(f.properties)
        ? (f.properties as Record<string, unknown>)
        : {};
    const id = readIdentity(properties);
    if (id.code === '') {
      if (missingCode.length === 0) firstMissingKeys = Object.keys(properties);
      missingCode.push(n);
      return;
    }
    const existing = drafts.get(id.code);
    if (existing === undefined) {
      drafts.set(id.code, { ...id, polygons, properties, features: [n], populationConflict: false });
    } else if (sameName(existing.name, id.name)) {
      existing.polygons.push(...polygons);
      existing.features.push(n);
      existing.communes = union(existing.communes, id.communes);
      existing.communeNames = union(existing.communeNames, id.communeNames);
      if (existing.population === null) existing.population = id.population;
      else if (id.population !== null && id.population !== existing.population) existing.populationConflict = true;
    } else {
      conflicts.push({ code: id.code, a: existing, feature: n, name: id.name });
    }
  });

  if (missingCode.length > 0) {
    const found =
      firstMissingKeys.length > 0
        ? `propriétés trouvées : ${firstMissingKeys.slice(0, 10).join(', ')}`
        : 'aucune propriété';
    const who =
      missingCode.length > 1
        ? `Les entités n° ${citeNumbers(missingCode)} (sur ${features.length}) n’ont`
        : `L’entité n° ${missingCode[0]} (sur ${features.length}) n’a`;
    throw new EssqError(
      'missing_code',
      `${who} pas de code de quartier (${found}). Attendu : une propriété code_qp (ou CODE_QP, ` +
        'code_quartier, codeqp, qp, code) non vide. Renommez la colonne du code ou complétez les entités concernées.',
      { features: missingCode },
    );
  }
  if (conflicts.length > 0) {
    const cited = conflicts
      .slice(0, MAX_CITED)
      .map((c) => `${c.code} sur les entités n° ${c.a.features[0]} (« ${c.a.name} ») et n° ${c.feature} (« ${c.name} »)`)
      .join(' ; ');
    const more = conflicts.length > MAX_CITED ? ` et ${plural(conflicts.length - MAX_CITED, 'autre', 'autres')}` : '';
    throw new EssqError(
      'duplicate_code',
      `Codes de quartier en double avec des noms différents : ${cited}${more}. Attendu : un code par ` +
        'quartier (les entités d’un même quartier découpé doivent porter le même nom). Corrigez le code ' +
        'de l’une des entités, ou vérifiez que deux fichiers n’ont pas été fusionnés.',
      { codes: [...new Set(conflicts.map((c) => c.code))] },
    );
  }
  if (drafts.size === 0) {
    const kinds = [
      ...[...skipped.byType].map(([t, n]) => `${t} : ${n}`),
      ...(skipped.noGeometry.length > 0 ? [`sans géométrie : ${skipped.noGeometry.length}`] : []),
      ...(skipped.unusable.length > 0 ? [`contour invalide : ${skipped.unusable.length}`] : []),
      ...(skipped.notFeature.length > 0 ? [`autres éléments : ${skipped.notFeature.length}`] : []),
    ];
    const found =
      features.length === 0 ? 'aucune entité' : `${plural(features.length, 'entité', 'entités')} (${kinds.join(', ')})`;
    throw new EssqError(
      'no_polygon',
      `Le fichier des quartiers${label} ne contient aucun contour de quartier utilisable. Trouvé : ${found}. ` +
        'Attendu : des entités Polygon ou MultiPolygon, une par quartier. S’il s’agit d’établissements, ' +
        'chargez-les comme fichier CSV d’établissements.',
      { features: features.length },
    );
  }
  warnings.push(...skippedWarnings(skipped));

  const list = [...drafts.values()];
  const { crs, crsSource } = resolveCrs((root as { crs?: unknown }).crs, rawExtent(list), label, warnings);
  toWgs84(list, crs, warnings);
  if (isGeographicCrs(crs)) swapIfInverted(list, warnings);

  const merged = list.filter((d) => d.features.length > 1);
  if (merged.length > 0) {
    const cited = citeCodes(merged.map((d) => `${d.code} (entités n° ${citeNumbers(d.features)})`));
    const what = plural(
      merged.length,
      'quartier découpé en plusieurs entités a été réuni',
      'quartiers découpés en plusieurs entités ont été réunis',
    );
    warnings.push(`${what} en un seul multipolygone : ${cited}.`);
  }
  const conflicting = list.filter((d) => d.populationConflict).map((d) => d.code);
  if (conflicting.length > 0) {
    warnings.push(
      `Population ignorée pour ${citeCodes(conflicting)} : les entités du quartier portent des valeurs ` +
        'différentes. Utilisez un fichier de référence (pop_mun).',
    );
  }
  const dropped: string[] = [];
  const quartiers: Quartier[] = [];
  for (const d of list) {
    if (d.polygons.length === 0) {
      dropped.push(d.code);
      continue;
    }
    quartiers.push({
      code: d.code,
      name: d.name,
      communes: d.communes,
      communeNames: d.communeNames,
      polygons: d.polygons,
      bbox: bboxOf(d.polygons),
      population: d.populationConflict ? null : d.population,
      properties: d.properties,
    });
  }
  if (dropped.length > 0) {
    warnings.push(`Quartiers ignorés, aucun contour n’ayant pu être reprojeté : ${citeCodes(dropped)}.`);
  }
  if (quartiers.length === 0) {
    throw new EssqError(
      'no_polygon',
      `Aucun contour du fichier des quartiers${label} n’a pu être reprojeté depuis ${crsLabel(crs)}. ` +
        'Vérifiez le système de coordonnées du fichier.',
    );
  }
  const abroad = quartiers
    .filter((q) => !isInFrance((q.bbox[0] + q.bbox[2]) / 2, (q.bbox[1] + q.bbox[3]) / 2))
    .map((q) => q.code);
  if (abroad.length > 0) {
    const what = plural(abroad.length, 'quartier est situé', 'quartiers sont situés');
    warnings.push(
      `${what} hors de France (${citeCodes(abroad)}) : vérifiez le système de coordonnées du fichier (${crsLabel(crs)}).`,
    );
  }
  return { quartiers, crs, crsSource, warnings };
}
