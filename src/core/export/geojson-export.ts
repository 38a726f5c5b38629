/**
 * The quartiers with their indicators as GeoJSON (RFC 7946, WGS84), for a GIS: one feature per
 * quartier, French snake_case properties. A masked value is `null` with its `secret_*` flag
 * set, never a string in a numeric column, so QGIS keeps the column numeric.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { DiagnosticResult, QuartierResult } from '../diagnostic.ts';
import type { Indicators } from '../indicators/indicators.ts';
import { FAMILIES, SECTORS } from '../types.ts';

export interface QuartierShape {
  code: string;
  name: string;
  communes: string[];
  communeNames: string[];
  geometry: Polygon | MultiPolygon;
}

/** Coordinates to 6 decimals (about 10 cm): enough for a boundary, and a third of the size. */
const COORD_DIGITS = 6;
const roundCoord = (v: number) => Math.round(v * 10 ** COORD_DIGITS) / 10 ** COORD_DIGITS;
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const pct = (v: number | null) => (v === null ? null : round(v * 100, 2));

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map((p) => p.map(roundCoord))) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map((p) => p.map(roundCoord)))) };
}

/** Indicator properties of one territory; masked values are null. */
export function indicatorProperties(i: Indicators): Record<string, number | boolean | null> {
  const se = i.secret.establishments;
  const sj = i.secret.jobs;
  const { jobShare, establishmentShare, nonEmployer } = i.secret;
  const props: Record<string, number | boolean | null> = {
    etab_ess: se ? null : i.establishments,
    etab_ess_non_employeurs: nonEmployer ? null : i.nonEmployerEstablishments,
    emplois_ess: sj ? null : round(i.jobs.estimate, 1),
    emplois_ess_min: sj ? null : round(i.jobs.min, 1),
    emplois_ess_max: sj ? null : round(i.jobs.max, 1),
    part_ess_emplois_pct: jobShare ? null : pct(i.essJobShare),
    part_ess_emplois_min_pct: jobShare ? null : pct(i.essJobShareRange?.min ?? null),
    part_ess_emplois_max_pct: jobShare ? null : pct(i.essJobShareRange?.max ?? null),
    part_ess_etab_pct: establishmentShare ? null : pct(i.essEstablishmentShare),
    densite_pour_1000_hab: se ? null : round(i.densityPer1000, 3),
    population: i.population,
    secret_etablissements: se,
    secret_emplois: sj,
    secret_parts: jobShare || establishmentShare,
  };
  for (const f of FAMILIES) props[`famille_${f}_etab`] = i.families[f].secret ? null : i.families[f].establishments;
  for (const s of SECTORS) props[`secteur_${s}_emplois`] = i.sectors[s].secret ? null : round(i.sectors[s].jobs, 1);
  return props;
}

/**
 * A FeatureCollection of the quartiers with their indicators and those of their quartier
 * vécu (`vecu_` prefix). `metadata` (sources, method, date) rides along as a foreign member,
 * which RFC 7946 allows and GIS software ignores.
 */
export function quartiersGeoJson(
  shapes: readonly QuartierShape[],
  results: DiagnosticResult | null,
  metadata: Record<string, string> = {},
): GeoJSON.FeatureCollection & { metadata: Record<string, string> } {
  return {
    type: 'FeatureCollection',
    metadata,
    features: shapes.map((q, i) => {
      const r: QuartierResult | undefined = results?.quartiers[i];
      const ring = r ? Object.fromEntries(Object.entries(indicatorProperties(r.ring)).map(([k, v]) => [`vecu_${k}`, v])) : {};
      return {
        type: 'Feature',
        properties: {
          code_qp: q.code,
          nom_qp: q.name,
          communes: q.communes.join(','),
          noms_communes: q.communeNames.filter(Boolean).join(', '),
          ...(r ? indicatorProperties(r) : {}),
          ...ring,
        },
        geometry: roundGeometry(q.geometry),
      };
    }),
  };
}
