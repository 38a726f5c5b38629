// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { ExportPanel } from './ExportPanel.tsx';

/** The Blobs handed to the browser for download (jsdom has no object URLs). */
let saved: Blob[] = [];
beforeEach(() => {
  resetStore();
  installTestEngine();
  saved = [];
  const createObjectURL = (b: Blob) => {
    saved.push(b);
    return 'blob:essai';
  };
  vi.stubGlobal('URL', Object.assign(Object.create(URL), URL, { createObjectURL, revokeObjectURL: () => undefined }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExportPanel', () => {
  it('asks for quartiers first and keeps every export disabled', () => {
    render(<ExportPanel />);
    expect(screen.getByText(/Chargez les contours des quartiers pour exporter/)).toBeTruthy();
    for (const name of ['Exporter la carte', 'Classement (CSV)', 'Comparaison (CSV)', 'Quartiers et indicateurs (GeoJSON)']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('proposes a title and a subtitle from the indicator and the territory, and keeps the user’s own', async () => {
    await loadFixtureData();
    render(<ExportPanel />);
    const title = screen.getByLabelText('Titre') as HTMLInputElement;
    expect(title.value).toBe('Part de l’ESS dans l’emploi dans les quartiers prioritaires');
    expect((screen.getByLabelText('Sous-titre') as HTMLInputElement).value).toBe('Toulouse, Blagnac · 3 quartiers');
    fireEvent.change(title, { target: { value: 'L’ESS dans nos quartiers' } });
    useStore.setState({ indicator: 'jobs' });
    expect((screen.getByLabelText('Titre') as HTMLInputElement).value).toBe('L’ESS dans nos quartiers');
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre le titre proposé' }));
    expect((screen.getByLabelText('Titre') as HTMLInputElement).value).toBe('Emplois de l’ESS (estimation) dans les quartiers prioritaires');
  });

  it('offers the sheets of the open quartier, the selection or all quartiers', async () => {
    await loadFixtureData();
    useStore.setState({ selection: [0, 1] });
    render(<ExportPanel />);
    expect(screen.getByRole('radio', { name: /fiche ouverte \(aucune\)/ })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: /Quartiers sélectionnés pour la comparaison \(2 quartiers\)/ }));
    expect(screen.getByRole('button', { name: 'Exporter l’atlas' })).toHaveProperty('disabled', false);
  });

  it('downloads the ranking as a CSV and says so', async () => {
    await loadFixtureData();
    render(<ExportPanel />);
    fireEvent.click(screen.getByLabelText(/Virgule décimale/));
    fireEvent.click(screen.getByRole('button', { name: 'Classement (CSV)' }));
    expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toMatch(/Classement exporté : classement-quartiers-\d{4}-\d\d-\d\d\.csv\./);
    expect(saved).toHaveLength(1);
    const bytes = new Uint8Array(await saved[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Blob.text() decodes as UTF-8 and drops the BOM.
    const text = await saved[0].text();
    expect(text.startsWith('Rang;Code quartier')).toBe(true);
    expect(text).toMatch(/\d\.\d/);
  });
});
