/**
 * Rows typed latitude first, end to end in real Chromium (real worker, real file): the load
 * summary offers to swap them, the click reloads the same file with them swapped and placed
 * in their quartier, and the summary says so. A screenshot of the offer at 1440×900 goes to
 * the screenshot folder for review.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { createTempDir, writeEstablishments, writeQuartiers, type QuartierSpec } from './files.ts';

const QUARTIERS: QuartierSpec[] = [
  { code: 'QN03101A', name: 'Les Izards', commune: '31555', communeName: 'Toulouse' },
  { code: 'QN03102B', name: 'Bagatelle', commune: '31555', communeName: 'Toulouse' },
  { code: 'QN03103C', name: 'Andromède', commune: '31069', communeName: 'Blagnac' },
];
const PER_QUARTIER = 12;

/** The establishments file with the rows of the first quartier written latitude first. */
function writeSwapped(dir: string): string {
  const { file } = writeEstablishments(dir, QUARTIERS, PER_QUARTIER, (q, k) => `Structure ${q}-${k}`, 'etablissements-inversees.csv');
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const swapped = rows.map((line, i) => {
    if (i >= PER_QUARTIER) return line;
    const cells = line.split(';');
    const [lon, lat] = cells.splice(-2);
    return [...cells, lat, lon].join(';');
  });
  fs.writeFileSync(file, [header, ...swapped].join('\n') + '\n');
  return file;
}

describe('lignes à latitude et longitude inversées (Chromium)', () => {
  let d: Driver;
  let files: { quartiers: string; establishments: string };

  const count = async (label: string) => {
    const table = d.page.getByRole('table', { name: /Décompte des lignes/ });
    return table.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td').innerText();
  };

  beforeAll(async () => {
    const dir = createTempDir();
    files = { quartiers: writeQuartiers(dir, QUARTIERS), establishments: writeSwapped(dir) };
    d = await createDriver(inject('e2eBaseUrl'), { width: 1440, height: 900 });
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('offers to swap the rows that land in France swapped', async () => {
    const p = d.page;
    await p.getByRole('tab', { name: 'Import' }).click();
    await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(files.quartiers);
    await p.getByText(/3 quartiers/).first().waitFor({ timeout: 60_000 });
    await p.getByLabel('Établissements', { exact: true }).setInputFiles(files.establishments);
    const dialog = p.getByRole('dialog', { name: 'Correspondance des colonnes' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Valider et charger' }).click();
    await p.getByText('Bilan du chargement').waitFor({ timeout: 60_000 });
    expect(await count('Dans un quartier')).toBe('24');
    expect(await count('dont hors de France')).toBe('12');
    await p.getByText(/12 lignes rejetées « hors de France » sur 12 tomberaient en France/).waitFor();
    const offer = p.getByRole('button', { name: 'Permuter latitude et longitude pour ces 12 lignes' });
    await offer.scrollIntoViewIfNeeded();
    await d.when.screenshot('import-permutation-offre');
  });

  it('reloads the same file with them swapped, places them in their quartier, and says so', async () => {
    const p = d.page;
    await p.getByRole('button', { name: 'Permuter latitude et longitude pour ces 12 lignes' }).click();
    await p.getByRole('status').filter({ hasText: 'Latitude et longitude permutées pour 12 lignes' }).waitFor({ timeout: 60_000 });
    expect(await count('Dans un quartier')).toBe('36');
    expect(await count('Rejetées')).toBe('0');
    expect(await p.getByRole('button', { name: /Permuter latitude et longitude/ }).count()).toBe(0);
    await p.getByText(/12 lignes dont latitude et longitude étaient inversées .* ont été permutées et placées/).waitFor();
    await d.when.screenshot('import-permutation-faite');
    expect(d.errors).toEqual([]);
  });
});
