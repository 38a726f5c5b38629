/**
 * Coordinate reference systems met in French QPV and SIRENE files, and the fast path from any
 * of them to WGS84 longitude/latitude (the only CRS the rest of the engine knows).
 *
 * Definitions are proj4 strings taken from the EPSG registry (as published by epsg.io). They are
 * passed to proj4 directly rather than registered with `proj4.defs`, so this module never
 * changes proj4's global state that another module (or the map) might rely on.
 */
import proj4 from 'proj4';
import { EssqError } from '../errors';

/** WGS84 longitude/latitude; also what `urn:ogc:def:crs:OGC:1.3:CRS84` normalises to. */
export const WGS84 = 'EPSG:4326';
/** RGF93 / Lambert-93, the metropolitan projection of IGN and INSEE files. */
export const LAMBERT93 = 'EPSG:2154';

interface CrsDefinition {
  /** French label shown to users. */
  label: string;
  /** proj4 definition; null for geographic CRSs taken as WGS84 lon/lat. */
  proj: string | null;
}

const GRS80_NO_SHIFT = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** RGF93 conic conformal zones CC42…CC50 (EPSG:3942…3950), common in local-authority files. */
function ccZone(zone: number): string {
  const y0 = (zone - 41) * 1_000_000 + 200_000;
  const parallels = `+lat_1=${zone - 0.75} +lat_2=${zone + 0.75}`;
  return `+proj=lcc +lat_0=${zone} +lon_0=3 ${parallels} +x_0=1700000 +y_0=${y0} ${GRS80_NO_SHIFT}`;
}

const DEFINITIONS: Record<string, CrsDefinition> = {
  // Geographic CRSs: RGF93, ETRS89 and the overseas RGAF09/RGFG95/RGR92/RGM04 coincide with
  // WGS84 to within 2 m, below the precision of a QPV contour, so they share the identity path.
  // GeoJSON axis order (longitude first) is assumed even for EPSG:4326, as GDAL and QGIS write it.
  'EPSG:4326': { label: 'WGS 84 (longitude/latitude)', proj: null },
  'EPSG:4171': { label: 'RGF93 (longitude/latitude)', proj: null },
  'EPSG:4258': { label: 'ETRS89 (longitude/latitude)', proj: null },
  'EPSG:5489': { label: 'RGAF09 (longitude/latitude)', proj: null },
  'EPSG:4624': { label: 'RGFG95 (longitude/latitude)', proj: null },
  'EPSG:4627': { label: 'RGR92 (longitude/latitude)', proj: null },
  'EPSG:4470': { label: 'RGM04 (longitude/latitude)', proj: null },
  'EPSG:2154': {
    label: 'RGF93 / Lambert-93',
    proj: `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80_NO_SHIFT}`,
  },
  'EPSG:5490': { label: 'RGAF09 / UTM 20N (Antilles)', proj: `+proj=utm +zone=20 ${GRS80_NO_SHIFT}` },
  // EPSG transformation 1907 (RGFG95 to WGS 84): a 2 m translation, kept for fidelity.
  'EPSG:2972': {
    label: 'RGFG95 / UTM 22N (Guyane)',
    proj: '+proj=utm +zone=22 +ellps=GRS80 +towgs84=2,2,-2,0,0,0,0 +units=m +no_defs',
  },
  'EPSG:2975': { label: 'RGR92 / UTM 40S (La Réunion)', proj: `+proj=utm +zone=40 +south ${GRS80_NO_SHIFT}` },
  'EPSG:4471': { label: 'RGM04 / UTM 38S (Mayotte)', proj: `+proj=utm +zone=38 +south ${GRS80_NO_SHIFT}` },
  // Accepted when declared, never guessed from coordinate ranges (see detectCrsFromRange).
  'EPSG:3857': {
    label: 'WGS 84 / Pseudo-Mercator (web)',
    proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  },
  'EPSG:32620': { label: 'WGS 84 / UTM 20N', proj: '+proj=utm +zone=20 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32622': { label: 'WGS 84 / UTM 22N', proj: '+proj=utm +zone=22 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32630': { label: 'WGS 84 / UTM 30N', proj: '+proj=utm +zone=30 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32631': { label: 'WGS 84 / UTM 31N', proj: '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32632': { label: 'WGS 84 / UTM 32N', proj: '+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32738': { label: 'WGS 84 / UTM 38S', proj: '+proj=utm +zone=38 +south +datum=WGS84 +units=m +no_defs' },
  'EPSG:32740': { label: 'WGS 84 / UTM 40S', proj: '+proj=utm +zone=40 +south +datum=WGS84 +units=m +no_defs' },
  'EPSG:25830': { label: 'ETRS89 / UTM 30N', proj: `+proj=utm +zone=30 ${GRS80_NO_SHIFT}` },
  'EPSG:25831': { label: 'ETRS89 / UTM 31N', proj: `+proj=utm +zone=31 ${GRS80_NO_SHIFT}` },
  'EPSG:25832': { label: 'ETRS89 / UTM 32N', proj: `+proj=utm +zone=32 ${GRS80_NO_SHIFT}` },
  // Lambert II étendu still appears in old files. The three-parameter NTF shift is good to a
  // few metres (the official grid is not bundled), acceptable for a quartier contour.
  'EPSG:27572': {
    label: 'NTF (Paris) / Lambert II étendu',
    proj:
      '+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 ' +
      '+a=6378249.2 +b=6356515 +towgs84=-168,-60,320,0,0,0,0 +pm=paris +units=m +no_defs',
  },
};
for (let zone = 42; zone <= 50; zone++) {
  DEFINITIONS[`EPSG:${3900 + zone}`] = { label: `RGF93 / CC${zone}`, proj: ccZone(zone) };
}

/** Codes of every CRS this module can reproject, e.g. `EPSG:2154`. */
export const SUPPORTED_CRS: readonly string[] = Object.freeze(Object.keys(DEFINITIONS));

/** True when `crs` (normalised `EPSG:n`) can be reprojected to WGS84. */
export function isSupportedCrs(crs: string): boolean {
  return Object.hasOwn(DEFINITIONS, crs);
}

/** True for longitude/latitude CRSs (no projection needed). */
export function isGeographicCrs(crs: string): boolean {
  return isSupportedCrs(crs) && DEFINITIONS[crs].proj === null;
}

/** French label of a CRS for messages and the UI (`RGF93 / Lambert-93`), or the code itself. */
export function crsLabel(crs: string): string {
  return isSupportedCrs(crs) ? `${DEFINITIONS[crs].label} (${crs})` : crs;
}

const EPSG_PATTERN = /epsg(?:\.xml#|\/\d+(?:\.\d+)*\/|:[\d.]*:|:)\s*(\d{4,6})\s*$/i;

/**
 * Normalises a CRS name as found in files or typed by a user to `EPSG:n`.
 * Accepts `EPSG:2154`, `urn:ogc:def:crs:EPSG::2154`, `urn:ogc:def:crs:EPSG:6.6:2154`,
 * `http://www.opengis.net/def/crs/EPSG/0/2154`, `…/epsg.xml#2154`, a bare `2154`, the CRS84
 * forms (`urn:ogc:def:crs:OGC:1.3:CRS84`, `OGC:CRS84`) and the names `Lambert-93` / `WGS 84`.
 * Returns null when the name means nothing recognisable. Unsupported EPSG codes are still
 * returned (so a message can name them); check them with {@link isSupportedCrs}.
 */
export function normalizeCrsName(name: string): string | null {
  const s = name.trim();
  if (s === '') return null;
  if (/(?:^|[:/])CRS84$/i.test(s)) return WGS84;
  const epsg = EPSG_PATTERN.exec(s);
  if (epsg) return `EPSG:${Number(epsg[1])}`;
  if (/^\d{4,6}$/.test(s)) return `EPSG:${Number(s)}`;
  if (/lambert[\s_-]*93/i.test(s)) return LAMBERT93;
  if (/^wgs[\s_-]*84$/i.test(s)) return WGS84;
  return null;
}

/**
 * Reads the legacy GeoJSON `crs` member (2008 spec, still written by GDAL/QGIS) and returns the
 * normalised CRS code, or null when the member is absent or unreadable.
 *
 * @example
 * crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } }); // 'EPSG:2154'
 * crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }); // 'EPSG:4326'
 */
export function crsFromGeoJsonMember(crs: unknown): string | null {
  if (typeof crs === 'string') return normalizeCrsName(crs);
  if (typeof crs !== 'object' || crs === null) return null;
  const props = (crs as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return null;
  const { name, code } = props as { name?: unknown; code?: unknown };
  if (typeof name === 'string') return normalizeCrsName(name);
  // The 2008 spec also allowed { type: 'EPSG', properties: { code: 2154 } }.
  if (typeof code === 'number' || typeof code === 'string') return normalizeCrsName(String(code));
  return null;
}

interface DetectionRange {
  crs: string;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/*
 * Typical extents, with a margin of a few tens of kilometres around the territory:
 * - Lambert-93: metropolitan France incl. Corsica (x ≈ 0.1–1.24 M, y ≈ 6.04–7.11 M).
 * - UTM zones overlap in easting (all around 500 000), so the northing decides. Southern
 *   zones carry a 10 000 km false northing: Réunion ≈ 7.63–7.69 M, Mayotte ≈ 8.56–8.61 M.
 *   Northern zones: Guyane ≈ 0.23–0.64 M, Antilles (Martinique to Saint-Martin) ≈ 1.59–2.01 M.
 */
const DETECTION_RANGES: readonly DetectionRange[] = [
  { crs: LAMBERT93, minX: 0, maxX: 1_300_000, minY: 6_000_000, maxY: 7_200_000 },
  { crs: 'EPSG:2975', minX: 280_000, maxX: 420_000, minY: 7_600_000, maxY: 7_720_000 },
  { crs: 'EPSG:4471', minX: 460_000, maxX: 570_000, minY: 8_530_000, maxY: 8_640_000 },
  { crs: 'EPSG:2972', minX: 50_000, maxX: 500_000, minY: 200_000, maxY: 700_000 },
  { crs: 'EPSG:5490', minX: 450_000, maxX: 780_000, minY: 1_550_000, maxY: 2_050_000 },
];

/**
 * Guesses the CRS of a file that does not declare one, from the extent of its coordinates.
 * Returns `EPSG:4326` when everything lies within ±180/±90, Lambert-93 or one overseas UTM zone
 * when the whole extent fits its typical range, else null (ask the user).
 *
 * What stays ambiguous, by construction:
 * - Any extent within ±180/±90 is taken as degrees; a projected file with tiny local
 *   coordinates would be misread (none of the French projections produces such values).
 * - WGS 84 / UTM (EPSG:326xx/327xx) of the same zone cannot be told apart from RGAF09, RGFG95,
 *   RGR92 or RGM04; they differ by 2 m at most, so the choice does not matter.
 * - Lambert II étendu (EPSG:27572) in southern France (x ≈ 0.4–0.8 M, y ≈ 1.6–2.0 M) falls in
 *   the Antilles range and would be taken for UTM 20N; such files must declare their CRS.
 * - Metropolitan UTM 30–32N, the CC zones and Web Mercator are never guessed (their ranges
 *   collide with Lambert-93 or with each other); they are accepted only when declared.
 */
export function detectCrsFromRange(minX: number, minY: number, maxX: number, maxY: number): string | null {
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || minX > maxX || minY > maxY) return null;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return WGS84;
  for (const r of DETECTION_RANGES) {
    if (minX >= r.minX && maxX <= r.maxX && minY >= r.minY && maxY <= r.maxY) return r.crs;
  }
  return null;
}

/** Writes the WGS84 longitude into `out[0]` and latitude into `out[1]`; NaN when not projectable. */
export type Projector = (x: number, y: number, out: Float64Array | number[]) => void;

const identity: Projector = (x, y, out) => {
  out[0] = x;
  out[1] = y;
};

const projectorCache = new Map<string, Projector>();

function unknownCrs(crs: string): EssqError {
  return new EssqError(
    'unknown_crs',
    `Système de coordonnées non pris en charge : ${crs}. Attendu : WGS 84 (EPSG:4326), ` +
      'Lambert-93 (EPSG:2154) ou une projection UTM des outre-mer (EPSG:5490, 2972, 2975, 4471). ' +
      'Reprojetez le fichier en WGS 84 ou en Lambert-93 (par exemple avec QGIS) puis rechargez-le.',
    { crs, supported: SUPPORTED_CRS },
  );
}

/**
 * Returns a function projecting one (x, y) of `crs` to WGS84 lon/lat, writing into `out` so a
 * hot loop allocates nothing of its own. The proj4 converter is built once per CRS and cached.
 * Non-finite input gives NaN output instead of proj4's TypeError. Throws an EssqError
 * (`unknown_crs`) for a CRS outside {@link SUPPORTED_CRS}.
 *
 * @example
 * const toWgs84 = makeProjector('EPSG:2154');
 * const lonLat = new Float64Array(2);
 * toWgs84(652469.02, 6862035.26, lonLat); // lonLat ≈ [2.3522, 48.8566]
 */
export function makeProjector(crs: string): Projector {
  const cached = projectorCache.get(crs);
  if (cached) return cached;
  if (!isSupportedCrs(crs)) throw unknownCrs(crs);
  const def = DEFINITIONS[crs].proj;
  let projector: Projector;
  if (def === null) {
    projector = identity;
  } else {
    const converter = proj4(def, 'WGS84');
    // A reusable {x, y} object avoids proj4's array path, which allocates and concatenates.
    const point = { x: 0, y: 0 };
    projector = (x, y, out) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        out[0] = NaN;
        out[1] = NaN;
        return;
      }
      point.x = x;
      point.y = y;
      const p = converter.forward(point);
      out[0] = p.x;
      out[1] = p.y;
    };
  }
  projectorCache.set(crs, projector);
  return projector;
}

/**
 * Projects a flat [x0, y0, x1, y1, …] array of `crs` to WGS84 lon/lat and returns a new array;
 * the input is left untouched. Positions that cannot be projected become NaN.
 */
export function projectFlat(crs: string, coords: Float64Array): Float64Array {
  const project = makeProjector(crs);
  const out = Float64Array.from(coords);
  if (project === identity) return out;
  const lonLat = new Float64Array(2);
  for (let i = 0; i + 1 < out.length; i += 2) {
    project(out[i], out[i + 1], lonLat);
    out[i] = lonLat[0];
    out[i + 1] = lonLat[1];
  }
  return out;
}
