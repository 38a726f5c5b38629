import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { coverageKey, needsCsv, needStatusText } from './needs-table.ts';
import { DEFAULT_NEEDS } from './resident-needs.ts';
import type { PublishedNeedCell } from './needs.ts';

const cell = (inside: number | 's', ring: number | 's', nearestMetres: number | null): PublishedNeedCell => ({ need: 'sante', inside, ring, nearestMetres });

describe('needs table', () => {
  it('reads each cell in French, masked counts as s', () => {
    expect(needStatusText(cell(4, 0, 0))).toBe('présent (4)');
    expect(needStatusText(cell('s', 0, 0))).toBe('présent (s)');
    expect(needStatusText(cell(0, 3, 120))).toBe('quartier vécu (3)');
    expect(needStatusText(cell(0, 0, 1250))).toBe('à 1\u202f250 m');
    expect(needStatusText(cell(0, 0, 2400))).toBe('aucun à moins de 2 km');
    expect(needStatusText(cell(0, 0, null))).toBe('aucun à moins de 2 km');
  });

  it('sorts the least covered first: none, then farther, then ring, then present', () => {
    const cells = [cell(5, 0, 0), cell(0, 0, 900), cell(0, 2, 100), cell(0, 0, null), cell(0, 0, 1800)];
    const order = [...cells].sort((a, b) => coverageKey(a) - coverageKey(b)).map(needStatusText);
    expect(order).toEqual(['aucun à moins de 2 km', 'à 1\u202f800 m', 'à 900 m', 'quartier vécu (2)', 'présent (5)']);
  });

  it('writes a CSV a spreadsheet reads back, one group of columns per need', () => {
    const needs = DEFAULT_NEEDS.slice(0, 2);
    const csv = needsCsv([{ code: 'QP031004', name: '=Mirail', communes: 'Toulouse', cells: [cell('s', 0, 0), cell(0, 0, 640)] }], needs);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toHaveLength(3 + 4 * 2);
    expect(rows[0][3]).toBe(`${needs[0].label} : établissements ESS dans le quartier`);
    expect(rows[1]).toEqual(["QP031004", "'=Mirail", 'Toulouse', 's', '0', '0', 'présent (s)', '0', '0', '640', 'à 640 m']);
  });
});
