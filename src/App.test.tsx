// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from './state/store.ts';
import { openProfile, toggleSelection } from './state/actions.ts';
import { installTestEngine } from './ui/common/test-engine.ts';
import { loadFixtureData } from './ui/common/test-fixtures.ts';
import { App } from './App.tsx';

// MapLibre needs WebGL: the map is exercised end to end in Chromium, stubbed here at its boundary.
vi.mock('./map/MapView.tsx', () => ({ MapView: () => <div role="region" aria-label="Carte des quartiers" /> }));

beforeEach(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});
afterEach(cleanup);

describe('App', () => {
  it('lays out the header with the territory, the panels and the map', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'ESS Quartiers' })).toBeTruthy();
    expect(screen.getByText('Toulouse, Blagnac · 3 quartiers', { exact: false }).textContent).toBe('Territoire : Toulouse, Blagnac · 3 quartiers');
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['Import', 'Filtres', 'Classement', 'Comparaison', 'Exports']);
    expect(screen.getByRole('region', { name: 'Carte des quartiers' })).toBeTruthy();
    // The first step is selected on opening; the ranking is one tab away.
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('Contours des quartiers')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Classement' }));
    expect(screen.getByRole('table', { name: 'Classement des quartiers' })).toBeTruthy();
  });

  it('folds the side panel away and brings it back, its tabs kept', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Filtres' }));
    fireEvent.click(screen.getByRole('button', { name: 'Masquer le panneau' }));
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher le panneau' }));
    expect(screen.getByRole('tab', { name: 'Filtres' }).getAttribute('aria-selected')).toBe('true');
  });

  it('skips to the ranking table from the skip link', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('link', { name: 'Aller au classement' }));
    expect(screen.getByRole('tab', { name: 'Classement' }).getAttribute('aria-selected')).toBe('true');
    await new Promise((r) => requestAnimationFrame(r));
    expect(document.activeElement?.closest('.ranking')).toBeTruthy();
  });

  it('says that demo data are shown, and only then', () => {
    render(<App />);
    expect(screen.queryByText('Données fictives de démonstration')).toBeNull();
    act(() => useStore.setState({ demo: true }));
    expect(screen.getByRole('status').textContent).toBe('Données fictives de démonstration');
  });

  it('switches panels with the arrow keys, as tabs do', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Classement' }));
    const current = screen.getByRole('tab', { name: 'Classement' });
    fireEvent.keyDown(current, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Filtres' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Filtres' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Filtres' }), { key: 'Home' });
    expect(screen.getByLabelText('Contours des quartiers')).toBeTruthy();
  });

  it('opens the comparison from the ranking and the profile over the map', () => {
    render(<App />);
    act(() => {
      toggleSelection(0);
      toggleSelection(1);
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Classement' }));
    fireEvent.click(screen.getByRole('button', { name: 'Comparer' }));
    expect(screen.getByRole('tab', { name: /Comparaison/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('table', { name: 'Comparaison des quartiers sélectionnés' })).toBeTruthy();
    act(() => openProfile(2));
    expect(screen.getByRole('dialog', { name: 'Andromède' })).toBeTruthy();
  });

  it('shows errors in an alert region that can be dismissed', () => {
    render(<App />);
    act(() => useStore.setState({ error: 'Le fichier de référence est vide.' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Le fichier de référence est vide.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Fermer le message d’erreur' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
