/**
 * The map, end to end in real Chromium: the app opens on the demo data, draws the choropleth
 * of the default indicator with the default palette, sends no request outside 127.0.0.1 with
 * the offline basemap, and answers the pointer with a text tooltip.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CIRCLE_COLOR, paletteColors } from '../../src/core/classify/palettes.ts';
import { INDICATORS } from '../../src/core/indicators/catalog.ts';
import { quartierFillOpacity } from '../../src/map/layers/basemaps.ts';
import { COUNT_FILL_COLOR } from '../../src/map/layers/choropleth.ts';
import { PAPER, RING_COLOR } from '../../src/map/layers/style.ts';
import { initialState } from '../../src/state/store.ts';
import { closeBrowser, createDriver, type CanvasColours, type Driver } from './driver.ts';

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
