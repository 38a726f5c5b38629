/**
 * A user's whole session, end to end in real Chromium: import the Occitanie quartiers, their
 * INSEE reference table and a generated establishments CSV through the labelled inputs,
 * confirm the column mapping, rank the 105 quartiers, change indicator and classification,
 * filter a family, and compare two quartiers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { shared } from '../shared-data.ts';
import { createEstablishmentsCsv } from './occitanie.ts';

/** Values of one column of the ranking table, keyed by quartier code. */
async function column(d: Driver, header: string): Promise<Map<string, string>> {
  const entries = await d.page.evaluate((h) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.includes('Classement des quartiers'));
    if (!table) throw new Error('table introuvable');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const col = heads.findIndex((t) => t.startsWith(h));
    if (col < 0) throw new Error(`colonne ${h} introuvable parmi ${heads.join(' | ')}`);
    return [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = tr.querySelectorAll('th, td');
      return [cells[0].textContent?.trim() ?? '', cells[col]?.textContent?.trim() ?? ''] as [string, string];
    });
  }, header);
  return new Map(entries);
}

describe('session d’import (Chromium)', () => {
  let d: Driver;
  let dir: string;
  let rows: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-e2e-'));
    rows = createEstablishmentsCsv(path.join(dir, 'etablissements-occitanie.csv'));
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('imports the quartiers, the reference table and the establishments through the labelled inputs', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Import' }).click();
    await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.geojson'));
    await p.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
    // The demo's establishments, reference and communes go with the demo quartiers.
    await expect.poll(() => p.getByText(/demo-(communes|etablissements|reference)/).count()).toBe(0);
    await p.getByLabel('Données de référence', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.csv'));
    await p.getByLabel('Établissements', { exact: true }).setInputFiles(path.join(dir, 'etablissements-occitanie.csv'));
    await p.getByRole('button', { name: 'Valider et charger' }).waitFor({ timeout: 60_000 });
    await d.when.screenshot('import-correspondance');
    await p.getByRole('button', { name: 'Valider et charger' }).click();
    await p.getByText('Bilan du chargement').waitFor({ timeout: 120_000 });
    const summary = await d.then.text('.summary');
    expect(summary.replace(/\s/g, '')).toContain(`Ligneslues${rows}`);
    expect(summary).toMatch(/coordonnées absentes/i);
    await d.when.screenshot('import-bilan');
    // The demo notice goes once the user's own quartiers are loaded.
    expect(await p.getByText(/données fictives de démonstration/i).count()).toBe(0);
  });

  it('ranks the 105 quartiers with their code first', async () => {
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    const table = d.page.locator('table', { has: d.page.locator('caption', { hasText: 'Classement des quartiers' }) });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(105);
    const first = await table.locator('tbody tr').first().locator('th, td').first().innerText();
    expect(first).toMatch(/^QP\d{6}$/);
    await d.given.mapIdle();
    await d.when.screenshot('import-classement');
  });

  it('changes the indicator and the classification, and the map follows', async () => {
    const before = await d.then.canvasColours();
    await d.when.selectOption('Indicateur', 'essEstablishmentShare');
    await d.when.selectOption('Méthode', 'jenks');
    await d.when.selectOption('Nombre de classes', '4');
    await d.given.mapIdle();
    const legend = await d.then.text('.legend');
    expect(legend).toMatch(/Part de l’ESS dans les établissements/);
    expect(legend).toMatch(/4 classes/);
    const after = await d.then.canvasColours();
    expect(after.colours.slice(0, 30)).not.toEqual(before.colours.slice(0, 30));
    await d.when.screenshot('import-jenks');
  });

  it('filters a family and the values change without a new load', async () => {
    const before = await column(d, 'Étab. ESS employeurs');
    await d.page.getByRole('tab', { name: 'Filtres' }).click();
    await d.page.getByLabel('Association', { exact: true }).uncheck();
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    await expect.poll(async () => {
      const after = await column(d, 'Étab. ESS employeurs');
      return [...after].filter(([code, v]) => v !== before.get(code)).length;
    }, { timeout: 30_000 }).toBeGreaterThan(50);
    await d.page.getByRole('tab', { name: 'Filtres' }).click();
    await d.page.getByRole('button', { name: 'Réinitialiser' }).click();
  });

  it('compares two quartiers side by side', async () => {
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    const boxes = d.page.getByRole('checkbox', { name: /^Comparer QP/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await d.page.getByRole('tab', { name: 'Comparaison' }).click();
    await expect.poll(() => d.page.locator('.compare-col').count(), { timeout: 30_000 }).toBe(2);
    const text = await d.then.text('.compare-panel, [role="tabpanel"]:not([hidden])');
    expect(text).toMatch(/pts/);
    await d.when.screenshot('import-comparaison');
    expect(d.errors).toEqual([]);
    expect(d.then.requestsLeaving('127.0.0.1')).toEqual([]);
  });
});
