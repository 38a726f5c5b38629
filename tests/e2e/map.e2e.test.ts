/**
 * The map, end to end in real Chromium: the app opens on the demo data, draws the choropleth
 * of the default indicator with the default palette, sends no request outside 127.0.0.1 with
 * the offline basemap, and answers the pointer with a text tooltip. Then a whole region (the
 * 105 Occitanie quartiers): one disc per quartier in its class colour, clear of the panels,
 * with the establishment clusters kept for a closer zoom.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CIRCLE_COLOR, paletteColors } from '../../src/core/classify/palettes.ts';
import { INDICATORS } from '../../src/core/indicators/catalog.ts';
import { quartierFillOpacity } from '../../src/map/layers/basemaps.ts';
import { COUNT_FILL_COLOR } from '../../src/map/layers/choropleth.ts';
import { CLUSTER_OPACITY, PAPER, RING_COLOR } from '../../src/map/layers/style.ts';
import { initialState } from '../../src/state/store.ts';
import { closeBrowser, createDriver, MAP_CANVAS, type CanvasColours, type Driver } from './driver.ts';
import { importOccitanie } from './occitanie.ts';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The class colours as the canvas shows them: palette colour over the paper background at the fill opacity. */
function expectedClassColours(): string[] {
  const { palette, classes } = initialState.classification;
  const alpha = quartierFillOpacity('aucun');
  const bg = rgb(PAPER);
  return paletteColors(palette, classes).map((c) => hex(rgb(c).map((v, i) => alpha * v + (1 - alpha) * bg[i])));
}

const over = (top: string, alpha: number, under: string) => hex(rgb(top).map((v, i) => alpha * v + (1 - alpha) * rgb(under)[i]));

/** Pixels of `want` on the canvas (±3 per channel: GPU rounding). */
function pixelsOf(canvas: CanvasColours, want: string): number {
  const w = rgb(want);
  return canvas.colours.filter((c) => rgb(c.hex).every((v, i) => Math.abs(v - w[i]) <= 3)).reduce((n, c) => n + c.count, 0);
}

/** Class colours drawn on at least `minPixels` pixels. */
function classColoursPresent(canvas: CanvasColours, minPixels = 100): string[] {
  return expectedClassColours().filter((want) => pixelsOf(canvas, want) >= minPixels);
}

describe('carte (Chromium)', () => {
  let d: Driver;

  beforeAll(async () => {
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('opens on the demo data and says they are invented', async () => {
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    expect(await d.page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  });

  it('draws the choropleth classes of the default indicator', async () => {
    await expect
      .poll(async () => classColoursPresent(await d.then.canvasColours()).length, { timeout: 90_000, interval: 1_000 })
      .toBeGreaterThanOrEqual(3);
    await d.given.mapIdle();
    const canvas = await d.then.canvasColours();
    // Not a blank canvas: the paper background is only part of it.
    expect(canvas.colours.length).toBeGreaterThan(20);
    expect(canvas.colours[0].count).toBeLessThan(canvas.width * canvas.height * 0.95);
    await d.when.screenshot('carte-demo');
    await d.when.screenshot('carte-demo-zone', '.map-view');
  });

  it('shows a text tooltip with the quartier and its value on hover', async () => {
    const canvas = await d.then.canvasColours();
    const [colour] = classColoursPresent(canvas);
    const at = await d.then.interiorPixel(colour, 3);
    expect(at).not.toBeNull();
    await d.page.mouse.move(at!.x, at!.y);
    const tooltip = d.page.locator('.map-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tooltip.innerText()).toMatch(/Part ESS emploi : (\d+,\d %|s|–)/);
    expect(await tooltip.locator('strong').innerText()).not.toBe('');
  });

  it('draws counts as proportional circles over a neutral fill', async () => {
    await d.when.selectOption('Indicateur', 'jobs');
    const fill = over(COUNT_FILL_COLOR, quartierFillOpacity('aucun'), PAPER);
    const circle = over(CIRCLE_COLOR, 0.75, fill);
    await expect.poll(async () => pixelsOf(await d.then.canvasColours(), circle), { timeout: 30_000, interval: 500 }).toBeGreaterThan(100);
    expect(classColoursPresent(await d.then.canvasColours())).toEqual([]);
    expect(await d.page.locator('.legend').innerText()).toContain(INDICATORS.jobs.label);
    await d.given.mapIdle();
    await d.when.screenshot('carte-demo-cercles', '.map-view');
    await d.when.selectOption('Indicateur', 'essJobShare');
  });

  it('draws the quartier vécu band when it is turned on', async () => {
    const band = over(RING_COLOR, 0.12, PAPER);
    const before = pixelsOf(await d.then.canvasColours(), band);
    await d.when.check('Afficher le quartier vécu');
    await expect.poll(async () => pixelsOf(await d.then.canvasColours(), band), { timeout: 30_000, interval: 500 }).toBeGreaterThan(before + 200);
    await d.given.mapIdle();
    await d.when.screenshot('carte-demo-quartier-vecu', '.map-view');
    await d.when.uncheck('Afficher le quartier vécu');
  });

  it('sends no request outside 127.0.0.1 with the default basemap', () => {
    expect(d.requests.length).toBeGreaterThan(0);
    expect(d.then.requestsLeaving('127.0.0.1')).toEqual([]);
  });

  it('asks OpenStreetMap or IGN for tiles only once chosen, and credits them', async () => {
    // Answer tile requests here: the test must not depend on the network.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await d.page.route(/^https:\/\/(tile\.openstreetmap\.org|data\.geopf\.fr)\//, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
    await d.when.check('OpenStreetMap');
    await expect.poll(() => d.then.requestsLeaving('127.0.0.1').filter((u) => u.startsWith('https://tile.openstreetmap.org/')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => d.page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('OpenStreetMap');
    await d.when.check('Plan IGN');
    await expect.poll(() => d.then.requestsLeaving('127.0.0.1').filter((u) => u.includes('LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => d.page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('IGN');
    await d.when.check('Aucun (hors ligne)');
    const leaving = d.then.requestsLeaving('127.0.0.1').length;
    await d.page.mouse.wheel(0, -300);
    await d.given.mapIdle();
    expect(d.then.requestsLeaving('127.0.0.1')).toHaveLength(leaving);
  });

  it('raises no MapLibre error', () => {
    expect(d.errors.filter((e) => /maplibre|style|layer|source|webgl/i.test(e))).toEqual([]);
  });
});

/** Pixels of the canvas left of `x` (CSS pixels from the canvas's left edge) within ±3 of one of `colours`. */
function pixelsLeftOf(d: Driver, x: number, colours: string[]): Promise<number> {
  return d.page.evaluate(
    ({ selector, x, colours }) => {
      const gl = document.querySelector<HTMLCanvasElement>(selector)!;
      const copy = document.createElement('canvas');
      copy.width = gl.width;
      copy.height = gl.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(gl, 0, 0);
      const columns = Math.min(gl.width, Math.round(x * (gl.width / gl.getBoundingClientRect().width)));
      if (columns <= 0) return 0;
      const { data } = ctx.getImageData(0, 0, columns, gl.height);
      const wanted = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (wanted.some((w) => Math.abs(data[i] - w[0]) <= 3 && Math.abs(data[i + 1] - w[1]) <= 3 && Math.abs(data[i + 2] - w[2]) <= 3)) n++;
      }
      return n;
    },
    { selector: MAP_CANVAS, x, colours },
  );
}

describe('carte régionale : les 105 quartiers d’Occitanie (Chromium)', () => {
  let d: Driver;
  const { palette, classes } = initialState.classification;
  // The discs are opaque: their pixels are the palette colours themselves.
  const discColours = paletteColors(palette, classes);
  const clusterFill = over('#ffffff', CLUSTER_OPACITY, PAPER);

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-e2e-region-'));
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    await importOccitanie(d, dir);
    await d.given.mapIdle();
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('fits the whole region at a regional scale, clear of the panels over the map', async () => {
    const scale = await d.then.text('.maplibregl-ctrl-scale');
    expect(scale).toMatch(/^\d+\s*km$/);
    expect(parseInt(scale, 10)).toBeGreaterThanOrEqual(10);
    const overlayRight = await d.page.evaluate(
      (selector) => document.querySelector('.map-overlay')!.getBoundingClientRect().right - document.querySelector(selector)!.getBoundingClientRect().left,
      MAP_CANVAS,
    );
    expect(overlayRight).toBeGreaterThan(200);
    expect(await pixelsLeftOf(d, overlayRight, discColours)).toBe(0);
  });

  it('draws one disc per quartier in its class colour', async () => {
    const canvas = await d.then.canvasColours();
    const drawn = discColours.filter((c) => pixelsOf(canvas, c) >= 60);
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    await d.when.screenshot('carte-occitanie');
    await d.when.screenshot('carte-occitanie-zone', '.map-view');
  });

  it('keeps the establishment clusters for a closer zoom, and says so', async () => {
    expect(pixelsOf(await d.then.canvasColours(), clusterFill)).toBeLessThan(30);
    await expect.poll(() => d.then.text('.legend')).toMatch(/un disque par quartier/);
    expect(await d.then.text('.legend')).toMatch(/Affichés en zoomant sur une agglomération/);
  });

  it('answers a disc like its polygon: tooltip on hover, profile on click', async () => {
    const canvas = await d.then.canvasColours();
    const colour = discColours.find((c) => pixelsOf(canvas, c) >= 60)!;
    const at = await d.then.interiorPixel(colour, 3);
    expect(at).not.toBeNull();
    await d.page.mouse.move(at!.x, at!.y);
    const tooltip = d.page.locator('.map-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tooltip.innerText()).toMatch(/Part ESS emploi : \d+,\d %/);
    const name = await tooltip.locator('strong').innerText();
    await d.page.mouse.click(at!.x, at!.y);
    const sheet = d.page.locator('.profile-sheet');
    await sheet.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await sheet.locator('h2').innerText()).toBe(name);
    await d.page.getByRole('button', { name: 'Fermer la fiche' }).click();
  });

  it('keeps the proportional circles of a count at regional scale', async () => {
    await d.when.selectOption('Indicateur', 'jobs');
    await expect.poll(async () => pixelsOf(await d.then.canvasColours(), over(CIRCLE_COLOR, 0.75, PAPER)), { timeout: 30_000, interval: 500 }).toBeGreaterThan(500);
    await d.given.mapIdle();
    await d.when.screenshot('carte-occitanie-cercles', '.map-view');
    await d.when.selectOption('Indicateur', 'essJobShare');
  });

  it('folds the legend away under its title', async () => {
    const summary = d.page.locator('.legend summary');
    await summary.click();
    expect(await d.page.locator('.legend-class').first().isVisible()).toBe(false);
    await d.when.screenshot('carte-occitanie-legende-repliee', '.map-area');
    await summary.click();
    expect(await d.page.locator('.legend-class').first().isVisible()).toBe(true);
    expect(d.errors).toEqual([]);
  });
});
