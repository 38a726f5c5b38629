/**
 * Nothing lost on reload, in real Chromium with real IndexedDB: the user's files and view
 * come back after a reload and after a crash of the tab, instead of the demo; « Effacer les
 * données enregistrées » brings the demo back; a full disk is explained, not fatal.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { createTempDir, writeEstablishments, writeQuartiers } from './files.ts';

const QUARTIERS = [
  { code: 'QN03180A', name: 'Les Acacias', commune: '31555', communeName: 'Toulouse' },
  { code: 'QN03181B', name: 'Le Bois-Joli', commune: '31555', communeName: 'Toulouse' },
  { code: 'QN03182C', name: 'La Cité-Verte', commune: '31069', communeName: 'Blagnac' },
];
const CODES = QUARTIERS.map((q) => q.code).sort();

/** Codes of the ranking's rows, sorted. */
async function rankingCodes(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Classement' }).click();
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Classement des quartiers' }) });
  await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  return (await table.locator('tbody tr th').allInnerTexts()).map((t) => t.trim()).sort();
}

/** The view record as IndexedDB holds it now (null when there is none). */
const storedView = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('ess-quartiers-session');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('session')) return resolve(null);
          const get = db.transaction('session').objectStore('session').get('view');
          get.onsuccess = () => resolve((get.result as { hash?: string } | undefined)?.hash ?? null);
          get.onerror = () => resolve(null);
        };
      }),
  );

async function loadUserFiles(page: Page, files: { quartiers: string; establishments: string }): Promise<void> {
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.locator('.import-panel').getByLabel('Contours des quartiers', { exact: true }).setInputFiles(files.quartiers);
  await page.getByText(/3 quartiers/).first().waitFor({ timeout: 60_000 });
  await page.locator('.import-panel').getByLabel('Établissements', { exact: true }).setInputFiles(files.establishments);
  await page.getByRole('button', { name: 'Valider et charger' }).click();
  await page.getByText('Bilan du chargement').waitFor({ timeout: 60_000 });
}

const indicator = (page: Page) => page.getByLabel('Indicateur', { exact: true }).inputValue();

describe('session gardée au rechargement (Chromium)', () => {
  let d: Driver;
  let base: string;
  let files: { quartiers: string; establishments: string };
  let rows: number;

  beforeAll(async () => {
    const dir = createTempDir();
    const establishments = writeEstablishments(dir, QUARTIERS, 5, (q, k) => `Association ${q}-${k}`);
    rows = establishments.rows;
    files = { quartiers: writeQuartiers(dir, QUARTIERS), establishments: establishments.file };
    base = inject('e2eBaseUrl');
    d = await createDriver(base);
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('saves the user’s files and view as they are loaded and changed', async () => {
    const p = d.page;
    await loadUserFiles(p, files);
    await p.getByText('Session enregistrée dans ce navigateur').waitFor({ timeout: 30_000 });
    await d.when.selectOption('Indicateur', 'essEstablishmentShare');
    await d.when.selectOption('Méthode', 'equal');
    await p.getByRole('tab', { name: 'Classement' }).click();
    await p.getByRole('checkbox', { name: /^Comparer QN03181B/ }).check();
    await expect.poll(() => storedView(p), { timeout: 10_000 }).toMatch(/i=essEstablishmentShare.*cl=equal.*sel=QN03181B/);
  });

  it('reopens the same quartiers, indicator and selection after a reload, not the demo', async () => {
    const p = d.page;
    await p.reload({ waitUntil: 'load' });
    await p.getByText('Session restaurée').waitFor({ timeout: 60_000 });
    expect(await rankingCodes(p)).toEqual(CODES);
    expect(await indicator(p)).toBe('essEstablishmentShare');
    expect(await p.getByLabel('Méthode', { exact: true }).inputValue()).toBe('equal');
    await expect.poll(() => p.getByRole('checkbox', { name: /^Comparer QN03181B/ }).isChecked()).toBe(true);
    expect(await p.getByText(/données fictives de démonstration/i).count()).toBe(0);
    await p.getByRole('tab', { name: 'Import' }).click();
    expect((await d.then.text('.summary')).replace(/\s/g, '')).toContain(`Ligneslues${rows}`);
  });

  it('reopens the session after a crash of the tab, from the bare address', async () => {
    const context = d.page.context();
    const cdp = await context.newCDPSession(d.page);
    const crashed = d.page.waitForEvent('crash', { timeout: 30_000 });
    // The tab dies without unload events: only what was already committed can come back.
    // (The command itself never answers: its page is gone.)
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const page = await context.newPage();
    try {
      await page.goto(base, { waitUntil: 'load' });
      await page.getByText('Session restaurée').waitFor({ timeout: 60_000 });
      expect(await rankingCodes(page)).toEqual(CODES);
      expect(await indicator(page)).toBe('essEstablishmentShare');
      expect(page.url()).toContain('i=essEstablishmentShare');
    } finally {
      await page.close();
    }
  });

  it('erases the saved data on request: the next visit opens the demo', async () => {
    const page = await d.page.context().newPage();
    try {
      await page.goto(base, { waitUntil: 'load' });
      await page.getByText('Session restaurée').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Effacer les données enregistrées' }).click();
      await page.getByText('Données enregistrées effacées').waitFor();
      // The page still shows the user's data until it is reloaded.
      expect(await rankingCodes(page)).toEqual(CODES);
      await page.reload({ waitUntil: 'load' });
      await page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
      expect(await rankingCodes(page)).not.toEqual(CODES);
      expect(await page.getByText('Session restaurée').count()).toBe(0);
      expect(await storedView(page)).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('explains a full browser storage in French and keeps working', async () => {
    const other = await createDriver(base);
    try {
      await other.page.addInitScript(() => {
        IDBObjectStore.prototype.put = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await other.given.appOpened();
      await other.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
      await loadUserFiles(other.page, files);
      const alert = other.page.getByRole('alert');
      await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain('Espace de stockage du navigateur insuffisant : la session ne sera pas restaurée après rechargement');
      expect(await rankingCodes(other.page)).toEqual(CODES);
      await other.page.reload({ waitUntil: 'load' });
      await other.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
      expect(await rankingCodes(other.page)).not.toEqual(CODES);
      expect(other.errors.filter((e) => !/quota/i.test(e))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
