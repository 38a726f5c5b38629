// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { RankingTable } from '../table/RankingTable.tsx';
import { ComparisonPanel } from './ComparisonPanel.tsx';

function renderWithTable() {
  return render(
    <>
      <RankingTable />
      <ComparisonPanel />
    </>,
  );
}

const comparison = () => screen.getByRole('table', { name: 'Comparaison des quartiers sélectionnés' });
const rowOf = (heading: string) => within(comparison()).getByRole('rowheader', { name: heading }).parentElement!;

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

describe('ComparisonPanel', () => {
  it('asks for at least two quartiers', () => {
    renderWithTable();
    expect(screen.getByText(/Sélectionnez au moins deux quartiers/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03101A/ }));
    expect(screen.getByText(/Sélectionnez au moins deux quartiers/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Comparaison des quartiers sélectionnés' })).toBeNull();
  });

  it('shows the selected quartiers side by side with their indicators and ranges', () => {
    renderWithTable();
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03101A/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03102B/ }));
    const headers = within(comparison()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[1]).toMatch(/^Les Izards/);
    expect(headers[2]).toMatch(/^Bagatelle/);
    const jobs = within(rowOf('Emplois de l’ESS (estimation)')).getAllByRole('cell').map((c) => c.textContent);
    expect(jobs).toEqual(['64 (45–82)', '23 (18–27)']);
  });

  it('gives the gaps to the rest of the commune and to national references in points', () => {
    renderWithTable();
    // Bagatelle's shares are published; Les Izards' are masked (see the next test).
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03102B/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03103C/ }));
    const s = useStore.getState().results!;
    const izards = s.quartiers[1].essJobShare!;
    const toulouse = s.communes.find((c) => c.code === '31555')!.essJobShare!;
    const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} pts`;

    const commune = within(rowOf('Part de l’ESS dans l’emploi : écart au reste de la commune')).getAllByRole('cell');
    expect(commune[0].textContent).toContain(pts(izards - toulouse));
    expect(commune[0].textContent).toContain('Toulouse');
    // Andromède's jobs are secret: its gaps are too.
    expect(commune[1].textContent).toMatch(/^s/);

    const france = within(rowOf('Part de l’ESS dans l’emploi : écart à la France entière')).getAllByRole('cell');
    expect(france[0].textContent).toContain(pts(izards - 1 / 7));
    const qpv = within(rowOf('Part de l’ESS dans l’emploi : écart à l’ensemble des QPV')).getAllByRole('cell');
    expect(qpv[0].textContent).toContain(pts(izards - 0.17));
    // The all-QPV reference at the precision of the other shares beside it.
    expect(qpv[0].textContent).toContain('17,0 %');
    expect(screen.getByText(/ESS France – ANCT/)).toBeTruthy();
  });

  it('masks the shares and gaps of a quartier whose denominators would give away a masked remainder', () => {
    renderWithTable();
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03101A/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03102B/ }));
    // Andromède has 2 non-ESS establishments: its denominators are masked, and so are those of
    // Les Izards (the smallest other remainder), or the all-quartiers total would give them back.
    const share = within(rowOf('Part de l’ESS dans l’emploi')).getAllByRole('cell').map((c) => c.textContent);
    expect(share[0]).toBe('s');
    expect(share[1]).toMatch(/^\d+,\d %/);
    const commune = within(rowOf('Part de l’ESS dans l’emploi : écart au reste de la commune')).getAllByRole('cell');
    expect(commune[0].textContent).toMatch(/^s/);
  });

  it('draws the family and sector mixes with their values as text', () => {
    renderWithTable();
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03101A/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03102B/ }));
    const izards = screen.getByRole('region', { name: 'Répartitions — Les Izards' });
    const families = within(izards).getByRole('figure', { name: /Familles/ });
    expect(within(families).getByRole('rowheader', { name: 'Association' }).parentElement!.textContent).toContain('5 (63 %)');
    expect(within(families).getByRole('rowheader', { name: 'Coopérative' }).parentElement!.textContent).toContain('3 (38 %)');
    const sectors = within(izards).getByRole('figure', { name: /Secteurs/ });
    expect(within(sectors).getByRole('rowheader', { name: 'Action sociale' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('radio', { name: 'Emplois' })[0]);
    expect(within(families).getByRole('rowheader', { name: 'Association' }).parentElement!.textContent).toContain('20 (');
  });

  it('removes a quartier from the comparison', () => {
    renderWithTable();
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03101A/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Comparer QN03102B/ }));
    fireEvent.click(within(comparison()).getByRole('button', { name: /Retirer Bagatelle/ }));
    expect(useStore.getState().selection).toEqual([0]);
    expect(screen.getByText(/Sélectionnez au moins deux quartiers/)).toBeTruthy();
  });
});
