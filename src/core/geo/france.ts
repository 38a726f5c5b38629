/**
 * Is a WGS84 position in France? A coarse test meant to catch broken coordinates (0,0, a
 * forgotten reprojection, latitude and longitude swapped), not to draw borders: the boxes are
 * generous and overlap neighbours (Belgium, Switzerland, the Dutch side of Saint-Martin…).
 * Whether a point is in a quartier is decided later by the polygons.
 *
 * Covered: metropolitan France with Corsica, the five DROM (Guadeloupe, Martinique, Guyane,
 * La Réunion, Mayotte), Saint-Martin, Saint-Barthélemy, Saint-Pierre-et-Miquelon, and the
 * Pacific collectivities. Polynésie française is in because it has had QPV since 2015 (décret
 * 2014-1575); Nouvelle-Calédonie and Wallis-et-Futuna because a row located there is in France
 * and must be reported as "outside the quartiers", not "outside France". The uninhabited TAAF
 * and Clipperton are left out.
 */

/** One territory and its bounding box [minLon, minLat, maxLon, maxLat]. */
export interface FranceTerritory {
  name: string;
  bbox: readonly [number, number, number, number];
}

export const FRANCE_TERRITORIES: readonly FranceTerritory[] = Object.freeze([
  { name: 'France métropolitaine', bbox: [-5.5, 41, 10, 51.5] },
  { name: 'Guadeloupe', bbox: [-61.9, 15.8, -60.9, 16.6] },
  { name: 'Martinique', bbox: [-61.3, 14.35, -60.75, 14.9] },
  { name: 'Saint-Martin et Saint-Barthélemy', bbox: [-63.2, 17.85, -62.75, 18.15] },
  { name: 'Guyane', bbox: [-54.7, 2.1, -51.5, 5.85] },
  { name: 'La Réunion', bbox: [55.2, -21.4, 55.85, -20.85] },
  { name: 'Mayotte', bbox: [44.95, -13.05, 45.35, -12.6] },
  { name: 'Saint-Pierre-et-Miquelon', bbox: [-56.45, 46.7, -56.1, 47.15] },
  { name: 'Polynésie française', bbox: [-155, -28, -134, -7.5] },
  { name: 'Nouvelle-Calédonie', bbox: [163.5, -23, 168.5, -19.5] },
  { name: 'Wallis-et-Futuna', bbox: [-178.3, -14.4, -176.1, -13.1] },
] as const);

/** Name of the French territory whose box contains (lon, lat), or null. */
export function franceTerritoryAt(lon: number, lat: number): string | null {
  // NaN fails every comparison below, so non-finite input naturally yields null.
  for (const t of FRANCE_TERRITORIES) {
    const b = t.bbox;
    if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) return t.name;
  }
  return null;
}

/**
 * True when the WGS84 position (lon, lat) lies in metropolitan France, Corsica or an overseas
 * territory (see the module note for the list and how generous the boxes are).
 *
 * @example
 * isInFrance(1.4442, 43.6047); // true (Toulouse)
 * isInFrance(43.6047, 1.4442); // false (swapped: off Somalia)
 */
export function isInFrance(lon: number, lat: number): boolean {
  return franceTerritoryAt(lon, lat) !== null;
}

/** Positions examined by looksSwapped: enough for a stable majority, cheap on a million rows. */
const SWAP_SAMPLE = 1000;

/**
 * True when a sample of (lon, lat) pairs is mostly outside France as given but mostly inside once
 * each pair is swapped: the signature of a file whose latitude and longitude columns are
 * inverted. Pairs are sampled evenly (at most 1 000); non-finite pairs are ignored; an empty
 * sample gives false.
 */
export function looksSwapped(lons: ArrayLike<number>, lats: ArrayLike<number>): boolean {
  const n = Math.min(lons.length, lats.length);
  if (n === 0) return false;
  const step = Math.max(1, Math.floor(n / SWAP_SAMPLE));
  let valid = 0;
  let asGiven = 0;
  let swapped = 0;
  for (let i = 0; i < n; i += step) {
    const lon = lons[i];
    const lat = lats[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    valid++;
    if (isInFrance(lon, lat)) asGiven++;
    if (isInFrance(lat, lon)) swapped++;
  }
  return valid > 0 && asGiven * 2 < valid && swapped * 2 > valid;
}
