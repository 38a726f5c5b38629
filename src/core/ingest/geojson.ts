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
import { ringSelfIntersects } from '../geo/self-intersection';
import { MAX_CITED, readIdentity, type Identity } from './geojson-fields';
import { citeCodes, citeNumbers, featuresOf, parseJson, plural, readGeometry, skippedWarnings, type Skipped } from './geojson-geometry';

/**
 * Most features a quartiers file may hold. France has about 1 600 priority quartiers; a file
 * with tens of thousands of features is another layer (IRIS, parcels…), and its per-quartier
 * results alone would take gigabytes.
 */
export const MAX_QUARTIER_FEATURES = 20_000;

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
  if (features.length > MAX_QUARTIER_FEATURES) {
    throw new EssqError(
      'too_many_features',
      `Le fichier des quartiers${label} compte ${features.length.toLocaleString('fr-FR')} entités : au-delà de ` +
        `${MAX_QUARTIER_FEATURES.toLocaleString('fr-FR')}, il n’est pas lu (la France compte environ 1 600 quartiers prioritaires). ` +
        'Vérifiez qu’il s’agit bien des contours des QPV, ou découpez le fichier par département avant de le charger.',
      { features: features.length, limit: MAX_QUARTIER_FEATURES },
    );
  }
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
  const crossing = quartiers.filter((q) => q.polygons.some((polygon) => polygon.some(ringSelfIntersects))).map((q) => q.code);
  if (crossing.length > 0) {
    const what = plural(crossing.length, 'quartier a un contour qui se recoupe', 'quartiers ont un contour qui se recoupe');
    warnings.push(
      `${what} (${citeCodes(crossing)}) : un établissement y est placé par la règle pair-impair, une zone que le contour ` +
        'entoure deux fois comptant hors du quartier. Réparez ces contours (QGIS : Vecteur › Outils de géométrie › ' +
        'Réparer les géométries) puis rechargez le fichier.',
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
