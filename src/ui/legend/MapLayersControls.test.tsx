// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { setPointColorBy, useMapOptions } from '../../map/map-options.ts';
import { MapLayersControls } from './MapLayersControls.tsx';

beforeEach(() => {
  resetStore();
  setPointColorBy('family');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('MapLayersControls', () => {
  it('starts on the offline basemap and warns that online ones send requests', () => {
    render(<MapLayersControls />);
    expect((screen.getByLabelText('Aucun (hors ligne)') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/leurs serveurs .* voient la zone affichée, jamais vos fichiers/).textContent).toMatch(/tile\.openstreetmap\.org.*data\.geopf\.fr/);
  });

  it('switches the basemap', () => {
    render(<MapLayersControls />);
    fireEvent.click(screen.getByLabelText('Plan IGN'));
    expect(useStore.getState().basemap).toBe('ign');
    fireEvent.click(screen.getByLabelText('OpenStreetMap'));
    expect(useStore.getState().basemap).toBe('osm');
  });

  it('toggles the establishments and their colouring', () => {
    render(<MapLayersControls />);
    fireEvent.click(screen.getByLabelText('Couleur par secteur'));
    expect(useMapOptions.getState().pointColorBy).toBe('sector');
    fireEvent.click(screen.getByLabelText('Afficher les établissements'));
    expect(useStore.getState().showPoints).toBe(false);
    expect((screen.getByLabelText('Couleur par famille') as HTMLInputElement).disabled).toBe(true);
  });

  it('toggles the quartier vécu and commits its width once the slider settles', () => {
    vi.useFakeTimers();
    render(<MapLayersControls />);
    fireEvent.click(screen.getByLabelText('Afficher le quartier vécu'));
    expect(useStore.getState().showRing).toBe(true);
    const slider = screen.getByLabelText(/Largeur du quartier vécu/) as HTMLInputElement;
    expect([slider.min, slider.max, slider.value]).toEqual(['100', '1000', '300']);
    fireEvent.change(slider, { target: { value: '450' } });
    fireEvent.change(slider, { target: { value: '600' } });
    expect(screen.getByText(/Largeur du quartier vécu : 600 m/)).toBeTruthy();
    expect(useStore.getState().ringMetres).toBe(300);
    act(() => void vi.runAllTimers());
    expect(useStore.getState().ringMetres).toBe(600);
  });
});
