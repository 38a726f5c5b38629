import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVintages, publishedVintages, type Vintage } from './vintages.ts';

/** A vintage of ESS establishments in 2 quartiers (unit 2 = all quartiers; -1 = outside). */
function createVintage(year: number, rows: [string, number][]): Vintage {
  return {
    year,
    siret: rows.map((r) => r[0]),
    u0: Int32Array.from(rows, (r) => r[1]),
    u1: Int32Array.from(rows, (r) => (r[1] >= 0 ? 2 : -1)),
  };
}

const range = (prefix: string, k: number, q: number): [string, number][] => Array.from({ length: k }, (_, i) => [`${prefix}${i}`, q]);

describe('compareVintages', () => {
  it('matches establishments by SIRET: entries, exits, and a move counted as both', () => {
    const older = createVintage(2020, [...range('s', 10, 0), ...range('gone', 4, 0), ['moved', 0], ...range('t', 5, 1)]);
    const newer = createVintage(2024, [...range('s', 10, 0), ...range('new', 3, 0), ['moved', 1], ...range('t', 5, 1), ['', 0]]);
    const c = compareVintages(older, newer, 3, 2);
    expect(c.unmatched).toEqual([0, 1]);
    expect(Array.from(c.entries)).toEqual([3, 1, 3]);
    expect(Array.from(c.exits)).toEqual([5, 0, 4]);
    for (let u = 0; u < 3; u++) expect(c.newer[u]).toBe(c.older[u] + c.entries[u] - c.exits[u]);
    const pub = [0, 1, 2].map((u) => publishedVintages(c, u));
    // Quartier 1 has one entry: masked, and the suppression goes on until no line (a
    // territory's older + entries − exits = newer, or a column quartiers → all quartiers)
    // has a single masked figure.
    expect(pub[1].entries).toBeNull();
    const fields = ['older', 'newer', 'entries', 'exits'] as const;
    for (const t of pub) expect(fields.filter((f) => t[f] === null)).not.toHaveLength(1);
    for (const f of fields) expect(pub.filter((t) => t[f] === null)).not.toHaveLength(1);
    // What is published is the true figure.
    pub.forEach((t, u) => {
      if (t.newer !== null) expect(t.newer).toBe(c.newer[u]);
      if (t.net !== null) expect(t.net).toBe(c.newer[u] - c.older[u]);
    });
    expect(pub[2]).toMatchObject({ older: 20, newer: 19, net: -1 });
  });

  it('holds newer = older + entries − exits and leaves no line with a single mask, for any two files', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 30 }).map(String), fc.integer({ min: -1, max: 1 }));
    fc.assert(fc.property(fc.uniqueArray(row, { selector: (r) => r[0], maxLength: 30 }), fc.uniqueArray(row, { selector: (r) => r[0], maxLength: 30 }), (a, b) => {
      const c = compareVintages(createVintage(2019, a), createVintage(2023, b), 3, 2);
      for (let u = 0; u < 3; u++) {
        expect(c.newer[u]).toBe(c.older[u] + c.entries[u] - c.exits[u]);
        const m = (f: number) => c.mask[f * 3 + u];
        expect(m(0) + m(1) + m(2) + m(3)).not.toBe(1);
        expect(m(0) + m(1) + m(4)).not.toBe(1);
      }
    }), { numRuns: 200 });
  });
});
