/**
 * Shared engine types. Everything here is plain data that can cross a worker boundary
 * (structured clone) or be written as JSON by the CLI.
 */

/** ESS legal families, in the order used for the `family` Uint8 column. */
export const FAMILIES = [
  'association',
  'cooperative',
  'mutuelle',
  'fondation',
  'societe_commerciale_ess',
  'inconnue',
] as const;
export type Family = (typeof FAMILIES)[number];

/** ESS observatory sector groups, in the order used for the `sector` Uint8 column. */
export const SECTORS = [
  'action_sociale',
  'sante',
  'enseignement',
  'sports_loisirs',
  'arts_spectacles',
  'finance_assurance',
  'commerce',
  'hebergement_restauration',
  'soutien_entreprises',
  'industrie_construction',
  'agriculture',
  'autres_activites',
  'non_classe',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * Size classes (salariés), in the order used for the `size` Uint8 column; `SIZE_ORDER` is the
 * reading order. `0` is bracket 00: an employer with no employee on 31/12 (last here so the
 * older indices keep their meaning); `non_employeur` covers bracket NN and a headcount of 0;
 * `inconnue` an empty or unreadable bracket, counted as an employer of unknown size.
 */
export const SIZES = ['1-2', '3-9', '10-19', '20-49', '50+', 'non_employeur', 'inconnue', '0'] as const;
export type SizeClass = (typeof SIZES)[number];
/** Size classes in reading order, for mixes and tables. */
export const SIZE_ORDER: readonly SizeClass[] = ['0', '1-2', '3-9', '10-19', '20-49', '50+', 'non_employeur', 'inconnue'];

/** Jobs of one establishment or a total: central estimate with its range. */
export interface Jobs {
  estimate: number;
  min: number;
  max: number;
}

/** Ring of a polygon: flat [lon0, lat0, lon1, lat1, …] in WGS84, closed or not. */
export type FlatRing = Float64Array;

/** One quartier as the engine uses it: normalised identity plus flat WGS84 geometry. */
export interface Quartier {
  /** Quartier code (QP031001, QN03101M…). */
  code: string;
  name: string;
  /** INSEE codes of the communes it covers (may be empty when unknown). */
  communes: string[];
  /** Commune names when the file gives them. */
  communeNames: string[];
  /** Polygons; each polygon is [outer, ...holes]. */
  polygons: FlatRing[][];
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
  /** Population when the boundary file carries it (else null; the reference CSV may give it). */
  population: number | null;
  /** All original properties, untouched. */
  properties: Record<string, unknown>;
}

/** Reasons a row is rejected. Keys are stable (they appear in `rejectedBy`). */
export const REJECT_REASONS = {
  no_coordinates: 'coordonnées absentes',
  bad_coordinates: 'coordonnées illisibles',
  outside_france: 'hors de France',
  duplicate_siret: 'SIRET en double',
  closed: 'établissement fermé',
  malformed_row: 'ligne mal formée',
  line_too_long: 'ligne trop longue',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;
