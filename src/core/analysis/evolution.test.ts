import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPeriod, parsePeriod, yearOf } from './dates.ts';
import { computeEvolution, publishedEvolution, type EvolutionRows, type RowTerritories } from './evolution.ts';
import { suppressLines } from './line-suppression.ts';

interface Row { created: number; closed?: number; ess?: boolean; quartier: number; jobs?: number }

/** Rows of `n` quartiers: a row in quartier q counts in q and in « all quartiers » (unit n). */
function createRows(rows: Row[], n: number): { rows: EvolutionRows; where: RowTerritories } {
  const f32 = (get: (r: Row) => number) => Float32Array.from(rows, get);
  return {
    rows: {
      count: rows.length,
      created: Uint16Array.from(rows, (r) => r.created),
      closed: Uint16Array.from(rows, (r) => r.closed ?? 0),
      ess: Uint8Array.from(rows, (r) => (r.ess === false ? 0 : 1)),
      jobsEstimate: f32((r) => r.jobs ?? 1.5), jobsMin: f32((r) => r.jobs ?? 1), jobsMax: f32((r) => r.jobs ?? 2),
    },
    where: { units: n + 1, quartiers: n, u0: Int32Array.from(rows, (r) => r.quartier), u1: Int32Array.from(rows, () => n) },
  };
}

const times = (k: number, row: Row) => Array.from({ length: k }, () => ({ ...row }));

describe('dates', () => {
  it('reads ISO and French dates to the year, and refuses what is not a date', () => {
    expect(['2019-03-15', '2019-03-15T08:00:00', '2019-03', '2019', '15/03/2019', '15-03-2019', '15.03.2019', ' 1/3/2019 '].map(yearOf))
      .toEqual([2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019]);
    expect(['', '15/03/19', '2019-13-01', '32/01/2019', 'inconnue', '1750-01-01'].map(yearOf)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('defaults to the last five full years and reads a period', () => {
    expect(defaultPeriod(new Date('2026-12-04'))).toEqual([2021, 2025]);
    expect(parsePeriod('2019-2023')).toEqual([2019, 2023]);
    expect(parsePeriod('2019–2023')).toEqual([2019, 2023]);
    expect(parsePeriod('2023')).toEqual([2023, 2023]);
    expect(() => parsePeriod('2023-2019')).toThrow(/deux années croissantes/);
  });
});

describe('computeEvolution', () => {
  it('counts creations and closures per year, and the stocks at both ends of the period', () => {
    const { rows, where } = createRows([
      ...times(5, { created: 2010, quartier: 0 }), // in both stocks
      ...times(3, { created: 2020, quartier: 0 }), // created in the period
      ...times(4, { created: 2012, closed: 2021, quartier: 0 }), // closed in the period
      ...times(3, { created: 0, quartier: 0 }), // unknown creation: taken as existing before
      ...times(6, { created: 2015, closed: 2018, quartier: 0 }), // closed before: nowhere
      ...times(3, { created: 2025, quartier: 0 }), // created after: nowhere
      ...times(4, { created: 2019, ess: false, quartier: 0 }), // not ESS
    ], 1);
    const t = computeEvolution(rows, where, [2019, 2023]);
    const e = publishedEvolution(t, 0);
    expect(e.period).toEqual([2019, 2023]);
    expect(e.stockStart).toBe(12);
    expect(e.stockEnd).toBe(11);
    expect(e.net).toBe(-1);
    expect(e.created).toEqual({ 2019: 0, 2020: 3, 2021: 0, 2022: 0, 2023: 0 });
    expect(e.closed).toEqual({ 2019: 0, 2020: 0, 2021: 4, 2022: 0, 2023: 0 });
    expect(e.jobsCreated).toEqual({ estimate: 4.5, min: 3, max: 6 });
  });

  it('leaves out an establishment closed before it was created, and says so', () => {
    const { rows, where } = createRows([{ created: 2021, closed: 2019, quartier: 0 }, ...times(3, { created: 2010, quartier: 0 })], 1);
    const t = computeEvolution(rows, where, [2019, 2023]);
    expect(t.inconsistentDates).toBe(1);
    expect(publishedEvolution(t, 0).stockEnd).toBe(3);
  });

  it('masks a year with one or two creations, and another figure of its line so that it cannot be recovered', () => {
    const { rows, where } = createRows([
      ...times(10, { created: 2000, quartier: 0 }),
      ...times(1, { created: 2020, quartier: 0 }),
      ...times(4, { created: 2021, quartier: 0 }),
      ...times(10, { created: 2000, quartier: 1 }),
      ...times(5, { created: 2021, quartier: 1 }),
    ], 2);
    const e = publishedEvolution(computeEvolution(rows, where, [2020, 2021]), 0);
    expect(e.created['2020']).toBeNull();
    // Published alone, 2021 and the two stocks would give 2020 = 15 − 10 − 4.
    const hidden = [e.created['2021'], e.stockStart, e.stockEnd, e.net].filter((v) => v === null);
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('holds stockEnd = stockStart + created − closed, and no line leaks a masked figure, for any file', () => {
    const row = fc.record({
      created: fc.oneof(fc.constant(0), fc.integer({ min: 2000, max: 2026 })),
      closed: fc.oneof(fc.constant(0), fc.integer({ min: 2000, max: 2026 })),
      quartier: fc.integer({ min: 0, max: 3 }),
      ess: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 120 }), (data) => {
      const { rows, where } = createRows(data, 4);
      const t = computeEvolution(rows, where, [2019, 2023]);
      const ny = t.years.length;
      for (let u = 0; u < t.units; u++) {
        let sum = 0;
        for (let y = 0; y < ny; y++) sum += t.created[u * ny + y] - t.closed[u * ny + y];
        expect(t.stockEnd[u]).toBe(t.stockStart[u] + sum);
        // The territory's line: exactly one masked member would be recoverable.
        let masked = t.masks.stockStart[u] + t.masks.stockEnd[u];
        for (let y = 0; y < ny; y++) masked += t.masks.created[u * ny + y] + t.masks.closed[u * ny + y];
        expect(masked).not.toBe(1);
        expect(t.masks.stockStart[u] + t.masks.stockEnd[u] + t.masks.net[u]).not.toBe(1);
      }
      // The columns: quartiers → all quartiers (unit 4).
      for (let y = 0; y < ny; y++) {
        let masked = t.masks.created[4 * ny + y];
        for (let q = 0; q < 4; q++) masked += t.masks.created[q * ny + y];
        expect(masked).not.toBe(1);
      }
    }), { numRuns: 200 });
  });
});

describe('suppressLines', () => {
  it('masks the smallest other non-zero member, and follows the lines it touches', () => {
    const values = Float64Array.of(1, 0, 5, 6, 9, 15);
    const mask = Uint8Array.of(1, 0, 0, 0, 0, 0);
    // 6 = 1 + 0 + 5 and 15 = 6 + 9.
    suppressLines(values, mask, [[0, 1, 2, 3], [3, 4, 5]]);
    expect(Array.from(mask)).toEqual([1, 0, 1, 0, 0, 0]);
    const mask2 = Uint8Array.of(0, 0, 0, 1, 0, 0);
    suppressLines(values, mask2, [[0, 1, 2, 3], [3, 4, 5]]);
    expect(Array.from(mask2)).toEqual([1, 0, 0, 1, 1, 0]);
  });
});
