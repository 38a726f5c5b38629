import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quartier } from '../types.ts';
import { bytesSource } from '../ingest/csv-stream.ts';
import { ingestEstablishments } from '../ingest/establishments.ts';
import { createQuartierIndex } from '../geo/spatial-join.ts';
import { METRES_PER_DEGREE } from '../geo/quartier-vecu.ts';
import { placeEstablishments } from '../diagnostic.ts';
import { computeNeeds, distanceToBoundary, needStatus } from './needs.ts';
import { DEFAULT_NEEDS, type ResidentNeed } from './resident-needs.ts';

const LAT = 43.6;
const KX = Math.cos((LAT * Math.PI) / 180) * METRES_PER_DEGREE;

/** A square quartier of `side` degrees whose south-west corner is (x0, LAT). */
function createSquareQuartier(code: string, x0: number, side = 0.01): Quartier {
  const ring = Float64Array.of(x0, LAT, x0 + side, LAT, x0 + side, LAT + side, x0, LAT + side, x0, LAT);
  return { code, name: code, communes: ['31555'], communeNames: [], polygons: [[ring]], population: null, properties: {}, bbox: [x0, LAT, x0 + side, LAT + side] };
}

interface Row { naf: string; lon: number; lat: number; ess?: 'O' | 'N'; tranche?: string }

/** A geo-SIRENE-style CSV, read by the real ingest. */
async function createTable(rows: Row[]) {
  const lines = ['siret,denominationUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,economieSocialeSolidaireUniteLegale,categorieJuridiqueUniteLegale,longitude,latitude'];
  rows.forEach((r, i) => {
    lines.push([String(10_000_000_000_000 + i), `Structure ${i}`, r.naf, r.tranche ?? '11', r.ess ?? 'O', '9220', r.lon.toFixed(8), r.lat.toFixed(8)].join(','));
  });
  const { table } = await ingestEstablishments(bytesSource(new TextEncoder().encode(lines.join('\n') + '\n'), 256));
  return table;
}

/** A point `metres` east of the right edge of a 0.01° square starting at x0, at mid-height. */
const eastOf = (x0: number, metres: number) => ({ lon: x0 + 0.01 + metres / KX, lat: LAT + 0.005 });

const SANTE = DEFAULT_NEEDS.findIndex((n) => n.id === 'sante');
const MOBILITE = DEFAULT_NEEDS.findIndex((n) => n.id === 'mobilite');
const ACTION_SOCIALE = DEFAULT_NEEDS.findIndex((n) => n.id === 'aide_domicile_action_sociale');

describe('computeNeeds', () => {
  const quartiers = [createSquareQuartier('QP1', 1.40), createSquareQuartier('QP2', 1.50)];

  it('counts an establishment of a need inside, one in the ring, and measures the nearest from the boundary', async () => {
    const table = await createTable([
      { naf: '86.21Z', lon: 1.405, lat: LAT + 0.005 }, // santé inside QP1
      { naf: '88.10A', ...eastOf(1.40, 150) }, // action sociale in QP1's ring
      { naf: '49.39B', ...eastOf(1.50, 900) }, // mobilité 900 m east of QP2
    ]);
    const placement = placeEstablishments(quartiers, table, 300);
    const m = computeNeeds(createQuartierIndex(quartiers), table, placement, DEFAULT_NEEDS, { employerOnly: true });
    expect(m[0][SANTE]).toMatchObject({ need: 'sante', inside: 1, ring: 0, nearestMetres: 0, secret: { inside: true, ring: false } });
    expect(needStatus(m[0][SANTE])).toBe('present');
    expect(m[0][ACTION_SOCIALE]).toMatchObject({ inside: 0, ring: 1, nearestMetres: 150 });
    expect(needStatus(m[0][ACTION_SOCIALE])).toBe('ring');
    expect(m[1][MOBILITE]).toMatchObject({ inside: 0, ring: 0, nearestMetres: 900 });
    expect(needStatus(m[1][MOBILITE])).toBe('near');
    // QP1 is 0.09° (about 7.2 km) west of QP2: the mobilité point is 0.1° + 900 m from QP1's right edge.
    expect(m[0][MOBILITE].nearestMetres).toBe(Math.round(0.09 * KX + 0.01 * KX + 900));
    expect(needStatus(m[0][MOBILITE])).toBe('none');
    // The file has no réemploi establishment at all.
    expect(m[0].find((c) => c.need === 'reemploi')).toMatchObject({ inside: 0, ring: 0, nearestMetres: null });
  });

  it('leaves out non-ESS establishments, and non-employers unless asked', async () => {
    const table = await createTable([
      { naf: '86.21Z', lon: 1.405, lat: LAT + 0.005, ess: 'N' },
      { naf: '86.21Z', lon: 1.406, lat: LAT + 0.005, tranche: 'NN' },
    ]);
    const placement = placeEstablishments(quartiers, table, 300);
    const index = createQuartierIndex(quartiers);
    expect(computeNeeds(index, table, placement, DEFAULT_NEEDS, { employerOnly: true })[0][SANTE]).toMatchObject({ inside: 0, nearestMetres: null });
    expect(computeNeeds(index, table, placement, DEFAULT_NEEDS, { employerOnly: false })[0][SANTE]).toMatchObject({ inside: 1, nearestMetres: 0 });
  });

  it('reads a need served by several prefixes and an establishment serving two needs', async () => {
    const needs: ResidentNeed[] = [
      { id: 'a', label: 'A', naf: ['8810', '8891A'] },
      { id: 'b', label: 'B', naf: ['88'] },
    ];
    const table = await createTable([{ naf: '8891A', lon: 1.405, lat: LAT + 0.005 }, { naf: '88.91B', lon: 1.406, lat: LAT + 0.005 }]);
    const m = computeNeeds(createQuartierIndex(quartiers), table, placeEstablishments(quartiers, table, 300), needs, { employerOnly: true });
    expect(m[0].map((c) => c.inside)).toEqual([1, 2]);
  });

  it('gives the same nearest distance as a search over every point, wherever the points are', async () => {
    const index = createQuartierIndex(quartiers);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ dx: fc.double({ min: -0.2, max: 0.3, noNaN: true }), dy: fc.double({ min: -0.1, max: 0.1, noNaN: true }) }), { minLength: 1, maxLength: 40 }),
      async (pts) => {
        const table = await createTable(pts.map((p) => ({ naf: '86.10Z', lon: 1.40 + p.dx, lat: LAT + p.dy })));
        const placement = placeEstablishments(quartiers, table, 300);
        const m = computeNeeds(index, table, placement, DEFAULT_NEEDS, { employerOnly: true });
        for (let q = 0; q < quartiers.length; q++) {
          const inside = Array.from(placement.quartier).filter((v) => v === q).length;
          let brute = Infinity;
          for (let i = 0; i < table.count; i++) brute = Math.min(brute, distanceToBoundary(index, q, table.lon[i], table.lat[i]));
          expect(m[q][SANTE].inside).toBe(inside);
          expect(m[q][SANTE].nearestMetres).toBe(inside > 0 ? 0 : Math.round(brute));
        }
      },
    ), { numRuns: 40 });
  });
});

describe('distanceToBoundary', () => {
  it('measures to the nearest edge, holes included', () => {
    const outer = Float64Array.of(0, LAT, 0.02, LAT, 0.02, LAT + 0.02, 0, LAT + 0.02);
    const hole = Float64Array.of(0.005, LAT + 0.005, 0.015, LAT + 0.005, 0.015, LAT + 0.015, 0.005, LAT + 0.015);
    const q: Quartier = { code: 'H', name: 'H', communes: [], communeNames: [], polygons: [[outer, hole]], population: null, properties: {}, bbox: [0, LAT, 0.02, LAT + 0.02] };
    const index = createQuartierIndex([q]);
    // Centre of the hole: 0.005° from each side of the hole, nearer east-west (cos(lat) shortens it).
    expect(distanceToBoundary(index, 0, 0.01, LAT + 0.01)).toBeCloseTo(0.005 * Math.cos(((LAT + 0.01) * Math.PI) / 180) * METRES_PER_DEGREE, 6);
    // 100 m inside the outer ring's south edge, far from the hole.
    expect(distanceToBoundary(index, 0, 0.002, LAT + 100 / METRES_PER_DEGREE)).toBeCloseTo(100, 6);
  });
});
