/**
 * Zipped shapefiles, end to end in real Chromium: the 105 Occitanie quartiers as ANCT would
 * publish them (Lambert-93 .prj, 2015 field names, Windows-1252 table without .cpg) load
 * through the « Contours des quartiers » input, with their accents and in the right place;
 * a zip of points is refused in French without losing what was loaded; a zip dropped on the
 * Import panel goes to the quartier contours.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NO_DATA_COLOR } from '../../src/core/classify/palettes.ts';
import { createShapefileZip } from '../fixtures/shapefile/create-shapefile.ts';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { createQuartiersShapefile } from './occitanie.ts';

const square = (lon: number, lat: number): [number, number][] => [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.008], [lon, lat + 0.008]];

/** Two quartiers of Toulouse, as points or polygons. */
function createToulouseZip(points: boolean): Uint8Array {
  return createShapefileZip({
    layer: 'QP_TOULOUSE',
    fields: ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'],
    records: [
      { rings: [square(1.425, 43.585)], values: { CODE_QP: 'QP031012', NOM_QP: 'Cépière Beauregard', COMMUNE_QP: 'Toulouse' } },
      { rings: [square(1.45, 43.62)], values: { CODE_QP: 'QP031009', NOM_QP: 'Négreneys', COMMUNE_QP: 'Toulouse' } },
    ],
    points,
  });
}

/** Names of the ranking table's quartiers. */
async function rankedNames(d: Driver): Promise<string[]> {
  await d.page.getByRole('tab', { name: 'Classement' }).click();
  const table = d.page.locator('table', { has: d.page.locator('caption', { hasText: 'Classement des quartiers' }) });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('th, td')[1]?.textContent?.trim() ?? ''));
}

describe('shapefile zippé (Chromium)', () => {
  let d: Driver;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-e2e-shp-'));
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('loads the zipped Lambert-93 shapefile through the « Contours des quartiers » input', async () => {
    const zip = path.join(dir, 'QP_OCCITANIE_LB93.zip');
    const { names } = createQuartiersShapefile(zip);
    const p = d.page;
    await p.getByRole('tab', { name: 'Import' }).click();
    await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(zip);
    await p.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
    const status = await d.then.text('.source-loaded .source-status');
    expect(status).toMatch(/QP_OCCITANIE_LB93\.zip/);
    expect(status).toMatch(/EPSG:2154/);
    const ranked = await rankedNames(d);
    expect(ranked).toHaveLength(105);
    expect(new Set(ranked)).toEqual(new Set(names));
    expect(ranked).toEqual(expect.arrayContaining(['Cœur de Ville', 'Cépière Beauregard']));
  });

  it('places the quartiers in Occitanie: a disc for each at the regional view', async () => {
    await d.given.mapIdle();
    const scale = await d.then.text('.maplibregl-ctrl-scale');
    expect(parseInt(scale, 10)).toBeGreaterThanOrEqual(10);
    const canvas = await d.then.canvasColours();
    const grey = canvas.colours.filter((c) => c.hex === NO_DATA_COLOR).reduce((n, c) => n + c.count, 0);
    expect(grey).toBeGreaterThan(1000);
    await d.when.screenshot('shapefile-occitanie');
  });

  it('refuses a shapefile of points in French and keeps the quartiers loaded', async () => {
    const points = path.join(dir, 'points.zip');
    fs.writeFileSync(points, createToulouseZip(true));
    await d.page.getByRole('tab', { name: 'Import' }).click();
    await d.page.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(points);
    const alert = d.page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/ne contient pas de contours : « QP_TOULOUSE\.shp » \(points\)/);
    expect(await d.page.getByText(/105 quartiers/).count()).toBeGreaterThan(0);
    await d.page.getByRole('button', { name: 'Fermer le message d’erreur' }).click();
  });

  it('routes a dropped zip to the quartier contours', async () => {
    const bytes = [...createToulouseZip(false)];
    const transfer = await d.page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'QP_TOULOUSE.zip', { type: 'application/zip' }));
      return dt;
    }, bytes);
    await d.page.locator('.import-panel').dispatchEvent('drop', { dataTransfer: transfer });
    await d.page.getByText(/2 quartiers/).first().waitFor({ timeout: 30_000 });
    expect(await rankedNames(d)).toEqual(expect.arrayContaining(['Cépière Beauregard', 'Négreneys']));
    expect(d.errors).toEqual([]);
    expect(d.then.requestsLeaving('127.0.0.1')).toEqual([]);
  });
});
