// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { FIELDS, FIELD_LABELS } from '../../core/ingest/column-mapping.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { createEstablishmentsCsv, createFile, createQuartiersGeojson, createReferenceCsv } from '../common/test-fixtures.ts';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { ImportPanel } from './ImportPanel.tsx';

function renderPanel() {
  return render(
    <>
      <ErrorBanner />
      <ImportPanel />
    </>,
  );
}

const choose = (label: string, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

async function loadQuartiers() {
  choose('Contours des quartiers', createFile(createQuartiersGeojson(), 'quartiers.geojson'));
  await screen.findByText(/3 quartiers/);
}

async function loadEstablishmentsThroughMapping() {
  choose('Établissements', createFile(createEstablishmentsCsv(), 'etablissements.csv'));
  const dialog = await screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Valider et charger' }));
  return screen.findByRole('heading', { name: 'Bilan du chargement' });
}

beforeEach(() => {
  resetStore();
  localStorage.clear();
  installTestEngine();
});
afterEach(cleanup);

describe('ImportPanel', () => {
  it('offers the file inputs under their exact names', () => {
    renderPanel();
    for (const name of ['Contours des quartiers', 'Établissements', 'Données de référence', 'Contours des communes']) {
      const input = screen.getByLabelText(name, { exact: true });
      expect(input).toHaveProperty('type', 'file');
    }
    expect(screen.getByLabelText('Contours des quartiers').getAttribute('accept')).toContain('.geojson');
    // ANCT publishes the 2015 contours as zipped shapefiles only.
    expect(screen.getByLabelText('Contours des quartiers').getAttribute('accept')).toContain('.zip');
  });

  it('loads the quartiers and says how many were read', async () => {
    renderPanel();
    await loadQuartiers();
    expect(useStore.getState().quartiers.map((q) => q.code)).toEqual(['QN03101A', 'QN03102B', 'QN03103C']);
    expect(screen.getByText('quartiers.geojson')).toBeTruthy();
  });

  it('shows the detected column mapping with one select per field and a sample', async () => {
    renderPanel();
    await loadQuartiers();
    choose('Établissements', createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    const dialog = await screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
    for (const f of FIELDS) expect(within(dialog).getByLabelText(FIELD_LABELS[f])).toBeTruthy();
    const lon = within(dialog).getByLabelText<HTMLSelectElement>('Longitude');
    expect(lon.selectedOptions[0].textContent).toBe('longitude');
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Effectif salarié (exact)').selectedOptions[0].textContent).toBe('— aucune —');
    expect(within(dialog).getByText(/Confiance de la détection automatique/)).toBeTruthy();
    const sample = within(dialog).getByRole('table', { name: /Aperçu des 8 premières lignes/ });
    expect(within(sample).getAllByRole('row')).toHaveLength(9);
    expect(within(sample).getByText('Asso Izards 1')).toBeTruthy();
  });

  it('lets the user correct the mapping, and refuses a mapping without coordinates in French', async () => {
    renderPanel();
    await loadQuartiers();
    choose('Établissements', createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    const dialog = await screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
    fireEvent.change(within(dialog).getByLabelText('Longitude'), { target: { value: '' } });
    expect(within(dialog).getByText(/Aucune colonne de coordonnées n’est choisie/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Valider et charger' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Choisissez les colonnes de coordonnées/);
    expect(useStore.getState().report).toBeNull();
  });

  it('closes the mapping step on « Annuler » without loading anything', async () => {
    renderPanel();
    await loadQuartiers();
    choose('Établissements', createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    const dialog = await screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().report).toBeNull();
  });

  it('accounts for every row after loading: inside, outside, rejected by reason', async () => {
    renderPanel();
    await loadQuartiers();
    await loadEstablishmentsThroughMapping();
    const table = screen.getByRole('table', { name: /Décompte des lignes/ });
    const value = (label: string) => within(table).getByRole('rowheader', { name: label }).nextElementSibling?.textContent;
    expect(value('Lignes lues')).toBe('49');
    expect(value('Dans un quartier')).toBe('29');
    expect(value('Hors des quartiers')).toBe('17');
    expect(value('Rejetées')).toBe('3');
    expect(value('dont coordonnées absentes')).toBe('1');
    expect(value('dont établissement fermé')).toBe('1');
    expect(value('dont SIRET en double')).toBe('1');
    expect(screen.getByText(/Catégorie juridique \(associations/)).toBeTruthy();
  });

  it('downloads the rejected rows as a CSV that gives each reason', async () => {
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:rejets'));
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderPanel();
    await loadQuartiers();
    await loadEstablishmentsThroughMapping();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger les lignes rejetées' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(clicks).toEqual(['lignes-rejetees-etablissements.csv']);
    const text = await blobs[0].text();
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?Ligne;Motif du rejet;siret;/);
    for (const reason of ['coordonnées absentes', 'établissement fermé', 'SIRET en double']) expect(text).toContain(reason);
    click.mockRestore();
  });

  it('shows the load progress with phase, megabytes and rows, and cancels it', () => {
    useStore.setState({
      loading: {
        what: 'etablissements',
        fileName: 'stock.csv',
        progress: { phase: 'jointure', bytesRead: 5_000_000, bytesTotal: 10_000_000, rowsParsed: 12_345, rowsJoined: 0 },
      },
    });
    renderPanel();
    const bar = screen.getByRole('progressbar', { name: /Chargement des établissements — « stock.csv »/ });
    expect(bar.getAttribute('value')).toBe('5000000');
    expect(bar.getAttribute('max')).toBe('10000000');
    expect(screen.getByText(/Jointure spatiale · 5 Mo sur 10 Mo · 12\s345 lignes lues/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(useStore.getState().loading).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in French what is wrong with an unreadable boundary file, and lets the user dismiss it', async () => {
    renderPanel();
    choose('Contours des quartiers', createFile('{"type": "FeatureCollection", "features": [', 'cassé.geojson'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/JSON/);
    expect(alert.textContent).toMatch(/cassé\.geojson/);
    fireEvent.click(within(alert).getByRole('button', { name: /Fermer/ }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the quartiers first when establishments come before them', async () => {
    renderPanel();
    choose('Établissements', createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    const dialog = await screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Valider et charger' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Chargez d’abord les contours des quartiers/);
  });

  it('sorts dropped files by kind and loads them in order', async () => {
    const { container } = renderPanel();
    const files = [
      createFile(createReferenceCsv(), 'reference.csv'),
      createFile(createQuartiersGeojson(), 'qp.geojson'),
      createFile('x', 'notes.pdf'),
    ];
    fireEvent.drop(container.querySelector('.import-panel')!, { dataTransfer: { files } });
    await waitFor(() => expect(useStore.getState().referenceInfo?.matched).toBe(3));
    expect(useStore.getState().quartiers).toHaveLength(3);
    expect(screen.getByRole('alert').textContent).toMatch(/« notes\.pdf »/);
  });

  it('reports how many reference codes match the quartiers', async () => {
    renderPanel();
    await loadQuartiers();
    choose('Données de référence', createFile(createReferenceCsv(), 'reference.csv'));
    expect(await screen.findByText(/3 codes reconnus sur 3/)).toBeTruthy();
  });

  it('shows the reference file’s warnings in French under its row, and the values left out line by line', async () => {
    renderPanel();
    await loadQuartiers();
    const csv = ['code_qp;pop_mun;nbetab', 'QN03101A;-5;120', 'QN03102B;3100;80', 'QN09999Z;2500;60'].join('\r\n') + '\r\n';
    choose('Données de référence', createFile(csv, 'reference.csv'));
    const list = await screen.findByRole('list', { name: 'Avertissements sur les données de référence' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Fichier de référence, ligne 2 (QN03101A : « -5 ») : « pop_mun » est négatif ; valeur non utilisée (ni part, ni densité pour ce quartier).',
      'Fichier de référence : le code QN09999Z ne correspond à aucun quartier chargé ; sa ligne n’est pas utilisée.',
    ]);
    expect(screen.getByText(/2 codes reconnus sur 3/)).toBeTruthy();
    const detail = screen.getByRole('table', { name: 'Valeurs du fichier de référence non utilisées' });
    const cells = within(detail).getAllByRole('row')[1].querySelectorAll('td');
    expect([...cells].map((c) => c.textContent)).toEqual(['2', 'QN03101A', 'pop_mun', '-5', '« pop_mun » est négatif']);
  });

  it('shows no reference warnings for a clean reference file', async () => {
    renderPanel();
    await loadQuartiers();
    choose('Données de référence', createFile(createReferenceCsv(), 'reference.csv'));
    await screen.findByText(/3 codes reconnus sur 3/);
    expect(screen.queryByRole('list', { name: 'Avertissements sur les données de référence' })).toBeNull();
  });
});
