import { describe, expect, it } from 'vitest';
import { comparableQuartiers, positions } from './positioning.ts';

describe('positions', () => {
  it('ranks the highest first and gives tied values the same rank and percentile', () => {
    const p = positions([10, 30, 30, 5], [false, false, false, false]);
    expect(p.map((x) => x.rank)).toEqual([3, 1, 1, 4]);
    expect(p.map((x) => x.percentile)).toEqual([37.5, 75, 75, 12.5]);
    expect(p.every((x) => x.of === 4)).toBe(true);
  });

  it('reads 50 for a lone value and for values all equal', () => {
    expect(positions([7], [false])[0]).toEqual({ rank: 1, percentile: 50, of: 1 });
    expect(positions([2, 2, 2], [false, false, false]).map((x) => x.percentile)).toEqual([50, 50, 50]);
  });

  it('leaves missing and masked values out of the ranking of the others', () => {
    const p = positions([10, null, 99, 20], [false, false, true, false]);
    expect(p[1]).toEqual({ rank: null, percentile: null, of: 2 });
    // The masked 99 would have put 20 second: ranks are read among published values only.
    expect(p[2]).toEqual({ rank: null, percentile: null, of: 2 });
    expect(p[3]).toEqual({ rank: 1, percentile: 75, of: 2 });
    expect(p[0]).toEqual({ rank: 2, percentile: 25, of: 2 });
  });
});

describe('comparableQuartiers', () => {
  it('finds the quartiers nearest in population and establishments, not itself', () => {
    const pop = [1000, 1100, 5000, 5200, 900, null];
    const est = [50, 55, 300, 310, 40, 60];
    const c = comparableQuartiers(pop, est, 2);
    expect(c[0].map((x) => x.index)).toEqual([1, 4]);
    expect(c[2].map((x) => x.index)).toEqual([3, 1]);
    expect(c[5]).toEqual([]);
    expect(c.flat().some((x) => x.index === 5)).toBe(false);
  });
});
