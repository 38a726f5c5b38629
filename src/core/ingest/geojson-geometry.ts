/**
 * GeoJSON structure and geometry reading for QPV boundary files: the feature list, rings and
 * polygons as flat arrays, and French sentences about what had to be skipped.
 */
import type { FlatRing } from '../types';
import { EssqError } from '../errors';
import { MAX_CITED, MAX_POSITION_SEARCH } from './geojson-fields';

export function syntaxErrorOffset(text: string, message: string): number | null {
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

export function parseJson(text: string, label: string): unknown {
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

export const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export const EXPECTED_COLLECTION =
  'Attendu : un GeoJSON FeatureCollection de quartiers, chaque entité portant un code (code_qp) ' +
  'et un contour Polygon ou MultiPolygon.';

export function featuresOf(root: unknown, label: string): unknown[] {
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
export interface Skipped {
  notFeature: number[];
  noGeometry: number[];
  byType: Map<string, number>;
  badRings: number;
  badRingFeatures: Set<number>;
  unusable: number[];
}

/** Ring of raw positions → flat array in the file's CRS, or null when unusable. */
export function readRing(ring: unknown): Float64Array | null {
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
export function readPolygon(rings: unknown, skipped: Skipped, feature: number): FlatRing[] | null {
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
export function readGeometry(geometry: unknown, skipped: Skipped, feature: number): FlatRing[][] | null {
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
export function citeNumbers(numbers: readonly number[]): string {
  if (numbers.length > MAX_CITED) {
    const rest = plural(numbers.length - MAX_CITED, 'autre', 'autres');
    return `${numbers.slice(0, MAX_CITED).join(', ')} et ${rest}`;
  }
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} et ${numbers[numbers.length - 1]}`;
}

/** "QP031001, QP031002…", at most MAX_CITED codes. */
export function citeCodes(codes: readonly string[]): string {
  return codes.slice(0, MAX_CITED).join(', ') + (codes.length > MAX_CITED ? '…' : '');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export function skippedWarnings(skipped: Skipped): string[] {
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

