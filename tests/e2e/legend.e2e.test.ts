/**
 * Legends that describe the classes on the real Occitanie session in Chromium: the printed
 * bounds classify (typed back as manual thresholds they keep every count), a share never
 * reads « et plus », the class-count control follows manual thresholds, and a unit the
 * title says is not repeated. Screenshots of the legend go to the screenshot folder
 * (ESSQ_SCREENSHOTS overrides it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, closeBrowser, createDriver, type Driver } from './driver.ts';
import { importOccitanie } from './occitanie.ts';

const OUT = process.env.ESSQ_SCREENSHOTS ?? SCREENSHOTS;

/** The legend's classes: label and number of quartiers. */
async function legendClasses(d: Driver): Promise<{ label: string; count: number }[]> {
  return d.page.locator('.legend-class').evaluateAll((lis) =>
    lis.map((li) => ({
      label: li.querySelector('.legend-label')?.textContent?.replace(/[\u202f\u00a0]/g, ' ') ?? '',
      count: Number(li.querySelector('.legend-count')?.firstChild?.textContent?.replace(/\D/g, '') ?? NaN),
    })),
  );
}

/** The thresholds as printed, in the form a user types them (« 12,3 ; 20,5 »). */
const printed = (labels: string[]) =>
  labels
    .slice(1)
    .map((l) => l.replace(/^de /, '').split(' à ')[0].replace(/\s*%$/, ''))
    .join(' ; ');

describe('légende (Chromium, session Occitanie)', () => {
  let d: Driver;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-e2e-'));
    d = await createDriver(inject('e2eBaseUrl'), { width: 1440, height: 900 });
    await d.given.appOpened();
    await importOccitanie(d, dir);
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Jenks on a share: bounds at the displayed precision, never « et plus »', async () => {
    await d.when.selectOption('Indicateur', 'essEstablishmentShare');
    await d.when.selectOption('Méthode', 'jenks');
    await d.when.selectOption('Nombre de classes', '5');
    await expect.poll(async () => (await legendClasses(d)).length, { timeout: 30_000 }).toBe(5);
    const classes = await legendClasses(d);
    expect(classes.map((c) => c.label).join(' | ')).not.toMatch(/et plus/);
    for (const c of classes) expect(c.label).toMatch(/^((de|moins de) )?[\d ]+,\d( à (moins de )?[\d ]+,\d)? %$/);
    fs.mkdirSync(OUT, { recursive: true });
    await d.given.mapIdle();
    await d.page.locator('.legend').first().screenshot({ path: path.join(OUT, 'legend-jenks-part-etablissements.png') });
  });

  it('typing the printed bounds back as manual thresholds keeps every class count, and the class count follows them', async () => {
    const before = await legendClasses(d);
    await d.when.selectOption('Méthode', 'manual');
    const input = d.page.getByLabel('Seuils entre les classes (%)');
    await input.fill(printed(before.map((c) => c.label)));
    await input.press('Enter');
    await expect.poll(() => legendClasses(d), { timeout: 30_000 }).toEqual(before);
    const count = d.page.getByLabel('Nombre de classes', { exact: true });
    expect(await count.inputValue()).toBe(String(before.length));
    await input.fill('10 ; 20');
    await input.press('Enter');
    await expect.poll(() => count.inputValue(), { timeout: 30_000 }).toBe('3');
    await d.page.locator('.classification-controls').first().screenshot({ path: path.join(OUT, 'legend-seuils-manuels.png') });
  });

  it('does not repeat a unit the title already says', async () => {
    await d.when.selectOption('Méthode', 'quantile');
    await d.when.selectOption('Indicateur', 'densityPer1000');
    const title = d.page.locator('.legend-title').first();
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toMatch(/pour 1\s000 habitants\s*$/);
    await d.when.selectOption('Indicateur', 'essJobShare');
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toMatch(/\(%\)\s*$/);
    await d.page.locator('.legend').first().screenshot({ path: path.join(OUT, 'legend-part-emploi.png') });
    expect(d.errors).toEqual([]);
  });
});
