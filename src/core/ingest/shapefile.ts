/**
 * Reads QPV boundaries from a zipped shapefile (the form ANCT publishes them in): unzips it,
 * parses each polygon layer with shpjs — which reprojects to WGS84 with the .prj through
 * proj4 — reads the .dbf in the right encoding, and hands the resulting GeoJSON to
 * {@link parseQuartiers}, so field names (`CODE_QP`, `NOM_QP`, `COMMUNE_QP`…), merging and
 * checks are exactly those of a GeoJSON file. Runs in the worker and in Node alike.
 */
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { EssqError } from '../errors';
import { WGS84 } from '../geo/crs';
import { MAX_QUARTIER_FEATURES, parseQuartiers, type ParseQuartiersOptions, type ParseQuartiersResult } from './geojson';
import { crsFromPrj, dbfEncoding, isPolygonType, shapeType, shapeTypeLabel } from './shapefile-meta';
import { checkDbf, checkShp } from './shapefile-checks';
import { isZipFormatError, listZipEntries, readZipEntry, ZipBudget } from './zip-reader';

/** Local file header signature `PK\x03\x04`: the first bytes of any zip. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface Layer {
  name: string;
  files: Map<string, Uint8Array>;
}

/**
 * Members of the zip grouped by layer (path without extension); macOS resource forks skipped.
 * Only the shapefile members are inflated, each within the zip's budget (see zip-reader.ts).
 */
async function readLayers(bytes: Uint8Array, label: string): Promise<{ layers: Layer[]; names: string[] }> {
  const byName = new Map<string, Layer>();
  const names: string[] = [];
  const budget = new ZipBudget(label);
  try {
    for (const entry of listZipEntries(bytes)) {
      const path = entry.name;
      if (path.endsWith('/') || path.includes('__MACOSX') || /(^|\/)\._/.test(path)) continue;
      names.push(path);
      const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(path);
      if (!m) continue;
      const layer = byName.get(m[1]) ?? { name: m[1], files: new Map() };
      layer.files.set(m[2].toLowerCase(), await readZipEntry(bytes, entry, budget));
      byName.set(m[1], layer);
    }
  } catch (e) {
    if (!isZipFormatError(e)) throw e;
    throw new EssqError('invalid_zip', `Le fichier zip${label} est illisible (${e.message}) : est-il complet ? Téléchargez-le à nouveau.`);
  }
  return { layers: [...byName.values()], names };
}

const cite = (names: string[]) => names.slice(0, 5).map((n) => `« ${n} »`).join(', ') + (names.length > 5 ? ` et ${names.length - 5} autres` : '');

/** The polygon layers of the zip; throws a French message when there is none to use. */
function polygonLayers(layers: Layer[], names: string[], label: string): Layer[] {
  const withShp = layers.filter((l) => l.files.has('shp'));
  if (withShp.length === 0) {
    const csv = names.some((n) => /\.csv$/i.test(n));
    throw new EssqError(
      'no_shapefile',
      `Le fichier zip${label} ne contient aucun shapefile (.shp)${names.length > 0 ? ` ; il contient : ${cite(names)}` : ' ; il est vide'}. ` +
        'Attendu : un zip des contours des quartiers avec au moins les fichiers .shp, .dbf et .prj d’une même couche.' +
        (csv ? ' Pour un fichier d’établissements, décompressez-le d’abord et chargez le CSV.' : ''),
    );
  }
  const polygons = withShp.filter((l) => isPolygonType(shapeType(l.files.get('shp')!)));
  if (polygons.length === 0) {
    const found = withShp.map((l) => `« ${l.name}.shp » (${shapeTypeLabel(shapeType(l.files.get('shp')!))})`).join(', ');
    throw new EssqError('not_polygons', `Le shapefile${label} ne contient pas de contours : ${found}. Attendu : des polygones, un par quartier prioritaire.`);
  }
  const noDbf = polygons.find((l) => !l.files.has('dbf'));
  if (noDbf) {
    throw new EssqError(
      'no_dbf',
      `Le shapefile « ${noDbf.name}.shp »${label} n’a pas de fichier .dbf : c’est lui qui porte les codes et les noms des quartiers. Ajoutez « ${noDbf.name}.dbf » au zip.`,
    );
  }
  return polygons;
}

/** shpjs silently skips the reprojection of a .prj proj4 cannot read: checked first, to say so. */
function readableByProj4(wkt: string): boolean {
  try {
    proj4(wkt);
    return true;
  } catch {
    return false;
  }
}

/** One layer as GeoJSON features in WGS84, with the CRS its .prj names. */
function readLayer(layer: Layer, warnings: string[]): { features: GeoJSON.Feature[]; crs: string | null } {
  let prjText = layer.files.has('prj') ? new TextDecoder().decode(layer.files.get('prj')) : null;
  const cpg = layer.files.has('cpg') ? new TextDecoder().decode(layer.files.get('cpg')) : undefined;
  const { encoding, warning } = dbfEncoding(layer.files.get('dbf')!, cpg, ` de « ${layer.name} »`);
  if (warning) warnings.push(warning);
  if (prjText !== null && !readableByProj4(prjText)) {
    warnings.push(`Le fichier « ${layer.name}.prj » est illisible : le système de coordonnées est déduit des valeurs.`);
    prjText = null;
  } else if (prjText === null) {
    warnings.push(`Pas de fichier .prj pour « ${layer.name}.shp » : le système de coordonnées est déduit des valeurs.`);
  }
  let geometries: (GeoJSON.Geometry | null)[];
  let records: Record<string, unknown>[];
  // Counts in the headers are checked against the bytes first: shpjs trusts them blindly.
  const { shp, records: shapes } = checkShp(layer.files.get('shp')!, layer.name, warnings);
  if (shapes > MAX_QUARTIER_FEATURES) tooManyFeatures(layer.name, shapes);
  const dbf = checkDbf(layer.files.get('dbf')!, layer.name, warnings);
  try {
    geometries = parseShp(shp, prjText ?? false);
    records = parseDbf(dbf, encoding);
  } catch (e) {
    throw new EssqError('invalid_shapefile', `La couche « ${layer.name} » est illisible (${(e as Error).message}) : ses fichiers .shp et .dbf sont-ils complets ?`);
  }
  if (records.length !== geometries.length) {
    warnings.push(`« ${layer.name} » : ${geometries.length} formes pour ${records.length} lignes de table ; chaque forme reçoit la ligne de même rang.`);
  }
  const features = geometries.map((geometry, i): GeoJSON.Feature => {
    // shpjs adds a bbox computed before reprojection: dropped, the engine computes its own.
    if (geometry && 'bbox' in geometry) delete geometry.bbox;
    return { type: 'Feature', geometry: geometry as GeoJSON.Geometry, properties: records[i] ?? {} };
  });
  return { features, crs: prjText === null ? null : crsFromPrj(prjText) };
}

function tooManyFeatures(layer: string, n: number): never {
  throw new EssqError(
    'too_many_features',
    `La couche « ${layer} » compte ${n.toLocaleString('fr-FR')} formes : au-delà de ${MAX_QUARTIER_FEATURES.toLocaleString('fr-FR')}, ` +
      'elle n’est pas lue (la France compte environ 1 600 quartiers prioritaires). Vérifiez qu’il s’agit bien des contours des QPV, ' +
      'ou découpez la couche par département avant de la charger.',
    { features: n, limit: MAX_QUARTIER_FEATURES },
  );
}

/**
 * Parses a zipped shapefile of QPV boundaries into quartiers in WGS84, like
 * {@link parseQuartiers} does for a GeoJSON. Every polygon layer of the zip is read (a zip
 * may hold the mainland and the overseas layers side by side, each with its own .prj); the
 * reported `crs` is the one the .prj files name. Throws an EssqError with a French message
 * for a damaged zip (`invalid_zip`), a zip without shapefile (`no_shapefile`), points or
 * lines instead of polygons (`not_polygons`) or a missing .dbf (`no_dbf`).
 *
 * @example
 * const { quartiers, crs } = await parseQuartiersShapefile(bytes, { fileName: 'QP_METROPOLE_LB93.zip' });
 * // crs → 'EPSG:2154', quartiers[0].name → 'Cépière Beauregard'
 */
export async function parseQuartiersShapefile(bytes: Uint8Array, opts: ParseQuartiersOptions = {}): Promise<ParseQuartiersResult> {
  const label = opts.fileName ? ` « ${opts.fileName} »` : '';
  const { layers, names } = await readLayers(bytes, label);
  const chosen = polygonLayers(layers, names, label);
  const warnings: string[] = [];
  if (chosen.length > 1) warnings.push(`Le zip contient ${chosen.length} couches de contours (${cite(chosen.map((l) => `${l.name}.shp`))}) : elles ont été réunies.`);
  const features: GeoJSON.Feature[] = [];
  const crs = new Set<string>();
  for (const layer of chosen) {
    const read = readLayer(layer, warnings);
    features.push(...read.features);
    if (read.crs) crs.add(read.crs);
  }
  const parsed = parseQuartiers(JSON.stringify({ type: 'FeatureCollection', features }), opts);
  // Coordinates still projected mean no .prj was applied: the CRS detected from them stands.
  if (crs.size === 0 || parsed.crs !== WGS84) return { ...parsed, warnings: [...warnings, ...parsed.warnings] };
  return { ...parsed, crs: [...crs].join(', '), crsSource: 'member', warnings: [...warnings, ...parsed.warnings] };
}
