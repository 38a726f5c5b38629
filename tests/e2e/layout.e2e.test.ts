/**
 * The map is the centre of the work, measured in real Chromium at a common laptop size
 * (1440×900) and a small one (1280×720): the map canvas takes at least 60 % of the window's
 * width, the legend covers at most a quarter of the map, the five tabs stay on one line, the
 * panel folds away and keeps its width across tabs, file buttons speak French in an English
 * browser, and the guided import stays on Import until the establishments are loaded, with the
 * column-mapping step in view. Screenshots of each main view are written for review.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, createDriver, MAP_CANVAS, type Driver } from './driver.ts';
import { createTempDir, writeEstablishments, writeQuartiers, type QuartierSpec } from './files.ts';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

const QUARTIERS: QuartierSpec[] = Array.from({ length: 6 }, (_, i) => ({
  code: `QN03100${i}M`,
  name: `Quartier d’essai numéro ${i + 1}`,
  commune: '31555',
  communeName: 'Toulouse',
}));

interface Layout {
  mapWidthShare: number;
  legendShare: number;
  cardsShare: number;
  tabRows: number;
  horizontalScroll: boolean;
  selectedTab: string;
}

/** Shares of the window and of the map, measured from the boxes on screen. */
const measure = (page: Page): Promise<Layout> =>
  page.evaluate((canvasSelector) => {
    const area = (r: DOMRect) => r.width * r.height;
    const canvas = document.querySelector(canvasSelector)!.getBoundingClientRect();
    const legend = document.querySelector('[aria-label="Légende de la carte"]')!.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.map-overlay > *')].map((c) => c.getBoundingClientRect());
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top));
    return {
      mapWidthShare: canvas.width / window.innerWidth,
      legendShare: area(legend) / area(canvas),
      cardsShare: cards.reduce((sum, r) => sum + area(r), 0) / area(canvas),
      tabRows: new Set(tabs).size,
      horizontalScroll: document.documentElement.scrollWidth > window.innerWidth,
      selectedTab: document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '',
    };
  }, MAP_CANVAS);

const panelWidth = (page: Page) => page.locator('.side-panel').evaluate((el) => el.getBoundingClientRect().width);

describe.each(SIZES)('map-first layout at $width×$height (Chromium)', (size) => {
  let d: Driver;

  beforeAll(async () => {
    d = await createDriver(inject('e2eBaseUrl'), size);
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    await d.given.mapIdle();
  });

  afterAll(async () => {
    await d?.close();
  });

  it('opens on Import with the map over 60 % of the width and a legend under a quarter of the map', async () => {
    const m = await measure(d.page);
    console.log(`${size.width}×${size.height}: map ${(100 * m.mapWidthShare).toFixed(1)} % of the width, legend ${(100 * m.legendShare).toFixed(1)} % of the map, cards ${(100 * m.cardsShare).toFixed(1)} %`);
    expect(m.selectedTab).toBe('Import');
    expect(m.mapWidthShare).toBeGreaterThanOrEqual(0.6);
    expect(m.legendShare).toBeLessThanOrEqual(0.25);
    expect(m.tabRows).toBe(1);
    expect(m.horizontalScroll).toBe(false);
    await d.when.screenshot(`layout-import-${size.width}`);
  });

  it('opens each control card in full, no card covering more than a quarter of the map', async () => {
    for (const summary of ['Indicateur et classes', 'Fond de carte et couches']) {
      await d.page.locator('.map-overlay summary', { hasText: summary }).click();
      const shares = await d.page.evaluate((canvasSelector) => {
        const c = document.querySelector(canvasSelector)!.getBoundingClientRect();
        return [...document.querySelectorAll('.map-overlay > *')].map((e) => {
          const r = e.getBoundingClientRect();
          return (r.width * r.height) / (c.width * c.height);
        });
      }, MAP_CANVAS);
      for (const share of shares) expect(share, summary).toBeLessThanOrEqual(0.25);
      // With the legend beside it, the overlay still leaves most of the map in view.
      expect(shares.reduce((a, b) => a + b, 0), summary).toBeLessThanOrEqual(0.3);
      // The card shows all its controls: nothing scrolls inside it.
      const scrolls = await d.page.locator('.map-overlay > details[open]').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      expect(scrolls, summary).toBe(false);
      await d.when.screenshot(`layout-card-${summary.split(' ')[0].toLowerCase()}-${size.width}`);
    }
    // Opening one control card closed the other.
    expect(await d.page.locator('.map-overlay > details[open]').count()).toBe(1);
    await d.page.locator('.map-overlay > details[open] > summary').click();
  });

  it('keeps one panel width across tabs, with each view on screen for review', async () => {
    const width = await panelWidth(d.page);
    for (const tab of ['Filtres', 'Classement', 'Comparaison', 'Exports', 'Import']) {
      await d.page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      expect(await panelWidth(d.page), tab).toBe(width);
      const m = await measure(d.page);
      expect(m.tabRows, tab).toBe(1);
      expect(m.horizontalScroll, tab).toBe(false);
      await d.when.screenshot(`layout-${tab.toLowerCase()}-${size.width}`);
    }
  });

  it('widens the panel for the ranking, the map keeping at least 40 % of the width', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Classement' }).click();
    const table = p.locator('.ranking .table-scroll');
    const narrow = await table.evaluate((el) => el.clientWidth);
    await p.getByRole('button', { name: 'Élargir le panneau' }).click();
    await expect.poll(async () => (await measure(p)).mapWidthShare).toBeLessThan(0.6);
    const m = await measure(p);
    expect(m.mapWidthShare).toBeGreaterThanOrEqual(0.4);
    expect(m.horizontalScroll).toBe(false);
    // The table gains the room the panel gained: several more columns side by side.
    expect(await table.evaluate((el) => el.clientWidth)).toBeGreaterThan(narrow + 300);
    await d.when.screenshot(`layout-classement-large-${size.width}`);
    await p.getByRole('button', { name: 'Rétrécir le panneau' }).click();
    await p.getByRole('tab', { name: 'Import' }).click();
  });

  it('folds the panel away for a full-width map, and resizes it from the keyboard', async () => {
    const p = d.page;
    await p.getByRole('button', { name: 'Masquer le panneau' }).click();
    // MapLibre follows its container's size on the next frame.
    await expect.poll(async () => (await measure(p)).mapWidthShare).toBeGreaterThan(0.97);
    await d.when.screenshot(`layout-panel-folded-${size.width}`);
    await p.getByRole('button', { name: 'Afficher le panneau' }).click();
    const before = await panelWidth(p);
    await p.getByRole('separator', { name: /Largeur du panneau/ }).focus();
    await p.keyboard.press('ArrowRight');
    expect(await panelWidth(p)).toBe(before + 32);
    await p.keyboard.press('Enter');
    expect(await panelWidth(p)).toBe(before);
  });
});

describe('guided import (Chromium)', () => {
  let d: Driver;
  let dir: string;

  beforeAll(async () => {
    dir = createTempDir();
    d = await createDriver(inject('e2eBaseUrl'), SIZES[0]);
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('stays on Import after the quartiers alone, then shows the mapping step in view and one next step', async () => {
    const p = d.page;
    const quartiers = writeQuartiers(dir, QUARTIERS);
    const establishments = writeEstablishments(dir, QUARTIERS, 4, (q, k) => `Association ${q}-${k}`);
    await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(quartiers);
    await p.getByText(/6 quartiers/).first().waitFor({ timeout: 60_000 });
    await d.given.mapIdle();
    expect((await measure(p)).selectedTab).toBe('Import');
    // The establishments' row says no file was chosen, in French, and the next step says what is missing.
    const establishmentsRow = p.locator('.source', { has: p.getByLabel('Établissements', { exact: true }) });
    expect(await establishmentsRow.locator('.file-picker').innerText()).toBe('Choisir un fichier\nAucun fichier choisi');
    // The native button, whose words follow the browser's language, is never what the user sees.
    expect(await establishmentsRow.locator('input[type="file"]').evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await p.getByRole('button', { name: 'Continuer sans établissements' }).waitFor();
    await d.when.screenshot('guided-quartiers-only');

    await p.getByLabel('Établissements', { exact: true }).setInputFiles(establishments.file);
    const validate = p.getByRole('button', { name: 'Valider et charger' });
    await validate.waitFor({ timeout: 60_000 });
    // The step that needs an answer is scrolled into the panel's view.
    const inView = await p.locator('.mapping').evaluate((el) => {
      const panel = el.closest('.tabpanel')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return box.top >= panel.top - 1 && box.top < panel.bottom - 100;
    });
    expect(inView).toBe(true);
    expect((await measure(p)).selectedTab).toBe('Import');
    await d.when.screenshot('guided-mapping');

    await validate.click();
    await p.getByText('Bilan du chargement').waitFor({ timeout: 60_000 });
    expect((await measure(p)).selectedTab).toBe('Import');
    await p.getByRole('button', { name: 'Voir le classement des quartiers' }).click();
    expect((await measure(p)).selectedTab).toBe('Classement');
  });
});
