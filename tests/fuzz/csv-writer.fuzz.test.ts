import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { toCsv } from '../../src/core/export/csv-writer.ts';

describe('CSV writer against formula injection', () => {
  it('never writes a cell a spreadsheet would run, and keeps the text otherwise', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=HYPERLINK("http://x")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(1)', '\t=1', '\r=1'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const text = toCsv(rows);
        const back = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n' }).data.slice(0, rows.length);
        rows.forEach((r, i) =>
          r.forEach((c, j) => {
            const out = back[i][j];
            expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
            expect(out === c || out === `'${c}`).toBe(true);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
