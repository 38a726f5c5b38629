/**
 * Serialisation of the demo files. Output is written by hand rather than through a library
 * so the bytes depend on nothing but this code: the committed files must be reproducible.
 */
import type { LocalProjection, Poly, Pt } from './geometry.ts';
import type { CommuneShape, QuartierShape } from './territory.ts';
import type { EstablishmentRow } from './establishments.ts';

export const BOM = '\uFEFF';

/** RFC 4180 quoting, only where needed (comma, quote, line break, separator). */
export function csvField(value: string, separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One feature per line: readable diffs, still a small file. */
function featureCollection(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function project(poly: Poly, projection: LocalProjection): Pt[][] {
  return poly.map((ring) => ring.map((p) => projection.toLonLat(p)));
}

export function communesGeojson(communes: readonly CommuneShape[], projection: LocalProjection): string {
  return featureCollection(
    communes.map((c) => ({
      type: 'Feature',
      properties: { code_commune: c.code, nom_commune: c.name },
      geometry: { type: 'Polygon', coordinates: project([c.ring], projection) },
    })),
  );
}

/** Quartiers with the 2024 ANCT property names (`code_qp, lib_qp, insee_com, lib_com`). */
export function quartiersGeojson(quartiers: readonly QuartierShape[], projection: LocalProjection): string {
  return featureCollection(
    quartiers.map((q) => {
      const polys = q.polys.map((poly) => project(poly, projection));
      return {
        type: 'Feature',
        properties: {
          code_qp: q.code,
          lib_qp: q.name,
          insee_com: q.communes.map((c) => c.code).join(', '),
          lib_com: q.communes.map((c) => c.name).join(', '),
          insee_dep: '999',
        },
        geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
      };
    }),
  );
}

export const ESTABLISHMENT_COLUMNS = [
  'siret',
  'denominationUniteLegale',
  'categorieJuridiqueUniteLegale',
  'activitePrincipaleEtablissement',
  'trancheEffectifsEtablissement',
  'economieSocialeSolidaireUniteLegale',
  'codeCommuneEtablissement',
  'etatAdministratifEtablissement',
  'longitude',
  'latitude',
] as const;

/** geo-SIRENE layout: comma separator, UTF-8 without BOM, LF line ends, codes as text. */
export function establishmentsCsv(rows: readonly EstablishmentRow[]): string {
  const lines = rows.map((r) =>
    [
      r.siret,
      csvField(r.denomination),
      r.categorieJuridique,
      r.naf,
      r.tranche,
      r.ess,
      r.commune,
      r.etat,
      r.lon === null ? '' : r.lon.toFixed(6),
      r.lat === null ? '' : r.lat.toFixed(6),
    ].join(','),
  );
  return [ESTABLISHMENT_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

export interface ReferenceRow {
  code_qp: string;
  nom_qp: string;
  pop_mun: number;
  nbetab: number;
  emplois: number;
}

/** INSEE per-QPV table layout: `;` separator, UTF-8 with BOM, CRLF line ends. */
export function referenceCsv(rows: readonly ReferenceRow[]): string {
  const header = 'code_qp;nom_qp;pop_mun;nbetab;emplois';
  const lines = rows.map((r) => [r.code_qp, csvField(r.nom_qp, ';'), r.pop_mun, r.nbetab, r.emplois].join(';'));
  return BOM + [header, ...lines].join('\r\n') + '\r\n';
}
