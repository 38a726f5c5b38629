/**
 * The built app as a CRESS or an EPCI would host it, in real Chromium: served from a sub-path
 * of another server, installable (valid manifest, no installability error), reopened with the
 * network cut (Playwright's offline mode) and still loading a file, and, with the offline
 * basemap, refusing any request to another origin through its service worker.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { createTempDir, writeQuartiers } from './files.ts';

const SUB_PATH = '/intranet/outils/ess-quartiers/';

/** A server that serves the e2e build under {@link SUB_PATH} only, as an intranet's web server would. */
async function subPathServer(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end();
      return;
    }
    void fetch(new URL(path.slice(SUB_PATH.length), target)).then(async (r) => {
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Waits until the service worker controls the page (it claims the page on its first install). */
const controlled = (page: Page) =>
  expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 }).toBe('activated');

/** What the page gets when it fetches `url`: the service worker's refusal, a response, or a network error. */
const tryFetch = (page: Page, url: string) =>
  page.evaluate(
    (u) =>
      fetch(u).then(
        (r) => (r.headers.get('x-essq-refus') ? 'refusé' : `réponse ${r.status}`),
        () => 'erreur réseau',
      ),
    url,
  );

describe('installable app served from a sub-path, offline (Chromium)', () => {
  let d: Driver;
  let server: Awaited<ReturnType<typeof subPathServer>>;

  beforeAll(async () => {
    server = await subPathServer(inject('e2eBaseUrl'));
    // A profile on disk, as a user's browser: Chromium never offers to install from incognito.
    d = await createDriver(server.url, { width: 1440, height: 900 }, { persistent: true });
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    await d.given.mapIdle();
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
    await server?.close();
  });

  it('runs from a sub-path: every file it asked for came from under it', () => {
    const own = d.requests.filter((u) => u.startsWith('http://127.0.0.1'));
    expect(own.length).toBeGreaterThan(5);
    expect(own.filter((u) => !new URL(u).pathname.startsWith(SUB_PATH))).toEqual([]);
    expect(d.errors).toEqual([]);
  });

  it('is installable: a valid manifest, in French, whose icons are served at their sizes', async () => {
    const cdp = await d.page.context().newCDPSession(d.page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
    const data = JSON.parse(manifest.data ?? '{}') as { name: string; lang: string; display: string; start_url: string; icons: { src: string; sizes: string }[] };
    expect(data).toMatchObject({ short_name: 'ESS Quartiers', lang: 'fr', display: 'standalone', start_url: './', scope: './' });
    for (const icon of data.icons) {
      const png = await (await d.page.request.get(new URL(icon.src, manifest.url).href)).body();
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    await controlled(d.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  });

  it('refuses other origins with the offline basemap, and lets only the chosen online one through', async () => {
    await controlled(d.page);
    const osm = 'https://tile.openstreetmap.org/5/16/11.png';
    const ign = 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities';
    expect(await tryFetch(d.page, osm)).toBe('refusé');
    expect(await tryFetch(d.page, ign)).toBe('refusé');
    // A host the Content-Security-Policy does not list is blocked before it reaches the worker.
    expect(await tryFetch(d.page, 'https://example.org/')).toBe('erreur réseau');
    await d.when.check('OpenStreetMap');
    // Let through to the network (which this machine does not reach): not refused any more.
    expect(await tryFetch(d.page, osm)).not.toBe('refusé');
    expect(await tryFetch(d.page, ign)).toBe('refusé');
    await d.when.check('Aucun (hors ligne)');
    expect(await tryFetch(d.page, osm)).toBe('refusé');
  });

  it('reopens with the network cut and loads a file', async () => {
    const p = d.page;
    await controlled(p);
    // The refusals the test above provoked were logged as console errors: start afresh.
    d.errors.length = 0;
    const quartiers = writeQuartiers(createTempDir(), [
      { code: 'QN03101M', name: 'Hors-Ligne-Nord', commune: '31555', communeName: 'Toulouse' },
      { code: 'QN03102M', name: 'Hors-Ligne-Sud', commune: '31555', communeName: 'Toulouse' },
    ]);
    await p.context().setOffline(true);
    try {
      await p.reload({ waitUntil: 'load' });
      await p.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
      await p.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
      await d.given.mapIdle();
      await p.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(quartiers);
      await p.getByText(/2 quartiers/).first().waitFor({ timeout: 60_000 });
      await d.given.mapIdle();
      expect(await d.then.text('.territory')).toContain('Toulouse');
      await d.when.screenshot('pwa-hors-ligne');
    } finally {
      await p.context().setOffline(false);
    }
    expect(d.errors).toEqual([]);
  });
});
