// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { openProfile, setFilters } from '../../state/actions.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { QuartierProfile } from './QuartierProfile.tsx';

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

const open = (i: number) => act(() => openProfile(i));

describe('QuartierProfile', () => {
  it('stays closed until a quartier is chosen', () => {
    render(<QuartierProfile />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the indicators of the quartier next to its quartier vécu, its commune and all quartiers', async () => {
    render(<QuartierProfile />);
    open(0);
    const dialog = screen.getByRole('dialog', { name: 'Les Izards' });
    const table = within(dialog).getAllByRole('table')[0];
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Indicateur', 'Quartier', 'Quartier vécu (bande de 300 m)', 'Reste de la commune (Toulouse)', 'Ensemble des quartiers']);
    const establishments = within(within(table).getByRole('rowheader', { name: 'Établissements employeurs de l’ESS' }).parentElement!).getAllByRole('cell');
    expect(establishments.map((c) => c.textContent)).toEqual(['8', '3', '7', '16']);
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
  });

  it('says « hors filtre » for a quartier outside the commune filter, and lists all its communes', async () => {
    await act(() => setFilters({ communes: ['31069'] }));
    render(<QuartierProfile />);
    open(0);
    const dialog = screen.getByRole('dialog', { name: 'Les Izards' });
    expect(within(dialog).getByText(/^Hors filtre : aucune commune de ce quartier/)).toBeTruthy();
    expect(within(dialog).getByText('Toulouse')).toBeTruthy();
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
    open(2);
    expect(screen.queryByText(/^Hors filtre/)).toBeNull();
  });

  it('gives the gaps in percentage points with their references', async () => {
    render(<QuartierProfile />);
    // Bagatelle: its shares are published (those of Les Izards are masked by secondary suppression).
    open(1);
    const gaps = screen.getByRole('table', { name: /Écarts du quartier/ });
    const france = within(gaps).getByRole('rowheader', { name: /^France entière/ }).parentElement!;
    expect(france.textContent).toMatch(/14,3 %/);
    expect(france.textContent).toMatch(/\+\d+,\d pts$/);
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
  });

  it('draws its mixes as bar charts with text values', async () => {
    render(<QuartierProfile />);
    open(0);
    const families = screen.getByRole('figure', { name: /Familles/ });
    expect(within(families).getByRole('rowheader', { name: 'Association' }).parentElement!.textContent).toContain('5 (63 %)');
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
  });

  it('lists its ESS establishments with name, SIRET and NAF code', async () => {
    render(<QuartierProfile />);
    open(0);
    const list = await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(8);
    expect(rows[0].textContent).toContain('Asso Izards 1');
    expect(rows[0].textContent).toMatch(/\d{14}/);
    expect(rows[0].textContent).toContain('88.99B');
    expect(rows[0].textContent).toContain('Action sociale');
  });

  it('closes with Escape and with the close button', async () => {
    render(<QuartierProfile />);
    open(1);
    expect(screen.getByRole('dialog', { name: 'Bagatelle' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().profile).toBeNull();
    open(2);
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
    fireEvent.click(screen.getByRole('button', { name: 'Fermer la fiche' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('moves the focus into the sheet when it opens', async () => {
    render(<QuartierProfile />);
    open(0);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Fermer la fiche');
    await screen.findByRole('table', { name: 'Établissements ESS du quartier' });
  });
});
