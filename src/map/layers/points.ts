/**
 * ESS establishments on the map: a clustered GeoJSON source built from the registry's typed
 * columns, filtered like the indicators, coloured by legal family or by sector group.
 */
import { FAMILY_COLOR_LIST, SECTOR_COLOR_LIST } from '../../core/classify/palettes.ts';
import type { Filters } from '../../core/indicators/aggregate.ts';
import { FAMILY_LABELS, SECTOR_LABELS, SIZE_LABELS } from '../../core/indicators/naf-sectors.ts';
import { FAMILIES, SECTORS, SIZES } from '../../core/types.ts';
import type { PointColumns } from '../../worker/protocol.ts';
import type { Expr } from './spec-types.ts';

export type PointColorBy = 'family' | 'sector';

/** Property names are one letter: a national file has hundreds of thousands of points. */
export interface PointProperties {
  /** Family code (index into FAMILIES). */
  f: number;
  /** Sector code (index into SECTORS). */
  s: number;
  /** Size code (index into SIZES). */
  z: number;
  /** 1 for an employer establishment. */
  e: number;
  /** Quartier index, -1 outside every quartier. */
  q: number;
  /** Row in the engine's table: the popup asks the engine for the name and SIRET with it. */
  r: number;
}

function allowed(list: number[] | null): (code: number) => boolean {
  if (list === null) return () => true;
  const set = new Set(list);
  return (code) => set.has(code);
}

/**
 * Point features of the establishments that pass the family, sector, size and employer
 * filters (`id` = position in the columns). The commune filter applies to the indicators
 * only: the columns carry no commune.
 */
export function pointCollection(points: PointColumns | null, filters: Filters): GeoJSON.FeatureCollection<GeoJSON.Point, PointProperties> {
  const features: GeoJSON.Feature<GeoJSON.Point, PointProperties>[] = [];
  if (!points) return { type: 'FeatureCollection', features };
  const family = allowed(filters.families);
  const sector = allowed(filters.sectors);
  const size = allowed(filters.sizes);
  for (let i = 0; i < points.count; i++) {
    if (filters.employerOnly && points.employer[i] !== 1) continue;
    if (!family(points.family[i]) || !sector(points.sector[i]) || !size(points.size[i])) continue;
    const lon = points.lon[i], lat = points.lat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    features.push({
      type: 'Feature',
      id: i,
      properties: { f: points.family[i], s: points.sector[i], z: points.size[i], e: points.employer[i], q: points.quartier[i], r: points.row[i] },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** `circle-color` of the points: a `match` on the family or sector code. */
export function pointColorExpression(by: PointColorBy): Expr {
  const colours = by === 'family' ? FAMILY_COLOR_LIST : SECTOR_COLOR_LIST;
  const fallback = colours[colours.length - 1];
  return ['match', ['get', by === 'family' ? 'f' : 's'], ...colours.flatMap((c, i) => [i, c]), fallback];
}

/** Legend entries of the point colours: label and colour, in code order. */
export function pointLegend(by: PointColorBy): { label: string; color: string }[] {
  return by === 'family'
    ? FAMILIES.map((f, i) => ({ label: FAMILY_LABELS[f], color: FAMILY_COLOR_LIST[i] }))
    : SECTORS.map((s, i) => ({ label: SECTOR_LABELS[s], color: SECTOR_COLOR_LIST[i] }));
}

/**
 * Lines of an establishment's popup, plain text: family, sector, size, employer status and
 * the quartier it lies in.
 */
export function describePoint(p: Partial<PointProperties>, quartierName: (index: number) => string | null): string[] {
  const family = FAMILIES[p.f ?? -1];
  const sector = SECTORS[p.s ?? -1];
  const size = SIZES[p.z ?? -1];
  const where = typeof p.q === 'number' && p.q >= 0 ? quartierName(p.q) : null;
  return [
    'Établissement de l’ESS',
    `Famille : ${family ? FAMILY_LABELS[family] : 'inconnue'}`,
    `Secteur : ${sector ? SECTOR_LABELS[sector] : 'non classé'}`,
    `Taille : ${size ? SIZE_LABELS[size] : 'inconnue'}${p.e === 1 || size === 'non_employeur' ? '' : ' (non employeur)'}`,
    where ? `Quartier : ${where}` : 'Hors des quartiers chargés',
  ];
}
