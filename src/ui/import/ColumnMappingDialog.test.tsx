// @vitest-environment jsdom
/**
 * The mapping step on the real shared SIRENE samples, through the real engine in-process:
 * what it says before loading, what it asks to confirm, and what the summary then says.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { createFile, createQuartiersGeojson } from '../common/test-fixtures.ts';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { shared } from '../../../tests/shared-data.ts';

const sampleFile = (name: string) => new File([fs.readFileSync(shared('sirene-format-samples', name))], name, { type: 'text/csv' });
const choose = (label: string, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

async function openMapping(name: string) {
  render(
    <>
      <ErrorBanner />
      <ImportPanel />
    </>,
  );
  choose('Contours des quartiers', createFile(createQuartiersGeojson(), 'quartiers.geojson'));
  await screen.findByText(/3 quartiers/);
  choose('Établissements', sampleFile(name));
  return screen.findByRole('dialog', { name: 'Correspondance des colonnes' });
}

const loadButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Valider et charger' });
const summaryText = async () => (await screen.findByRole('heading', { name: 'Bilan du chargement' })).closest('section')!.textContent!;

beforeEach(() => {
  // jsdom has no layout: the panel scrolls the mapping step into view when it opens.
  Element.prototype.scrollIntoView ??= () => {};
  resetStore();
  localStorage.clear();
  installTestEngine();
});
afterEach(cleanup);

describe('mapping step on the 2017 bars file (OpenDataSoft v2)', () => {
  it('leaves the headcount empty, says why the year column was left out, and the summary keeps the bracket', async () => {
    const dialog = await openMapping('sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
    expect((within(dialog).getByLabelText('Effectif salarié (exact)') as HTMLSelectElement).value).toBe('');
    expect(dialog.textContent).toMatch(/« Année de validité de l'effectif salarié de l'établissement » n’est pas proposée comme Effectif salarié \(exact\) : ses valeurs sont des années/);
    // The full column name and its values beside the bracket choice.
    expect(dialog.textContent).toContain("« Tranche d'effectif salarié de l'établissement » — exemples : 00 · 01 · NN");
    fireEvent.click(loadButton(dialog));
    const text = await summaryText();
    expect(text).toMatch(/Emplois\s*Tranches d’effectif SIRENE/);
    expect(text).not.toMatch(/effectif salarié exact/);
  });

  it('says before loading that the ESS flag is mostly empty, and the summary counts those rows and how they were decided', async () => {
    const dialog = await openMapping('sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
    expect(dialog.textContent).toMatch(/La colonne d’appartenance à l’ESS est vide dans 9\d\u202f% des lignes de l’aperçu/);
    fireEvent.click(loadButton(dialog));
    const text = (await summaryText()).replace(/\s/g, ' ');
    expect(text).toMatch(/1 630 lignes sans valeur lisible \(98,5 % des lignes placées\) : 1 164 décidées d’après la catégorie juridique \(0 ESS\), 466 sans catégorie juridique, comptées hors ESS/);
  });

  it('names the same format in the mapping step and in the summary', async () => {
    const dialog = await openMapping('sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
    expect(dialog.textContent).toContain('Format : export OpenDataSoft');
    fireEvent.click(loadButton(dialog));
    const text = await summaryText();
    expect(text).toContain('Formatexport OpenDataSoft');
    expect(text).not.toMatch(/non reconnu/);
  });
});

describe('mapping step on the national sample without an ESS column (OpenDataSoft v3)', () => {
  it('says so before loading and does not load until the user chooses', async () => {
    const dialog = await openMapping('ods_economicref-france-sirene-v3-sample.csv');
    const group = within(dialog).getByRole('group', { name: /Appartenance à l’ESS : à choisir avant de charger/ });
    expect(group.textContent).toMatch(/Aucune colonne de ce fichier ne dit quels établissements sont de l’ESS/);
    fireEvent.click(loadButton(dialog));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/choisissez comment reconnaître les établissements de l’ESS/);
    expect(useStore.getState().report).toBeNull();
  });

  it('loads as an observatory list when the user says « toutes ESS », and the summary says it plainly', async () => {
    const dialog = await openMapping('ods_economicref-france-sirene-v3-sample.csv');
    fireEvent.click(within(dialog).getByLabelText(/toutes ESS \(liste d’observatoire\)/));
    fireEvent.click(loadButton(dialog));
    const text = await summaryText();
    expect(text).toMatch(/Toutes les lignes comptées comme ESS \(liste d’observatoire\)/);
    expect(useStore.getState().report?.essBasis).toBe('ess_list');
  });

  it('reads ESS membership from the column the user picks', async () => {
    const dialog = await openMapping('ods_economicref-france-sirene-v3-sample.csv');
    fireEvent.click(within(dialog).getByLabelText(/choisir la colonne qui dit l’appartenance/));
    const select = within(dialog).getByLabelText('Appartenance à l’ESS (O/N)', { selector: '.ess-choice select' });
    fireEvent.change(select, { target: { value: '18' } });
    expect(useStore.getState().pendingMapping?.mapping.essFlag).toBe(18);
    fireEvent.click(loadButton(dialog));
    await summaryText();
    expect(useStore.getState().report?.essBasis).toBe('flag');
  });
});

describe('probable guesses that change the figures (geo-SIRENE header sample)', () => {
  it('lists each one with its values, and loads only once each is confirmed or dropped', async () => {
    const dialog = await openMapping('geo_siret_header_sample.csv');
    const box = within(dialog).getByRole('group', { name: 'À confirmer avant de charger' });
    const items = within(box).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^\s*Tranche d'effectif ← « trancheEffectifsEtablissement »aucune valeur dans l’aperçu/),
      expect.stringMatching(/^\s*Code commune INSEE ← « codeCommuneEtablissement »/),
      expect.stringMatching(/^\s*Longitude ← « longitude »/),
      expect.stringMatching(/^\s*Latitude ← « latitude »/),
    ]);
    fireEvent.click(within(dialog).getByLabelText(/toutes ESS/));
    fireEvent.click(loadButton(dialog));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/confirmez ou retirez « Tranche d'effectif », « Code commune INSEE », « Longitude », « Latitude »/);
    for (const li of items.slice(1)) fireEvent.click(within(li).getByRole('checkbox'));
    fireEvent.click(within(items[0]).getByRole('button', { name: 'Ne pas utiliser cette colonne' }));
    expect(useStore.getState().pendingMapping?.mapping.tranche).toBeUndefined();
    fireEvent.click(loadButton(dialog));
    const text = await summaryText();
    expect(text).toMatch(/Format\s*SIRENE géolocalisé/);
  });
});
