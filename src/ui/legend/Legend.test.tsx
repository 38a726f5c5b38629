// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { initialState, resetStore, useStore, type AppState } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { setPointColorBy } from '../../map/map-options.ts';
import { Legend } from './Legend.tsx';

/** The fixture data, loaded once through the real engine, replayed into a fresh store per test. */
let loaded: Partial<AppState> = {};
beforeAll(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
  const s = useStore.getState();
  loaded = { quartiers: s.quartiers, results: s.results, pointsId: s.pointsId, report: s.report };
});

beforeEach(() => {
  resetStore();
  setPointColorBy('family');
  useStore.setState({ ...loaded, classification: { ...initialState.classification, method: 'equal', classes: 3 } });
});
afterEach(cleanup);

const legend = () => screen.getByRole('region', { name: /Part de l’ESS|Emplois|Établissements/ });

describe('Legend', () => {
  it('titles the indicator with its unit and states the method', () => {
    render(<Legend />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Part de l’ESS dans l’emploi (%)');
    expect(screen.getByText(/Intervalles égaux, \d classes?/)).toBeTruthy();
  });

  it('lists the classes with French bounds and their number of quartiers', () => {
    render(<Legend />);
    const classes = within(legend()).getAllByRole('listitem').filter((li) => li.classList.contains('legend-class'));
    expect(classes.length).toBeGreaterThanOrEqual(1);
    // A last class holding a single value reads as that value (« 20,5 % »).
    for (const li of classes) expect(li.textContent).toMatch(/^((de|moins de)\s.*)?\d+,\d\s%\s\d+\squartiers?$/);
  });

  it('shows the secret entry when a cell is masked', () => {
    useStore.setState({ indicator: 'jobs' });
    render(<Legend />);
    const secret = useStore.getState().results!.quartiers.filter((q) => q.secret.jobs).length;
    expect(secret).toBeGreaterThan(0);
    expect(screen.getByText(/^s : secret statistique/).parentElement?.textContent).toContain(`secret statistique ${secret} quartier`);
  });

  it('shows circle sizes for counts instead of classes', () => {
    useStore.setState({ indicator: 'establishments' });
    const { container } = render(<Legend />);
    expect(container.querySelector('.legend-circles svg circle')).toBeTruthy();
    expect(container.querySelector('.legend-class')).toBeNull();
    expect(screen.queryByText(/Intervalles égaux/)).toBeNull();
  });

  it('shows the no-data entry when a quartier has no denominator', () => {
    useStore.setState({ indicator: 'densityPer1000', results: { ...loaded.results!, quartiers: loaded.results!.quartiers.map((q, i) => (i === 0 ? { ...q, densityPer1000: null } : q)) } });
    render(<Legend />);
    expect(screen.getByText(/Donnée non disponible/).parentElement?.textContent).toBe('Donnée non disponible 1 quartier');
  });

  it('names the quartiers outside the commune filter « hors filtre », not « donnée non disponible »', () => {
    useStore.setState({ results: { ...loaded.results!, quartiers: loaded.results!.quartiers.map((q, i) => (i === 0 ? { ...q, outsideFilter: true } : q)) } });
    render(<Legend />);
    expect(screen.getByText(/Hors filtre/).parentElement?.textContent).toBe('Hors filtre (autres communes) 1 quartier');
    expect(screen.queryByText(/Donnée non disponible/)).toBeNull();
  });

  it('lists the establishment colours by family or sector when points are shown', () => {
    render(<Legend />);
    expect(screen.getByRole('heading', { name: 'Établissements ESS, par famille' })).toBeTruthy();
    expect(screen.getByText('Coopérative')).toBeTruthy();
    cleanup();
    setPointColorBy('sector');
    render(<Legend />);
    expect(screen.getByText('Action sociale')).toBeTruthy();
  });

  it('shows the quartier vécu width when the band is drawn', () => {
    useStore.setState({ showRing: true, ringMetres: 500 });
    render(<Legend />);
    expect(screen.getByText(/Quartier vécu \(500 m autour du quartier\)/)).toBeTruthy();
  });

  it('folds under its title, open by default', () => {
    const { container } = render(<Legend />);
    const details = container.querySelector('details');
    expect(details?.open).toBe(true);
    expect(details?.querySelector('summary')?.textContent).toBe('Part de l’ESS dans l’emploi (%)');
  });

  it('explains the discs and the waiting establishments at regional scale', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...loaded.quartiers![0], index: i }));
    useStore.setState({ quartiers: many, mapPosition: { center: [2.5, 43.8], zoom: 7 } });
    render(<Legend />);
    expect(screen.getByText(/un disque par quartier, à la couleur de sa classe/)).toBeTruthy();
    expect(screen.getByText(/Affichés en zoomant sur une agglomération/)).toBeTruthy();
    cleanup();
    useStore.setState({ mapPosition: { center: [1.44, 43.6], zoom: 13 } });
    render(<Legend />);
    expect(screen.queryByText(/un disque par quartier/)).toBeNull();
    expect(screen.queryByText(/Affichés en zoomant/)).toBeNull();
  });

  it('renders nothing before quartiers are loaded', () => {
    resetStore();
    const { container } = render(<Legend />);
    expect(container.innerHTML).toBe('');
  });
});
