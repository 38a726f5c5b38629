import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../core/indicators/aggregate.ts';
import { FAMILY_COLORS, SECTOR_COLORS } from '../../core/classify/palettes.ts';
import { FAMILIES, SECTORS, SIZES } from '../../core/types.ts';
import type { PointColumns } from '../../worker/protocol.ts';
import { describePoint, pointCollection, pointColorExpression, pointLegend } from './points.ts';
import { evaluatePaint, toHex } from './test-helpers.ts';

interface Row { family: string; sector: string; size: string; employer?: boolean; quartier?: number; lon?: number }

function createPoints(rows: Row[]): PointColumns {
  const n = rows.length;
  return {
    count: n,
    row: Int32Array.from(rows, (_, i) => i * 10),
    lon: Float64Array.from(rows, (r, i) => r.lon ?? 1.4 + i * 0.001),
    lat: Float64Array.from(rows, () => 43.6),
    family: Uint8Array.from(rows, (r) => FAMILIES.indexOf(r.family as never)),
    sector: Uint8Array.from(rows, (r) => SECTORS.indexOf(r.sector as never)),
    size: Uint8Array.from(rows, (r) => SIZES.indexOf(r.size as never)),
    employer: Uint8Array.from(rows, (r) => (r.employer === false ? 0 : 1)),
    quartier: Int32Array.from(rows, (r) => r.quartier ?? -1),
  };
}

const points = createPoints([
  { family: 'association', sector: 'action_sociale', size: '3-9', quartier: 0 },
  { family: 'cooperative', sector: 'commerce', size: '10-19' },
  { family: 'association', sector: 'sante', size: 'non_employeur', employer: false },
  { family: 'mutuelle', sector: 'sante', size: '50+', lon: NaN },
]);

describe('pointCollection', () => {
  it('keeps the employer establishments with coordinates by default', () => {
    const fc = pointCollection(points, DEFAULT_FILTERS);
    expect(fc.features.map((f) => f.id)).toEqual([0, 1]);
    expect(fc.features[0].properties).toEqual({ f: 0, s: 0, z: 1, e: 1, q: 0, r: 0 });
    expect(fc.features[0].geometry.coordinates).toEqual([1.4, 43.6]);
    // The engine row, for the popup's name and SIRET.
    expect(fc.features[1].properties.r).toBe(10);
  });

  it('applies the family, sector and size filters like the indicators', () => {
    const all = { ...DEFAULT_FILTERS, employerOnly: false };
    expect(pointCollection(points, { ...all, families: [0] }).features.map((f) => f.id)).toEqual([0, 2]);
    expect(pointCollection(points, { ...all, sectors: [SECTORS.indexOf('sante')] }).features.map((f) => f.id)).toEqual([2]);
    expect(pointCollection(points, { ...all, sizes: [] }).features).toEqual([]);
  });

  it('is empty without points', () => {
    expect(pointCollection(null, DEFAULT_FILTERS).features).toEqual([]);
  });
});

describe('pointColorExpression', () => {
  it('colours by family or by sector code', () => {
    const props = { f: FAMILIES.indexOf('cooperative'), s: SECTORS.indexOf('commerce') };
    expect(toHex(evaluatePaint('circle', 'circle-color', pointColorExpression('family'), { properties: props }))).toBe(FAMILY_COLORS.cooperative.toLowerCase());
    expect(toHex(evaluatePaint('circle', 'circle-color', pointColorExpression('sector'), { properties: props }))).toBe(SECTOR_COLORS.commerce);
  });

  it('has a legend entry per code', () => {
    expect(pointLegend('family')).toHaveLength(FAMILIES.length);
    expect(pointLegend('sector')[0]).toEqual({ label: 'Action sociale', color: SECTOR_COLORS.action_sociale });
  });
});

describe('describePoint', () => {
  it('says family, sector, size and quartier in French', () => {
    const lines = describePoint({ f: 1, s: 6, z: 2, e: 1, q: 0 }, (i) => (i === 0 ? 'Les Izards' : null));
    expect(lines).toEqual([
      'Établissement de l’ESS',
      'Famille : Coopérative',
      'Secteur : Commerce',
      'Taille : 10–19 salariés',
      'Quartier : Les Izards',
    ]);
  });

  it('marks non-employers and establishments outside the quartiers', () => {
    const lines = describePoint({ f: 0, s: 0, z: 1, e: 0, q: -1 }, () => null);
    expect(lines.slice(3)).toEqual(['Taille : 3–9 salariés (non employeur)', 'Hors des quartiers chargés']);
  });
});
