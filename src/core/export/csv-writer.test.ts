import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { neutralizeFormula, toCsv } from './csv-writer.ts';

describe('toCsv', () => {
  it('writes a BOM, semicolons, CRLF and decimal commas', () => {
    expect(toCsv([['Nom', 'Part'], ['Les Tilleuls', 0.125]])).toBe('\uFEFFNom;Part\r\nLes Tilleuls;0,125\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const payload of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeFormula(payload).startsWith("'")).toBe(true);
    }
    const parsed = Papa.parse<string[]>(toCsv([['=HYPERLINK("http://x")']]).slice(1), { delimiter: ';' }).data;
    expect(parsed[0][0]).toBe('\'=HYPERLINK("http://x")');
  });

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([[-1.5]], { bom: false })).toBe('-1,5\r\n');
  });

  it('quotes cells holding the separator or a quote', () => {
    expect(toCsv([['a;b', 'dit "oui"']], { bom: false })).toBe('"a;b";"dit ""oui"""\r\n');
  });
});
