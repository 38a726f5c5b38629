// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { loadEstablishmentsFile, loadQuartiersFile } from '../../state/actions.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { ESTABLISHMENTS, createEstablishmentsCsv, createFile, createQuartiersGeojson } from '../common/test-fixtures.ts';
import { LoadSummary } from './LoadSummary.tsx';

/** The fixture file with the 12 establishments of Les Izards typed latitude first. */
function createSwappedCsv(): string {
  return createEstablishmentsCsv(ESTABLISHMENTS.map((r, i) => (i < 12 ? { ...r, lon: r.lat, lat: r.lon } : r)));
}

const value = (label: string) =>
  within(screen.getByRole('table', { name: /Décompte des lignes/ })).getByRole('rowheader', { name: label }).nextElementSibling?.textContent;

beforeEach(async () => {
  resetStore();
  localStorage.clear();
  installTestEngine();
  await loadQuartiersFile(createFile(createQuartiersGeojson(), 'quartiers.geojson'));
});
afterEach(cleanup);

describe('SwapOffer', () => {
  it('offers to swap the rows that land in France swapped, reloads the same file, and says they were swapped', async () => {
    await loadEstablishmentsFile(createFile(createSwappedCsv(), 'etablissements.csv'));
    render(<LoadSummary />);
    expect(value('dont hors de France')).toBe('12');
    expect(value('Dans un quartier')).toBe('17');
    expect(screen.getByText(/12 lignes rejetées « hors de France » sur 12 tomberaient en France/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Permuter latitude et longitude pour ces 12 lignes' }));
    expect((await screen.findByRole('status')).textContent).toBe('Latitude et longitude permutées pour 12 lignes, maintenant placées comme les autres.');
    expect(value('Dans un quartier')).toBe('29');
    expect(screen.queryByRole('rowheader', { name: 'dont hors de France' })).toBeNull();
    expect(screen.getByText(/12 lignes dont latitude et longitude étaient inversées .* ont été permutées et placées/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Permuter latitude et longitude/ })).toBeNull();
    expect(useStore.getState().report?.swappedRows).toBe(12);
  });

  it('offers nothing when no row outside France lands in France swapped', async () => {
    await loadEstablishmentsFile(createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    render(<LoadSummary />);
    await screen.findByRole('heading', { name: 'Bilan du chargement' });
    expect(screen.queryByRole('button', { name: /Permuter latitude et longitude/ })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
