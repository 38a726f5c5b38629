// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { DEFAULT_FILTERS } from '../../core/indicators/aggregate.ts';
import { FAMILIES } from '../../core/types.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { RankingTable } from '../table/RankingTable.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';

const izards = () => useStore.getState().results!.quartiers[0];
const group = (name: RegExp) => screen.getByRole('group', { name });

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

describe('FiltersPanel', () => {
  it('counts employers only by default', () => {
    render(<FiltersPanel />);
    expect(screen.getByRole('checkbox', { name: 'Employeurs seulement' })).toHaveProperty('checked', true);
  });

  it('changes the figures when a family is unticked, without a new join', async () => {
    render(
      <>
        <FiltersPanel />
        <RankingTable />
      </>,
    );
    const read = useStore.getState().report;
    expect(izards().establishments).toBe(8);
    fireEvent.click(within(group(/Familles de l’ESS/)).getByRole('checkbox', { name: 'Association' }));
    await waitFor(() => expect(izards().establishments).toBe(3));
    expect(useStore.getState().filters.families).toEqual(FAMILIES.map((_, i) => i).filter((i) => i !== 0));
    const row = screen.getAllByRole('row').find((r) => r.firstElementChild?.textContent === 'QN03101A')!;
    // Shown masked: the 3 coopératives, with the all-quartiers total, would give back
    // Andromède's single mutuelle (secondary suppression).
    expect(within(row).getAllByText('s').length).toBeGreaterThan(0);
    // The establishments were not read again: same report object.
    expect(useStore.getState().report).toBe(read);
  });

  it('filters by sector group and size class', async () => {
    render(<FiltersPanel />);
    fireEvent.click(within(group(/Secteurs d’activité/)).getByRole('button', { name: /Tout décocher/ }));
    await waitFor(() => expect(izards().establishments).toBe(0));
    fireEvent.click(within(group(/Secteurs d’activité/)).getByRole('checkbox', { name: 'Commerce' }));
    await waitFor(() => expect(izards().establishments).toBe(3));
    fireEvent.click(within(group(/Taille/)).getByRole('checkbox', { name: '10–19 salariés' }));
    await waitFor(() => expect(izards().establishments).toBe(0));
  });

  it('counts non-employers too when « Employeurs seulement » is unticked', async () => {
    render(<FiltersPanel />);
    const bagatelle = () => useStore.getState().results!.quartiers[1];
    expect(bagatelle().establishments).toBe(3);
    expect(bagatelle().nonEmployerEstablishments).toBe(1);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Employeurs seulement' }));
    await waitFor(() => expect(bagatelle().establishments).toBe(4));
  });

  it('restricts to the chosen communes, in the figures and in the ranking', async () => {
    render(
      <>
        <FiltersPanel />
        <RankingTable />
      </>,
    );
    const communes = group(/Communes/);
    expect(within(communes).getAllByRole('checkbox').map((c) => c.parentElement?.textContent?.trim())).toEqual([
      'Blagnac (31069)',
      'Toulouse (31555)',
    ]);
    fireEvent.click(within(communes).getByRole('checkbox', { name: 'Blagnac (31069)' }));
    await waitFor(() => expect(useStore.getState().results!.quartiers[2].establishments).toBe(0));
    const ranking = screen.getByRole('table', { name: 'Classement des quartiers' });
    expect(within(ranking).getAllByRole('row')).toHaveLength(3);
  });

  it('resets every filter', async () => {
    render(<FiltersPanel />);
    fireEvent.click(within(group(/Familles de l’ESS/)).getByRole('checkbox', { name: 'Coopérative' }));
    await waitFor(() => expect(izards().establishments).toBe(5));
    fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser' }));
    await waitFor(() => expect(izards().establishments).toBe(8));
    expect(useStore.getState().filters).toEqual(DEFAULT_FILTERS);
  });
});
