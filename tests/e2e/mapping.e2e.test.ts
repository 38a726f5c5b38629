/**
 * The mapping step and the load summary for every shared SIRENE sample file, end to end in
 * real Chromium (real worker, real files): what the mapping proposes, what it asks before
 * loading, and what the summary then says. Screenshots of both steps go to the screenshot
 * folder (ESSQ_SCREENSHOTS overrides it) for review at 1440×900 and 1280×720.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, closeBrowser, createDriver, type Driver } from './driver.ts';
import { shared } from '../shared-data.ts';

const OUT = process.env.ESSQ_SCREENSHOTS ?? SCREENSHOTS;
const sample = (name: string) => shared('sirene-format-samples', name);

/**
 * Screenshots of the whole window while the panel scrolls through `selector`: the panel
 * clips what lies outside it, so one element shot would be blank below the fold.
 */
async function shoot(page: Page, name: string, selector: string) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  for (let part = 1; part <= 6; part++) {
    await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), part === 1 ? selector : 'body:not(*)');
    await page.screenshot({ path: path.join(OUT, `${name}-${part}.png`) });
    const more = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      let box = el?.parentElement ?? null;
      while (box && !(box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== 'visible')) box = box.parentElement;
      if (!el || !box) return false;
      if (el.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 1) return false;
      box.scrollBy(0, box.clientHeight - 60);
      return true;
    }, selector);
    if (!more) break;
  }
}

async function openMapping(d: Driver, file: string) {
  await d.page.getByLabel('Établissements', { exact: true }).setInputFiles(sample(file));
  const dialog = d.page.getByRole('dialog', { name: 'Correspondance des colonnes' });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByText(`« ${file} »`).waitFor();
  return dialog;
}

async function loadAndReadSummary(d: Driver, name: string) {
  await d.page.getByRole('button', { name: 'Valider et charger' }).click();
  const summary = d.page.locator('.summary');
  await expect.poll(() => summary.textContent(), { timeout: 120_000 }).toMatch(/Bilan du chargement/);
  await shoot(d.page, `${name}-bilan`, '.summary');
  return (await summary.innerText()).replace(/\s+/g, ' ');
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`étape de correspondance sur les fichiers SIRENE partagés (Chromium ${viewport.width}×${viewport.height})`, () => {
    let d: Driver;
    const tag = (name: string) => `mapping-${viewport.width}-${name}`;

    beforeAll(async () => {
      d = await createDriver(inject('e2eBaseUrl'), viewport);
      await d.given.appOpened();
      await d.page.getByRole('tab', { name: 'Import' }).click();
      await d.page.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.geojson'));
      await d.page.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
    });

    afterAll(async () => {
      await d?.close();
      await closeBrowser();
    });

    it('bars 2017 (OpenDataSoft v2): no year as headcount, the bracket kept, blank ESS flags counted, one format named', async () => {
      const dialog = await openMapping(d, 'sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
      expect(await dialog.getByLabel('Effectif salarié (exact)', { exact: true }).inputValue()).toBe('');
      const text = (await dialog.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Format : export OpenDataSoft');
      expect(text).toMatch(/« Année de validité de l'effectif salarié de l'établissement » n’est pas proposée comme Effectif salarié \(exact\) : ses valeurs sont des années/);
      expect(text).toMatch(/La colonne d’appartenance à l’ESS est vide dans 9\d % des lignes/);
      await shoot(d.page, tag('bars-2017-correspondance'), '.mapping');
      const summary = await loadAndReadSummary(d, tag('bars-2017'));
      expect(summary).toMatch(/Emplois Tranches d’effectif SIRENE/);
      expect(summary).toMatch(/1 630 lignes sans valeur lisible/);
      expect(summary).toMatch(/Format export OpenDataSoft/);
      expect(summary).not.toMatch(/non reconnu/);
    });

    it('national sample without an ESS column (OpenDataSoft v3): asks before loading, then says « toutes ESS » plainly', async () => {
      const dialog = await openMapping(d, 'ods_economicref-france-sirene-v3-sample.csv');
      await dialog.getByRole('group', { name: /Appartenance à l’ESS : à choisir avant de charger/ }).waitFor();
      await shoot(d.page, tag('ods-v3-correspondance'), '.mapping');
      await d.page.getByRole('button', { name: 'Valider et charger' }).click();
      await dialog.getByRole('alert').getByText(/choisissez comment reconnaître les établissements de l’ESS/).waitFor();
      await dialog.getByLabel(/toutes ESS \(liste d’observatoire\)/).check();
      const summary = await loadAndReadSummary(d, tag('ods-v3'));
      expect(summary).toMatch(/Toutes les lignes comptées comme ESS \(liste d’observatoire\)/);
      expect(summary).toMatch(/Format export OpenDataSoft/);
    });

    it('geo-SIRENE header sample: the probable columns are confirmed one by one, the NAP codes left out', async () => {
      const dialog = await openMapping(d, 'geo_siret_header_sample.csv');
      const box = dialog.getByRole('group', { name: 'À confirmer avant de charger' });
      expect(await box.getByRole('listitem').count()).toBe(4);
      expect(await dialog.innerText()).toMatch(/« activitePrincipaleEtablissement » n’est pas proposée comme Code NAF/);
      await shoot(d.page, tag('geo-siret-correspondance'), '.mapping');
      await dialog.getByLabel(/toutes ESS \(liste d’observatoire\)/).check();
      for (const cb of await box.getByRole('checkbox').all()) await cb.check();
      const summary = await loadAndReadSummary(d, tag('geo-siret'));
      expect(summary).toMatch(/Format SIRENE géolocalisé/);
      expect(summary).toMatch(/dont établissement fermé 3|fermé/);
    });

    for (const file of ['stock_unite_legale_header_sample.csv', 'unites_legales_ess_flag_numerique.csv']) {
      it(`${file} (legal units, no address): says no coordinate column and loads nothing`, async () => {
        const dialog = await openMapping(d, file);
        const text = await dialog.innerText();
        expect(text).toContain('Format : stock SIRENE de l’INSEE');
        expect(text).toMatch(/Aucune colonne de coordonnées n’est choisie/);
        await shoot(d.page, tag(`${file.replace(/\.csv$/, '')}-correspondance`), '.mapping');
        await d.page.getByRole('button', { name: 'Annuler' }).click();
      });
    }

    it('left no page error', () => {
      expect(d.errors).toEqual([]);
    });
  });
}
