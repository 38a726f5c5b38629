// @vitest-environment jsdom
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { RankingTable } from '../table/RankingTable.tsx';
import { ComparisonPanel } from '../compare/ComparisonPanel.tsx';
import { formatFr } from '../../core/indicators/catalog.ts';
import { comparisonFile, rankingFile } from './tables.ts';

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const number = (cell: string) => Number(cell.replace(',', '.'));

/** The screen's text for a CSV figure with its range: « 64 (46–82) », « 12,5 % (10,1–14,8 %) », « s ». */
function onScreen(value: string, min: string | null, max: string | null, digits: number, unit = ''): string {
  if (value === 's') return 's';
  if (value === '') return '–';
  const v = `${formatFr(number(value), digits)}${unit}`;
  if (min === null || max === null || min === '') return v;
  const lo = formatFr(number(min), digits);
  const hi = formatFr(number(max), digits);
  return lo === hi ? v : `${v} (${lo}–${hi}${unit})`;
}

describe('exports match the screen', () => {
  it('gives in the ranking CSV every figure and every masked cell of the ranking table', () => {
    render(<RankingTable />);
    const table = screen.getByRole('table', { name: 'Classement des quartiers' });
    const headers = within(table).getAllByRole('columnheader').map(text);
    const rows = within(table).getAllByRole('row').slice(1);
    const csv = parse(rankingFile(useStore.getState(), true).text).filter((r) => /^\d+$/.test(r[0]));
    const head = parse(rankingFile(useStore.getState(), true).text)[0];
    const col = (name: string) => {
      const i = head.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const screenCol = (start: string) => headers.findIndex((h) => h.startsWith(start));
    expect(csv).toHaveLength(rows.length);
    let masked = 0;
    for (const line of csv) {
      const tr = rows.find((r) => text(r.children[0]) === line[col('Code quartier')])!;
      const cell = (start: string) => text(tr.children[screenCol(start)]);
      expect(cell('Quartier')).toBe(line[col('Nom du quartier')]);
      expect(cell('Commune')).toBe(line[col('Communes')]);
      const pairs: [string, string][] = [
        [cell('Étab. ESS employeurs'), onScreen(line[col('Établissements employeurs de l’ESS')], null, null, 0)],
        [cell('Emplois ESS'), onScreen(line[col('Emplois ESS (estimation)')], line[col('Emplois ESS (min)')], line[col('Emplois ESS (max)')], 0)],
        [cell('Part ESS emploi'), onScreen(line[col('Part ESS des emplois (%)')], line[col('Part ESS des emplois min (%)')], line[col('Part ESS des emplois max (%)')], 1, ' %')],
        [cell('Part ESS étab. employeurs'), onScreen(line[col('Part de l’ESS dans les établissements employeurs (%)')], null, null, 1, ' %')],
        [cell('Densité'), onScreen(line[col('Établissements employeurs de l’ESS pour 1 000 habitants')], null, null, 2)],
      ];
      for (const [shown, exported] of pairs) {
        expect(shown).toBe(exported);
        if (shown === 's') masked++;
      }
    }
    // The fixture has masked cells (Andromède's jobs, Les Izards' shares): they are compared too.
    expect(masked).toBeGreaterThanOrEqual(3);
  });

  it('gives in the comparison CSV the figures and masked cells of the comparison table', () => {
    useStore.setState({ selection: [0, 1, 2] });
    render(<ComparisonPanel />);
    const table = screen.getByRole('table', { name: 'Comparaison des quartiers sélectionnés' });
    const csv = parse(comparisonFile(useStore.getState(), true).text);
    const csvRow = (label: string) => csv.find((r) => r[0] === label)!;
    const screenRow = (label: string) => within(table).getByRole('rowheader', { name: label }).parentElement!;
    const checks: [string, number, string][] = [
      ['Établissements employeurs de l’ESS', 0, ''],
      ['Emplois de l’ESS (estimation)', 0, ''],
      ['Part de l’ESS dans l’emploi', 1, ' %'],
      ['Part de l’ESS dans les établissements employeurs', 1, ' %'],
    ];
    for (const [label, digits, unit] of checks) {
      const suffix = unit ? ' (%)' : '';
      const values = csvRow(`${label}${suffix}`).slice(1);
      const mins = csvRow(`${label}, minimum${suffix}`)?.slice(1);
      const maxs = csvRow(`${label}, maximum${suffix}`)?.slice(1);
      const shown = within(screenRow(label)).getAllByRole('cell').map(text);
      expect(shown).toEqual(values.map((v, j) => onScreen(v, mins?.[j] ?? null, maxs?.[j] ?? null, digits, unit)));
    }
    expect(csvRow('Communes').slice(1)).toEqual(['Toulouse', 'Toulouse', 'Blagnac']);
    expect(csvRow('Codes INSEE des communes').slice(1)).toEqual(['31555', '31555', '31069']);
  });
});
