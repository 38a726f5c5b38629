// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { QUARTIERS, loadFixtureData } from '../common/test-fixtures.ts';
import { RankingTable } from './RankingTable.tsx';

const table = () => screen.getByRole('table', { name: 'Classement des quartiers' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const codes = () => bodyRows().map((r) => r.querySelector('th, td')!.textContent);
const cell = (code: string, column: string) => {
  const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent ?? '');
  const col = headers.findIndex((h) => h.startsWith(column));
  const row = bodyRows().find((r) => r.firstElementChild?.textContent === code)!;
  return row.children[col].textContent;
};

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

describe('RankingTable', () => {
  it('has one row per quartier, with the quartier code in the first cell', () => {
    render(<RankingTable />);
    expect(bodyRows()).toHaveLength(QUARTIERS.length);
    expect([...codes()].sort()).toEqual(QUARTIERS.map((q) => q.code).sort());
    for (const row of bodyRows()) expect(row.firstElementChild?.tagName).toBe('TH');
  });

  it('shows names, communes and formatted indicators with their ranges and secret cells', () => {
    render(<RankingTable />);
    expect(cell('QN03101A', 'Quartier')).toBe('Les Izards');
    expect(cell('QN03103C', 'Commune')).toBe('Blagnac');
    expect(cell('QN03101A', 'Étab. ESS employeurs')).toBe('8');
    expect(cell('QN03101A', 'Emplois ESS')).toBe('64 (45–82)');
    expect(cell('QN03102B', 'Part ESS emploi')).toMatch(/^\d+,\d % \(\d+,\d–\d+,\d %\)$/);
    // Les Izards' shares are masked: its denominators would give back Andromède's non-ESS remainder.
    expect(cell('QN03101A', 'Part ESS emploi')).toBe('s');
    // Andromède: the mutuelle holds more than 85 % of the ESS jobs.
    expect(cell('QN03103C', 'Emplois ESS')).toBe('s');
  });

  it('sorts by a column when its header is clicked, and says so with aria-sort', () => {
    render(<RankingTable />);
    const button = within(table()).getByRole('button', { name: /Étab\. ESS employeurs/ });
    fireEvent.click(button);
    expect(codes()).toEqual(['QN03101A', 'QN03103C', 'QN03102B']);
    expect(button.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(button);
    expect(codes()).toEqual(['QN03102B', 'QN03103C', 'QN03101A']);
    expect(button.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(table()).getByRole('button', { name: /Quartier/ }));
    expect(codes()).toEqual(['QN03103C', 'QN03102B', 'QN03101A']);
  });

  it('sorts when the header cell is clicked outside its button, the button staying the focusable control', () => {
    render(<RankingTable />);
    const button = within(table()).getByRole('button', { name: /Étab\. ESS employeurs/ });
    const th = button.closest('th');
    expect(th).not.toBeNull();
    fireEvent.click(th!);
    expect(codes()).toEqual(['QN03101A', 'QN03103C', 'QN03102B']);
    expect(th?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(th!);
    expect(th?.getAttribute('aria-sort')).toBe('ascending');
    expect(th?.tabIndex).toBe(-1);
    expect(button.tabIndex).toBe(0);
  });

  it('puts secret cells last whatever the direction', () => {
    render(<RankingTable />);
    const button = within(table()).getByRole('button', { name: /Emplois ESS/ });
    fireEvent.click(button);
    expect(codes().at(-1)).toBe('QN03103C');
    fireEvent.click(button);
    expect(codes().at(-1)).toBe('QN03103C');
  });

  it('filters rows by name, code or commune, ignoring accents and case', () => {
    render(<RankingTable />);
    const search = screen.getByRole('searchbox', { name: 'Rechercher un quartier' });
    fireEvent.change(search, { target: { value: 'blagnac' } });
    expect(codes()).toEqual(['QN03103C']);
    fireEvent.change(search, { target: { value: 'andromede' } });
    expect(codes()).toEqual(['QN03103C']);
    fireEvent.change(search, { target: { value: 'qn03102' } });
    expect(codes()).toEqual(['QN03102B']);
    fireEvent.change(search, { target: { value: 'nulle part' } });
    expect(bodyRows()).toHaveLength(0);
    expect(screen.getByText(/Aucun quartier ne correspond/)).toBeTruthy();
  });

  it('adds quartiers to the comparison, four at most', async () => {
    const { rerender } = render(<RankingTable />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer QN03101A Les Izards' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer QN03103C Andromède' }));
    expect(useStore.getState().selection).toEqual([0, 2]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer QN03101A Les Izards' }));
    expect(useStore.getState().selection).toEqual([2]);
    useStore.setState({ selection: [0, 1, 2, 5] });
    rerender(<RankingTable />);
    expect(screen.getByRole('checkbox', { name: /Comparer QN03101A/ })).toHaveProperty('checked', true);
  });

  it('opens the profile when the name is clicked', () => {
    render(<RankingTable />);
    fireEvent.click(screen.getByRole('button', { name: 'Bagatelle' }));
    expect(useStore.getState().profile).toBe(1);
  });
});
