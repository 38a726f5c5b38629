/**
 * Security and privacy in real Chromium, on the production build:
 * - names, communes and establishment names from the user's files are shown as text
 *   everywhere (mapping sample, ranking, profile, comparison, map tooltip), never run;
 * - a whole session with the default basemap sends no request anywhere but the app's origin;
 * - the Content-Security-Policy is in the page, is the one vite.config.ts declares, raises no
 *   violation in normal use, and really blocks an injected handler and a foreign connection.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { closeBrowser, createDriver, MAP_CANVAS, type Driver } from './driver.ts';
import { createTempDir, writeEstablishments, writeQuartiers, type QuartierSpec } from './files.ts';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=2</script>';
const COMMUNE = '<img src=x onerror=window.__xss=3>';
const ESTABLISHMENT = (q: number, k: number) => (k === 0 ? `<img src=x onerror=window.__xss=${10 + q}>` : k === 1 ? `<script>window.__xss=${20 + q}</script>` : `Asso ${q}-${k}`);

const QUARTIERS: QuartierSpec[] = [
  { code: 'QN03190A', name: IMG, commune: '31555', communeName: COMMUNE },
  { code: 'QN03191B', name: SCRIPT, commune: '31555', communeName: COMMUNE },
  { code: 'QN03192C', name: 'Quartier « sûr » & <b>gras</b>', commune: '31069', communeName: 'Blagnac' },
];

/** Registered before any page script: what the page would do if a payload ran. */
async function watchPage(d: Driver, dialogs: string[]): Promise<void> {
  d.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await d.page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const state = (d: Driver) =>
  d.page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __violations: string[] };
    return {
      xss: w.__xss,
      violations: w.__violations,
      // Markup from data would leave elements behind even where the policy stops it running.
      injected: document.querySelectorAll('img[src="x"], b, body script:not([src])').length,
    };
  });

/** Moves the pointer over the map until the tooltip names a quartier; returns its title. */
async function hoverQuartier(d: Driver, names: string[]): Promise<string | null> {
  const box = await d.page.locator(MAP_CANVAS).boundingBox();
  if (!box) return null;
  const tooltip = d.page.locator('.map-tooltip strong');
  for (let gy = 1; gy < 12; gy++) {
    for (let gx = 1; gx < 16; gx++) {
      await d.page.mouse.move(box.x + (box.width * gx) / 16, box.y + (box.height * gy) / 12);
      if (await d.page.locator('.map-tooltip').isVisible()) {
        const title = await tooltip.innerText();
        if (names.includes(title)) return title;
      }
    }
  }
  return null;
}

describe('données hostiles et confidentialité (Chromium)', () => {
  let d: Driver;
  let origin: string;
  const dialogs: string[] = [];
  let files: { quartiers: string; establishments: string };

  beforeAll(async () => {
    const dir = createTempDir();
    files = {
      quartiers: writeQuartiers(dir, QUARTIERS, 'quartiers-hostiles.geojson'),
      establishments: writeEstablishments(dir, QUARTIERS, 6, ESTABLISHMENT, 'etablissements-hostiles.csv').file,
    };
    const base = inject('e2eBaseUrl');
    origin = new URL(base).origin;
    d = await createDriver(base);
    await watchPage(d, dialogs);
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('serves the declared Content-Security-Policy in the page', async () => {
    const csp = await d.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
  });

  it('shows hostile names from a quartiers file and a CSV as text in the mapping step', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Import' }).click();
    await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(files.quartiers);
    await p.getByText(/3 quartiers/).first().waitFor({ timeout: 60_000 });
    await p.getByLabel('Établissements', { exact: true }).setInputFiles(files.establishments);
    const dialog = p.getByRole('dialog', { name: 'Correspondance des colonnes' });
    await dialog.waitFor({ timeout: 60_000 });
    await expect.poll(() => dialog.getByText(ESTABLISHMENT(0, 0), { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Valider et charger' }).click();
    await p.getByText('Bilan du chargement').waitFor({ timeout: 60_000 });
  });

  it('shows them as text in the ranking', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Classement' }).click();
    const table = p.locator('table', { has: p.locator('caption', { hasText: 'Classement des quartiers' }) });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(3);
    for (const name of [IMG, SCRIPT, QUARTIERS[2].name]) expect(await table.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await table.getByText(COMMUNE, { exact: true }).count()).toBeGreaterThanOrEqual(1);
  });

  it('shows them as text in the profile sheet, its establishment list included', async () => {
    const p = d.page;
    await p.getByRole('button', { name: IMG, exact: true }).click();
    const sheet = p.getByRole('dialog', { name: IMG });
    await sheet.waitFor({ timeout: 30_000 });
    await expect.poll(() => sheet.getByText(ESTABLISHMENT(0, 0), { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    expect(await sheet.getByText(ESTABLISHMENT(0, 1), { exact: true }).count()).toBe(1);
    await sheet.getByRole('button', { name: 'Fermer la fiche' }).click();
  });

  it('shows them as text in the comparison, after a filter', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Filtres' }).click();
    await p.getByLabel('Association', { exact: true }).uncheck();
    await p.getByLabel('Association', { exact: true }).check();
    await p.getByRole('tab', { name: 'Classement' }).click();
    const boxes = p.getByRole('checkbox', { name: /^Comparer QN0319/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await p.getByRole('tab', { name: 'Comparaison' }).click();
    const panel = p.locator('[role="tabpanel"]:not([hidden])');
    await expect.poll(() => panel.locator('.compare-col').count(), { timeout: 30_000 }).toBe(2);
    for (const name of [IMG, SCRIPT]) expect(await panel.getByRole('button', { name, exact: true }).count()).toBe(1);
  });

  it('shows them as text in the map tooltip', async () => {
    await d.given.mapIdle();
    const title = await hoverQuartier(d, [IMG, SCRIPT]);
    expect(title === IMG || title === SCRIPT).toBe(true);
    await d.page.mouse.move(1, 1);
  });

  it('exports them as text when the Exports tab is there', async () => {
    const p = d.page;
    const tab = p.getByRole('tab', { name: /^Exports?$/ });
    if ((await tab.count()) === 0) return;
    await tab.click();
    const csv = p.locator('[role="tabpanel"]:not([hidden])').getByRole('button', { name: /CSV/ }).first();
    if ((await csv.count()) === 0) return;
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), csv.click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(IMG);
    // The image and PDF exports draw the same names: they too must raise no violation and
    // make no request (checked by the tests below).
    for (const name of ['Exporter la carte', /^Exporter (la fiche|l’atlas)$/]) {
      const button = p.locator('[role="tabpanel"]:not([hidden])').getByRole('button', { name }).first();
      if ((await button.count()) === 0 || !(await button.isEnabled())) continue;
      await Promise.all([p.waitForEvent('download', { timeout: 90_000 }), button.click()]);
    }
  });

  it('ran nothing from the data: no script, no dialog, no element made from a name', async () => {
    const s = await state(d);
    expect(s.xss).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(s.injected).toBe(0);
    expect(s.violations).toEqual([]);
  });

  it('sent no request anywhere but the app’s own origin during the whole session', () => {
    expect(d.requests.length).toBeGreaterThan(5);
    const foreign = d.requests.filter((u) => {
      const url = new URL(u);
      return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin;
    });
    expect(foreign).toEqual([]);
    expect(d.errors).toEqual([]);
  });

  it('blocks, through the policy, an inline handler and a connection to another origin', async () => {
    const blocked = await d.page.evaluate(async () => {
      const w = window as unknown as { __probe?: number; __violations: string[] };
      const box = document.createElement('div');
      // What an HTML-rendering bug would do with a name from a file.
      box.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.__probe=1" onload="window.__probe=1">';
      document.body.append(box);
      await new Promise((r) => setTimeout(r, 300));
      box.remove();
      let fetched = true;
      try {
        // Another port of the loopback address: another origin, and never a real host.
        await fetch('http://127.0.0.1:9/fuite');
      } catch {
        fetched = false;
      }
      await new Promise((r) => setTimeout(r, 100));
      return { probe: w.__probe, fetched, violations: w.__violations };
    });
    expect(blocked.probe).toBeUndefined();
    expect(blocked.fetched).toBe(false);
    expect(blocked.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(blocked.violations.some((v) => v.startsWith('connect-src'))).toBe(true);
  });
});
